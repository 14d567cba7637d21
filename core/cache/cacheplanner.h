#pragma once

#include "cache/basemetadata.h"
#include "cache/cachepolicy.h"
#include "cache/cachesnapshot.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace cowherd::cache {

// One member of a sharing group as the pass saw it: a snapshot, or why there is none.
struct HostSnapshotView
{
    host::HostConfig host;
    std::optional<CacheSnapshot> snapshot;
    QString unreachableReason; // set when snapshot is empty
};

// Everything the planner looks at: every host of the sharing group (they see the same _base)
// and Cowherd's metadata of its files, by base file name.
struct SharingGroupState
{
    QList<HostSnapshotView> hosts;
    QHash<QString, BaseMetadata> metadata;
};

struct PlannedAction
{
    enum class Action
    {
        Keep,
        Touch,
        Remove
    };

    QString name;
    QString path; // on the first reachable host that has it
    BaseKind kind = BaseKind::Unknown;
    Action action = Action::Keep;
    QString reason; // for people: "used by 2 instances on lab1", "unused for 2 h; removable in 22 h"
    qint64 bytes = 0; // allocated
    QDateTime mtime; // as planned; the executor re-checks it
    QStringList references; // "lab1:uuid", sorted
    bool orphan = false; // a stale *.part / *.converted
    bool blocked = false; // would be removed, but the sharing group blocks removal
    // When the rules would remove the file by age alone, counted from the plan's time: 0 for a
    // removal (also when blocked), the time left to its minimum age for one too young, -1 never
    // (in use, pinned, corrupt, unknown, age unknown, removal off). The base cache table shows it.
    qint64 removableInSeconds = -1;
    QString advice; // under Nova's rules: what Cowherd's own rules would do instead; empty when the same
};

QString toString(PlannedAction::Action action); // keep, touch, remove

// Whose rules a plan follows: Cowherd's (planCleanup) or Nova's image cache manager's
// (planNovaCleanup, novaplanner.h) on a cache Nova manages.
enum class PlanRules
{
    Cowherd,
    Nova
};
QString toString(PlanRules rules); // "cowherd", "nova"

// The ages and switches a plan was made with, and where they came from.
struct PlanPolicy
{
    qint64 originalMinimumAgeSeconds = 86400;
    qint64 resizedMinimumAgeSeconds = 3600;
    bool removeUnused = true;
    QString source; // "cowherd.conf …", "nova.conf on c1: /etc/nova/nova.conf", "Nova's defaults (…)"
};

struct CleanupPlan
{
    QDateTime plannedAt;
    PlanRules rules = PlanRules::Cowherd;
    PlanPolicy policy;
    QStringList notes; // what the reader should know about the cache as a whole (images_type rbd, …)
    bool blocked = false; // some host of the group could not be seen: nothing is removed
    QString blockedReason;
    QList<PlannedAction> actions; // sorted by name
    qint64 reclaimableBytes = 0;
    int removeCount = 0;
    int touchCount = 0;
    int keepCount = 0;

    const PlannedAction *action(QStringView name) const;
    // Sets the counts and reclaimable bytes from the actions (after they were planned or changed).
    void tally();
};

// Pure: the same group, policy and time always give the same plan (Cowherd's rules). Nova's
// semantics: a file in use is touched (mtime = now), so an unused file's age is the time since
// it was last seen in use. Never removes a referenced, pinned, unknown-named, corrupt (mismatch) or too young file,
// and nothing at all while a host of the group is unreachable or its references are incomplete.
CleanupPlan planCleanup(const SharingGroupState &group, const CachePolicy &policy, const QDateTime &now);

// "45 s", "12 min", "5 h", "3 d"
QString formatDuration(qint64 seconds);

// Why the group's references may be incomplete (a host unreachable, its cache unreadable, its
// libvirt silent, a Nova compute node Cowherd cannot scan): removal is blocked while any holds.
QStringList groupBlockers(const SharingGroupState &group);

} // namespace cowherd::cache
