#include "host/process.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QStandardPaths>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace Qt::StringLiterals;

namespace cowherd::host {

namespace {

struct Pipe
{
    int fds[2] = {-1, -1};
    bool open() { return ::pipe2(fds, O_CLOEXEC) == 0; }
    void closeEnd(int i)
    {
        if (fds[i] >= 0)
            ::close(fds[i]);
        fds[i] = -1;
    }
    ~Pipe()
    {
        closeEnd(0);
        closeEnd(1);
    }
};

QString signalName(int sig)
{
    const char *abbrev = sigabbrev_np(sig);
    return abbrev ? u"SIG"_s + QString::fromLatin1(abbrev) : QString::number(sig);
}

} // namespace

Result<ProcessResult> runProcess(const QStringList &argv, const RunOptions &options, const QString &where)
{
    if (argv.isEmpty())
        return fail(u"No program to run %1."_s.arg(where));

    QString program = argv.first();
    if (!program.contains(u'/'))
        program = QStandardPaths::findExecutable(program);
    if (program.isEmpty() || !QFileInfo(program).isExecutable())
        return fail(u"%1 is not installed %2; install it (see the README) and try again."_s
                        .arg(argv.first(), where));

    // Everything the child needs is prepared before fork: after it only async-signal-safe calls.
    std::vector<QByteArray> storage;
    storage.reserve(argv.size());
    storage.push_back(QFile::encodeName(program));
    for (qsizetype i = 1; i < argv.size(); ++i)
        storage.push_back(argv.at(i).toLocal8Bit());
    std::vector<char *> cargv;
    for (auto &s : storage)
        cargv.push_back(s.data());
    cargv.push_back(nullptr);

    Pipe in, out, err;
    if (!in.open() || !out.open() || !err.open())
        return fail(u"Could not create pipes to run %1 %2: %3"_s.arg(argv.first(), where,
            QString::fromLocal8Bit(std::strerror(errno))));

    const pid_t parent = ::getpid();
    const pid_t pid = ::fork();
    if (pid < 0)
        return fail(u"Could not start %1 %2: %3"_s.arg(argv.first(), where,
            QString::fromLocal8Bit(std::strerror(errno))));
    if (pid == 0) {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent)
            ::_exit(127);
        ::dup2(in.fds[0], 0);
        ::dup2(out.fds[1], 1);
        ::dup2(err.fds[1], 2);
        ::execv(cargv[0], cargv.data());
        ::_exit(127);
    }
    in.closeEnd(0);
    out.closeEnd(1);
    err.closeEnd(1);
    ::fcntl(in.fds[1], F_SETFL, O_NONBLOCK);

    ProcessResult result;
    QByteArray pendingInput = options.standardInput;
    qsizetype inputOffset = 0;
    if (pendingInput.isEmpty())
        in.closeEnd(1);

    QElapsedTimer clock;
    clock.start();
    bool cancelled = false;
    bool timedOut = false;
    char buffer[65536];

    while (out.fds[0] >= 0 || err.fds[0] >= 0) {
        pollfd fds[3];
        int n = 0;
        int outIndex = -1, errIndex = -1, inIndex = -1;
        if (out.fds[0] >= 0) {
            outIndex = n;
            fds[n++] = {out.fds[0], POLLIN, 0};
        }
        if (err.fds[0] >= 0) {
            errIndex = n;
            fds[n++] = {err.fds[0], POLLIN, 0};
        }
        if (in.fds[1] >= 0) {
            inIndex = n;
            fds[n++] = {in.fds[1], POLLOUT, 0};
        }
        const int ready = ::poll(fds, n, 100);
        if (ready < 0 && errno != EINTR)
            break;

        if (options.isCancelled && options.isCancelled()) {
            cancelled = true;
            break;
        }
        if (options.timeoutMs >= 0 && clock.elapsed() > options.timeoutMs) {
            timedOut = true;
            break;
        }
        if (ready <= 0)
            continue;

        if (inIndex >= 0 && (fds[inIndex].revents & (POLLOUT | POLLERR | POLLHUP))) {
            const ssize_t w = ::write(in.fds[1], pendingInput.constData() + inputOffset,
                pendingInput.size() - inputOffset);
            if (w > 0)
                inputOffset += w;
            if ((w < 0 && errno != EAGAIN) || inputOffset >= pendingInput.size())
                in.closeEnd(1);
        }
        auto drain = [&](int index, Pipe &pipe, bool isOutput) {
            if (index < 0 || !(fds[index].revents & (POLLIN | POLLHUP | POLLERR)))
                return;
            const ssize_t r = ::read(pipe.fds[0], buffer, sizeof buffer);
            if (r > 0) {
                if (isOutput) {
                    if (options.onOutput)
                        options.onOutput(QByteArrayView(buffer, r));
                    if (options.keepOutput || !options.onOutput)
                        result.standardOutput.append(buffer, r);
                } else if (result.standardError.size() < 1024 * 1024) {
                    result.standardError.append(buffer, r);
                }
            } else if (r == 0 || errno != EINTR) {
                pipe.closeEnd(0);
            }
        };
        drain(outIndex, out, true);
        drain(errIndex, err, false);
    }

    if (cancelled || timedOut)
        ::kill(pid, SIGKILL);

    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) { }

    if (cancelled)
        return std::unexpected(Error::cancelled(u"%1 %2 was cancelled."_s.arg(argv.first(), where)));
    if (timedOut)
        return fail(u"%1 %2 did not finish within %3 s and was stopped."_s.arg(argv.first(), where)
                        .arg(options.timeoutMs / 1000.0));
    if (WIFSIGNALED(status)) {
        result.signal = WTERMSIG(status);
        result.exitCode = -1;
    } else {
        result.exitCode = WEXITSTATUS(status);
    }
    return result;
}

QString describeExit(const ProcessResult &result)
{
    return result.signal ? u"was killed by %1"_s.arg(signalName(result.signal))
                         : u"exited with status %1"_s.arg(result.exitCode);
}

} // namespace cowherd::host
