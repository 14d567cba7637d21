#pragma once

#include <QDateTime>
#include <QMutex>
#include <QString>

namespace cowherd::cache {

// Every action of a cache pass as one JSON line (time, host, file, action, reason, bytes) in
// the user's data directory, so that "who removed my image, and why" has an answer.
class AuditLog
{
public:
    explicit AuditLog(QString path = defaultPath());

    QString path() const { return m_path; }
    // Appends one line; a log that cannot be written is reported by the return value only:
    // the pass goes on.
    bool append(const QString &host, const QString &file, const QString &action, const QString &reason, qint64 bytes,
        const QDateTime &when = QDateTime::currentDateTimeUtc());

    // GenericDataLocation/cowherd/audit.jsonl
    static QString defaultPath();

private:
    QString m_path;
    QMutex m_mutex;
};

} // namespace cowherd::cache
