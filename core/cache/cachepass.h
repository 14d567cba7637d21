#pragma once

#include "cache/cacheexecutor.h"
#include "cache/cacheplanner.h"
#include "cache/cacheverifier.h"
#include "cache/scanner.h"
#include "cache/sharinggroup.h"

namespace cowherd::cache {

// Scans every host of a sharing group (the first one acts: its metadata is read) and reads the
// base file metadata. A host whose scan fails is kept in the state as unreachable.
SharingGroupState scanSharingGroup(const QList<host::HostConfig> &group, const TransportFactory &transports,
    const ScanOptions &scanOptions = {});

struct PassOptions
{
    CachePolicy policy;
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
};

// One cache pass over a sharing group: scan every host, plan, touch and remove under the locks,
// verify within the budget. Blocking: run it off the UI thread.
PassResult runCachePass(const QList<host::HostConfig> &group, const TransportFactory &transports,
    const PassOptions &options);

} // namespace cowherd::cache
