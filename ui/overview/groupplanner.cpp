#include "overview/groupplanner.h"

#include "common/backgroundpool.h"
#include "hosts/hosttransport.h"
#include "tables/scanscheduler.h"

#include "cache/cachepolicy.h"
#include "cache/novaconf.h"
#include "cache/sharinggroup.h"
#include "host/hostcallpool.h"
#include "task/whenfinished.h"

#include <QtConcurrent>

#include <utility>

namespace cowherd::ui {

using namespace Qt::StringLiterals;

GroupPlanner::GroupPlanner(ScanScheduler *scheduler, const QString &configFile, QObject *parent)
    : QObject(parent)
    , m_scheduler(scheduler)
    , m_configFile(configFile)
{
    setObjectName(u"groupPlanner"_s);
    connect(scheduler, &ScanScheduler::snapshotReady, this,
        [this](const QString &, const cache::CacheSnapshot &snapshot) { readStorageId(snapshot); });
}

void GroupPlanner::refresh()
{
    plan();
}

void GroupPlanner::readStorageId(const cache::CacheSnapshot &snapshot)
{
    const QString host = snapshot.host.name;
    const quint64 generation = ++m_readGeneration[host];
    m_reading.insert(host);
    // Which _base the host sees is read from the host: a round trip to a host that may have gone
    // away since its scan, so on the pool for such calls.
    // On a cache Nova manages, its nova.conf too: the views plan it by Nova's rules and ages, as
    // a cache pass does.
    task::whenFinished(
        QtConcurrent::run(host::hostCallPool(),
            [config = snapshot.host, configFile = m_configFile, nova = snapshot.managedBy == host::ManagedBy::Nova] {
                HostReading reading;
                const cache::CachePolicy policy = cache::loadCachePolicy(configFile, config.name);
                if (policy.sharingGroup.isEmpty()) // a hand-set group needs no marker
                    reading.storageId = cache::knownStorageId(config, configFile, transportFactory());
                if (nova) {
                    if (auto transport = transportFactory()(config))
                        reading.nova = cache::NovaPlanPolicy::fromConfig(
                            cache::readNovaConf(config, *transport), config.instancesPath, policy);
                }
                return reading;
            }),
        this, [this, host, generation](const HostReading &reading) {
            if (generation != m_readGeneration.value(host))
                return;
            m_reading.remove(host);
            m_storageIds.insert(host, reading.storageId);
            if (reading.nova)
                m_novaPolicies.insert(host, *reading.nova);
            else
                m_novaPolicies.remove(host);
            plan();
        });
}

void GroupPlanner::plan()
{
    // A host seen for the first time is planned once its marker is known: planned alone
    // meanwhile, a file its group's other members use could look removable.
    for (const QString &host : std::as_const(m_reading)) {
        if (!m_storageIds.contains(host))
            return; // its read plans when it lands
    }
    if (m_inFlight) {
        m_planDue = true;
        return;
    }
    QList<cache::HostSnapshotView> views;
    for (const host::HostConfig &host : m_scheduler->hosts()) {
        cache::HostSnapshotView view{host, std::nullopt, {}};
        if (const cache::CacheSnapshot *snapshot = m_scheduler->snapshot(host.name))
            view.snapshot = *snapshot;
        else
            view.unreachableReason = u"no scan yet"_s;
        views.append(std::move(view));
    }
    m_inFlight = true;
    // Policies live in the settings file and planning a large cache is not free: off this thread.
    task::whenFinished(
        runInBackground([views, storageIds = m_storageIds, novaPolicies = m_novaPolicies, configFile = m_configFile] {
            PlannedSnapshots result;
            QList<cache::PlanningHost> hosts;
            for (const cache::HostSnapshotView &view : views) {
                const QString &name = view.host.name;
                if (view.snapshot)
                    result.snapshots.append(*view.snapshot);
                // A host not read this session (no snapshot yet): the id an earlier pass remembered.
                hosts.append({view, cache::loadCachePolicy(configFile, name),
                    storageIds.contains(name) ? storageIds.value(name) : cache::rememberedStorageId(configFile, name),
                    novaPolicies.contains(name) ? std::optional(novaPolicies.value(name)) : std::nullopt});
            }
            result.plans = cache::planGroups(hosts, QDateTime::currentDateTimeUtc());
            return result;
        }),
        this, [this](const PlannedSnapshots &result) {
            m_inFlight = false;
            if (std::exchange(m_planDue, false)) {
                plan(); // the snapshots changed meanwhile: only the newest set is shown
                return;
            }
            // The last copy of a replaced 50,000-instance snapshot takes tens of ms to free.
            releaseInBackground(std::exchange(m_latest, result));
            Q_EMIT planned();
        });
}

} // namespace cowherd::ui
