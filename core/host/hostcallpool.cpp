#include "host/hostcallpool.h"

#include <QThreadPool>

namespace cowherd::host {

QThreadPool *hostCallPool()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        p->setMaxThreadCount(64);
        p->setExpiryTimeout(30'000);
        return p;
    }();
    return pool;
}

} // namespace cowherd::host
