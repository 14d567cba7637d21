// Glance answers: a page of GET /v2/images, and one image of GET /v2/images/ID.
#include "fuzzsupport.h"

#include "source/glanceclient.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace cowherd;

COWHERD_FUZZ_INIT

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    QString next;
    if (auto page = source::parseGlanceImagePage(input, &next)) {
        for (const source::GlanceImage &image : *page)
            (void)image.toJson();
    }
    const QJsonDocument document = QJsonDocument::fromJson(input);
    if (document.isObject()) {
        if (auto image = source::parseGlanceImage(document.object()))
            (void)image->toJson();
    }
    return 0;
}
