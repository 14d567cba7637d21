// Keystone's POST /v3/auth/tokens body: the image endpoint taken from its catalog.
#include "fuzzsupport.h"

#include "source/cloudsession.h"

#include <QString>

using namespace cowherd;

COWHERD_FUZZ_INIT

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    (void)source::imageEndpointFromCatalog(input, QStringLiteral("public"), QString());
    (void)source::imageEndpointFromCatalog(input, QStringLiteral("internal"), QStringLiteral("RegionOne"));
    return 0;
}
