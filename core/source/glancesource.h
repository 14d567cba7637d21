#pragma once

#include "source/glanceclient.h"
#include "source/imagesource.h"
#include "source/sourceoptions.h"

#include <memory>

namespace cowherd::source {

class HttpSource;

// An image downloaded from Glance (GET /v2/images/{id}/file, streamed like any URL). The
// image id is Glance's (so the base file is sha1(id), as Nova names it), disk_format is the
// declared format the inspector must agree with, and the bytes are checked against
// os_hash_algo/os_hash_value (or the md5 checksum of older images). Only active images.
class GlanceSource final : public ImageSource
{
public:
    GlanceSource(std::shared_ptr<CloudSession> session, QString imageId);
    ~GlanceSource() override;

    QString displayName() const override;
    Result<SourceDescription> open(const OpenOptions &options) override;
    Result<QByteArray> read(qint64 maxBytes) override;
    Status finish() override;

    const GlanceImage &image() const { return m_image; }

private:
    std::shared_ptr<CloudSession> m_session;
    QString m_imageId;
    GlanceImage m_image;
    std::unique_ptr<HttpSource> m_download;
};

// sourceFor("glance:ID") (or glance:NAME when one image has that name): the cloud from options.cloud, OS_CLOUD or the
// OS_* variables.
Result<std::unique_ptr<ImageSource>> glanceSourceFor(const QString &imageId, const SourceOptions &options);

} // namespace cowherd::source
