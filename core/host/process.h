#pragma once

#include "host/transport.h"

#include <sys/types.h>

namespace cowherd::host {

// The one way Cowherd starts a program (qemu-img, prlimit, ssh and through it every command on
// a host): found on PATH or the "not installed" error, argv without a shell, pipes for all three
// standard streams, and a child that dies with the thread that started it (PR_SET_PDEATHSIG), so
// a killed Cowherd leaves no qemu-img writing on. Output is collected with poll(2), so
// cancellation, timeouts and the signal that ended the child are all known.
//
// A ChildProcess stays alive across calls: bytes are pushed into its standard input as they
// come (a file streamed to a host), or it is kept running to hold something (a lock).
// runProcess() is the simpler choice for everything that runs to completion at once.
// Destroying a running child kills it (SIGKILL) and reaps it.
class ChildProcess
{
public:
    // where: "on this machine", "on lab3" (for messages).
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
    // Feeds options.standardInput, hands standard output to options.onOutput as it comes, and
    // waits for the exit; the child is killed when cancelled or after options.timeoutMs.
    Result<ProcessResult> complete(const RunOptions &options);
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

// Runs argv to completion (see ChildProcess::complete).
Result<ProcessResult> runProcess(
    const QStringList &argv, const RunOptions &options, const QString &where = QStringLiteral("on this machine"));

// "exited with status 1", "was killed by SIGKILL".
QString describeExit(const ProcessResult &result);

// "qemu-img is not installed on lab3; install it (see the README) and try again." (Unsupported):
// for a program missing here, and for one that a shell, prlimit or ssh's remote side could not
// find (exit status 127).
Error notInstalledError(const QString &program, const QString &where);

// The kind of a failure a program reported in its own (C locale) words: "No such file or
// directory", "Permission denied", "No space left on device"…
Error::Kind kindOfToolMessage(QStringView message);

} // namespace cowherd::host
