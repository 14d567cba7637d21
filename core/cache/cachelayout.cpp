#include "cache/cachelayout.h"

using namespace Qt::StringLiterals;

namespace cowherd::cache {

QString basePath(const QString &instancesPath)
{
    return instancesPath + u"/_base"_s;
}

QString locksDirectory(const QString &instancesPath)
{
    return instancesPath + u"/locks"_s;
}

QString baseLockPath(const QString &instancesPath, const QString &name)
{
    return locksDirectory(instancesPath) + u'/' + name + u".lock"_s;
}

QString novaLockPath(const QString &instancesPath, const QString &name)
{
    return locksDirectory(instancesPath) + u"/nova-"_s + name;
}

QString baseFilePath(const QString &instancesPath, const QString &name)
{
    return basePath(instancesPath) + u'/' + name;
}

QString storageIdPath(const QString &basePath)
{
    return basePath + u"/.cowherd/storage-id"_s;
}

QString quarantineDirectory(const QString &basePath)
{
    return basePath + u"/.cowherd/quarantine"_s;
}

QString partialTargetName(const QString &partialName)
{
    for (const QString &suffix : {u".part"_s, u".converted"_s})
        if (partialName.endsWith(suffix))
            return partialName.chopped(suffix.size());
    return partialName;
}

} // namespace cowherd::cache
