// _base/.cowherd/<name>.json: written by Cowherd, but read back from a host that may share
// its storage with others.
#include "fuzzsupport.h"

#include "cache/basemetadata.h"

#include <QJsonDocument>

using namespace cowherd;

COWHERD_FUZZ_INIT

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QJsonDocument document = QJsonDocument::fromJson(fuzz::bytes(data, size));
    if (document.isObject())
        (void)cache::BaseMetadata::fromJson(document.object()).toJson();
    return 0;
}
