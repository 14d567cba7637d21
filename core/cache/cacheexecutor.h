#pragma once

#include "cache/cacheplanner.h"

#include <functional>

namespace cowherd::host {
class Transport;
}

namespace cowherd::cache {

class AuditLog;

struct ExecuteOptions
{
    bool dryRun = false;
    // A fresh scan of the whole sharing group. Called once, while the executor holds the lock of
    // every file it is about to remove (see executeCleanup).
    std::function<SharingGroupState()> rescan;
    // Plans the fresh state again by the rules the plan followed; empty: planCleanup with the
    // policy (Cowherd's rules). Nova's rules pass planNovaCleanup here (novaplanner.h).
    std::function<CleanupPlan(const SharingGroupState &)> replan;
    // Right before a file is removed, nova-compute's lock on it (novalock.h) is taken, waiting at
    // most this long; a file whose lock stays held is kept, and the reason names the lock.
    int novaLockTimeoutMs = 60'000;
    std::function<void(const QString &)> log; // the task log
    AuditLog *audit = nullptr;
    std::function<bool()> isCancelled;
    QString hostName; // the acting host, for the log
};

// Carries out a plan on the acting host of the group and returns what was done (action and
// reason updated per file). In-use files are touched. Removal, per file:
//   1. take the base file's lock without waiting; a launch holding it wins and the file stays;
//   2. with all those locks held, scan the group once more and plan again: a launch makes its
//      overlay under the same lock, so any overlay that exists now is in this scan, and no new
//      one can appear until the lock is released. One rescan per pass instead of one per file
//      keeps a pass over 10,000 overlays cheap;
//   3. only files that the fresh plan still removes are removed, each under nova-compute's
//      lock on it (as Nova's own cache manager removes), when a fresh stat taken under that
//      lock shows the planned mtime (Nova touches a base file before it makes an overlay on it),
//      together with Cowherd's lock file and metadata.
// A stale *.part / *.converted is removed the same way, under its base file's lock.
CleanupPlan executeCleanup(const CleanupPlan &plan, host::Transport &transport, const QString &instancesPath,
    const CachePolicy &policy, const ExecuteOptions &options);

} // namespace cowherd::cache
