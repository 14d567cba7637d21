#include "host/process.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <mutex>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utility>
#include <vector>

using namespace Qt::StringLiterals;

namespace cowherd::host {

namespace {

void closeFd(int &fd)
{
    if (fd >= 0)
        ::close(fd);
    fd = -1;
}

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

QString signalName(int sig)
{
    const char *abbrev = sigabbrev_np(sig);
    return abbrev ? u"SIG"_s + QString::fromLatin1(abbrev) : QString::number(sig);
}

// The program a shell or prlimit could not find, in their own words: "sh: 1: qemu-img: not
// found" (dash), "bash: line 1: qemu-img: command not found", "prlimit: failed to execute
// qemu-img: No such file or directory". Empty when standard error says nothing of the kind.
QString programNotFound(const QByteArray &standardError)
{
    const QList<QByteArray> lines = standardError.trimmed().split('\n');
    for (auto line = lines.crbegin(); line != lines.crend(); ++line) {
        const QString text = QString::fromLocal8Bit(line->trimmed());
        for (const QString &suffix : {u": command not found"_s, u": not found"_s}) {
            if (text.endsWith(suffix)) {
                const QString rest = text.chopped(suffix.size());
                return rest.mid(rest.lastIndexOf(u": "_s) + 1).trimmed();
            }
        }
        static const QString execute = u"failed to execute "_s;
        if (const qsizetype at = text.indexOf(execute); at >= 0 && text.endsWith(u": No such file or directory"_s)) {
            const QString rest = text.mid(at + execute.size());
            return rest.left(rest.lastIndexOf(u": "_s));
        }
    }
    return {};
}

} // namespace

Error notInstalledError(const QString &program, const QString &where)
{
    return Error::make(Error::Kind::Unsupported,
        u"%1 is not installed %2; install it (see the README) and try again."_s.arg(program, where));
}

Error::Kind kindOfToolMessage(QStringView message)
{
    if (message.contains(u"No space left"_s) || message.contains(u"quota"_s))
        return Error::Kind::NoSpace;
    if (message.contains(u"Permission denied"_s) || message.contains(u"Read-only"_s)
        || message.contains(u"Operation not permitted"_s))
        return Error::Kind::Permission;
    if (message.contains(u"No such file"_s) || message.contains(u"Not a directory"_s))
        return Error::Kind::NotFound;
    return Error::Kind::Failure;
}

Result<std::unique_ptr<ChildProcess>> ChildProcess::start(const QStringList &argv, const QString &where)
{
    // A child that exits while we write to it must give EPIPE, not kill Cowherd with SIGPIPE.
    static std::once_flag ignorePipe;
    std::call_once(ignorePipe, [] { ::signal(SIGPIPE, SIG_IGN); });

    if (argv.isEmpty())
        return fail(u"No program to run %1."_s.arg(where));
    QString program = argv.first();
    if (!program.contains(u'/'))
        program = QStandardPaths::findExecutable(program);
    if (program.isEmpty() || !QFileInfo(program).isExecutable())
        return std::unexpected(notInstalledError(argv.first(), where));

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

    int pipes[3][2] = {{-1, -1}, {-1, -1}, {-1, -1}}; // in, out, err
    auto closeAll = [&] {
        for (auto &p : pipes)
            closeFd(p[0]), closeFd(p[1]);
    };
    for (auto &p : pipes) {
        if (::pipe2(p, O_CLOEXEC) != 0) {
            const int e = errno;
            closeAll();
            return fail(
                kindOfErrno(e), u"Could not create pipes to run %1 %2: %3"_s.arg(argv.first(), where, errnoText(e)));
        }
    }
    const pid_t parent = ::getpid();
    const pid_t pid = ::fork();
    if (pid < 0) {
        const int e = errno;
        closeAll();
        return fail(kindOfErrno(e), u"Could not start %1 %2: %3"_s.arg(argv.first(), where, errnoText(e)));
    }
    if (pid == 0) {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent)
            ::_exit(127);
        ::signal(SIGPIPE, SIG_DFL);
        ::dup2(pipes[0][0], 0);
        ::dup2(pipes[1][1], 1);
        ::dup2(pipes[2][1], 2);
        ::execv(cargv[0], cargv.data());
        ::_exit(127);
    }
    std::unique_ptr<ChildProcess> child(new ChildProcess);
    child->m_pid = pid;
    child->m_in = std::exchange(pipes[0][1], -1);
    child->m_out = std::exchange(pipes[1][0], -1);
    child->m_err = std::exchange(pipes[2][0], -1);
    closeAll();
    child->m_program = argv.first();
    child->m_where = where;
    ::fcntl(child->m_in, F_SETFL, O_NONBLOCK);
    return child;
}

ChildProcess::~ChildProcess()
{
    kill();
}

void ChildProcess::kill()
{
    if (m_pid > 0)
        ::kill(m_pid, SIGKILL);
    closeFd(m_in);
    reap();
    closeFd(m_out);
    closeFd(m_err);
}

void ChildProcess::reap()
{
    if (m_pid <= 0)
        return;
    int status = 0;
    while (::waitpid(m_pid, &status, 0) < 0 && errno == EINTR) { }
    if (WIFSIGNALED(status)) {
        m_result.signal = WTERMSIG(status);
        m_result.exitCode = -1;
    } else {
        m_result.exitCode = WEXITSTATUS(status);
    }
    m_pid = -1;
}

