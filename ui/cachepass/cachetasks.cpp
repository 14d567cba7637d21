#include "cachepass/cachetasks.h"

#include "common/displayformat.h"
#include "hosts/hosttransport.h"

#include "cache/auditlog.h"
#include "cache/basemetadata.h"
#include "cache/cachelayout.h"
#include "cache/cachepass.h"
#include "cache/cachepolicy.h"
#include "cache/novahost.h"

namespace cowherd::ui {

namespace {

QList<host::HostConfig> groupOf(const CacheTarget &target, cache::MarkerUse markers = cache::MarkerUse::Create)
{
    return cache::sharingGroupOf(target.host, target.allHosts, target.configFile, transportFactory(), markers);
}

QString hostNames(const QList<host::HostConfig> &group)
{
    QStringList names;
    for (const auto &h : group)
        names.append(h.name);
    return names.join(QStringLiteral(", "));
}

} // namespace

task::TaskWork CacheTasks::pass(const CacheTarget &target, PassMode mode, std::shared_ptr<cache::CleanupPlan> plan)
{
    return [target, mode, plan](task::TaskContext &context) -> Status {
        context.setStage(tr("scanning"));
        // A plan writes nothing anywhere, not even the storage-id marker.
        const QList<host::HostConfig> group
            = groupOf(target, mode == PassMode::Plan ? cache::MarkerUse::ReadOnly : cache::MarkerUse::Create);
        context.log(tr("Sharing group: %1").arg(hostNames(group)));
        cache::AuditLog audit;
        cache::PassOptions options;
        options.policy = cache::loadCachePolicy(target.configFile, target.host.name);
        options.policySource = tr("cowherd.conf (hosts/%1/cache_pass)").arg(target.host.name);
        options.dryRun = mode == PassMode::Plan;
        options.verify = mode == PassMode::Scheduled;
        options.log = [&context](const QString &line) { context.log(line); };
        options.audit = options.dryRun ? nullptr : &audit;
        options.isCancelled = context.cancelFlag();
        const cache::PassResult result = cache::runCachePass(group, transportFactory(), options);
        if (plan)
            *plan = result.plan;
        if (context.isCancelled())
            return std::unexpected(Error::cancelled(tr("Cancelled")));
        context.log(result.plan.rules == cache::PlanRules::Nova
                ? tr("Rules: Nova's image cache manager, ages from %1").arg(result.plan.policy.source)
                : tr("Rules: Cowherd's, ages from %1").arg(result.plan.policy.source));
        for (const QString &note : result.plan.notes)
            context.log(note);
        if (result.refused) {
            const QString size = DisplayFormat::size(result.plan.reclaimableBytes);
            const QString advice = tr("Nova manages this cache: planned only, nothing changed (%1 to remove by Nova's "
                                      "rules, %2).")
                                       .arg(result.plan.removeCount)
                                       .arg(size);
            if (mode != PassMode::Scheduled)
                return std::unexpected(*result.refused);
            // The periodic pass on a Nova host advises: it says what Nova's manager will do.
            context.log(advice);
            context.log(result.refused->message);
            audit.append(target.host.name, target.host.instancesPath, QStringLiteral("advised"), advice,
                result.plan.reclaimableBytes);
            return {};
        }
        const QString size = DisplayFormat::size(result.plan.reclaimableBytes);
        context.log(options.dryRun ? tr("Plan: %1 to remove (%2), %3 to touch, %4 to keep")
                                         .arg(result.plan.removeCount)
                                         .arg(size)
                                         .arg(result.plan.touchCount)
                                         .arg(result.plan.keepCount)
                                   : tr("Done: %1 removed (%2), %3 touched, %4 kept")
                                         .arg(result.plan.removeCount)
                                         .arg(size)
                                         .arg(result.plan.touchCount)
                                         .arg(result.plan.keepCount));
        if (!result.verified.isEmpty())
            context.log(tr("%n base file(s) verified", nullptr, int(result.verified.size())));
        if (result.plan.blocked && !options.dryRun)
            return std::unexpected(Error::refused(tr("Nothing was removed: %1").arg(result.plan.blockedReason)));
        return {};
    };
}

task::TaskWork CacheTasks::verify(const CacheTarget &target, const QStringList &names)
{
    return [target, names](task::TaskContext &context) -> Status {
        if (auto allowed = cache::ensureWritesAllowed(
                target.host, *hostTransport(target.host), QStringLiteral("record or verify checksums"));
            !allowed)
            return allowed;
        context.setStage(tr("scanning"));
        const QList<host::HostConfig> group = groupOf(target);
        const cache::CachePolicy policy = cache::loadCachePolicy(target.configFile, target.host.name);
        const cache::TransportFactory transports = transportFactory();
        const cache::SharingGroupState state = cache::scanSharingGroup(group, transports);
        cache::AuditLog audit;
        cache::VerifyOptions options;
        options.names = names;
        options.workers = policy.verifyWorkers;
        options.rescan = [&] { return cache::scanSharingGroup(group, transports); };
        options.audit = &audit;
        options.hostName = target.host.name;
        options.ioPriority = policy.verifyAtIdleIoPriority ? host::IoPriority::Idle : host::IoPriority::Normal;
        options.isCancelled = context.cancelFlag();
        options.log = [&context](const QString &line) { context.log(line); };
        context.setStage(tr("hashing"));
        auto transport = hostTransport(target.host);
        const QList<cache::VerifyOutcome> outcomes
            = cache::verifyBases(*transport, target.host.instancesPath, state, options);
        int bad = 0;
        for (qsizetype i = 0; i < outcomes.size(); ++i) {
            const cache::VerifyOutcome &o = outcomes.at(i);
            context.setProgress(i + 1, outcomes.size(), false);
            context.log(tr("%1: %2 (%3)").arg(o.name, cache::toString(o.result), cache::toString(o.metadata.state)));
            if (o.result == cache::VerifyOutcome::Result::Failed
                || o.metadata.state == cache::BaseMetadata::ChecksumState::Mismatch)
                ++bad;
        }
        if (context.isCancelled())
            return std::unexpected(Error::cancelled(tr("Cancelled")));
        if (bad > 0)
            return fail(
                tr("%n base file(s) on %1 failed verification; see the log.", nullptr, bad).arg(target.host.name));
        return {};
    };
}

task::TaskWork CacheTasks::setPinned(const host::HostConfig &host, const QString &name, bool pinned)
{
    return [host, name, pinned](task::TaskContext &context) -> Status {
        auto transport = hostTransport(host);
        if (auto allowed = cache::ensureWritesAllowed(
                host, *transport, pinned ? QStringLiteral("pin %1").arg(name) : QStringLiteral("unpin %1").arg(name));
            !allowed)
            return allowed;
        const QString base = cache::basePath(host.instancesPath);
        auto stat = transport->probe({base + u'/' + name}, 0);
        if (!stat || stat->isEmpty() || !stat->first().isFile)
            return fail(Error::Kind::NotFound, tr("No base file named %1 in %2 on %3.").arg(name, base, host.name));
        auto meta = cache::readMetadata(*transport, base, name);
        if (!meta)
            return std::unexpected(meta.error());
        meta->pinned = pinned;
        if (auto written = cache::writeMetadata(*transport, base, name, *meta); !written)
            return written;
        cache::AuditLog().append(host.name, base + u'/' + name,
            pinned ? QStringLiteral("pin") : QStringLiteral("unpin"), QStringLiteral("by hand"),
            stat->first().allocatedSize);
        context.log(pinned ? tr("Pinned %1: no cache pass removes it").arg(name) : tr("Unpinned %1").arg(name));
        return {};
    };
}

} // namespace cowherd::ui
