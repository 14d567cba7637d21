#include "cache/novalock.h"

#include "cache/cachelayout.h"

using namespace Qt::StringLiterals;

namespace cowherd::cache {

Result<std::unique_ptr<host::HostLock>> lockNovaBaseFile(host::Transport &transport, const QString &instancesPath,
    const QString &name, int timeoutMs, const std::function<bool()> &isCancelled)
{
    host::LockOptions options;
    options.kind = host::LockKind::Record;
    options.timeoutMs = timeoutMs;
    options.isCancelled = isCancelled;
    options.createContent = "cowherd\n";
    options.skipWithoutPython = true;
    auto lock = transport.lock(novaLockPath(instancesPath, name), options);
    if (!lock && !lock.error().is(Error::Kind::Cancelled))
        return fail(lock.error(), u"Nova's lock on %1: %2"_s.arg(name, lock.error().message));
    return lock;
}

Result<BaseFileLock> lockBaseFile(host::Transport &transport, const QString &instancesPath, const QString &name,
    const host::LockOptions &cowherdOptions, int novaTimeoutMs)
{
    BaseFileLock held;
    auto own = transport.lock(baseLockPath(instancesPath, name), cowherdOptions);
    if (!own)
        return std::unexpected(own.error());
    held.cowherd = std::move(*own);
    auto nova = lockNovaBaseFile(
        transport, instancesPath, name, cowherdOptions.wait ? novaTimeoutMs : 0, cowherdOptions.isCancelled);
    if (!nova)
        return std::unexpected(nova.error());
    held.nova = std::move(*nova);
    return held;
}

} // namespace cowherd::cache
