#include "cache/cachesnapshot.h"

using namespace Qt::StringLiterals;

namespace cowherd::cache {

QString toString(BaseKind kind)
{
    switch (kind) {
    case BaseKind::Original:
        return u"original"_s;
    case BaseKind::Resized:
        return u"resized"_s;
    case BaseKind::Swap:
        return u"swap"_s;
    case BaseKind::Ephemeral:
        return u"ephemeral"_s;
    case BaseKind::Partial:
        return u"partial"_s;
    case BaseKind::Unknown:
        break;
    }
    return u"unknown"_s;
}

const BaseFile *CacheSnapshot::base(QStringView name) const
{
    for (const BaseFile &b : bases)
        if (b.name == name)
            return &b;
    return nullptr;
}

const Instance *CacheSnapshot::instance(QStringView uuid) const
{
    for (const Instance &i : instances)
        if (i.uuid == uuid)
            return &i;
    return nullptr;
}

qint64 CacheSnapshot::totalAllocated() const
{
    qint64 total = 0;
    for (const BaseFile &b : bases)
        total += b.allocatedSize;
    return total;
}

} // namespace cowherd::cache
