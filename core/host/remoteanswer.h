#pragma once

#include "error.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QString>

#include <functional>

namespace cowherd::host {

// One file as find(1) described it in a script's answer (a T, M, P or L record).
struct StatRecord
{
    char type = '?'; // %y: of the entry itself
    char followed = '?'; // %Y: after following a symbolic link (N: dangling, L: loop)
    qint64 size = 0;
    qint64 blocks = 0;
    QDateTime mtime;
    QDateTime atime;
    QString path;
};

// A file's first bytes as the answer carries them: decoded by decode(), only when wanted.
struct HeadRecord
{
    char encoding = 'H'; // H: decoded already (base64); Y: hex; R: hex with runs of zeros
    QByteArrayView text; // Y and R: a view into the answer, valid during the callback only
    QByteArray bytes; // H

    // At most maxBytes of the head; the text was checked when the record was read.
    QByteArray decode(qint64 maxBytes) const;
};

// Reads the NUL-separated records of a listing or probe script's answer (remotelisting.h) as
// they arrive, chunk by chunk, and hands each complete one to a callback: the answer need not
// be held whole. The answer is hostile: every field is bounded, anything malformed is an Error
// naming the host, and the messages are those of reading the whole answer at once.
class AnswerReader
{
public:
    struct Callbacks
    {
        std::function<Status(char tag, StatRecord &&record)> stat; // T, M, P, L
        std::function<Status(QByteArrayView path, const HeadRecord &head)> head; // H, Y, R
        std::function<void(const QString &path)> missing; // N
        std::function<void(const QString &reason)> error; // E
    };
    AnswerReader(qint64 maxHeadBytes, QString hostName, Callbacks callbacks);

    // Reads what is complete; keeps an incomplete last record for the next chunk. After an
    // error, further chunks are ignored and finish() returns it.
    Status feed(QByteArrayView chunk);
    // The answer ended: fails when it was cut short (or anything failed before).
    Status finish();

private:
    enum class Step
    {
        Record,
        NeedMore,
        End
    };
    Result<Step> readRecord(class FieldReader &reader, bool final);
    Status consume(bool final);

    qint64 m_maxHeadBytes;
    QString m_hostName;
    Callbacks m_callbacks;
    QByteArray m_pending;
    bool m_headerRead = false;
    bool m_ended = false;
    qint64 m_records = 0;
    std::optional<Error> m_failure;
};

} // namespace cowherd::host
