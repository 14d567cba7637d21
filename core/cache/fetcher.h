#pragma once

#include "error.h"
#include "image/qemuimg.h"

#include <QString>

#include <functional>

namespace cowherd::host {
class Transport;
}
namespace cowherd::source {
class ImageSource;
}

namespace cowherd::cache {

struct FetchProgress
{
    enum class Stage
    {
        Hashing,
        Waiting,
        Downloading,
        Inspecting,
        Converting,
        Verifying,
        Done
    };
    Stage stage = Stage::Downloading;
    qint64 done = 0;
    qint64 total = -1; // -1 when unknown
};

QString toString(FetchProgress::Stage stage);

struct FetchOptions
{
    QString imageId; // empty: the source names the image
    QString declaredFormat; // --disk-format; the source's (Glance's) otherwise
    bool forceRaw = true; // Nova's force_raw_images
    qint64 maxVirtualSize = qint64(1) << 40;
    image::QemuImgLimits qemuImgLimits;
    std::function<void(const FetchProgress &)> onProgress;
    std::function<bool()> isCancelled;
    // How long to wait for nova-compute's lock on the base file (novalock.h) before failing.
    int novaLockTimeoutMs = 10 * 60 * 1000;
};

struct FetchResult
{
    QString name; // sha1(image_id)
    QString path;
    QString imageId;
    QString format; // of the base file as stored
    QString originalFormat;
    qint64 virtualSize = 0;
    QString sha256;
    bool reused = false;
};

// Source -> _base/<name>.part (hashing while streaming) -> inspect -> convert -> rename, under
// the base file's lock, re-checking inside the lock. Nothing appears under the final name
// unless it is complete, inspected and converted; every failure removes what it wrote.
Result<FetchResult> fetchImage(host::Transport &transport, const QString &instancesPath, source::ImageSource &source,
    const FetchOptions &options = {});

// The base file of an image that is already cached (no source needed), or an error saying
// how to fetch it.
Result<FetchResult> cachedImage(host::Transport &transport, const QString &instancesPath, const QString &imageId);

} // namespace cowherd::cache
