#pragma once

#include "cache/cachesnapshot.h"

#include <QString>

namespace cowherd::cache {

// Nova's naming of the files in _base.
struct BaseName
{
    BaseKind kind = BaseKind::Unknown;
    QString original; // the sha1 part of an original or resized name
    qint64 sizeGiB = 0; // resized: <sha1>_<GiB>; ephemeral: ephemeral_<GiB>_<ext>
    qint64 sizeMiB = 0; // swap_<MiB>
};

BaseName classifyBaseName(QStringView name);

// sha1(image_id) in lower-case hex: the name of an original base file.
QString originalBaseName(const QString &imageId);
QString resizedBaseName(const QString &original, qint64 sizeGiB);

} // namespace cowherd::cache
