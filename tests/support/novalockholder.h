#pragma once

#include <QProcess>
#include <QString>

namespace cowherd::test {

// nova-compute's lock on a base file, held the way nova-compute holds it: Debian's python3 with
// oslo.concurrency (lockutils.lock(NAME, lock_file_prefix="nova-", external=True,
// lock_path=<instances>/locks)), until release() or destruction.
class NovaLockHolder
{
public:
    NovaLockHolder(const QString &lockPath, const QString &name);
    ~NovaLockHolder();
    NovaLockHolder(const NovaLockHolder &) = delete;
    NovaLockHolder &operator=(const NovaLockHolder &) = delete;

    // Waits until python says it holds the lock ("held"); false when it failed.
    bool waitUntilHeld(int timeoutMs = 30'000);
    // Closes python's standard input: it leaves the with-block (releasing) and exits.
    bool release(int timeoutMs = 30'000);
    QString errors() const { return m_errors; }

    // What oslo.concurrency says about taking the lock right now, without waiting: "acquired"
    // (then released at once) or "busy".
    static QString tryLock(const QString &lockPath, const QString &name);

private:
    QProcess m_python;
    QString m_errors;
};

} // namespace cowherd::test