bool ChildProcess::pump(int timeoutMs, bool wantWrite)
{
    pollfd fds[3];
    int n = 0;
    int outIndex = -1, errIndex = -1;
    if (m_out >= 0) {
        outIndex = n;
        fds[n++] = {m_out, POLLIN, 0};
    }
    if (m_err >= 0) {
        errIndex = n;
        fds[n++] = {m_err, POLLIN, 0};
    }
    if (wantWrite && m_in >= 0)
        fds[n++] = {m_in, POLLOUT, 0};
    if (n == 0)
        return false;
    const int ready = ::poll(fds, n, timeoutMs);
    if (ready < 0)
        return errno == EINTR;
    char buffer[65536];
    auto drain = [&](int index, int &fd, bool isOutput) {
        if (index < 0 || !(fds[index].revents & (POLLIN | POLLHUP | POLLERR)))
            return;
        const ssize_t r = ::read(fd, buffer, sizeof buffer);
        if (r > 0) {
            if (isOutput)
                m_pendingOut.append(buffer, r);
            else if (m_result.standardError.size() < 1024 * 1024)
                m_result.standardError.append(buffer, r);
        } else if (r == 0 || errno != EINTR) {
            closeFd(fd);
        }
    };
    drain(outIndex, m_out, true);
    drain(errIndex, m_err, false);
    return true;
}

Status ChildProcess::write(QByteArrayView bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        if (m_in < 0)
            return fail(u"%1 %2 stopped reading its input."_s.arg(m_program, m_where));
        const ssize_t w = ::write(m_in, bytes.data() + done, size_t(bytes.size() - done));
        if (w > 0) {
            done += w;
            continue;
        }
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0 && errno != EAGAIN) {
            closeFd(m_in);
            return fail(u"%1 %2 stopped reading its input."_s.arg(m_program, m_where));
        }
        pump(1000, true);
    }
    return {};
}

void ChildProcess::closeInput()
{
    closeFd(m_in);
}

Result<QByteArray> ChildProcess::readLine(int timeoutMs, const std::function<bool()> &isCancelled)
{
    QElapsedTimer clock;
    clock.start();
    for (;;) {
        const qsizetype newline = m_pendingOut.indexOf('\n');
        if (newline >= 0) {
            QByteArray line = m_pendingOut.left(newline);
            m_pendingOut.remove(0, newline + 1);
            return line;
        }
        if (m_out < 0)
            return fail(u"%1 %2 ended without answering."_s.arg(m_program, m_where));
        if (isCancelled && isCancelled())
            return std::unexpected(Error::cancelled(u"%1 %2 was cancelled."_s.arg(m_program, m_where)));
        if (timeoutMs >= 0 && clock.elapsed() > timeoutMs)
            return fail(Error::Kind::Timeout,
                u"%1 %2 did not answer within %3 s."_s.arg(m_program, m_where).arg(timeoutMs / 1000.0));
        pump(100, false);
    }
}

Result<ProcessResult> ChildProcess::finish(int timeoutMs)
{
    return complete({.timeoutMs = timeoutMs});
}

Result<ProcessResult> ChildProcess::complete(const RunOptions &options)
{
    const QByteArray &input = options.standardInput;
    qsizetype written = 0;
    if (input.isEmpty())
        closeFd(m_in);
    qsizetype delivered = 0; // standard output handed to onOutput
    QElapsedTimer clock;
    clock.start();
    while (m_out >= 0 || m_err >= 0) {
        if (m_in >= 0) {
            const ssize_t w = ::write(m_in, input.constData() + written, size_t(input.size() - written));
            if (w > 0)
                written += w;
            if ((w < 0 && errno != EAGAIN && errno != EINTR) || written >= input.size())
                closeFd(m_in);
        }
        const bool running = pump(100, m_in >= 0);
        if (options.onOutput && m_pendingOut.size() > delivered) {
            options.onOutput(QByteArrayView(m_pendingOut).sliced(delivered));
            delivered = m_pendingOut.size();
            if (!options.keepOutput) {
                m_pendingOut.resize(0); // keeps the capacity for the next chunk
                delivered = 0;
            }
        }
        if (options.isCancelled && options.isCancelled()) {
            kill();
            return std::unexpected(Error::cancelled(u"%1 %2 was cancelled."_s.arg(m_program, m_where)));
        }
        if (options.timeoutMs >= 0 && clock.elapsed() > options.timeoutMs) {
            kill();
            return fail(Error::Kind::Timeout,
                u"%1 %2 did not finish within %3 s and was stopped."_s.arg(m_program, m_where)
                    .arg(options.timeoutMs / 1000.0));
        }
        if (!running)
            break;
    }
    closeFd(m_in);
    reap();
    m_result.standardOutput = std::exchange(m_pendingOut, {});
    // 127: a shell, prlimit or the host's shell behind ssh could not find the program.
    if (m_result.exitCode == 127 && m_result.signal == 0)
        if (const QString missing = programNotFound(m_result.standardError); !missing.isEmpty())
            return std::unexpected(notInstalledError(missing, m_where));
    return m_result;
}

Result<ProcessResult> runProcess(const QStringList &argv, const RunOptions &options, const QString &where)
{
    auto child = ChildProcess::start(argv, where);
    if (!child)
        return std::unexpected(child.error());
    return (*child)->complete(options);
}

QString describeExit(const ProcessResult &result)
{
    return result.signal ? u"was killed by %1"_s.arg(signalName(result.signal))
                         : u"exited with status %1"_s.arg(result.exitCode);
}

} // namespace cowherd::host
