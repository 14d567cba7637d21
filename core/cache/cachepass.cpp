#include "cache/cachepass.h"

#include "cache/cachelayout.h"
#include "cache/computenodes.h"
#include "cache/novahost.h"
#include "cache/novaplanner.h"
#include "host/transport.h"

using namespace Qt::StringLiterals;

namespace cowherd::cache {

SharingGroupState scanSharingGroup(
    const QList<host::HostConfig> &group, const TransportFactory &transports, const ScanOptions &scanOptions)
{
    SharingGroupState state;
    std::unique_ptr<host::Transport> acting;
    QString actingBase;
    for (const host::HostConfig &h : group) {
        HostSnapshotView view;
        view.host = h;
        auto transport = transports(h);
        if (!transport) {
            view.unreachableReason = u"no way to reach %1 (%2)"_s.arg(h.name, h.uri);
        } else if (auto snap = scanHost(h, *transport, scanOptions); !snap) {
            view.unreachableReason = snap.error().message;
        } else {
            view.snapshot = std::move(*snap);
            if (!acting) {
                acting = std::move(transport);
                actingBase = basePath(h.instancesPath);
            }
        }
        state.hosts.append(std::move(view));
    }
    if (!acting)
        return state;
    for (const HostSnapshotView &view : std::as_const(state.hosts)) {
        if (!view.snapshot)
            continue;
        for (const BaseFile &b : view.snapshot->bases) {
            if (b.kind == BaseKind::Partial || state.metadata.contains(b.name))
                continue;
            if (auto m = readMetadata(*acting, actingBase, b.name))
                state.metadata.insert(b.name, *m);
        }
    }
    addNovaStorageUsers(state, transports, QDateTime::currentDateTimeUtc());
    return state;
}

namespace {

// The group's cache is Nova's when any of its hosts is; Cowherd may act there only when every
// such host allows it. Returns why not, naming the setting.
std::optional<Error> novaRefusal(const SharingGroupState &state)
{
    for (const HostSnapshotView &v : state.hosts) {
        if (!v.snapshot || v.snapshot->managedBy != host::ManagedBy::Nova)
            continue;
        if (auto allowed = ensureWritesAllowed(
                v.host, Management{host::ManagedBy::Nova, v.snapshot->managedByReason}, u"clean or verify the cache"_s);
            !allowed)
            return allowed.error();
    }
    return std::nullopt;
}

bool novaManaged(const SharingGroupState &state)
{
    return std::ranges::any_of(state.hosts,
        [](const HostSnapshotView &v) { return v.snapshot && v.snapshot->managedBy == host::ManagedBy::Nova; });
}

} // namespace

PassResult runCachePass(
    const QList<host::HostConfig> &group, const TransportFactory &transports, const PassOptions &options)
{
    PassResult result;
    if (group.isEmpty())
        return result;
    const SharingGroupState state = scanSharingGroup(group, transports, options.scan);

    // The first reachable host acts for the group: its _base is everybody's.
    const HostSnapshotView *actingView = nullptr;
    for (const HostSnapshotView &v : state.hosts)
        if (v.snapshot && !actingView)
            actingView = &v;
    auto transport = actingView ? transports(actingView->host) : nullptr;

    std::function<CleanupPlan(const SharingGroupState &)> replan;
    if (novaManaged(state) && transport) {
        NovaPlanPolicy nova = NovaPlanPolicy::fromConfig(
            readNovaConf(actingView->host, *transport), actingView->host.instancesPath, options.policy);
        const NovaOverrides &o = options.novaOverrides;
        if (o.originalMinimumAgeSeconds || o.resizedMinimumAgeSeconds || o.removeUnused) {
            nova.originalMinimumAgeSeconds = o.originalMinimumAgeSeconds.value_or(nova.originalMinimumAgeSeconds);
            nova.resizedMinimumAgeSeconds = o.resizedMinimumAgeSeconds.value_or(nova.resizedMinimumAgeSeconds);
            nova.removeUnused = o.removeUnused.value_or(nova.removeUnused);
            nova.source = u"command line over "_s + nova.source;
        }
        replan
            = [nova](const SharingGroupState &s) { return planNovaCleanup(s, nova, QDateTime::currentDateTimeUtc()); };
        result.plan = replan(state);
        if (!options.dryRun && (options.clean || options.verify))
            result.refused = novaRefusal(state);
    } else {
        result.plan = planCleanup(state, options.policy, QDateTime::currentDateTimeUtc());
        result.plan.policy.source = options.policySource;
    }
    if (!options.clean && !options.verify)
        return result;
    if (!transport || options.dryRun || result.refused) {
        if (options.dryRun && options.clean) {
            ExecuteOptions e;
            e.dryRun = true;
            e.log = options.log;
            if (transport)
                result.plan
                    = executeCleanup(result.plan, *transport, actingView->host.instancesPath, options.policy, e);
        }
        return result;
    }
    const QString instancesPath = actingView->host.instancesPath;
    auto rescan = [&] { return scanSharingGroup(group, transports, options.scan); };

    if (options.clean) {
        ExecuteOptions e;
        e.rescan = rescan;
        e.replan = replan;
        e.novaLockTimeoutMs = options.novaLockTimeoutMs;
        e.log = options.log;
        e.audit = options.audit;
        e.isCancelled = options.isCancelled;
        e.hostName = actingView->host.name;
        result.plan = executeCleanup(result.plan, *transport, instancesPath, options.policy, e);
    }
    if (options.verify) {
        VerifyOptions v;
        v.budgetBytes = options.policy.verifyBudgetBytes;
        v.budgetSeconds = options.policy.verifyBudgetSeconds;
        v.workers = options.policy.verifyWorkers;
        v.rescan = rescan;
        v.log = options.log;
        v.audit = options.audit;
        v.isCancelled = options.isCancelled;
        v.hostName = actingView->host.name;
        v.ioPriority = options.policy.verifyAtIdleIoPriority ? host::IoPriority::Idle : host::IoPriority::Normal;
        v.novaLockTimeoutMs = options.novaLockTimeoutMs;
        result.verified = verifyBases(*transport, instancesPath, state, v);
    }
    return result;
}

} // namespace cowherd::cache
