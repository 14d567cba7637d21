#pragma once

#include "error.h"
#include "source/sourceoptions.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>

namespace cowherd::source {

struct OpenOptions
{
    // The caller has no image id: the source must name the content (a local file hashes itself
    // and answers "sha256:<hex>", so the same bytes are cached once).
    bool needImageId = false;
    std::function<bool()> isCancelled;
    std::function<void(qint64 done, qint64 total)> onHashProgress;
};

struct SourceDescription
{
    QString imageId; // may stay empty when the caller gave one
    QString declaredFormat; // Glance's disk_format, --disk-format; empty when unknown
    qint64 size = -1; // bytes read() will deliver, -1 when unknown
    QString location; // for metadata and messages; never contains a secret
};

// Where image bytes come from: a local file, an archive member, a URL, Glance. A source is
// read once, front to back; the fetch pipeline hashes and writes as it reads.
class ImageSource
{
public:
    virtual ~ImageSource() = default;

    // "/srv/images/cirros.img", "glance image 5d0c…" — for messages.
    virtual QString displayName() const = 0;
    // Blocking: may connect, authenticate or hash.
    virtual Result<SourceDescription> open(const OpenOptions &options) = 0;
    // The next bytes, at most maxBytes; an empty array at the end.
    virtual Result<QByteArray> read(qint64 maxBytes) = 0;
    // After the last read: checks what the source promised (Glance's checksum, --sha256).
    virtual Status finish() { return {}; }
};

// Builds the source a user named:
//   /path/to/image.qcow2            a local file
//   image.raw.xz, disk.tar.gz, x.ova, x.zip, with an optional !member ("a.tar.xz!dir/disk.qcow2")
//   http(s)://host/path[.xz|!member] a download (TLS verified; --ca-file adds a CA)
//   glance:IMAGE_ID                 an image in Glance (cloud from options.cloud, OS_CLOUD, OS_*)
// options.sha256 is checked against the bytes of the file or download as published (for an
// archive: the archive file, as in a vendor's SHA256SUMS).
Result<std::unique_ptr<ImageSource>> sourceFor(const QString &specification, const SourceOptions &options = {});

} // namespace cowherd::source
