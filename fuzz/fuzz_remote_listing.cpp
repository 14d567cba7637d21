// The output of the remote scan's shell script (and of the probe script) from a host that may be
// compromised: NUL-separated records, hex or base64 headers, an end marker.
#include "fuzzsupport.h"

#include "host/remotelisting.h"

using namespace cowherd;

COWHERD_FUZZ_INIT

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    host::ListOptions options;
    options.baseHeadBytes = 4096;
    options.diskHeadBytes = 1024;
    (void)host::parseCacheListing(
        input, QStringLiteral("/var/lib/cowherd/instances"), options, QStringLiteral("fuzzhost"));
    const QStringList paths{QStringLiteral("/var/lib/cowherd/instances/_base/a"), QStringLiteral("/x/disk")};
    (void)host::parseProbe(input, paths, 4096, QStringLiteral("fuzzhost"));
    return 0;
}
