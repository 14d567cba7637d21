#pragma once

#include "cachepass/cachetasks.h"

#include "cache/cachepolicy.h"

#include <QHash>
#include <QObject>
#include <QTimer>

namespace cowherd::task {
class TaskManager;
}

namespace cowherd::ui {

// While the window is open, runs a cache pass (clean and verify) on every host at its
// policy's interval (Nova's image_cache_manager_interval, 2400 s by default), as tasks.
class CachePassScheduler final : public QObject
{
    Q_OBJECT

public:
    explicit CachePassScheduler(task::TaskManager *tasks, QObject *parent = nullptr);

    // Reads each host's policy off the UI thread, then (re)arms one timer per host.
    void setHosts(const QList<host::HostConfig> &hosts, const QString &configFile);
    qint64 intervalSeconds(const QString &hostName) const;
    // The host's policy once read (defaults before).
    cache::CachePolicy policy(const QString &hostName) const { return m_policies.value(hostName); }

Q_SIGNALS:
    void passSubmitted(const QString &hostName, quint64 taskId);
    void policiesLoaded();

private:
    void runPass(const QString &hostName);

    task::TaskManager *m_tasks;
    QList<host::HostConfig> m_hosts;
    QString m_configFile;
    QHash<QString, QTimer *> m_timers;
    QHash<QString, cache::CachePolicy> m_policies;
    QHash<QString, quint64> m_running; // host -> its pass task, while unfinished
    quint64 m_generation = 0;
};

} // namespace cowherd::ui
