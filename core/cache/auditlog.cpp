#include "cache/auditlog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace cowherd::cache {

AuditLog::AuditLog(QString path)
    : m_path(std::move(path))
{ }

QString AuditLog::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u"/cowherd/audit.jsonl"_s;
}

bool AuditLog::append(const QString &host, const QString &file, const QString &action, const QString &reason,
    qint64 bytes, const QDateTime &when)
{
    const QJsonObject line{
        {u"time"_s, when.toUTC().toString(Qt::ISODateWithMs)},
        {u"host"_s, host},
        {u"file"_s, file},
        {u"action"_s, action},
        {u"reason"_s, reason},
        {u"bytes"_s, bytes},
    };
    const QByteArray bytesOut = QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
    QMutexLocker locker(&m_mutex);
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QFile f(m_path);
    // One write(2) per line in append mode: lines of concurrent passes do not interleave.
    if (!f.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered))
        return false;
    return f.write(bytesOut) == bytesOut.size();
}

} // namespace cowherd::cache
