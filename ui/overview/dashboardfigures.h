#pragma once

#include "cache/cacheplanner.h"
#include "cache/cachesnapshot.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>

namespace cowherd::ui {

struct BaseUse
{
    QString host;
    QString name;
    cache::BaseKind kind = cache::BaseKind::Unknown;
    qint64 allocatedBytes = 0;
    int instances = 0;
    QStringList users; // the instances using it, server name first ("web-1 (instance-00000005)")
};

// The numbers of the dashboard, for one host or several. Pure: tests feed snapshots by hand.
struct DashboardFigures
{
    int hosts = 0;
    int baseFiles = 0;
    int instances = 0;
    int overlays = 0; // disks with a backing file
    qint64 cacheBytes = 0; // allocated by every base file
    qint64 reclaimableBytes = 0; // what a cache pass would remove now
    int removableFiles = 0;
    qint64 overlayVirtualBytes = 0; // what full copies of every overlay would take
    qint64 overlayAllocatedBytes = 0; // what the overlays really take
    QList<BaseUse> bases; // largest first
    QMap<cache::BaseKind, qint64> bytesByKind;

    // Overlays and the base files they share, against a full copy per disk.
    qint64 copyOnWriteBytes() const { return overlayAllocatedBytes + cacheBytes; }
    qint64 savingsBytes() const { return overlayVirtualBytes - copyOnWriteBytes(); }
};

DashboardFigures computeFigures(const QList<cache::CacheSnapshot> &snapshots,
    const QHash<QString, cache::CleanupPlan> &plans);

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
