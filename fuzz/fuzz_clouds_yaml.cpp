// clouds.yaml and secure.yaml (separated by "\n---8<---\n" in the input), for the cloud "fuzz".
#include "fuzzsupport.h"

#include "source/cloudconfig.h"

#include <QString>

using namespace cowherd;

COWHERD_FUZZ_INIT

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto [clouds, secure] = fuzz::splitTwo(fuzz::bytes(data, size));
    (void)source::parseCloudsYaml(clouds, secure, QStringLiteral("fuzz"), QStringLiteral("clouds.yaml"));
    return 0;
}
