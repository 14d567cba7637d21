// image::inspect over a buffer, both as a whole file and as the prefix a scan sends, followed by
// the safety policy: the inspector must never crash, read out of bounds or allocate what a
// header claims.
#include "fuzzsupport.h"

#include "image/bytesource.h"
#include "image/imageinfo.h"
#include "image/safetypolicy.h"

using namespace cowherd;

COWHERD_FUZZ_INIT

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);

    image::PrefixByteSource whole(input, input.size());
    const image::ImageInfo info = image::inspect(whole);
    (void)image::checkSafety(info);

    // The same bytes as the head of a larger file (what a remote scan returns): the size claim
    // comes from the last byte so the fuzzer can steer it, up to far beyond the prefix.
    if (!input.isEmpty()) {
        const qint64 claimed = input.size() + (qint64(quint8(input.back())) << 24);
        image::PrefixByteSource prefix(input, claimed);
        const image::ImageInfo partial = image::inspect(prefix);
        image::SafetyPolicy lenient;
        lenient.allowIncompleteHeader = true;
        (void)image::checkSafety(partial, lenient);
    }
    return 0;
}
