#pragma once

#include "cache/cachesnapshot.h"
#include "common/backgroundpool.h"
#include "error.h"
#include "host/hostconfig.h"

#include <QHash>
#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <chrono>
#include <functional>

namespace cowherd::ui {

// Runs host scans on its own thread pool and hands the results back on the UI thread.
// Each scan gets a job id; a result that is not the host's latest job is stale and dropped,
// so a slow old scan can never overwrite a newer one.
class ScanScheduler final : public QObject
{
    Q_OBJECT

public:
    using ScanFunction = std::function<Result<cache::CacheSnapshot>(const host::HostConfig &)>;

    // scan defaults to cache::scanHost(); tests pass their own.
    explicit ScanScheduler(QObject *parent = nullptr, ScanFunction scan = {});
    ~ScanScheduler() override;

    void setHosts(const QList<host::HostConfig> &hosts);
    QList<host::HostConfig> hosts() const { return m_hosts; }

    // Caps how many hosts are scanned at once (default 4).
    void setMaxParallelScans(int count) { m_pool.setMaxThreadCount(count); }

    // Periodic refresh of every host not being scanned already; zero turns it off.
    void setInterval(std::chrono::milliseconds interval);
    std::chrono::milliseconds interval() const { return m_timer.intervalAsDuration(); }

    // Starts a scan of the host now; a scan already running for it becomes stale (Refresh means
    // "from now on"). Returns the job id, 0 for an unknown host.
    quint64 scan(const QString &hostName);
    void scanAll();

    bool isScanning(const QString &hostName) const { return m_running.contains(hostName); }
    // The latest snapshot of the host, if any scan has finished.
    const cache::CacheSnapshot *snapshot(const QString &hostName) const;
    // A domain lifecycle event between scans: the instance's state in the host's latest
    // snapshot becomes state. False when the snapshot has no such instance (a rescan will tell).
    bool updateInstanceState(const QString &hostName, const QString &uuid, const QString &state);

Q_SIGNALS:
    void scanStarted(const QString &hostName, quint64 jobId);
    void snapshotReady(const QString &hostName, const cowherd::cache::CacheSnapshot &snapshot, qint64 elapsedMs);
    void scanFailed(const QString &hostName, const cowherd::Error &error);

private:
    struct Outcome
    {
        Result<cache::CacheSnapshot> result;
        qint64 elapsedMs = 0;
    };

    void finish(const QString &hostName, quint64 jobId, Outcome outcome);

    ScanFunction m_scan;
    QThreadPool m_pool;
    QTimer m_timer;
    QList<host::HostConfig> m_hosts;
    QHash<QString, quint64> m_running; // host name -> its latest job id
    QHash<QString, cache::CacheSnapshot> m_snapshots;
    quint64 m_nextJobId = 1;
};

} // namespace cowherd::ui
