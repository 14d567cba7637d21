// An OVA's .ovf descriptor (XML from the archive).
#include "fuzzsupport.h"

#include "source/ovf.h"

using namespace cowherd;

COWHERD_FUZZ_INIT

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)source::parseOvf(fuzz::bytes(data, size));
    return 0;
}
