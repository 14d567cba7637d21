#pragma once

#include "error.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace cowherd::host {
class Transport;
}

namespace cowherd::cache {

// What Cowherd knows about a base file beyond its bytes, kept beside it in
// _base/.cowherd/<name>.json. Files Cowherd did not fetch have none until the first pass.
struct BaseMetadata
{
    enum class ChecksumState
    {
        Unverified,
        Ok,
        Mismatch
    };

    QString imageId;
    QString source; // "file:///…", "https://…", "glance:<id>" (never a secret)
    QString originalFormat; // the format before conversion
    qint64 size = 0;
    QString sha256; // of the final file
    QDateTime fetchedAt;
    QDateTime recordedAt; // when sha256 was recorded
    QDateTime verifiedAt;
    ChecksumState state = ChecksumState::Unverified;
    bool pinned = false;

    QJsonObject toJson() const;
    static BaseMetadata fromJson(const QJsonObject &object);
};

QString toString(BaseMetadata::ChecksumState state); // unverified, ok, mismatch

QString metadataDirectory(const QString &basePath); // <base>/.cowherd
QString metadataPath(const QString &basePath, const QString &name);

// Reading a missing file gives an empty BaseMetadata, not an error.
Result<BaseMetadata> readMetadata(host::Transport &transport, const QString &basePath, const QString &name);
Status writeMetadata(
    host::Transport &transport, const QString &basePath, const QString &name, const BaseMetadata &metadata);

} // namespace cowherd::cache
