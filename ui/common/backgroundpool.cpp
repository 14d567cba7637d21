#include "common/backgroundpool.h"

#include <QThread>
#include <QThreadPool>

#include <malloc.h>
#include <mutex>

namespace cowherd::ui {

void limitMallocArenas()
{
    static std::once_flag once;
    std::call_once(once, [] { mallopt(M_ARENA_MAX, 2); });
}

QThreadPool *backgroundPool()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        p->setMaxThreadCount(std::max(2, QThread::idealThreadCount()));
        p->setObjectName(QStringLiteral("cowherd-background"));
        return p;
    }();
    return pool;
}

} // namespace cowherd::ui
