#include "common/backgroundpool.h"

#include <QThread>
#include <QThreadPool>

namespace cowherd::ui {

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
