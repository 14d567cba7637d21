// `qemu-img info --output=json` as a host (possibly compromised) prints it.
#include "fuzzsupport.h"

#include "image/qemuimg.h"

using namespace cowherd;

COWHERD_FUZZ_INIT

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    (void)image::parseQemuImgInfo(input, QStringLiteral("/fuzz/disk"), QStringLiteral("fuzzhost"));
    image::ConvertProgressParser progress;
    (void)progress.feed(input);
    return 0;
}
