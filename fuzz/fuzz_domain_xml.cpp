// A domain's XML as libvirt returns it (a remote libvirtd is as trusted as its host).
#include "fuzzsupport.h"

#include "host/libvirtconnection.h"

using namespace cowherd;

COWHERD_FUZZ_INIT

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)host::parseDomainXml(fuzz::bytes(data, size));
    return 0;
}
