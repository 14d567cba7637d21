#include "cache/cacheplanner.h"

#include <QMap>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cowherd::cache {

namespace { } // namespace

QStringList groupBlockers(const SharingGroupState &group)
{
    QStringList reasons;
    for (const HostSnapshotView &view : group.hosts) {
        const QString &name = view.host.name;
        if (!view.snapshot) {
            reasons.append(u"%1 unreachable (%2)"_s.arg(
                name, view.unreachableReason.isEmpty() ? u"no snapshot"_s : view.unreachableReason));
            continue;
        }
        for (const Problem &p : view.snapshot->problems)
            if (p.code == u"instances-path-unreadable" || p.code == u"probe-failed")
                reasons.append(u"the cache of %1 could not be read completely (%2)"_s.arg(name, p.message));
        if (!view.snapshot->libvirtStatus.isEmpty())
            reasons.append(u"libvirt on %1 did not answer, so its instances may be missing (%2)"_s.arg(
                name, view.snapshot->libvirtStatus));
    }
    if (group.hosts.isEmpty())
        reasons.append(u"no host in the sharing group"_s);
    return reasons;
}

namespace {

struct Merged
{
    const BaseFile *file = nullptr;
    QDateTime mtime; // the youngest any host saw
    bool mtimeUnknown = false; // some host could not stat it: its age is unknown
    QSet<QString> references; // host:uuid
    QSet<QString> hosts; // hosts whose instances use it
};

qint64 minimumAge(BaseKind kind, const CachePolicy &policy)
{
    return kind == BaseKind::Resized ? policy.resizedMinimumAgeSeconds : policy.originalMinimumAgeSeconds;
}

QString usedBy(const Merged &m)
{
    QStringList hosts(m.hosts.cbegin(), m.hosts.cend());
    hosts.sort();
    const qsizetype n = m.references.size();
    return u"used by %1 instance%2 on %3"_s.arg(n).arg(n == 1 ? QString() : u"s"_s, hosts.join(u", "_s));
}

} // namespace

QString toString(PlanRules rules)
{
    return rules == PlanRules::Nova ? u"nova"_s : u"cowherd"_s;
}

QString toString(PlannedAction::Action action)
{
    switch (action) {
    case PlannedAction::Action::Touch:
        return u"touch"_s;
    case PlannedAction::Action::Remove:
        return u"remove"_s;
    case PlannedAction::Action::Keep:
        break;
    }
    return u"keep"_s;
}

QString formatDuration(qint64 s)
{
    s = std::max<qint64>(0, s);
    if (s < 120)
        return u"%1 s"_s.arg(s);
    if (s < 7200)
        return u"%1 min"_s.arg(s / 60);
    if (s < 2 * 86400)
        return u"%1 h"_s.arg(s / 3600);
    return u"%1 d"_s.arg(s / 86400);
}

const PlannedAction *CleanupPlan::action(QStringView name) const
{
    for (const PlannedAction &a : actions)
        if (a.name == name)
            return &a;
    return nullptr;
}

void CleanupPlan::tally()
{
    removeCount = touchCount = keepCount = 0;
    reclaimableBytes = 0;
    for (const PlannedAction &a : std::as_const(actions)) {
        switch (a.action) {
        case PlannedAction::Action::Remove:
            ++removeCount;
            reclaimableBytes += a.bytes;
            break;
        case PlannedAction::Action::Touch:
            ++touchCount;
            break;
        case PlannedAction::Action::Keep:
            ++keepCount;
            break;
        }
    }
}

