#pragma once

#include <QString>

namespace cowherd::cache {

// Where things live under an instances path. Every part of Cowherd that locks or names a base
// file goes through these, so a launch and a cleanup always agree on the lock.
inline QString basePath(const QString &instancesPath)
{
    return instancesPath + QStringLiteral("/_base");
}

inline QString baseFilePath(const QString &instancesPath, const QString &name)
{
    return basePath(instancesPath) + u'/' + name;
}

// The lock of base file NAME: <instances>/locks/NAME.lock (flock on the host).
inline QString baseLockPath(const QString &instancesPath, const QString &name)
{
    return instancesPath + QStringLiteral("/locks/") + name + QStringLiteral(".lock");
}

} // namespace cowherd::cache
