#pragma once

#include "source/imagesource.h"
#include "source/networkthread.h"

#include <memory>

namespace cowherd::source {

struct ExpectedDigest
{
    QString algorithm; // Glance's names: sha256, sha512, md5
    QByteArray hex;
    QString origin; // "--sha256", "Glance's os_hash_value" — for the mismatch message
};

struct HttpSourceOptions
{
    HttpHeaders headers; // e.g. X-Auth-Token; never shown anywhere
    QList<ExpectedDigest> digests;
    QString imageId; // empty: see HttpSource::imageIdFor
    QString declaredFormat;
    QString displayName; // empty: the redacted URL
    int maxRetries = 3; // resumptions of a dropped transfer
    qint64 queueBytes = qint64(8) << 20; // bytes buffered between the network and read()
};

// An image downloaded over HTTP(S). The transfer runs on the NetworkThread; read() blocks on a
// bounded queue, and the network side stops reading the socket while the queue is full, so
// memory stays flat whatever the image size. A dropped connection is resumed from the byte
// reached with a Range request (checking Content-Range), or re-read from the start and skipped
// when the server ignores ranges.
class HttpSource final : public ImageSource
{
public:
    HttpSource(std::shared_ptr<NetworkThread> network, QUrl url, HttpSourceOptions options = {});
    ~HttpSource() override;

    QString displayName() const override;
    Result<SourceDescription> open(const OpenOptions &options) override;
    Result<QByteArray> read(qint64 maxBytes) override;
    Status finish() override;

    // From any thread: read() and open() return a cancelled error soon after.
    void cancel();
    int resumptions() const;

    // Without --image-id: "sha256:<hex>" when --sha256 names the content (the same bytes as a
    // local file share its base file), else "url:<scheme://host[:port]/path?query>" without
    // user info or fragment.
    static QString imageIdFor(const QUrl &url, const QString &sha256);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace cowherd::source
