#include "cachepass/cachepassscheduler.h"

#include "cache/cachepolicy.h"
#include "task/taskmanager.h"
#include "task/whenfinished.h"

#include <QtConcurrent>

#include <algorithm>

namespace cowherd::ui {

CachePassScheduler::CachePassScheduler(task::TaskManager *tasks, QObject *parent)
    : QObject(parent)
    , m_tasks(tasks)
{
    connect(tasks, &task::TaskManager::taskFinished, this, [this](quint64 id) {
        for (auto it = m_running.begin(); it != m_running.end(); ++it)
            if (it.value() == id) {
                m_running.erase(it);
                return;
            }
    });
}

void CachePassScheduler::setHosts(const QList<host::HostConfig> &hosts, const QString &configFile)
{
    m_hosts = hosts;
    m_configFile = configFile;
    qDeleteAll(m_timers);
    m_timers.clear();
    const quint64 generation = ++m_generation;
    // The policies live in the settings file: read them on a worker.
    task::whenFinished(QtConcurrent::run([hosts, configFile] {
        QHash<QString, cache::CachePolicy> policies;
        for (const auto &h : hosts)
            policies.insert(h.name, cache::loadCachePolicy(configFile, h.name));
        return policies;
    }),
        this, [this, generation](const QHash<QString, cache::CachePolicy> &policies) {
            if (generation != m_generation)
                return;
            m_policies = policies;
            for (auto it = policies.cbegin(); it != policies.cend(); ++it) {
                const qint64 seconds = it.value().passIntervalSeconds;
                if (seconds <= 0)
                    continue; // passes turned off for this host
                auto *timer = new QTimer(this);
                timer->setInterval(std::chrono::seconds(seconds));
                timer->setProperty("intervalSeconds", seconds);
                const QString host = it.key();
                connect(timer, &QTimer::timeout, this, [this, host] { runPass(host); });
                timer->start();
                m_timers.insert(host, timer);
            }
            Q_EMIT policiesLoaded();
        });
}

qint64 CachePassScheduler::intervalSeconds(const QString &hostName) const
{
    const QTimer *timer = m_timers.value(hostName);
    return timer ? timer->property("intervalSeconds").toLongLong() : 0;
}

void CachePassScheduler::runPass(const QString &hostName)
{
    if (m_running.contains(hostName))
        return; // the previous pass is still at work: skip this turn, as Nova does
    const auto host = std::ranges::find(m_hosts, hostName, &host::HostConfig::name);
    if (host == m_hosts.end())
        return;
    const quint64 id = m_tasks->submit(tr("Scheduled cache pass on %1").arg(hostName), hostName,
        CacheTasks::pass({*host, m_hosts, m_configFile}, CacheTasks::PassMode::Scheduled));
    m_running.insert(hostName, id);
    Q_EMIT passSubmitted(hostName, id);
}

} // namespace cowherd::ui
