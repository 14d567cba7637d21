#include "cache/cacheexecutor.h"

#include "cache/auditlog.h"
#include "cache/basemetadata.h"
#include "cache/cachelayout.h"
#include "cache/novalock.h"
#include "host/transport.h"

#include <QLoggingCategory>

#include <map>
#include <memory>
#include <optional>
#include <vector>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcPass, "cowherd.cache.pass")

namespace cowherd::cache {

namespace {

struct Candidate
{
    qsizetype index; // into the result's actions
    QString lockPath;
};

// Lock files whose base file is gone (Nova never removed its own): removed when nobody holds
// them. Listed with find(1) so that the same argv works on a remote host.
void sweepStaleLocks(const CleanupPlan &plan, host::Transport &transport, const QString &instancesPath,
    const CachePolicy &policy, const std::function<void(const QString &)> &log)
{
    const qint64 minutes = std::max<qint64>(1, policy.orphanMinimumAgeSeconds / 60);
    auto listed = transport.run({u"find"_s, locksDirectory(instancesPath), u"-maxdepth"_s, u"1"_s, u"-type"_s, u"f"_s,
        u"-name"_s, u"*.lock"_s, u"-mmin"_s, u"+%1"_s.arg(minutes), u"-printf"_s, u"%f\\n"_s});
    if (!listed || !listed->succeeded())
        return;
    for (const QByteArray &line : listed->standardOutput.split('\n')) {
        const QString file = QString::fromUtf8(line);
        if (!file.endsWith(u".lock"_s))
            continue;
        const QString name = file.chopped(5);
        const PlannedAction *a = plan.action(name);
        const bool baseGone = !a || a->action == PlannedAction::Action::Remove;
        if (!baseGone || plan.action(QString(name + u".part"_s)) || plan.action(QString(name + u".converted"_s)))
            continue;
        const QString path = baseLockPath(instancesPath, name);
        auto lock = transport.lock(path, {.wait = false});
        if (!lock)
            continue; // a launch is creating that base file right now
        if (transport.removeFile(path))
            log(u"removed stale lock file %1"_s.arg(path));
    }
}

} // namespace

CleanupPlan executeCleanup(const CleanupPlan &plan, host::Transport &transport, const QString &instancesPath,
    const CachePolicy &policy, const ExecuteOptions &options)
{
    CleanupPlan done = plan;
    const QString hostName = options.hostName.isEmpty() ? transport.displayName() : options.hostName;
    auto log = [&](const QString &line) {
        qCDebug(lcPass).noquote() << line;
        if (options.log)
            options.log(line);
    };
    auto audit = [&](const PlannedAction &a, const QString &action) {
        if (options.audit)
            options.audit->append(hostName, a.path, action, a.reason, a.bytes);
    };
    auto keep = [&](PlannedAction &a, const QString &why) {
        a.action = PlannedAction::Action::Keep;
        a.reason = u"kept: "_s + why;
        log(u"keep %1: %2"_s.arg(a.name, a.reason));
        audit(a, u"keep"_s);
    };
    auto cancelled = [&] { return options.isCancelled && options.isCancelled(); };

    if (options.dryRun) {
        for (const PlannedAction &a : std::as_const(done.actions))
            if (a.action != PlannedAction::Action::Keep)
                log(u"would %1 %2: %3"_s.arg(toString(a.action), a.name, a.reason));
        return done;
    }
    if (plan.blocked) {
        log(u"removal blocked in this sharing group: %1"_s.arg(plan.blockedReason));
        for (const PlannedAction &a : std::as_const(done.actions))
            if (a.blocked)
                audit(a, u"blocked"_s);
    }

    // Nova's touch: an in-use file's mtime says when it was last seen in use.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (PlannedAction &a : done.actions) {
        if (a.action != PlannedAction::Action::Touch)
            continue;
        if (auto t = transport.touch(a.path, now); !t) {
            a.reason += u" (touch failed: %1)"_s.arg(t.error().message);
            log(u"touch %1 failed: %2"_s.arg(a.name, t.error().message));
        } else {
            log(u"touch %1: %2"_s.arg(a.name, a.reason));
        }
        audit(a, u"touch"_s);
    }

    // A base file and its stale .part share one lock: hold each lock once.
    std::map<QString, std::unique_ptr<host::HostLock>> locks;
    std::vector<Candidate> candidates;
    for (qsizetype i = 0; i < done.actions.size(); ++i) {
        PlannedAction &a = done.actions[i];
        if (a.action != PlannedAction::Action::Remove)
            continue;
        if (cancelled()) {
            keep(a, u"the pass was cancelled"_s);
            continue;
        }
        const QString lockPath = baseLockPath(instancesPath, a.orphan ? partialTargetName(a.name) : a.name);
        if (!locks.contains(lockPath)) {
            auto lock = transport.lock(lockPath, {.wait = false});
            if (!lock) {
                keep(a, u"its lock is held (a launch is using it): %1"_s.arg(lock.error().message));
                continue;
            }
            locks.emplace(lockPath, std::move(*lock));
        }
        candidates.push_back({i, lockPath});
    }
    if (candidates.empty()) {
        if (!plan.blocked && policy.removeOrphans)
            sweepStaleLocks(done, transport, instancesPath, policy, log);
        done.tally();
        return done;
    }

    std::optional<CleanupPlan> fresh;
    if (options.rescan) {
        const SharingGroupState state = options.rescan();
        fresh = options.replan ? options.replan(state) : planCleanup(state, policy, QDateTime::currentDateTimeUtc());
    }
    QStringList removedLockFiles;
    for (const Candidate &c : candidates) {
        PlannedAction &a = done.actions[c.index];
        if (!fresh) {
            keep(a, u"no fresh scan of the sharing group to confirm it is unused"_s);
            continue;
        }
        const PlannedAction *again = fresh->action(a.name);
        if (!again) {
            keep(a, u"it disappeared before removal"_s);
            continue;
        }
        if (again->action != PlannedAction::Action::Remove) {
            keep(a, again->reason + u" (changed since planned)"_s);
            continue;
        }
        auto novaLock = lockNovaBaseFile(transport, instancesPath, a.orphan ? partialTargetName(a.name) : a.name,
            options.novaLockTimeoutMs, options.isCancelled);
        if (!novaLock) {
            keep(a, novaLock.error().message);
            continue;
        }
        auto stat = transport.probe({a.path}, 0);
        if (!stat || stat->isEmpty() || !stat->first().exists) {
            keep(a, u"it disappeared before removal"_s);
            continue;
        }
        if (a.mtime.isValid() && stat->first().mtime > a.mtime) {
            keep(a,
                u"modified at %1, after it was planned for removal"_s.arg(stat->first().mtime.toString(Qt::ISODate)));
            continue;
        }
        if (auto r = transport.removeFile(a.path); !r) {
            keep(a, u"removal failed: %1"_s.arg(r.error().message));
            continue;
        }
        if (!a.orphan) {
            transport.removeFile(metadataPath(basePath(instancesPath), a.name));
            removedLockFiles.append(c.lockPath);
        }
        log(u"removed %1 (%2 bytes): %3"_s.arg(a.name).arg(a.bytes).arg(a.reason));
        audit(a, u"remove"_s);
    }

    // Removed while we hold them: a waiting launch notices that the path no longer names the
    // file it locked and takes a new one.
    for (const QString &path : std::as_const(removedLockFiles))
        transport.removeFile(path);
    locks.clear();
    if (!plan.blocked && policy.removeOrphans)
        sweepStaleLocks(done, transport, instancesPath, policy, log);

    done.tally();
    return done;
}

} // namespace cowherd::cache
