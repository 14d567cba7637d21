#include "tables/scanscheduler.h"

#include "cache/scanner.h"
#include "task/threadpriority.h"
#include "task/whenfinished.h"

#include <QElapsedTimer>
#include <QtConcurrent>

namespace cowherd::ui {

ScanScheduler::ScanScheduler(QObject *parent, ScanFunction scan)
    : QObject(parent)
    , m_scan(scan ? std::move(scan) : [](const host::HostConfig &host) { return cache::scanHost(host); })
{
    // Hosts are independent, but one slow host must not hold up the others forever.
    m_pool.setMaxThreadCount(4);
    m_timer.setTimerType(Qt::VeryCoarseTimer);
    // A periodic tick leaves running scans alone: restarting them would starve a host whose
    // scan takes longer than the interval.
    connect(&m_timer, &QTimer::timeout, this, [this] {
        for (const auto &host : std::as_const(m_hosts))
            if (!m_running.contains(host.name))
                this->scan(host.name);
    });
}

ScanScheduler::~ScanScheduler()
{
    // Continuations are bound to this object and are dropped with it; the scans themselves
    // only hold values, so waiting for them here is all that is left.
    m_pool.waitForDone();
}

void ScanScheduler::setHosts(const QList<host::HostConfig> &hosts)
{
    m_hosts = hosts;
    for (auto it = m_snapshots.begin(); it != m_snapshots.end();) {
        const bool kept
            = std::ranges::any_of(hosts, [&it](const auto &h) { return h.name == it.key() && h == it->host; });
        it = kept ? std::next(it) : m_snapshots.erase(it);
    }
    for (auto it = m_running.begin(); it != m_running.end();) {
        const bool kept = std::ranges::any_of(hosts, [&it](const auto &h) { return h.name == it.key(); });
        it = kept ? std::next(it) : m_running.erase(it);
    }
}

void ScanScheduler::setInterval(std::chrono::milliseconds interval)
{
    if (interval.count() <= 0) {
        m_timer.stop();
        return;
    }
    m_timer.start(interval);
}

quint64 ScanScheduler::scan(const QString &hostName)
{
    const auto host = std::ranges::find_if(m_hosts, [&hostName](const auto &h) { return h.name == hostName; });
    if (host == m_hosts.end())
        return 0;
    const quint64 jobId = m_nextJobId++;
    m_running.insert(hostName, jobId);
    Q_EMIT scanStarted(hostName, jobId);

    task::whenFinished(QtConcurrent::run(&m_pool,
                           [scan = m_scan, config = *host] {
                               task::lowerCurrentThreadPriority(BackgroundNice);
                               QElapsedTimer clock;
                               clock.start();
                               Outcome outcome{scan(config), 0};
                               outcome.elapsedMs = clock.elapsed();
                               return outcome;
                           }),
        this, [this, hostName, jobId](Outcome outcome) { finish(hostName, jobId, std::move(outcome)); });
    return jobId;
}

void ScanScheduler::scanAll()
{
    for (const auto &host : std::as_const(m_hosts))
        scan(host.name);
}

const cache::CacheSnapshot *ScanScheduler::snapshot(const QString &hostName) const
{
    const auto it = m_snapshots.constFind(hostName);
    return it == m_snapshots.constEnd() ? nullptr : &it.value();
}

bool ScanScheduler::updateInstanceState(const QString &hostName, const QString &uuid, const QString &state)
{
    const auto it = m_snapshots.find(hostName);
    if (it == m_snapshots.end())
        return false;
    for (cache::Instance &instance : it->instances) {
        if (instance.uuid.compare(uuid, Qt::CaseInsensitive) == 0) {
            instance.state = state;
            return true;
        }
    }
    return false;
}

void ScanScheduler::finish(const QString &hostName, quint64 jobId, Outcome outcome)
{
    const auto running = m_running.constFind(hostName);
    if (running == m_running.constEnd() || running.value() != jobId)
        return; // stale: a newer scan was started, or the host was removed
    m_running.erase(running);
    if (!outcome.result) {
        Q_EMIT scanFailed(hostName, outcome.result.error());
        return;
    }
    // The views let go of the host's previous snapshot while they take this one; what is left of
    // it is freed off this thread.
    cache::CacheSnapshot previous = m_snapshots.take(hostName);
    m_snapshots.insert(hostName, *outcome.result);
    Q_EMIT snapshotReady(hostName, *outcome.result, outcome.elapsedMs);
    releaseInBackground(std::move(previous));
}

} // namespace cowherd::ui
