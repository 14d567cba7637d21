#pragma once

#include <QString>

namespace cowherd::cache {

// Where things live under an instances path. Launch and the cache pass both lock a base file
// through baseLockPath(), so the two can never disagree about which lock protects a file.
QString basePath(const QString &instancesPath); // <instances>/_base
QString baseFilePath(const QString &instancesPath, const QString &name); // <instances>/_base/NAME
QString locksDirectory(const QString &instancesPath); // <instances>/locks
QString baseLockPath(const QString &instancesPath, const QString &name); // <instances>/locks/NAME.lock
// nova-compute's lock on base file NAME (oslo.concurrency, lock_file_prefix "nova-").
QString novaLockPath(const QString &instancesPath, const QString &name); // <instances>/locks/nova-NAME
QString storageIdPath(const QString &basePath); // <base>/.cowherd/storage-id
QString quarantineDirectory(const QString &basePath); // <base>/.cowherd/quarantine

// The base file a partial download or conversion ("NAME.part", "NAME.converted") belongs to:
// its lock is that base file's lock.
QString partialTargetName(const QString &partialName);

} // namespace cowherd::cache
