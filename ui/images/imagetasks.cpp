#include "images/imagetasks.h"

#include "common/displayformat.h"
#include "hosts/hosttransport.h"

#include "cache/novahost.h"

#include "cache/fetcher.h"
#include "source/glancesource.h"

namespace cowherd::ui {

namespace {

Status fetchInto(const host::HostConfig &host, source::ImageSource &source, bool forceRaw, task::TaskContext &context)
{
    cache::FetchOptions options;
    options.forceRaw = forceRaw;
    options.isCancelled = context.cancelFlag();
    options.onProgress = [&context](const cache::FetchProgress &p) {
        context.setStage(DisplayFormat::fetchStage(p.stage));
        context.setProgress(p.done, p.total, true);
    };
    auto transport = hostTransport(host);
    if (auto allowed = cache::ensureWritesAllowed(host, *transport, QStringLiteral("fetch an image")); !allowed)
        return allowed;
    auto fetched = cache::fetchImage(*transport, host.instancesPath, source, options);
    if (!fetched)
        return std::unexpected(fetched.error());
    context.log(fetched->reused
            ? ImageTasks::tr("%1 was cached on %2 already as %3.").arg(source.displayName(), host.name, fetched->name)
            : ImageTasks::tr("%1 is cached on %2 as %3 (%4, %5).")
                  .arg(source.displayName(), host.name, fetched->name, fetched->format,
                      DisplayFormat::size(fetched->virtualSize)));
    return {};
}

} // namespace

task::TaskWork ImageTasks::precache(
    const host::HostConfig &host, std::shared_ptr<source::CloudSession> session, const QString &imageId)
{
    return [host, session = std::move(session), imageId](task::TaskContext &context) -> Status {
        context.setStage(tr("connecting"));
        source::GlanceSource source(session, imageId);
        return fetchInto(host, source, true, context);
    };
}

task::TaskWork ImageTasks::import(const host::HostConfig &host, const ImportSpec &spec)
{
    return [host, spec](task::TaskContext &context) -> Status {
        context.setStage(tr("opening"));
        auto source = source::sourceFor(spec.source, spec.options);
        if (!source)
            return std::unexpected(source.error());
        return fetchInto(host, **source, spec.forceRaw, context);
    };
}

} // namespace cowherd::ui
