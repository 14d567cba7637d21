#pragma once

#include "error.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <memory>

namespace cowherd::source {

class CloudSession;

// An image as Glance's image API v2 shows it.
struct GlanceImage
{
    QString id;
    QString name;
    QString status; // queued, saving, active, killed, deleted, deactivated, importing, …
    QString diskFormat;
    QString containerFormat;
    QString visibility;
    qint64 size = -1; // -1 when Glance has no data yet
    qint64 virtualSize = -1;
    QString osHashAlgo;
    QString osHashValue;
    QString checksum; // md5, from older images

    QJsonObject toJson() const;
};

// Letters, digits, '.', '_', '-' (not "." or ".."), at most 255: safe in a URL path and a log.
bool isGlanceImageId(const QString &id);
Result<GlanceImage> parseGlanceImage(const QJsonObject &object);
// One page of GET /v2/images; nextMarker is set when Glance says there is another page.
Result<QList<GlanceImage>> parseGlanceImagePage(const QByteArray &json, QString *nextMarker);

// The image API v2 of one cloud: list (paged), show. Downloads go through GlanceSource.
class GlanceClient
{
public:
    explicit GlanceClient(std::shared_ptr<CloudSession> session);

    std::shared_ptr<CloudSession> session() const { return m_session; }
    Result<QList<GlanceImage>> listImages(int pageSize = 200);
    Result<GlanceImage> image(const QString &id);
    // An id, or else a name that exactly one image visible to the project has.
    Result<GlanceImage> findImage(const QString &idOrName);

private:
    std::shared_ptr<CloudSession> m_session;
};

} // namespace cowherd::source
