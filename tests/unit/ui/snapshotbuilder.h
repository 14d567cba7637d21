#pragma once

#include "cache/cachesnapshot.h"
#include "cache/groupplanner.h"

#include <QHash>

#include <QDateTime>
#include <QStringList>

// Hand-made snapshots for model tests: the models only see values, so no host is needed.
namespace cowherd::test {

inline QDateTime testNow()
{
    return QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);
}

inline cache::BaseFile makeBase(const QString &name, cache::BaseKind kind, qint64 virtualSize, qint64 allocatedSize,
    qint64 ageSeconds, const QStringList &references = {})
{
    cache::BaseFile base;
    base.name = name;
    base.path = QStringLiteral("/lab/_base/") + name;
    base.kind = kind;
    base.format = QStringLiteral("raw");
    base.virtualSize = virtualSize;
    base.apparentSize = virtualSize;
    base.allocatedSize = allocatedSize;
    base.mtime = testNow().addSecs(-ageSeconds);
    base.references = references;
    return base;
}

inline cache::Instance makeInstance(const QString &uuid, const QString &name, const QStringList &backingPaths)
{
    cache::Instance instance;
    instance.uuid = uuid;
    instance.name = name;
    instance.state = name.isEmpty() ? QStringLiteral("undefined") : QStringLiteral("running");
    instance.directory = QStringLiteral("/lab/") + uuid;
    for (const auto &backing : backingPaths) {
        cache::Disk disk;
        disk.path = instance.directory + QStringLiteral("/disk")
            + (instance.disks.isEmpty() ? QString() : QString::number(instance.disks.size()));
        disk.format = QStringLiteral("qcow2");
        disk.backingChain.append({backing, QStringLiteral("raw")});
        instance.disks.append(disk);
    }
    return instance;
}

inline cache::CacheSnapshot makeSnapshot(QList<cache::BaseFile> bases, QList<cache::Instance> instances = {})
{
    cache::CacheSnapshot snapshot;
    snapshot.host = {QStringLiteral("lab1"), QStringLiteral("test:///default"), QStringLiteral("/lab")};
    snapshot.takenAt = testNow();
    snapshot.bases = std::move(bases);
    snapshot.instances = std::move(instances);
    return snapshot;
}

// The group planner's plans of snapshots under the default policy; hosts with the same storage
// id share a _base, a host without one is alone.
inline cache::GroupPlans plansOf(
    const QList<cache::CacheSnapshot> &snapshots, const QHash<QString, QString> &storageIds = {})
{
    QList<cache::PlanningHost> hosts;
    for (const cache::CacheSnapshot &snapshot : snapshots)
        hosts.append(cache::PlanningHost{{snapshot.host, snapshot, {}}, {}, storageIds.value(snapshot.host.name)});
    return cache::planGroups(hosts, testNow());
}

} // namespace cowherd::test
