#include "source/glanceclient.h"

#include "source/cloudsession.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace cowherd::source {

namespace {

// A size Glance sent; -1 when absent, not a number, negative or beyond 2^62 (converting such a
// double to an integer is undefined behaviour).
qint64 sizeOf(const QJsonValue &value)
{
    if (!value.isDouble())
        return -1;
    const double d = value.toDouble();
    if (!(d >= 0 && d <= double(qint64(1) << 62)))
        return -1;
    return qint64(d);
}

QString apiError(const HttpResponse &response)
{
    // Glance answers errors as text or as {"message": …}; keep it short.
    QString text = QString::fromUtf8(response.body.left(300)).simplified();
    if (const QJsonObject o = QJsonDocument::fromJson(response.body).object(); !o.isEmpty())
        text = o.value(u"message"_s).toString(text);
    return text;
}

} // namespace

QJsonObject GlanceImage::toJson() const
{
    return {{u"id"_s, id}, {u"name"_s, name}, {u"status"_s, status}, {u"disk_format"_s, diskFormat},
        {u"container_format"_s, containerFormat}, {u"visibility"_s, visibility},
        {u"size"_s, size < 0 ? QJsonValue() : QJsonValue(size)},
        {u"virtual_size"_s, virtualSize < 0 ? QJsonValue() : QJsonValue(virtualSize)}, {u"os_hash_algo"_s, osHashAlgo},
        {u"os_hash_value"_s, osHashValue}, {u"checksum"_s, checksum}};
}

bool isGlanceImageId(const QString &id)
{
    static const QRegularExpression safeId(u"^[A-Za-z0-9._-]{1,255}$"_s);
    return safeId.match(id).hasMatch() && id != u"." && id != u"..";
}

Result<GlanceImage> parseGlanceImage(const QJsonObject &o)
{
    GlanceImage image;
    image.id = o.value(u"id"_s).toString();
    if (image.id.isEmpty())
        return fail(Error::Kind::Corrupt, u"Glance described an image without an id."_s);
    // The id goes into the download URL's path and names the base file: a server that sends
    // "../x", "a/b", "?q" or control characters is not describing a Glance image.
    if (!isGlanceImageId(image.id))
        return fail(Error::Kind::Corrupt,
            u"Glance described an image whose id is not a Glance image id (letters, digits, '.', '_' "
            "and '-' only; not shown, it may hold control characters); refusing it."_s);
    image.name = o.value(u"name"_s).toString();
    image.status = o.value(u"status"_s).toString();
    image.diskFormat = o.value(u"disk_format"_s).toString();
    image.containerFormat = o.value(u"container_format"_s).toString();
    image.visibility = o.value(u"visibility"_s).toString();
    image.size = sizeOf(o.value(u"size"_s));
    image.virtualSize = sizeOf(o.value(u"virtual_size"_s));
    image.osHashAlgo = o.value(u"os_hash_algo"_s).toString();
    image.osHashValue = o.value(u"os_hash_value"_s).toString();
    image.checksum = o.value(u"checksum"_s).toString();
    return image;
}

Result<QList<GlanceImage>> parseGlanceImagePage(const QByteArray &json, QString *nextMarker)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return fail(Error::Kind::Corrupt, u"Glance's image list is not JSON: %1."_s.arg(error.errorString()));
    const QJsonValue images = document.object().value(u"images"_s);
    if (!images.isArray())
        return fail(Error::Kind::Corrupt, u"Glance's image list has no \"images\" array."_s);
    QList<GlanceImage> result;
    for (const QJsonValue &value : images.toArray()) {
        auto image = parseGlanceImage(value.toObject());
        if (!image)
            return std::unexpected(image.error());
        result.append(*image);
    }
    if (nextMarker) {
        nextMarker->clear();
        const QString next = document.object().value(u"next"_s).toString();
        if (!next.isEmpty()) {
            const QUrlQuery query(QUrl(next).query());
            *nextMarker = query.hasQueryItem(u"marker"_s) ? query.queryItemValue(u"marker"_s)
                                                          : (result.isEmpty() ? QString() : result.last().id);
        }
    }
    return result;
}

