#pragma once

#include "cache/cachesnapshot.h"
#include "cache/groupplanner.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>

namespace cowherd::ui {

struct BaseUse
{
    QStringList hosts; // the hosts shown that see it: one, or the members of a sharing group
    QString name;
    cache::BaseKind kind = cache::BaseKind::Unknown;
    qint64 allocatedBytes = 0;
    int instances = 0; // that use it, on every host that sees it
    QStringList users; // the instances using it, server name first ("web-1 (instance-00000005)")
};

// The numbers of the dashboard, for one host or several. Pure: tests feed snapshots by hand.
// Hosts that share a _base (one group of the plans) count each shared file and instance once,
// and a group's reclaimable bytes once.
struct DashboardFigures
{
    int hosts = 0;
    int baseFiles = 0;
    int instances = 0;
    int overlays = 0; // disks with a backing file
    qint64 cacheBytes = 0; // allocated by every base file
    qint64 reclaimableBytes = 0; // what a cache pass would remove now, by the plans of the groups
    int removableFiles = 0;
    qint64 overlayVirtualBytes = 0; // what full copies of every overlay would take
    qint64 overlayAllocatedBytes = 0; // what the overlays really take
    QList<BaseUse> bases; // largest first
    QMap<cache::BaseKind, qint64> bytesByKind;

    // Overlays and the base files they share, against a full copy per disk.
    qint64 copyOnWriteBytes() const { return overlayAllocatedBytes + cacheBytes; }
    qint64 savingsBytes() const { return overlayVirtualBytes - copyOnWriteBytes(); }
};

DashboardFigures computeFigures(const QList<cache::CacheSnapshot> &snapshots, const cache::GroupPlans &plans);

// One line of the audit log that cache passes write.
struct AuditEntry
{
    QDateTime time;
    QString host;
    QString file;
    QString action;
    QString reason;
    qint64 bytes = 0;
};

// The newest `limit` entries, newest first; an absent or unreadable log gives none. Reads a
// file: call it off the UI thread.
QList<AuditEntry> readRecentAudit(const QString &path, int limit);

} // namespace cowherd::ui
