#pragma once

#include "error.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>

namespace cowherd::task {

enum class TaskState
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled
};

QString toString(TaskState state); // queued, running, succeeded, failed, cancelled
bool isFinished(TaskState state);

// A snapshot of a task, as views show it. A value: safe to hand between threads.
struct TaskInfo
{
    quint64 id = 0;
    QString title; // "Launch web-1"
    QString host; // the host it works on
    TaskState state = TaskState::Queued;
    QString stage; // "downloading", "converting", ...
    qint64 done = 0;
    qint64 total = -1; // -1: unknown (a busy indicator)
    bool countsBytes = false; // done/total are bytes: speed and ETA make sense
    double bytesPerSecond = 0;
    qint64 etaSeconds = -1;
    QDateTime created;
    QDateTime started;
    QDateTime finished;
    QStringList log;
    QString error;
};

// What a running task's work function uses to report and to notice cancellation. Every member
// may be called from the worker thread.
class TaskContext
{
public:
    bool isCancelled() const { return m_cancelled->load(); }
    std::function<bool()> cancelFlag() const
    {
        return [flag = m_cancelled] { return flag->load(); };
    }
    void setStage(const QString &stage);
    void setProgress(qint64 done, qint64 total, bool bytes = true);
    void log(const QString &line);

private:
    friend class TaskManager;
    struct Shared;
    TaskContext(std::shared_ptr<Shared> shared, std::shared_ptr<std::atomic_bool> cancelled)
        : m_shared(std::move(shared))
        , m_cancelled(std::move(cancelled))
    { }
    std::shared_ptr<Shared> m_shared;
    std::shared_ptr<std::atomic_bool> m_cancelled;
};

// The work of a task: runs on a worker thread, returns success or an error.
using TaskWork = std::function<Status(TaskContext &)>;

} // namespace cowherd::task

Q_DECLARE_METATYPE(cowherd::task::TaskInfo)
