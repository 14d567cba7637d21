#include "hosts/demolab.h"

#include "hosts/hosttransport.h"

#include "cache/cachelayout.h"
#include "cache/fetcher.h"
#include "cache/scanner.h"
#include "host/libvirtconnection.h"
#include "instance/demoimage.h"
#include "instance/lifecycle.h"
#include "source/imagesource.h"

#include <QDir>
#include <QTemporaryDir>

#include <chrono>

using namespace std::chrono_literals;

namespace cowherd::ui {

namespace {

Status fillLab(const host::HostConfig &lab, task::TaskContext &context)
{
    auto transport = hostTransport(lab);
    if (auto made = transport->makeDirectory(cache::basePath(lab.instancesPath)); !made)
        return made;
    QTemporaryDir scratch;
    if (!scratch.isValid())
        return fail(
            DemoLab::tr("Cannot make a temporary directory for the demo images: %1").arg(scratch.errorString()));
    const QStringList labels = DemoLab::labels();
    for (qsizetype i = 0; i < labels.size(); ++i) {
        if (context.isCancelled())
            return std::unexpected(Error::cancelled(DemoLab::tr("Cancelled")));
        const QString &label = labels.at(i);
        context.setStage(DemoLab::tr("image %1").arg(label));
        context.setProgress(i, labels.size(), false);
        const QString file = scratch.filePath(label + QStringLiteral(".img"));
        if (auto written = instance::writeDemoImage(*transport, file, label, 1); !written)
            return written;
        auto source = source::sourceFor(file);
        if (!source)
            return std::unexpected(source.error());
        cache::FetchOptions options;
        options.imageId = DemoLab::imageId(label);
        options.isCancelled = context.cancelFlag();
        auto fetched = cache::fetchImage(*transport, lab.instancesPath, **source, options);
        if (!fetched)
            return std::unexpected(fetched.error());
        context.log(DemoLab::tr("%1: base file %2 (image id %3)").arg(label, fetched->name, fetched->imageId));
    }
    context.setProgress(labels.size(), labels.size(), false);
    return {};
}

} // namespace

QStringList DemoLab::labels()
{
    return {QStringLiteral("alpha"), QStringLiteral("beta")};
}

QString DemoLab::imageId(const QString &label)
{
    return QStringLiteral("cowherd-demo-") + label;
}

bool DemoLab::needsFill(const host::HostConfig &lab)
{
    auto transport = hostTransport(lab);
    auto listing = transport->listCache(lab.instancesPath, {0, 0});
    return listing && listing->baseFiles.isEmpty();
}

task::TaskWork DemoLab::fill(const host::HostConfig &lab)
{
    return [lab](task::TaskContext &context) { return fillLab(lab, context); };
}

task::TaskWork DemoLab::reset(const host::HostConfig &lab)
{
    return [lab](task::TaskContext &context) -> Status {
        const QString path = QDir::cleanPath(lab.instancesPath);
        // Never remove something that is not the embedded lab, whatever the caller passed.
        if (!path.endsWith(QStringLiteral("/cowherd/demo-lab/instances")))
            return fail(tr("%1 is not the demo lab; nothing was reset.").arg(path));
        context.setStage(tr("terminating instances"));
        auto snapshot = cache::scanHost(lab);
        if (!snapshot)
            return std::unexpected(snapshot.error());
        auto transport = hostTransport(lab);
        if (!snapshot->instances.isEmpty()) {
            auto conn = host::LibvirtConnection::open(lab.uri);
            if (!conn)
                return std::unexpected(conn.error());
            for (const cache::Instance &instance : std::as_const(snapshot->instances)) {
                if (instance.directory.isEmpty())
                    continue; // a domain of someone else's on the same libvirt
                context.log(tr("Terminating %1").arg(instance.name.isEmpty() ? instance.uuid : instance.name));
                if (auto done
                    = instance::terminateInstance(*transport, *conn, path, instance.uuid, 5s, context.cancelFlag());
                    !done)
                    return done;
            }
        }
        context.setStage(tr("removing the lab"));
        if (auto removed = transport->removeTree(path); !removed)
            return removed;
        context.log(tr("Removed %1").arg(path));
        return fillLab(lab, context);
    };
}

} // namespace cowherd::ui
