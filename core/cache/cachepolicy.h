#pragma once

#include "error.h"

#include <QString>

namespace cowherd::cache {

// How a host's cache pass behaves. Defaults are Nova's (image_cache section of nova.conf) plus
// what Cowherd adds: orphan cleanup and a verification budget.
struct CachePolicy
{
    qint64 passIntervalSeconds = 2400;
    bool removeUnused = true;
    qint64 originalMinimumAgeSeconds = 86400; // originals, swap and ephemeral files
    qint64 resizedMinimumAgeSeconds = 3600; // <sha1>_<GiB> and legacy <sha1>_sm
    bool removeOrphans = true;
    qint64 orphanMinimumAgeSeconds = 86400; // *.part / *.converted not written for this long
    qint64 verifyBudgetBytes = 64LL * 1024 * 1024 * 1024; // per pass; 0: no limit
    qint64 verifyBudgetSeconds = 600; // per pass; 0: no limit
    int verifyWorkers = 2;
    bool verifyAtIdleIoPriority = true;
    QString sharingGroup; // set by hand; empty: from the storage-id marker

    friend bool operator==(const CachePolicy &, const CachePolicy &) = default;
};

// Stored beside the host in HostRegistry's INI file: hosts/<key>/cache_pass/<setting>.
// A host without settings gets the defaults.
CachePolicy loadCachePolicy(const QString &configFile, const QString &hostName);
Status saveCachePolicy(const QString &configFile, const QString &hostName, const CachePolicy &policy);

// The storage id last seen on the host, remembered so that a host which is down still counts
// as a member of its sharing group.
QString rememberedStorageId(const QString &configFile, const QString &hostName);
Status rememberStorageId(const QString &configFile, const QString &hostName, const QString &storageId);

} // namespace cowherd::cache
