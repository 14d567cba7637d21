#include "host/digestworker.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace cowherd::host {

struct DigestWorker::Private
{
    explicit Private(Digest::Algorithm algorithm, qint64 limit)
        : digest(algorithm)
        , queueBytes(limit)
    { }

    void run()
    {
        std::unique_lock lock(mutex);
        for (;;) {
            wake.wait(lock, [&] { return stop || closed || !chunks.empty(); });
            if (stop || (closed && chunks.empty()))
                break;
            QByteArray chunk = std::move(chunks.front());
            chunks.pop_front();
            lock.unlock();
            digest.addData(chunk);
            lock.lock();
            queued -= chunk.size(); // counted until hashed: the bound covers the chunk in hand
            wake.notify_all();
        }
        finished = true;
        wake.notify_all();
    }

    Digest digest; // the worker thread's until finished
    const qint64 queueBytes;
    std::mutex mutex;
    std::condition_variable wake;
    std::deque<QByteArray> chunks;
    qint64 queued = 0;
    bool closed = false; // no more data: finish what is queued
    bool stop = false; // drop what is queued
    bool finished = false;
    QByteArray result;
    std::thread thread;
};

DigestWorker::DigestWorker(Digest::Algorithm algorithm, qint64 queueBytes)
    : d(std::make_unique<Private>(algorithm, queueBytes))
{
    d->thread = std::thread([p = d.get()] { p->run(); });
}

DigestWorker::~DigestWorker()
{
    {
        std::lock_guard lock(d->mutex);
        d->stop = true;
        d->chunks.clear();
        d->wake.notify_all();
    }
    d->thread.join();
}

void DigestWorker::addData(QByteArray bytes)
{
    if (bytes.isEmpty())
        return;
    std::unique_lock lock(d->mutex);
    // An oversized chunk still goes in once the queue is empty, or it would wait forever.
    d->wake.wait(lock, [&] { return d->queued == 0 || d->queued + bytes.size() <= d->queueBytes; });
    d->queued += bytes.size();
    d->chunks.push_back(std::move(bytes));
    d->wake.notify_all();
}

QByteArray DigestWorker::hexResult()
{
    {
        std::unique_lock lock(d->mutex);
        d->closed = true;
        d->wake.notify_all();
        d->wake.wait(lock, [&] { return d->finished; });
    }
    if (d->result.isEmpty())
        d->result = d->digest.hexResult();
    return d->result;
}

} // namespace cowherd::host
