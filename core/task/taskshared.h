#pragma once

#include "task/task.h"

#include <QElapsedTimer>

namespace cowherd::task {

// The state a worker and the manager share for one task, behind one mutex.
struct TaskContext::Shared
{
    std::mutex mutex;
    TaskInfo info;
    bool dirty = false;
    QElapsedTimer clock;
    qint64 lastDone = 0;
    qint64 lastSampleMs = 0;
    std::function<void()> notify; // thread-safe: asks the manager to flush soon
};

} // namespace cowherd::task
