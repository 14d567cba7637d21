// A VMDK descriptor: the text parser alone, and a descriptor file through the inspector.
#include "fuzzsupport.h"

#include "image/bytesource.h"
#include "image/imageinfo.h"
#include "image/probe.h"

using namespace cowherd;

COWHERD_FUZZ_INIT

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    image::ImageInfo info;
    image::detail::applyVmdkDescriptor(input, info);

    // As a descriptor file: the inspector recognises it by its leading comment.
    const QByteArray file = "# Disk DescriptorFile\n" + input;
    image::PrefixByteSource source(file, file.size());
    (void)image::inspect(source);
    return 0;
}
