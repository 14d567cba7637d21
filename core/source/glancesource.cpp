#include "source/glancesource.h"

#include "host/digest.h"
#include "source/cloudsession.h"
#include "source/httpsource.h"

using namespace Qt::StringLiterals;

namespace cowherd::source {

GlanceSource::GlanceSource(std::shared_ptr<CloudSession> session, QString imageId)
    : m_session(std::move(session))
    , m_imageId(std::move(imageId))
{ }

GlanceSource::~GlanceSource() = default;

QString GlanceSource::displayName() const
{
    QString text = u"Glance image %1"_s.arg(m_imageId);
    if (!m_image.name.isEmpty())
        text += u" (%1)"_s.arg(m_image.name);
    return text + u" of cloud "_s + m_session->cloud().name;
}

Result<SourceDescription> GlanceSource::open(const OpenOptions &options)
{
    GlanceClient client(m_session);
    auto image = client.findImage(m_imageId);
    if (!image)
        return std::unexpected(image.error());
    m_image = *image;
    m_imageId = m_image.id;
    if (m_image.status != u"active")
        return std::unexpected(Error::refused(
            u"%1 is %2, not active; only active images can be fetched."_s.arg(displayName(), m_image.status)));

    HttpSourceOptions http;
    http.displayName = displayName();
    http.imageId = m_image.id;
    http.declaredFormat = m_image.diskFormat;
    if (!m_image.osHashAlgo.isEmpty() && !m_image.osHashValue.isEmpty() && host::Digest::fromName(m_image.osHashAlgo))
        http.digests.append({m_image.osHashAlgo, m_image.osHashValue.toLatin1(), u"Glance's os_hash_value"_s});
    else if (!m_image.checksum.isEmpty())
        http.digests.append({u"md5"_s, m_image.checksum.toLatin1(), u"Glance's checksum"_s});
    auto headers = m_session->authHeaders();
    if (!headers)
        return std::unexpected(headers.error());
    http.headers = *headers;
    auto endpoint = m_session->imageEndpoint();
    if (!endpoint)
        return std::unexpected(endpoint.error());
    const QUrl url(endpoint->toString() + u"/v2/images/"_s + m_image.id + u"/file"_s);
    m_download = std::make_unique<HttpSource>(m_session->network(), url, http);
    auto description = m_download->open(options);
    if (!description)
        return std::unexpected(description.error());
    description->imageId = m_image.id;
    description->location = u"glance://%1/%2"_s.arg(m_session->cloud().name, m_image.id);
    if (description->size < 0)
        description->size = m_image.size;
    return description;
}

Result<QByteArray> GlanceSource::read(qint64 maxBytes)
{
    if (!m_download)
        return fail(u"%1 is not open."_s.arg(displayName()));
    return m_download->read(maxBytes);
}

Status GlanceSource::finish()
{
    return m_download ? m_download->finish() : Status();
}

Result<std::unique_ptr<ImageSource>> glanceSourceFor(const QString &imageId, const SourceOptions &options)
{
    if (imageId.isEmpty())
        return fail(u"glance: needs an image id (glance:IMAGE_ID)."_s);
    auto session = openCloudSession(options.cloud, options.caFile, options.cloudsYaml, options.idleTimeoutMs);
    if (!session)
        return std::unexpected(session.error());
    return std::make_unique<GlanceSource>(*session, imageId);
}

} // namespace cowherd::source
