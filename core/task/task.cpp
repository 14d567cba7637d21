#include "task/task.h"

#include "task/taskshared.h"

using namespace Qt::StringLiterals;

namespace cowherd::task {

QString toString(TaskState state)
{
    switch (state) {
    case TaskState::Queued:
        return u"queued"_s;
    case TaskState::Running:
        return u"running"_s;
    case TaskState::Succeeded:
        return u"succeeded"_s;
    case TaskState::Failed:
        return u"failed"_s;
    case TaskState::Cancelled:
        return u"cancelled"_s;
    }
    return {};
}

bool isFinished(TaskState state)
{
    return state == TaskState::Succeeded || state == TaskState::Failed || state == TaskState::Cancelled;
}

void TaskContext::setStage(const QString &stage)
{
    {
        std::lock_guard lock(m_shared->mutex);
        if (m_shared->info.stage == stage)
            return;
        m_shared->info.stage = stage;
        m_shared->info.log.append(stage);
        m_shared->dirty = true;
    }
    m_shared->notify();
}

void TaskContext::setProgress(qint64 done, qint64 total, bool bytes)
{
    {
        std::lock_guard lock(m_shared->mutex);
        TaskInfo &info = m_shared->info;
        const qint64 now = m_shared->clock.elapsed();
        if (done < info.done)
            m_shared->lastDone = done, m_shared->lastSampleMs = now; // a new stage starts over
        info.done = done;
        info.total = total;
        info.countsBytes = bytes;
        // Speed as a moving average over samples at least 250 ms apart, so it does not jitter.
        const qint64 elapsed = now - m_shared->lastSampleMs;
        if (elapsed >= 250) {
            const double speed = double(done - m_shared->lastDone) * 1000.0 / double(elapsed);
            info.bytesPerSecond = info.bytesPerSecond <= 0 ? speed : 0.7 * info.bytesPerSecond + 0.3 * speed;
            m_shared->lastDone = done;
            m_shared->lastSampleMs = now;
        }
        info.etaSeconds = (total > 0 && info.bytesPerSecond > 1) ? qint64((total - done) / info.bytesPerSecond) : -1;
        m_shared->dirty = true;
    }
    m_shared->notify();
}

void TaskContext::log(const QString &line)
{
    {
        std::lock_guard lock(m_shared->mutex);
        if (m_shared->info.log.size() < 10000)
            m_shared->info.log.append(line);
        m_shared->dirty = true;
    }
    m_shared->notify();
}

} // namespace cowherd::task
