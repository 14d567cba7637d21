#include "host/childprocess.h"

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

} // namespace

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
        return fail(u"%1 is not installed %2; install it (see the README) and try again."_s.arg(argv.first(), where));

    std::vector<QByteArray> storage;
    storage.push_back(QFile::encodeName(program));
    for (qsizetype i = 1; i < argv.size(); ++i)
        storage.push_back(argv.at(i).toLocal8Bit());
    std::vector<char *> cargv;
    for (auto &s : storage)
        cargv.push_back(s.data());
    cargv.push_back(nullptr);

    int in[2], out[2], err[2];
    if (::pipe2(in, O_CLOEXEC) != 0)
        return fail(u"Could not create pipes to run %1 %2: %3"_s.arg(argv.first(), where, errnoText(errno)));
    if (::pipe2(out, O_CLOEXEC) != 0) {
        ::close(in[0]), ::close(in[1]);
        return fail(u"Could not create pipes to run %1 %2: %3"_s.arg(argv.first(), where, errnoText(errno)));
    }
    if (::pipe2(err, O_CLOEXEC) != 0) {
        ::close(in[0]), ::close(in[1]), ::close(out[0]), ::close(out[1]);
        return fail(u"Could not create pipes to run %1 %2: %3"_s.arg(argv.first(), where, errnoText(errno)));
    }
    const pid_t parent = ::getpid();
    const pid_t pid = ::fork();
    if (pid < 0) {
        const int e = errno;
        for (int fd : {in[0], in[1], out[0], out[1], err[0], err[1]})
            ::close(fd);
        return fail(u"Could not start %1 %2: %3"_s.arg(argv.first(), where, errnoText(e)));
    }
    if (pid == 0) {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent)
            ::_exit(127);
        ::signal(SIGPIPE, SIG_DFL);
        ::dup2(in[0], 0);
        ::dup2(out[1], 1);
        ::dup2(err[1], 2);
        ::execv(cargv[0], cargv.data());
        ::_exit(127);
    }
    ::close(in[0]);
    ::close(out[1]);
    ::close(err[1]);
    std::unique_ptr<ChildProcess> child(new ChildProcess);
    child->m_pid = pid;
    child->m_in = in[1];
    child->m_out = out[0];
    child->m_err = err[0];
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
            return fail(u"%1 %2 did not answer within %3 s."_s.arg(m_program, m_where).arg(timeoutMs / 1000.0));
        pump(100, false);
    }
}

Result<ProcessResult> ChildProcess::finish(int timeoutMs)
{
    closeFd(m_in);
    QElapsedTimer clock;
    clock.start();
    while (m_out >= 0 || m_err >= 0) {
        if (timeoutMs >= 0 && clock.elapsed() > timeoutMs) {
            kill();
            return fail(u"%1 %2 did not finish within %3 s and was stopped."_s.arg(m_program, m_where)
                            .arg(timeoutMs / 1000.0));
        }
        if (!pump(100, false))
            break;
    }
    reap();
    m_result.standardOutput = m_pendingOut;
    m_pendingOut.clear();
    return m_result;
}

} // namespace cowherd::host
