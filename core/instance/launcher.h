#pragma once

#include "cache/fetcher.h"
#include "error.h"
#include "host/hostconfig.h"

#include <QString>

#include <functional>
#include <memory>

namespace cowherd::host {
class LibvirtConnection;
class Transport;
} // namespace cowherd::host
namespace cowherd::source {
class ImageSource;
}

namespace cowherd::instance {

struct LaunchRequest
{
    QString name;
    // Either a source to fetch from (reused when already cached), or the id of a cached image.
    source::ImageSource *source = nullptr;
    QString imageId;
    QString declaredFormat;
    qint64 sizeGiB = 0; // 0: the image's own size
    qint64 memoryMiB = 256;
    int vcpus = 1;
    QString network = QStringLiteral("none"); // none | user | <libvirt network>
    QString uuid; // generated when empty
    QString virtType; // kvm | qemu (TCG); empty: kvm when the host offers it (Nova's virt_type)
};

struct LaunchResult
{
    QString uuid;
    QString name;
    QString directory;
    QString disk;
    QString base; // the base file the overlay sits on (original or resized)
    bool baseReused = false;
    QString state;
};

struct LaunchOptions
{
    bool resizeInOverlay = false; // modern mode: overlay on the original, grown; no <sha1>_<GiB>
    cache::FetchOptions fetch; // progress, cancel, limits, force_raw
    std::function<void(const QString &step)> onStep;
};

// Fetch (or reuse) the base file, make the resized base if needed, create the qcow2 overlay in
// <instances>/<uuid>/disk while holding the base file's lock (so a cleanup cannot remove it in
// between), write disk.info and libvirt.xml, define and start the domain. A failure after the
// instance directory was made removes it again.
Result<LaunchResult> launchInstance(const host::HostConfig &host, host::Transport &transport,
    const host::LibvirtConnection &libvirt, const LaunchRequest &request, const LaunchOptions &options = {});

} // namespace cowherd::instance
