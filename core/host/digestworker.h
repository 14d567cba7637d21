#pragma once

#include "host/digest.h"

#include <QByteArray>

#include <memory>

namespace cowherd::host {

// A Digest fed on a thread of its own. A stream that must be hashed twice (Glance's sha512
// and the base file's sha256) and written costs three passes over every byte; on one thread
// they add up, here each digest runs beside the writer and the network. Chunks are shared,
// not copied (QByteArray's implicit sharing); addData blocks while queueBytes are waiting, so
// memory stays bounded whatever the stream's length.
class DigestWorker
{
public:
    explicit DigestWorker(Digest::Algorithm algorithm, qint64 queueBytes = qint64(2) << 20);
    // Stops at once: bytes still queued are dropped (a cancelled stream needs no result).
    ~DigestWorker();
    DigestWorker(const DigestWorker &) = delete;
    DigestWorker &operator=(const DigestWorker &) = delete;

    void addData(QByteArray bytes);
    // Waits until every byte given is hashed. Lower-case hex; addData must not follow.
    // Asking again gives the same answer.
    QByteArray hexResult();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace cowherd::host
