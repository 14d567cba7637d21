#include "cache/basename.h"

#include <QCryptographicHash>

using namespace Qt::StringLiterals;

namespace cowherd::cache {

namespace {

bool isSha1Hex(QStringView s)
{
    if (s.size() != 40)
        return false;
    for (QChar c : s)
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    return true;
}

bool isNumber(QStringView s, qint64 *value)
{
    if (s.isEmpty() || s.size() > 12)
        return false;
    for (QChar c : s)
        if (c < u'0' || c > u'9')
            return false;
    *value = s.toLongLong();
    return true;
}

} // namespace

BaseName classifyBaseName(QStringView name)
{
    BaseName result;
    if (name.endsWith(u".part") || name.endsWith(u".converted")) {
        result.kind = BaseKind::Partial;
        return result;
    }
    if (isSha1Hex(name)) {
        result.kind = BaseKind::Original;
        result.original = name.toString();
        return result;
    }
    if (name.size() > 41 && name.at(40) == u'_' && isSha1Hex(name.first(40))) {
        const QStringView suffix = name.sliced(41);
        if (suffix == u"sm" || isNumber(suffix, &result.sizeGiB)) {
            result.kind = BaseKind::Resized;
            result.original = name.first(40).toString();
        }
        return result;
    }
    if (name.startsWith(u"swap_") && isNumber(name.sliced(5), &result.sizeMiB)) {
        result.kind = BaseKind::Swap;
        return result;
    }
    if (name.startsWith(u"ephemeral_")) {
        const QStringView rest = name.sliced(10);
        const qsizetype underscore = rest.indexOf(u'_');
        if (underscore > 0 && underscore + 1 < rest.size() && isNumber(rest.first(underscore), &result.sizeGiB))
            result.kind = BaseKind::Ephemeral;
        return result;
    }
    return result;
}

QString originalBaseName(const QString &imageId)
{
    return QString::fromLatin1(QCryptographicHash::hash(imageId.toUtf8(), QCryptographicHash::Sha1).toHex());
}

QString resizedBaseName(const QString &original, qint64 sizeGiB)
{
    return original + u'_' + QString::number(sizeGiB);
}

} // namespace cowherd::cache
