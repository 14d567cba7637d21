#include "task/taskmanager.h"

#include "task/taskshared.h"
#include "task/threadpriority.h"

#include <QLoggingCategory>
#include <QPointer>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcTask, "cowherd.task")

namespace cowherd::task {

struct TaskManager::Entry
{
    std::shared_ptr<TaskContext::Shared> shared = std::make_shared<TaskContext::Shared>();
    std::shared_ptr<std::atomic_bool> cancelled = std::make_shared<std::atomic_bool>(false);
    TaskWork work;

    TaskInfo info() const
    {
        std::lock_guard lock(shared->mutex);
        return shared->info;
    }
    TaskState state() const
    {
        std::lock_guard lock(shared->mutex);
        return shared->info.state;
    }
};

TaskManager::TaskManager(QObject *parent)
    : QObject(parent)
{
    m_pool.setMaxThreadCount(m_maxRunning);
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(100);
    connect(&m_flushTimer, &QTimer::timeout, this, &TaskManager::flushChanges);
}

TaskManager::~TaskManager()
{
    shutdown();
}

void TaskManager::setMaxRunning(int tasks)
{
    m_maxRunning = std::max(1, tasks);
    m_pool.setMaxThreadCount(m_maxRunning);
}

void TaskManager::setMaxRunningPerHost(int tasks)
{
    m_maxPerHost = std::max(1, tasks);
}

quint64 TaskManager::submit(const QString &title, const QString &host, TaskWork work)
{
    auto entry = std::make_shared<Entry>();
    const quint64 id = m_nextId++;
    entry->work = std::move(work);
    entry->shared->info.id = id;
    entry->shared->info.title = title;
    entry->shared->info.host = host;
    entry->shared->info.created = QDateTime::currentDateTimeUtc();
    QPointer<TaskManager> self(this);
    entry->shared->notify = [self, requested = m_flushRequested] {
        // Worker threads ask for a flush; one queued call at a time is enough.
        if (!requested->exchange(true) && self)
            QMetaObject::invokeMethod(
                self,
                [self] {
                    if (self && !self->m_flushTimer.isActive())
                        self->m_flushTimer.start();
                },
                Qt::QueuedConnection);
    };
    m_entries.insert(id, entry);
    m_order.append(id);
    Q_EMIT taskAdded(id);
    startQueued();
    return id;
}

void TaskManager::startQueued()
{
    QHash<QString, int> perHost;
    int running = 0;
    for (quint64 id : std::as_const(m_order)) {
        const auto &e = m_entries.value(id);
        if (e && e->state() == TaskState::Running) {
            ++running;
            ++perHost[e->shared->info.host];
        }
    }
    for (quint64 id : std::as_const(m_order)) {
        if (running >= m_maxRunning)
            return;
        const std::shared_ptr<Entry> e = m_entries.value(id);
        if (!e || e->state() != TaskState::Queued)
            continue;
        const QString host = e->shared->info.host;
        if (perHost.value(host) >= m_maxPerHost)
            continue;
        {
            std::lock_guard lock(e->shared->mutex);
            e->shared->info.state = TaskState::Running;
            e->shared->info.started = QDateTime::currentDateTimeUtc();
            e->shared->clock.start();
        }
        ++running;
        ++perHost[host];
        Q_EMIT taskChanged(id);
        QPointer<TaskManager> self(this);
        m_pool.start([self, e, id, nice = m_workerNice] {
            if (nice > 0)
                lowerCurrentThreadPriority(nice);
            TaskContext context(e->shared, e->cancelled);
            Status status = e->work ? e->work(context) : Status{};
            if (self)
                QMetaObject::invokeMethod(
                    self,
                    [self, id, status] {
                        if (self)
                            self->onWorkDone(id, status);
                    },
                    Qt::QueuedConnection);
        });
    }
}

void TaskManager::onWorkDone(quint64 id, const Status &status)
{
    const std::shared_ptr<Entry> e = m_entries.value(id);
    if (!e)
        return;
    TaskState state;
    {
        std::lock_guard lock(e->shared->mutex);
        TaskInfo &info = e->shared->info;
        if (status)
            info.state = e->cancelled->load() ? TaskState::Cancelled : TaskState::Succeeded;
        else if (status.error().kind == Error::Kind::Cancelled || e->cancelled->load())
            info.state = TaskState::Cancelled;
        else
            info.state = TaskState::Failed;
        if (!status) {
            info.error = status.error().message;
            info.log.append(info.error);
        }
        info.finished = QDateTime::currentDateTimeUtc();
        info.etaSeconds = -1;
        e->shared->dirty = false;
        state = info.state;
    }
    qCDebug(lcTask) << "task" << id << toString(state);
    Q_EMIT taskChanged(id);
    Q_EMIT taskFinished(id, state);
    startQueued();
}

void TaskManager::flushChanges()
{
    m_flushRequested->store(false);
    for (quint64 id : std::as_const(m_order)) {
        const std::shared_ptr<Entry> e = m_entries.value(id);
        bool dirty = false;
        {
            std::lock_guard lock(e->shared->mutex);
            dirty = std::exchange(e->shared->dirty, false);
        }
        if (dirty)
            Q_EMIT taskChanged(id);
    }
}

void TaskManager::cancel(quint64 id)
{
    const std::shared_ptr<Entry> e = m_entries.value(id);
    if (!e)
        return;
    e->cancelled->store(true);
    bool wasQueued = false;
    {
        std::lock_guard lock(e->shared->mutex);
        if (e->shared->info.state == TaskState::Queued) {
            e->shared->info.state = TaskState::Cancelled;
            e->shared->info.finished = QDateTime::currentDateTimeUtc();
            wasQueued = true;
        }
    }
    if (wasQueued) {
        Q_EMIT taskChanged(id);
        Q_EMIT taskFinished(id, TaskState::Cancelled);
    }
}

quint64 TaskManager::retry(quint64 id)
{
    const std::shared_ptr<Entry> e = m_entries.value(id);
    if (!e)
        return 0;
    const TaskInfo info = e->info();
    if (info.state != TaskState::Failed && info.state != TaskState::Cancelled)
        return 0;
    return submit(info.title, info.host, e->work);
}

void TaskManager::clearFinished()
{
    for (qsizetype i = m_order.size() - 1; i >= 0; --i) {
        const quint64 id = m_order.at(i);
        if (isFinished(m_entries.value(id)->state())) {
            m_order.removeAt(i);
            m_entries.remove(id);
            Q_EMIT taskRemoved(id);
        }
    }
}

void TaskManager::shutdown()
{
    for (const auto &e : std::as_const(m_entries))
        e->cancelled->store(true);
    m_pool.waitForDone();
}

QList<TaskInfo> TaskManager::tasks() const
{
    QList<TaskInfo> result;
    result.reserve(m_order.size());
    for (quint64 id : m_order)
        result.append(m_entries.value(id)->info());
    return result;
}

std::optional<TaskInfo> TaskManager::task(quint64 id) const
{
    const auto e = m_entries.value(id);
    if (!e)
        return std::nullopt;
    return e->info();
}

int TaskManager::runningCount() const
{
    int n = 0;
    for (const auto &e : m_entries)
        n += e->state() == TaskState::Running;
    return n;
}

int TaskManager::queuedCount() const
{
    int n = 0;
    for (const auto &e : m_entries)
        n += e->state() == TaskState::Queued;
    return n;
}

} // namespace cowherd::task
