#pragma once

#include "host/transport.h"

#include <sys/types.h>

namespace cowherd::host {

// A child process that stays alive across calls: bytes are pushed into its standard input as
// they come (a file streamed to a host), or it is kept running to hold something (a lock).
// runProcess() is the simpler choice for everything that runs to completion at once.
// Destroying a running child kills it (SIGKILL) and reaps it.
class ChildProcess
{
public:
    static Result<std::unique_ptr<ChildProcess>> start(const QStringList &argv, const QString &where);
    ~ChildProcess();
    ChildProcess(const ChildProcess &) = delete;
    ChildProcess &operator=(const ChildProcess &) = delete;

    // Writes all bytes, draining the child's output meanwhile so that neither side can block
    // the other. Fails when the child closed its input (it exited).
    Status write(QByteArrayView bytes);
    void closeInput();
    // Waits for one line on standard output (without the newline). Fails at end of output, on
    // timeout (-1: none) or when cancelled.
    Result<QByteArray> readLine(int timeoutMs, const std::function<bool()> &isCancelled = {});
    // Closes the input and waits for the exit; the child is killed after timeoutMs (-1: never).
    Result<ProcessResult> finish(int timeoutMs = -1);
    void kill();
    bool isRunning() const { return m_pid > 0; }
    QByteArray standardError() const { return m_result.standardError; }

private:
    ChildProcess() = default;
    // One poll round: reads what is available; returns false on a poll error.
    bool pump(int timeoutMs, bool wantWrite);
    void reap();

    pid_t m_pid = -1;
    int m_in = -1;
    int m_out = -1;
    int m_err = -1;
    QByteArray m_pendingOut; // standard output not yet returned by readLine
    ProcessResult m_result;
    QString m_program;
    QString m_where;
};

} // namespace cowherd::host
