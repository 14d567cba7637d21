#pragma once

#include "cache/basemetadata.h"
#include "cache/cacheplanner.h"
#include "host/transport.h"

#include <functional>

namespace cowherd::cache {

class AuditLog;

struct VerifyOptions
{
    QStringList names; // empty: every base file, least recently verified first, within budget
    qint64 budgetBytes = 0; // 0: no limit; the first file always runs
    qint64 budgetSeconds = 0; // 0: no limit; no new file starts after it
    int workers = 2; // files hashed at once (both cores, or the disk, busy)
    // Fresh group state taken while the lock of a corrupt, unused file is held, before moving
    // it to quarantine (same reasoning as the cleanup executor). Without it, the file stays.
    std::function<SharingGroupState()> rescan;
    std::function<void(const QString &)> log;
    AuditLog *audit = nullptr;
    std::function<bool()> isCancelled;
    QString hostName;
    // CachePolicy::verifyAtIdleIoPriority: hash at the idle I/O class (the local transport).
    host::IoPriority ioPriority = host::IoPriority::Normal;
    int novaLockTimeoutMs = 60'000; // nova-compute's lock, held while moving a file to quarantine
};

struct VerifyOutcome
{
    enum class Result
    {
        Recorded, // first sha256 of a file Cowherd did not fetch
        Verified, // matches the recorded sha256
        Quarantined, // mismatch, unused: moved to _base/.cowherd/quarantine/
        Flagged, // mismatch, in use: stays, state=mismatch, a problem in every scan
        Skipped, // budget exhausted or cancelled
        Failed, // could not be read or written
    };

    QString name;
    QString path;
    Result result = Result::Skipped;
    BaseMetadata metadata; // as written
    qint64 bytes = 0;
    QString message;
};

QString toString(VerifyOutcome::Result result);

// Hashes base files on the host (transport.sha256), records or compares sha256 in the base
// metadata, and deals with corrupt files: never deleted, quarantined when unused, flagged
// otherwise. Blocking; hashes with options.workers threads.
QList<VerifyOutcome> verifyBases(host::Transport &transport, const QString &instancesPath,
    const SharingGroupState &group, const VerifyOptions &options);

} // namespace cowherd::cache
