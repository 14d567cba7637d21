#include "novalockholder.h"

using namespace Qt::StringLiterals;

namespace cowherd::test {

namespace {

const QString python = u"/usr/bin/python3"_s;

constexpr auto holdScript = R"PY(import sys
from oslo_concurrency import lockutils
with lockutils.lock(sys.argv[1], lock_file_prefix="nova-", external=True, lock_path=sys.argv[2]):
    print("held", flush=True)
    sys.stdin.read()
)PY";

constexpr auto tryScript = R"PY(import sys
from oslo_concurrency import lockutils
lock = lockutils.external_lock(sys.argv[1], lock_file_prefix="nova-", lock_path=sys.argv[2])
if lock.acquire(blocking=False):
    lock.release()
    print("acquired")
else:
    print("busy")
)PY";

} // namespace

NovaLockHolder::NovaLockHolder(const QString &lockPath, const QString &name)
{
    m_python.start(python, {u"-c"_s, QString::fromLatin1(holdScript), name, lockPath});
}

NovaLockHolder::~NovaLockHolder()
{
    if (m_python.state() != QProcess::NotRunning && !release(10'000)) {
        m_python.kill();
        m_python.waitForFinished(10'000);
    }
}

bool NovaLockHolder::waitUntilHeld(int timeoutMs)
{
    if (!m_python.waitForStarted(timeoutMs))
        return false;
    while (!m_python.canReadLine()) {
        if (m_python.state() == QProcess::NotRunning || !m_python.waitForReadyRead(timeoutMs)) {
            m_errors = QString::fromLocal8Bit(m_python.readAllStandardError());
            return false;
        }
    }
    return m_python.readLine().trimmed() == "held";
}

bool NovaLockHolder::release(int timeoutMs)
{
    m_python.closeWriteChannel();
    const bool done = m_python.waitForFinished(timeoutMs);
    m_errors += QString::fromLocal8Bit(m_python.readAllStandardError());
    return done && m_python.exitStatus() == QProcess::NormalExit && m_python.exitCode() == 0;
}

QString NovaLockHolder::tryLock(const QString &lockPath, const QString &name)
{
    QProcess p;
    p.start(python, {u"-c"_s, QString::fromLatin1(tryScript), name, lockPath});
    if (!p.waitForFinished(30'000))
        return u"timeout"_s;
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed()
        + QString::fromUtf8(p.readAllStandardError()).trimmed();
}

} // namespace cowherd::test
