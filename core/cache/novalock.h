#pragma once

#include "error.h"
#include "host/transport.h"

#include <QString>

#include <functional>
#include <memory>

namespace cowherd::cache {

// How long Cowherd waits for nova-compute's lock on a base file before giving up (a fetch by
// Nova holds it for as long as the download takes).
constexpr int defaultNovaLockTimeoutMs = 10 * 60 * 1000;

// nova-compute's own lock on base file NAME, taken the way oslo.concurrency takes it
// (external lock, lock_path <instances>/locks, prefix "nova-": a fcntl record lock on
// <instances>/locks/nova-NAME, opened for appending). The file is created when missing — it then
// says "cowherd" — and never removed (Nova's cache manager removes the ones it made). Waits at
// most timeoutMs; the error names the lock file.
Result<std::unique_ptr<host::HostLock>> lockNovaBaseFile(host::Transport &transport, const QString &instancesPath,
    const QString &name, int timeoutMs = defaultNovaLockTimeoutMs, const std::function<bool()> &isCancelled = {});

// Both locks of base file NAME, Cowherd's (locks/NAME.lock, flock) then Nova's: held while
// Cowherd creates, renames or removes that file, or makes an overlay on it.
struct BaseFileLock
{
    std::unique_ptr<host::HostLock> cowherd;
    std::unique_ptr<host::HostLock> nova;
};

Result<BaseFileLock> lockBaseFile(host::Transport &transport, const QString &instancesPath, const QString &name,
    const host::LockOptions &cowherdOptions, int novaTimeoutMs = defaultNovaLockTimeoutMs);

} // namespace cowherd::cache
