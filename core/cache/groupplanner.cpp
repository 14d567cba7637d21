#include "cache/groupplanner.h"

using namespace Qt::StringLiterals;

namespace cowherd::cache {

namespace {

// What the planner reads from Cowherd's metadata, as the scan put it into each base file.
void addMetadata(const CacheSnapshot &snapshot, QHash<QString, BaseMetadata> &metadata)
{
    for (const BaseFile &base : snapshot.bases) {
        if (!base.pinned && base.checksumState != u"mismatch")
            continue;
        BaseMetadata &meta = metadata[base.name];
        meta.pinned = meta.pinned || base.pinned;
        if (base.checksumState == u"mismatch")
            meta.state = BaseMetadata::ChecksumState::Mismatch;
    }
}

} // namespace

QString groupKeyOf(const QString &hostName, const CachePolicy &policy, const QString &storageId)
{
    if (!policy.sharingGroup.isEmpty())
        return u"group:"_s + policy.sharingGroup;
    if (!storageId.isEmpty())
        return u"storage:"_s + storageId;
    return u"host:"_s + hostName;
}

const GroupPlan *GroupPlans::groupOf(const QString &hostName) const
{
    const auto index = groupIndex.constFind(hostName);
    return index == groupIndex.constEnd() ? nullptr : &groups.at(index.value());
}

const CleanupPlan *GroupPlans::planOf(const QString &hostName) const
{
    const GroupPlan *group = groupOf(hostName);
    return group ? &group->plan : nullptr;
}

GroupPlans planGroups(const QList<PlanningHost> &hosts, const QDateTime &now)
{
    struct Gathered
    {
        QStringList members;
        SharingGroupState state;
        CachePolicy policy;
        bool scanned = false;
        std::optional<NovaPlanPolicy> nova;
    };
    QList<Gathered> gathered;
    QHash<QString, qsizetype> byKey;
    QList<QString> keys;
    for (const PlanningHost &host : hosts) {
        const QString key = groupKeyOf(host.view.host.name, host.policy, host.storageId);
        auto found = byKey.constFind(key);
        if (found == byKey.constEnd()) {
            found = byKey.insert(key, gathered.size());
            gathered.append({{}, {}, host.policy, false, std::nullopt});
            keys.append(key);
        }
        Gathered &group = gathered[found.value()];
        group.members.append(host.view.host.name);
        group.state.hosts.append(host.view);
        if (host.view.snapshot) {
            group.scanned = true;
            addMetadata(*host.view.snapshot, group.state.metadata);
            if (!group.nova && host.nova && host.view.snapshot->managedBy == host::ManagedBy::Nova)
                group.nova = host.nova;
        }
    }

    GroupPlans plans;
    for (qsizetype i = 0; i < gathered.size(); ++i) {
        const Gathered &group = gathered.at(i);
        if (!group.scanned)
            continue;
        for (const QString &member : group.members)
            plans.groupIndex.insert(member, plans.groups.size());
        plans.groups.append({keys.at(i), group.members,
            group.nova ? planNovaCleanup(group.state, *group.nova, now) : planCleanup(group.state, group.policy, now)});
    }
    return plans;
}

} // namespace cowherd::cache
