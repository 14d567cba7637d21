#pragma once

#include "task/task.h"

#include <QHash>
#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <optional>

namespace cowherd::task {

// Owns every background task of the application: a queue, a thread pool, per-host limits,
// progress with speed and ETA, cancel and retry. Lives on the UI thread; work runs on its pool
// and reports through TaskContext; views learn of changes by signals, coalesced so that a
// fast download does not flood the event loop.
class TaskManager final : public QObject
{
    Q_OBJECT
public:
    explicit TaskManager(QObject *parent = nullptr);
    ~TaskManager() override;

    void setMaxRunning(int tasks);
    void setMaxRunningPerHost(int tasks);
    // Runs the work at this nice value (0: as the caller). The GUI sets it so that a verify never
    // takes the CPU from its UI thread; the command line keeps every cycle for the work.
    void setWorkerNice(int nice) { m_workerNice = nice; }

    quint64 submit(const QString &title, const QString &host, TaskWork work);
    void cancel(quint64 id);
    // Runs a failed or cancelled task's work again as a new task; returns its id (0 if none).
    quint64 retry(quint64 id);
    void clearFinished();
    // Cancels everything and waits for running work to return.
    void shutdown();

    QList<TaskInfo> tasks() const;
    std::optional<TaskInfo> task(quint64 id) const;
    int runningCount() const;
    int queuedCount() const;

Q_SIGNALS:
    void taskAdded(quint64 id);
    void taskChanged(quint64 id);
    void taskFinished(quint64 id, cowherd::task::TaskState state);
    void taskRemoved(quint64 id);

private:
    struct Entry;
    void startQueued();
    void flushChanges();
    void onWorkDone(quint64 id, const Status &status);

    QThreadPool m_pool;
    QHash<quint64, std::shared_ptr<Entry>> m_entries;
    QList<quint64> m_order;
    quint64 m_nextId = 1;
    int m_maxRunning = 4;
    int m_maxPerHost = 2;
    int m_workerNice = 0;
    QTimer m_flushTimer;
    std::shared_ptr<std::atomic_bool> m_flushRequested = std::make_shared<std::atomic_bool>(false);
};

} // namespace cowherd::task
