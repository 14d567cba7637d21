#include "instances/instancetasks.h"

#include "cache/novahost.h"

#include "common/displayformat.h"
#include "hosts/hosttransport.h"

#include "cache/basename.h"
#include "cache/cachelayout.h"
#include "cache/fetcher.h"
#include "host/libvirtconnection.h"
#include "image/imageinfo.h"
#include "instance/launcher.h"
#include "instance/lifecycle.h"
#include "source/glancesource.h"
#include "source/imagesource.h"

#include <chrono>

using namespace std::chrono_literals;

namespace cowherd::ui {

namespace {

constexpr qint64 GiB = qint64(1) << 30;
constexpr auto PowerOffTimeout = 60s;

QString shortName(const QString &baseName)
{
    return baseName.size() > 12 ? baseName.left(8) + QStringLiteral("…") : baseName;
}

} // namespace

LaunchPreview InstanceTasks::preview(const host::HostConfig &host, const LaunchSpec &spec)
{
    auto transport = hostTransport(host);
    QString name;
    qint64 virtualSize = 0;
    QString fetchNote;
    if (!spec.glanceImageId.isEmpty()) {
        auto cached = cache::cachedImage(*transport, host.instancesPath, spec.glanceImageId);
        if (cached) {
            name = cached->name;
            virtualSize = cached->virtualSize;
        } else {
            fetchNote = tr("%1 will be fetched from Glance into the cache of %2 as %3.")
                            .arg(spec.glanceLabel, host.name, shortName(cache::originalBaseName(spec.glanceImageId)));
        }
    } else if (!spec.imageId.isEmpty()) {
        auto cached = cache::cachedImage(*transport, host.instancesPath, spec.imageId);
        if (!cached)
            return {LaunchPreview::Verdict::Error, cached.error().message};
        name = cached->name;
        virtualSize = cached->virtualSize;
    } else {
        const image::ImageInfo info = image::inspectFile(spec.sourcePath);
        if (info.format.isEmpty())
            return {LaunchPreview::Verdict::Error, tr("Cannot read %1 as a disk image.").arg(spec.sourcePath)};
        virtualSize = info.virtualSize;
        fetchNote = info.format == u"raw"
            ? tr("%1 (raw, %2) will be fetched into the cache of %3 unless the same bytes are there already.")
                  .arg(spec.sourcePath, DisplayFormat::size(virtualSize), host.name)
            : tr("%1 (%2, %3) will be fetched into the cache of %4 and converted to raw, unless the same bytes are "
                 "there already.")
                  .arg(spec.sourcePath, info.format, DisplayFormat::size(virtualSize), host.name);
    }
    if (spec.sizeGiB > 0 && virtualSize > 0 && virtualSize > spec.sizeGiB * GiB)
        return {LaunchPreview::Verdict::Refused,
            tr("Refused: the image is larger than %1 GiB (%2); choose a larger size.")
                .arg(spec.sizeGiB)
                .arg(DisplayFormat::size(virtualSize))};

    QStringList lines;
    LaunchPreview::Verdict verdict = LaunchPreview::Verdict::Reuse;
    if (fetchNote.isEmpty()) {
        lines.append(tr("Base file %1 exists and will be reused.").arg(shortName(name)));
    } else {
        verdict = LaunchPreview::Verdict::Fetch;
        lines.append(fetchNote);
    }
    if (spec.sizeGiB > 0 && virtualSize < spec.sizeGiB * GiB) {
        if (name.isEmpty()) {
            lines.append(tr("A resized base file <sha1>_%1 will be made from it (or reused).").arg(spec.sizeGiB));
        } else {
            const QString resized = name + u'_' + QString::number(spec.sizeGiB);
            auto probed = transport->probe({cache::baseFilePath(host.instancesPath, resized)}, 0);
            if (probed && !probed->isEmpty() && probed->first().exists) {
                lines.append(
                    tr("The resized base %1_%2 exists and will be reused.").arg(shortName(name)).arg(spec.sizeGiB));
            } else {
                verdict = LaunchPreview::Verdict::Resize;
                lines.append(tr("A resized base %1_%2 will be made.").arg(shortName(name)).arg(spec.sizeGiB));
            }
        }
    }
    lines.append(tr("A qcow2 overlay on it becomes the disk of “%1” (%2 MiB, %n vCPU(s), network: %3), "
                    "which is defined and started on %4.",
        nullptr, spec.vcpus)
                     .arg(spec.name)
                     .arg(spec.memoryMiB)
                     .arg(spec.network, host.name));
    return {verdict, lines.join(u'\n')};
}

task::TaskWork InstanceTasks::launch(const host::HostConfig &host, const LaunchSpec &spec)
{
    return [host, spec](task::TaskContext &context) -> Status {
        std::unique_ptr<source::ImageSource> source;
        if (!spec.glanceImageId.isEmpty() && spec.glanceSession) {
            source = std::make_unique<source::GlanceSource>(spec.glanceSession, spec.glanceImageId);
        } else if (!spec.sourcePath.isEmpty()) {
            auto made = source::sourceFor(spec.sourcePath);
            if (!made)
                return std::unexpected(made.error());
            source = std::move(*made);
        }
        context.setStage(tr("connecting"));
        auto libvirt = host::LibvirtConnection::open(host.uri);
        if (!libvirt)
            return std::unexpected(libvirt.error());

        instance::LaunchRequest request;
        request.name = spec.name;
        request.source = source.get();
        request.imageId = source ? QString() : spec.imageId;
        request.sizeGiB = spec.sizeGiB;
        request.memoryMiB = spec.memoryMiB;
        request.vcpus = spec.vcpus;
        request.network = spec.network;
        request.virtType = spec.virtType;

        instance::LaunchOptions options;
        options.fetch.isCancelled = context.cancelFlag();
        options.fetch.onProgress = [&context](const cache::FetchProgress &p) {
            context.setStage(DisplayFormat::fetchStage(p.stage));
            context.setProgress(p.done, p.total, true);
        };
        options.onStep = [&context](const QString &step) { context.setStage(step); }; // logged by setStage
        auto transport = hostTransport(host);
        auto launched = instance::launchInstance(host, *transport, *libvirt, request, options);
        if (!launched)
            return std::unexpected(launched.error());
        context.log(tr("%1 (%2) is %3; base file %4%5")
                        .arg(launched->name, launched->uuid, launched->state, launched->base,
                            launched->baseReused ? tr(", reused") : QString()));
        return {};
    };
}

task::TaskWork InstanceTasks::action(const host::HostConfig &host, InstanceAction action, const QString &uuid)
{
    return [host, action, uuid](task::TaskContext &context) -> Status {
        context.setStage(tr("connecting"));
        auto conn = host::LibvirtConnection::open(host.uri);
        if (!conn)
            return std::unexpected(conn.error());
        Status done;
        switch (action) {
        case InstanceAction::Start:
            context.setStage(tr("starting"));
            done = instance::startInstance(*conn, uuid);
            break;
        case InstanceAction::Shutdown:
            context.setStage(tr("waiting for power-off"));
            done = instance::shutdownInstance(*conn, uuid, PowerOffTimeout, context.cancelFlag());
            break;
        case InstanceAction::Reboot:
            context.setStage(tr("rebooting"));
            done = instance::rebootInstance(*conn, uuid);
            break;
        case InstanceAction::Pause:
            context.setStage(tr("pausing"));
            done = instance::pauseInstance(*conn, uuid);
            break;
        case InstanceAction::Resume:
            context.setStage(tr("resuming"));
            done = instance::resumeInstance(*conn, uuid);
            break;
        case InstanceAction::Terminate: {
            context.setStage(tr("terminating"));
            auto transport = hostTransport(host);
            if (auto allowed = cache::ensureWritesAllowed(host, *transport, QStringLiteral("terminate an instance"));
                !allowed)
                return allowed;
            done = instance::terminateInstance(
                *transport, *conn, host.instancesPath, uuid, PowerOffTimeout, context.cancelFlag());
            if (done)
                context.log(tr("Removed %1/%2; its base files stay in the cache.").arg(host.instancesPath, uuid));
            return done;
        }
        }
        if (!done)
            return done;
        if (auto state = instance::instanceState(*conn, uuid))
            context.log(tr("%1 is now %2").arg(uuid, *state));
        return {};
    };
}

QString InstanceTasks::title(InstanceAction action, const QString &instance)
{
    switch (action) {
    case InstanceAction::Start:
        return tr("Start %1").arg(instance);
    case InstanceAction::Shutdown:
        return tr("Shut down %1").arg(instance);
    case InstanceAction::Reboot:
        return tr("Reboot %1").arg(instance);
    case InstanceAction::Terminate:
        return tr("Terminate %1").arg(instance);
    case InstanceAction::Pause:
        return tr("Pause %1").arg(instance);
    case InstanceAction::Resume:
        return tr("Resume %1").arg(instance);
    }
    return {};
}

} // namespace cowherd::ui
