#pragma once

#include "cache/cachesnapshot.h"
#include "cache/groupplanner.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <optional>

namespace cowherd::ui {

class ScanScheduler;

// The snapshots of every scanned host and the plans of their sharing groups, computed together
// once per set of snapshots (cache::planGroups()) and read by the All hosts overview, the map and
// the dashboard, so that they agree: a file a member of the group uses is never reclaimable, and
// a file the members share is counted once.
struct PlannedSnapshots
{
    QList<cache::CacheSnapshot> snapshots; // in the scheduler's host order
    cache::GroupPlans plans;
};

// Holds the latest PlannedSnapshots of a ScanScheduler. A new snapshot has its host's storage-id
// marker read, and on a cache Nova manages its nova.conf (a round trip to the host, on the pool
// for such calls), then every group is planned again off the UI thread (by Nova's rules where a
// member is Nova's, as a cache pass plans it); planned() says when latest() changed.
class GroupPlanner final : public QObject
{
    Q_OBJECT

public:
    GroupPlanner(ScanScheduler *scheduler, const QString &configFile, QObject *parent = nullptr);

    // Plans again from the scheduler's latest snapshots (a lifecycle event patched one).
    void refresh();

    const PlannedSnapshots &latest() const { return m_latest; }
    // A marker is being read or a plan computed: latest() is about to change.
    bool isPlanning() const { return !m_reading.isEmpty() || m_inFlight; }

Q_SIGNALS:
    void planned();

private:
    // What is read from a host after its scan, off the UI thread.
    struct HostReading
    {
        QString storageId;
        std::optional<cache::NovaPlanPolicy> nova; // on a cache Nova manages: its nova.conf's ages
    };

    void readStorageId(const cache::CacheSnapshot &snapshot);
    void plan();

    ScanScheduler *m_scheduler;
    QString m_configFile;
    QHash<QString, QString> m_storageIds; // host -> the id its latest snapshot's _base showed
    QHash<QString, cache::NovaPlanPolicy> m_novaPolicies; // Nova's hosts -> the ages of their nova.conf
    QHash<QString, quint64> m_readGeneration; // host -> its latest marker read
    QSet<QString> m_reading; // hosts whose marker is being read
    PlannedSnapshots m_latest;
    quint64 m_generation = 0;
    bool m_inFlight = false;
    bool m_planDue = false; // asked again while a plan was computed
};

} // namespace cowherd::ui
