#pragma once

#include "cache/cacheplanner.h"
#include "cache/cachepolicy.h"
#include "cache/novaplanner.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace cowherd::cache {

// One configured host as the views know it: its latest snapshot (or why there is none), its
// cache pass policy and the storage id its _base showed (read from the marker or remembered;
// empty when none is known).
struct PlanningHost
{
    HostSnapshotView view;
    CachePolicy policy;
    QString storageId;
    // On a host whose cache Nova manages: the ages of its nova.conf (NovaPlanPolicy::fromConfig).
    // A group with such a member is planned by Nova's rules, as a cache pass plans it.
    std::optional<NovaPlanPolicy> nova;
};

// The key of a host's sharing group: "group:NAME" for a hand-set group, else "storage:ID" for
// the storage-id marker, else "host:NAME" (alone).
QString groupKeyOf(const QString &hostName, const CachePolicy &policy, const QString &storageId);

struct GroupPlan
{
    QString key;
    QStringList members; // host names in the order given, those without a snapshot included
    CleanupPlan plan; // of the whole group, under its first member's policy (Nova's, see PlanningHost::nova)
};

struct GroupPlans
{
    QList<GroupPlan> groups; // in the order of their first member
    QHash<QString, qsizetype> groupIndex; // host name -> index into groups

    const GroupPlan *groupOf(const QString &hostName) const;
    const CleanupPlan *planOf(const QString &hostName) const;
};

// Pure: the hosts that see one _base are planned together, as a cache pass plans them, so a
// file one member uses is never removable and a file both see is one action. A member without
// a snapshot blocks its group's removals (its instances are unknown); a group none of whose
// members has a snapshot gets no plan. Pinned and corrupt files are read from the snapshots.
// A group one of whose members is Nova's (its snapshot says so and it brings a NovaPlanPolicy)
// follows planNovaCleanup() with the first such member's policy.
GroupPlans planGroups(const QList<PlanningHost> &hosts, const QDateTime &now);

} // namespace cowherd::cache
