#include "cache/cachepass.h"

#include "cache/cachelayout.h"
#include "host/transport.h"

using namespace Qt::StringLiterals;

namespace cowherd::cache {

SharingGroupState scanSharingGroup(const QList<host::HostConfig> &group, const TransportFactory &transports,
    const ScanOptions &scanOptions)
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
    return state;
}

PassResult runCachePass(const QList<host::HostConfig> &group, const TransportFactory &transports,
    const PassOptions &options)
{
    PassResult result;
    if (group.isEmpty())
        return result;
    const SharingGroupState state = scanSharingGroup(group, transports, options.scan);
    result.plan = planCleanup(state, options.policy, QDateTime::currentDateTimeUtc());
    if (!options.clean && !options.verify)
        return result;

    // The first reachable host acts for the group: its _base is everybody's.
    const HostSnapshotView *actingView = nullptr;
    for (const HostSnapshotView &v : state.hosts)
        if (v.snapshot && !actingView)
            actingView = &v;
    if (!actingView)
        return result;
    auto transport = transports(actingView->host);
    if (!transport)
        return result;
    const QString instancesPath = actingView->host.instancesPath;
    auto rescan = [&] { return scanSharingGroup(group, transports, options.scan); };

    if (options.clean) {
        ExecuteOptions e;
        e.dryRun = options.dryRun;
        e.rescan = rescan;
        e.log = options.log;
        e.audit = options.audit;
        e.isCancelled = options.isCancelled;
        e.hostName = actingView->host.name;
        result.plan = executeCleanup(result.plan, *transport, instancesPath, options.policy, e);
    }
    if (options.verify && !options.dryRun) {
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
        result.verified = verifyBases(*transport, instancesPath, state, v);
    }
    return result;
}

} // namespace cowherd::cache