CleanupPlan planCleanup(const SharingGroupState &group, const CachePolicy &policy, const QDateTime &now)
{
    CleanupPlan plan;
    plan.plannedAt = now;
    plan.policy
        = {policy.originalMinimumAgeSeconds, policy.resizedMinimumAgeSeconds, policy.removeUnused, plan.policy.source};
    const QStringList blockers = groupBlockers(group);
    plan.blocked = !blockers.isEmpty();
    if (plan.blocked)
        plan.blockedReason = u"blocked: "_s + blockers.join(u"; "_s);

    QMap<QString, Merged> files; // sorted by name: the plan's order is stable
    for (const HostSnapshotView &view : group.hosts) {
        if (!view.snapshot)
            continue;
        for (const BaseFile &b : view.snapshot->bases) {
            Merged &m = files[b.name];
            if (!m.file)
                m.file = &b;
            if (!b.mtime.isValid())
                m.mtimeUnknown = true;
            else if (!m.mtime.isValid() || b.mtime > m.mtime)
                m.mtime = b.mtime;
            for (const QString &uuid : b.references) {
                m.references.insert(view.host.name + u':' + uuid);
                m.hosts.insert(view.host.name);
            }
        }
    }

    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        const Merged &m = it.value();
        const BaseMetadata meta = group.metadata.value(it.key());
        PlannedAction a;
        a.name = it.key();
        a.path = m.file->path;
        a.kind = m.file->kind;
        a.bytes = m.file->allocatedSize;
        a.mtime = m.mtime;
        a.references = QStringList(m.references.cbegin(), m.references.cend());
        a.references.sort();
        const qint64 age = m.mtime.isValid() && !m.mtimeUnknown ? std::max<qint64>(0, m.mtime.secsTo(now)) : -1;
        const bool mismatch = meta.state == BaseMetadata::ChecksumState::Mismatch;

        auto removeUnlessBlocked = [&](const QString &why) {
            a.removableInSeconds = 0;
            if (plan.blocked) {
                a.blocked = true;
                a.reason = why + u"; "_s + plan.blockedReason;
            } else {
                a.action = PlannedAction::Action::Remove;
                a.reason = why;
            }
        };

        if (a.kind == BaseKind::Unknown) {
            a.reason = u"unknown file: never removed"_s;
            if (!m.references.isEmpty())
                a.reason += u" ("_s + usedBy(m) + u')';
        } else if (!m.references.isEmpty()) {
            a.action = PlannedAction::Action::Touch;
            a.reason = usedBy(m);
            if (mismatch)
                a.reason = u"CHECKSUM MISMATCH, "_s + a.reason + u": the instances run on a corrupt base file"_s;
        } else if (a.kind == BaseKind::Partial) {
            if (age < 0)
                a.reason = u"partial file of unknown age: kept"_s;
            else if (age < policy.orphanMinimumAgeSeconds) {
                a.reason = u"in flight: written %1 ago; an orphan after %2"_s.arg(
                    formatDuration(age), formatDuration(policy.orphanMinimumAgeSeconds));
                if (policy.removeOrphans)
                    a.removableInSeconds = policy.orphanMinimumAgeSeconds - age;
            } else if (!policy.removeOrphans)
                a.reason = u"orphan: not written for %1; orphan removal is off"_s.arg(formatDuration(age));
            else {
                a.orphan = true;
                removeUnlessBlocked(
                    u"orphan: not written for %1; removed unless a launch holds its lock"_s.arg(formatDuration(age)));
            }
        } else if (meta.pinned) {
            a.reason = u"pinned"_s;
        } else if (mismatch) {
            a.reason = u"checksum mismatch: kept for inspection, never removed silently"_s;
        } else if (age < 0) {
            a.reason = u"age unknown (no modification time): kept"_s;
        } else {
            const qint64 minimum = minimumAge(a.kind, policy);
            const QString unused = u"unused for %1"_s.arg(formatDuration(age));
            if (age < minimum) {
                a.reason = unused + u"; removable in %1"_s.arg(formatDuration(minimum - age));
                if (policy.removeUnused)
                    a.removableInSeconds = minimum - age;
            } else if (!policy.removeUnused)
                a.reason = unused + u"; removal of unused base files is off"_s;
            else
                removeUnlessBlocked(unused + u" (minimum %1)"_s.arg(formatDuration(minimum)));
        }
        plan.actions.append(std::move(a));
    }
    plan.tally();
    return plan;
}

} // namespace cowherd::cache