GlanceClient::GlanceClient(std::shared_ptr<CloudSession> session)
    : m_session(std::move(session))
{ }

Result<QList<GlanceImage>> GlanceClient::listImages(int pageSize)
{
    QList<GlanceImage> all;
    QString marker;
    for (int page = 0; page < 10000; ++page) {
        QUrlQuery query;
        query.addQueryItem(u"limit"_s, QString::number(pageSize));
        if (!marker.isEmpty())
            query.addQueryItem(u"marker"_s, marker);
        auto response = m_session->sendToImage("GET", u"/v2/images?"_s + query.toString(QUrl::FullyEncoded));
        if (!response)
            return std::unexpected(response.error());
        if (response->status != 200)
            return fail(kindOfHttpStatus(response->status),
                u"Glance of cloud %1 answered HTTP %2 to the image list: %3"_s.arg(m_session->cloud().name)
                    .arg(response->status)
                    .arg(apiError(*response)));
        QString next;
        auto images = parseGlanceImagePage(response->body, &next);
        if (!images)
            return std::unexpected(images.error());
        all += *images;
        if (next.isEmpty() || images->isEmpty() || next == marker)
            return all;
        marker = next;
    }
    return all;
}

Result<GlanceImage> GlanceClient::image(const QString &id)
{
    if (!isGlanceImageId(id))
        return fail(u"\"%1\" is not a Glance image id."_s.arg(id));
    auto response = m_session->sendToImage("GET", u"/v2/images/"_s + id);
    if (!response)
        return std::unexpected(response.error());
    if (response->status == 404)
        return fail(Error::Kind::NotFound,
            u"Glance of cloud %1 has no image %2 (or it is not visible to this project)."_s.arg(
                m_session->cloud().name, id));
    if (response->status != 200)
        return fail(kindOfHttpStatus(response->status),
            u"Glance of cloud %1 answered HTTP %2 for image %3: %4"_s.arg(m_session->cloud().name)
                .arg(response->status)
                .arg(id, apiError(*response)));
    auto image = parseGlanceImage(QJsonDocument::fromJson(response->body).object());
    // The answer names the base file: it must be the image that was asked for.
    if (image && image->id != id)
        return fail(Error::Kind::Corrupt,
            u"Glance of cloud %1 answered a request for image %2 with image %3; refusing it."_s.arg(
                m_session->cloud().name, id, image->id));
    return image;
}

} // namespace cowherd::source

namespace cowherd::source {

Result<GlanceImage> GlanceClient::findImage(const QString &idOrName)
{
    static const QRegularExpression uuid(
        u"^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$"_s);
    if (uuid.match(idOrName).hasMatch())
        return image(idOrName);
    QUrlQuery query;
    query.addQueryItem(u"name"_s, idOrName);
    auto response = m_session->sendToImage("GET", u"/v2/images?"_s + query.toString(QUrl::FullyEncoded));
    if (!response)
        return std::unexpected(response.error());
    if (response->status != 200)
        return fail(kindOfHttpStatus(response->status),
            u"Glance of cloud %1 answered HTTP %2 to a search for image %3: %4"_s.arg(m_session->cloud().name)
                .arg(response->status)
                .arg(idOrName, apiError(*response)));
    auto images = parseGlanceImagePage(response->body, nullptr);
    if (!images)
        return std::unexpected(images.error());
    if (images->isEmpty())
        return fail(Error::Kind::NotFound,
            u"Glance of cloud %1 has no image with the id or name %2."_s.arg(m_session->cloud().name, idOrName));
    if (images->size() > 1) {
        QStringList ids;
        for (const GlanceImage &i : *images)
            ids.append(i.id + u" ("_s + i.status + u')');
        return fail(u"Several images of cloud %1 are called %2: %3; give the id."_s.arg(
            m_session->cloud().name, idOrName, ids.join(u", "_s)));
    }
    return images->first();
}

} // namespace cowherd::source
