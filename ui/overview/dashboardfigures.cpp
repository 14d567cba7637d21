#include "overview/dashboardfigures.h"

#include "common/displayformat.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace cowherd::ui {

using namespace Qt::StringLiterals;

DashboardFigures computeFigures(const QList<cache::CacheSnapshot> &snapshots,
    const QHash<QString, cache::CleanupPlan> &plans)
{
    DashboardFigures figures;
    figures.hosts = int(snapshots.size());
    for (const cache::CacheSnapshot &snapshot : snapshots) {
        figures.baseFiles += int(snapshot.bases.size());
        figures.instances += int(snapshot.instances.size());
        for (const cache::BaseFile &base : snapshot.bases) {
            figures.cacheBytes += base.allocatedSize;
            figures.bytesByKind[base.kind] += base.allocatedSize;
            QStringList users;
            for (const QString &uuid : base.references) {
                const cache::Instance *instance = snapshot.instance(uuid);
                const QString name = instance ? DisplayFormat::instanceName(*instance) : QString();
                users.append(name.isEmpty() ? uuid : name);
            }
            figures.bases.append({snapshot.host.name, base.name, base.kind, base.allocatedSize, int(base.references.size()), users});
        }
        for (const cache::Instance &instance : snapshot.instances) {
            for (const cache::Disk &disk : instance.disks) {
                if (disk.backingChain.isEmpty())
                    continue;
                ++figures.overlays;
                figures.overlayVirtualBytes += disk.virtualSize;
                figures.overlayAllocatedBytes += disk.allocatedSize;
            }
        }
        const auto plan = plans.constFind(snapshot.host.name);
        if (plan != plans.constEnd() && !plan->blocked) {
            figures.reclaimableBytes += plan->reclaimableBytes;
            figures.removableFiles += plan->removeCount;
        }
    }
    std::stable_sort(figures.bases.begin(), figures.bases.end(),
        [](const BaseUse &a, const BaseUse &b) { return a.allocatedBytes > b.allocatedBytes; });
    return figures;
}

QList<AuditEntry> readRecentAudit(const QString &path, int limit)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    // The log only grows; its tail holds the recent passes.
    constexpr qint64 TailBytes = 256 * 1024;
    if (file.size() > TailBytes)
        file.seek(file.size() - TailBytes);
    const QList<QByteArray> lines = file.readAll().split('\n');
    QList<AuditEntry> entries;
    for (auto line = lines.crbegin(); line != lines.crend() && entries.size() < limit; ++line) {
        const QJsonObject object = QJsonDocument::fromJson(*line).object();
        if (object.isEmpty())
            continue;
        entries.append({QDateTime::fromString(object.value(u"time"_s).toString(), Qt::ISODateWithMs),
            object.value(u"host"_s).toString(), object.value(u"file"_s).toString(),
            object.value(u"action"_s).toString(), object.value(u"reason"_s).toString(),
            object.value(u"bytes"_s).toInteger()});
    }
    return entries;
}

} // namespace cowherd::ui
