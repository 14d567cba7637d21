#pragma once

#include "cache/cacheexecutor.h"
#include "cache/cacheplanner.h"
#include "cache/cacheverifier.h"
#include "cache/scanner.h"
#include "cache/sharinggroup.h"

namespace cowherd::cache {

// Scans every host of a sharing group (the first one acts: its metadata is read) and reads the
// base file metadata. A host whose scan fails is kept in the state as unreachable, and so is
// every Nova compute node compute_nodes lists as a recent user of the cache that is none of the
// group's hosts (computenodes.h).
SharingGroupState scanSharingGroup(
    const QList<host::HostConfig> &group, const TransportFactory &transports, const ScanOptions &scanOptions = {});

// What the command line said over nova.conf for a pass by Nova's rules.
struct NovaOverrides
{
    std::optional<qint64> originalMinimumAgeSeconds;
    std::optional<qint64> resizedMinimumAgeSeconds;
    std::optional<bool> removeUnused;
};

struct PassOptions
{
    CachePolicy policy; // Cowherd's rules; on a cache Nova manages, nova.conf's ages apply instead
    QString policySource; // where policy came from, for the plan ("cowherd.conf", "command line")
    NovaOverrides novaOverrides;
    int novaLockTimeoutMs = 60'000; // nova-compute's lock on a file about to be removed
    ScanOptions scan;
    bool dryRun = false;
    bool clean = true;
    bool verify = true;
    std::function<void(const QString &)> log;
    AuditLog *audit = nullptr;
    std::function<bool()> isCancelled;
};

struct PassResult
{
    CleanupPlan plan; // after execution: what was done
    QList<VerifyOutcome> verified;
    // Set when the pass only planned because Nova manages the cache and a host of the group
    // does not allow Cowherd to write there (advise mode): why, naming the setting.
    std::optional<Error> refused;
};

// One cache pass over a sharing group: scan every host, plan, touch and remove under the locks,
// verify within the budget. When any host of the group is Nova's (novahost.h), the plan follows
// Nova's rules with the acting host's nova.conf (planNovaCleanup), and unless every such host
// allows Cowherd to write there, the pass only plans and PassResult::refused says why.
// A dry run writes nothing anywhere. Blocking: run it off the UI thread.
PassResult runCachePass(
    const QList<host::HostConfig> &group, const TransportFactory &transports, const PassOptions &options);

} // namespace cowherd::cache
