#include "overview/dashboardfigures.h"

#include "common/displayformat.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>

namespace cowherd::ui {

using namespace Qt::StringLiterals;

DashboardFigures computeFigures(const QList<cache::CacheSnapshot> &snapshots, const cache::GroupPlans &plans)
{
    DashboardFigures figures;
    figures.hosts = int(snapshots.size());
    QHash<QString, qsizetype> baseIndex; // group key + name -> figures.bases
    QList<QSet<QString>> usedBy; // per figures.bases: instance uuids
    QSet<QString> instancesSeen; // group key + uuid
    QSet<QString> groupsCounted;
    for (const cache::CacheSnapshot &snapshot : snapshots) {
        const QString &host = snapshot.host.name;
        const cache::GroupPlan *group = plans.groupOf(host);
        const QString key = group ? group->key : u"host:"_s + host;
        for (const cache::BaseFile &base : snapshot.bases) {
            const QString id = key + u'\n' + base.name;
            auto found = baseIndex.constFind(id);
            if (found == baseIndex.constEnd()) {
                found = baseIndex.insert(id, figures.bases.size());
                figures.cacheBytes += base.allocatedSize;
                figures.bytesByKind[base.kind] += base.allocatedSize;
                figures.bases.append(BaseUse{{}, base.name, base.kind, base.allocatedSize, 0, {}});
                usedBy.append(QSet<QString>());
            }
            BaseUse &use = figures.bases[found.value()];
            use.hosts.append(host);
            for (const QString &uuid : base.references) {
                if (usedBy[found.value()].contains(uuid))
                    continue;
                usedBy[found.value()].insert(uuid);
                const cache::Instance *instance = snapshot.instance(uuid);
                const QString name = instance ? DisplayFormat::instanceName(*instance) : QString();
                use.users.append(name.isEmpty() ? uuid : name);
            }
        }
        // Hosts sharing an instances path see each other's instance directories.
        for (const cache::Instance &instance : snapshot.instances) {
            const qsizetype before = instancesSeen.size();
            instancesSeen.insert(key + u'\n' + instance.uuid);
            if (instancesSeen.size() == before)
                continue;
            ++figures.instances;
            for (const cache::Disk &disk : instance.disks) {
                if (disk.backingChain.isEmpty())
                    continue;
                ++figures.overlays;
                figures.overlayVirtualBytes += disk.virtualSize;
                figures.overlayAllocatedBytes += disk.allocatedSize;
            }
        }
        if (group && !group->plan.blocked && !groupsCounted.contains(key)) {
            groupsCounted.insert(key);
            figures.reclaimableBytes += group->plan.reclaimableBytes;
            figures.removableFiles += group->plan.removeCount;
        }
    }
    figures.baseFiles = int(figures.bases.size());
    for (qsizetype i = 0; i < figures.bases.size(); ++i)
        figures.bases[i].instances = int(usedBy.at(i).size());
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
