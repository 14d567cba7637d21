// SshTransport's file operations: each is one small sh script on the host, run over the shared
// master connection, with its arguments quoted once. Errors carry the remote tool's reason.
#include "host/process.h"
#include "host/shellquote.h"
#include "host/sshtransport.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcSsh)

namespace cowherd::host {

namespace {

// Streams stdin into the file; "ready" says it was created, "committed" that cat and fsync
// (sync FILE) succeeded. O_NOFOLLOW has no sh equivalent, so a symbolic link is refused first.
constexpr auto writerScript = R"SH(f=$1
[ -L "$f" ] && { echo "$f: is a symbolic link" >&2; exit 1; }
mkdir -p -- "$(dirname -- "$f")" && : >"$f" || exit 1
echo ready
cat >"$f" && sync -- "$f" && echo committed
)SH";

constexpr auto atomicWriteScript = R"SH(f=$1; d=$(dirname -- "$f"); t=$f.tmp-$$
mkdir -p -- "$d" || exit 1
trap 'rm -f -- "$t"' EXIT
cat >"$t" && sync -- "$t" && mv -f -- "$t" "$f" && sync -- "$d"
)SH";

// The file is flushed before it takes the new name (qemu-img does not fsync its output).
constexpr auto renameScript
    = R"SH({ [ ! -f "$1" ] || sync -- "$1"; } && mv -f -T -- "$1" "$2" && sync -- "$(dirname -- "$2")"
)SH";

constexpr auto touchScript = R"SH([ -e "$2" ] || [ -L "$2" ] || { echo "$2: No such file or directory" >&2; exit 1; }
touch -h -c -d "$1" -- "$2"
)SH";

constexpr auto hashScript = R"SH(if command -v openssl >/dev/null 2>&1; then exec openssl dgst -sha256 -r "$1"; fi
exec sha256sum -b -- "$1"
)SH";

// Holds flock(1)-style on fd 9 while stdin stays open; "locked" after it is ours. As with the
// local lock, a lock file removed by its previous holder is locked again under its new inode.
// umask 077: a lock file others can read is one they can flock() and hold forever.
constexpr auto lockScript = R"SH(f=$1; mode=$2
umask 077
mkdir -p -- "$(dirname -- "$f")" || exit 1
while :; do
  exec 9>>"$f" || exit 1
  if ! flock $mode 9; then echo busy; exit 3; fi
  [ "$(stat -L -c %d:%i /dev/fd/9)" = "$(stat -L -c %d:%i -- "$f" 2>/dev/null)" ] && break
  exec 9>&-
done
echo locked
cat >/dev/null
)SH";

// A POSIX record lock (fcntl.lockf, what oslo.concurrency takes) held by python3 on the host
// while stdin stays open, answering "locked", "busy" or "error REASON". Without python3 the
// shell answers "nopython". The file is created (0644, owned like its directory when root, with
// the content given) only when asked; a removed lock file is locked again under its new inode.
constexpr auto recordLockScript = R"SH(command -v python3 >/dev/null 2>&1 || { echo nopython; exit 4; }
exec python3 -c '
import errno, fcntl, os, select, sys, time
p, wait, shared, create, content, timeout = sys.argv[1], sys.argv[2] == "1", sys.argv[3] == "1", sys.argv[4] == "1", sys.argv[5], float(sys.argv[6])
def say(word, code=None):
    print(word, flush=True)
    if code is not None:
        sys.exit(code)
start, delay = time.monotonic(), 0.005
while True:
    try:
        fd = None
        if shared:
            fd = os.open(p, os.O_RDONLY)
        else:
            if create:
                os.makedirs(os.path.dirname(p), exist_ok=True)
                try:
                    fd = os.open(p, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_EXCL, 0o644)
                    os.write(fd, content.encode())
                    if os.geteuid() == 0:
                        d = os.stat(os.path.dirname(p))
                        os.fchown(fd, d.st_uid, d.st_gid)
                except FileExistsError:
                    fd = None
            if fd is None:
                fd = os.open(p, os.O_WRONLY | os.O_APPEND)
    except OSError as e:
        say("error " + e.strerror, 1)
    try:
        fcntl.lockf(fd, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
    except OSError as e:
        os.close(fd)
        if e.errno not in (errno.EACCES, errno.EAGAIN):
            say("error " + e.strerror, 1)
        if not wait or (timeout >= 0 and time.monotonic() - start > timeout):
            say("busy", 3)
        if select.select([sys.stdin], [], [], delay)[0] and not sys.stdin.read(1):
            sys.exit(0)
        delay = min(delay * 2, 0.1)
        continue
    held = os.fstat(fd)
    try:
        now = os.stat(p)
    except OSError:
        now = None
    if now is not None and (held.st_dev, held.st_ino) == (now.st_dev, now.st_ino):
        break
    os.close(fd)
say("locked")
sys.stdin.read()
' "$@"
)SH";

class SshFileWriter final : public FileWriter
{
public:
    SshFileWriter(SshTransport &transport, QString path, std::unique_ptr<ChildProcess> child)
        : m_transport(transport)
        , m_path(std::move(path))
        , m_child(std::move(child))
    { }
    ~SshFileWriter() override
    {
        if (m_child)
            abort();
    }
    QString path() const override { return m_path; }

    Status write(QByteArrayView bytes) override
    {
        if (!m_child)
            return fail(u"%1 is already closed."_s.arg(m_path));
        if (auto w = m_child->write(bytes); !w) {
            auto finished = m_child->finish(5000);
            m_child.reset();
            m_transport.removeFile(m_path);
            if (finished)
                return std::unexpected(m_transport.remoteFailure(u"write"_s, m_path, *finished));
            return w;
        }
        return {};
    }

    Status commit() override
    {
        if (!m_child)
            return fail(u"%1 is already closed."_s.arg(m_path));
        auto finished = m_child->finish();
        m_child.reset();
        if (finished && finished->succeeded() && finished->standardOutput.contains("committed"))
            return {};
        m_transport.removeFile(m_path);
        if (!finished)
            return std::unexpected(finished.error());
        return std::unexpected(m_transport.remoteFailure(u"write"_s, m_path, *finished));
    }

    void abort() override
    {
        if (!m_child)
            return;
        // Killing ssh ends the stream; cat on the host then stops at end of input, and the
        // partial file is removed.
        m_child->kill();
        m_child.reset();
        m_transport.removeFile(m_path);
    }

private:
    SshTransport &m_transport;
    QString m_path;
    std::unique_ptr<ChildProcess> m_child;
};

// Held by nobody: a record lock on a host without python3 (see LockOptions::skipWithoutPython).
class NoLock final : public HostLock
{
};

class SshLock final : public HostLock
{
public:
    explicit SshLock(std::unique_ptr<ChildProcess> child)
        : m_child(std::move(child))
    { }
    // End of input ends cat, which ends the shell holding fd 9: the lock is released.
    ~SshLock() override { m_child->finish(10'000); }

private:
    std::unique_ptr<ChildProcess> m_child;
};

QStringList scriptArgv(const QString &script, const QStringList &args)
{
    return QStringList{u"sh"_s, u"-c"_s, script, u"sh"_s} + args;
}

} // namespace

Result<std::unique_ptr<FileWriter>> SshTransport::createFile(const QString &path)
{
    auto child = ChildProcess::start(
        sshCommand(shellJoin(scriptArgv(QString::fromUtf8(writerScript), {path}))), u"on "_s + displayName());
    if (!child)
        return std::unexpected(child.error());
    auto ready = (*child)->readLine(options().connectTimeoutSeconds * 1000 + 30'000);
    if (!ready || *ready != "ready") {
        auto finished = (*child)->finish(5000);
        if (finished)
            return std::unexpected(remoteFailure(u"create"_s, path, *finished));
        return std::unexpected(finished.error());
    }
    return std::make_unique<SshFileWriter>(*this, path, std::move(*child));
}

Result<QByteArray> SshTransport::readFile(const QString &path, qint64 maxBytes)
{
    auto result = run({u"head"_s, u"-c"_s, QString::number(maxBytes + 1), u"--"_s, path});
    if (!result)
        return std::unexpected(result.error());
    if (!result->succeeded())
        return std::unexpected(remoteFailure(u"read"_s, path, *result));
    if (result->standardOutput.size() > maxBytes)
        return fail(u"%1 on %2 is larger than %3 bytes; refusing to read it."_s.arg(path, displayName()).arg(maxBytes));
    return result->standardOutput;
}

Status SshTransport::writeFileAtomically(const QString &path, const QByteArray &content)
{
    RunOptions o;
    o.standardInput = content;
    // An empty input would close stdin at once, which is what an empty file needs too.
    auto result = runScript(QString::fromUtf8(atomicWriteScript), {path}, o);
    if (!result)
        return std::unexpected(result.error());
    if (!result->succeeded())
        return std::unexpected(remoteFailure(u"write"_s, path, *result));
    return {};
}

Status SshTransport::rename(const QString &from, const QString &to)
{
    auto result = runScript(QString::fromUtf8(renameScript), {from, to});
    if (!result)
        return std::unexpected(result.error());
    if (!result->succeeded())
        return std::unexpected(remoteFailure(u"rename %1 to"_s.arg(from), to, *result));
    return {};
}

Status SshTransport::removeFile(const QString &path)
{
    auto result = run({u"rm"_s, u"-f"_s, u"--"_s, path});
    if (!result)
        return std::unexpected(result.error());
    if (!result->succeeded())
        return std::unexpected(remoteFailure(u"remove"_s, path, *result));
    return {};
}

Status SshTransport::removeTree(const QString &path)
{
    // rm -r never follows symbolic links; -f makes a missing tree no error.
    auto result = run({u"rm"_s, u"-rf"_s, u"--"_s, path});
    if (!result)
        return std::unexpected(result.error());
    if (!result->succeeded())
        return std::unexpected(remoteFailure(u"remove"_s, path, *result));
    return {};
}

Status SshTransport::makeDirectory(const QString &path)
{
    auto result = run({u"mkdir"_s, u"-p"_s, u"--"_s, path});
    if (!result)
        return std::unexpected(result.error());
    if (!result->succeeded())
        return std::unexpected(remoteFailure(u"create the directory"_s, path, *result));
    return {};
}

Status SshTransport::touch(const QString &path, const QDateTime &when)
{
    const qint64 ms = when.toMSecsSinceEpoch();
    const QString stamp = u"@%1.%2"_s.arg(ms / 1000).arg(ms % 1000, 3, 10, QChar(u'0'));
    auto result = runScript(QString::fromUtf8(touchScript), {stamp, path});
    if (!result)
        return std::unexpected(result.error());
    if (!result->succeeded())
        return std::unexpected(remoteFailure(u"touch"_s, path, *result));
    return {};
}

Result<qint64> SshTransport::freeSpace(const QString &path)
{
    auto result = run({u"stat"_s, u"-f"_s, u"-c"_s, u"%a %S"_s, u"--"_s, path});
    if (!result)
        return std::unexpected(result.error());
    if (!result->succeeded())
        return std::unexpected(remoteFailure(u"query free space of"_s, path, *result));
    const QList<QByteArray> fields = result->standardOutput.trimmed().split(' ');
    bool okBlocks = false, okSize = false;
    const qint64 blocks = fields.value(0).toLongLong(&okBlocks);
    const qint64 size = fields.value(1).toLongLong(&okSize);
    if (fields.size() != 2 || !okBlocks || !okSize)
        return fail(Error::Kind::Corrupt,
            u"Cannot query free space of %1 on %2: stat printed something unexpected."_s.arg(path, displayName()));
    return blocks * size;
}

Result<QByteArray> SshTransport::sha256(const QString &path, const std::function<bool()> &isCancelled, IoPriority)
{
    RunOptions o;
    o.isCancelled = isCancelled;
    auto result = runScript(QString::fromUtf8(hashScript), {path}, o);
    if (!result) {
        if (result.error().kind == Error::Kind::Cancelled)
            return std::unexpected(Error::cancelled(u"Hashing %1 on %2 was cancelled."_s.arg(path, displayName())));
        return std::unexpected(result.error());
    }
    if (!result->succeeded())
        return std::unexpected(remoteFailure(u"read"_s, path, *result));
    const QByteArray hex = result->standardOutput.left(64).toLower();
    const bool valid = hex.size() == 64 && std::all_of(hex.cbegin(), hex.cend(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    });
    if (!valid)
        return fail(
            u"Cannot hash %1 on %2: the host's openssl or sha256sum printed no digest."_s.arg(path, displayName()));
    return hex;
}

Result<std::unique_ptr<HostLock>> SshTransport::recordLock(const QString &path, const LockOptions &options)
{
    const QStringList args{path, options.wait ? u"1"_s : u"0"_s, options.shared ? u"1"_s : u"0"_s,
        options.create ? u"1"_s : u"0"_s, QString::fromUtf8(options.createContent),
        QString::number(options.timeoutMs < 0 ? -1.0 : options.timeoutMs / 1000.0)};
    auto child = ChildProcess::start(
        sshCommand(shellJoin(scriptArgv(QString::fromUtf8(recordLockScript), args))), u"on "_s + displayName());
    if (!child)
        return std::unexpected(child.error());
    const int answerTimeout
        = options.timeoutMs >= 0 ? options.timeoutMs + m_options.connectTimeoutSeconds * 1000 + 5000 : -1;
    auto line = (*child)->readLine(answerTimeout, options.isCancelled);
    if (line && *line == "locked")
        return std::make_unique<SshLock>(std::move(*child));
    if (!line && line.error().kind == Error::Kind::Cancelled) {
        (*child)->kill();
        return std::unexpected(
            Error::cancelled(u"Waiting for the lock %1 on %2 was cancelled."_s.arg(path, displayName())));
    }
    auto finished = (*child)->finish(5000);
    if (line && *line == "nopython") {
        if (options.skipWithoutPython) {
            qCWarning(lcSsh) << displayName() << "has no python3: Nova's lock" << path << "is not taken there";
            return std::make_unique<NoLock>();
        }
        return fail(Error::Kind::Unsupported,
            u"Cannot take the lock %1 on %2: python3 is missing there, and Cowherd "
            "takes Nova's (fcntl) locks with it. Install python3 on %2."_s.arg(path, displayName()));
    }
    if (line && *line == "busy") {
        if (!options.wait)
            return fail(Error::Kind::Busy,
                u"%1 is locked by another process on %2 (nova-compute holds such a lock while "
                "it fetches, uses or removes that base file)."_s.arg(path, displayName()));
        return fail(Error::Kind::Busy,
            u"Timed out after %1 s waiting for the lock %2 on %3; another process (nova-compute "
            "fetching, using or removing that base file) holds it."_s.arg(options.timeoutMs / 1000.0)
                .arg(path, displayName()));
    }
    if (line && line->startsWith("error "))
        return fail(line->contains("Permission denied") ? Error::Kind::Permission : Error::Kind::Failure,
            u"Cannot lock %1 on %2: %3."_s.arg(path, displayName(), QString::fromUtf8(line->mid(6))));
    if (!finished)
        return std::unexpected(finished.error());
    return std::unexpected(remoteFailure(u"lock"_s, path, *finished));
}

Result<std::unique_ptr<HostLock>> SshTransport::lock(const QString &path, const LockOptions &options)
{
    if (options.kind == LockKind::Record)
        return recordLock(path, options);
    QString mode;
    if (!options.wait)
        mode = u"-n"_s;
    else if (options.timeoutMs >= 0)
        mode = u"-w %1"_s.arg(std::max(1, (options.timeoutMs + 999) / 1000));
    auto child = ChildProcess::start(
        sshCommand(shellJoin(scriptArgv(QString::fromUtf8(lockScript), {path, mode}))), u"on "_s + displayName());
    if (!child)
        return std::unexpected(child.error());
    const int answerTimeout
        = options.timeoutMs >= 0 ? options.timeoutMs + m_options.connectTimeoutSeconds * 1000 + 5000 : -1;
    auto line = (*child)->readLine(answerTimeout, options.isCancelled);
    if (line && *line == "locked")
        return std::make_unique<SshLock>(std::move(*child));
    if (!line && line.error().kind == Error::Kind::Cancelled) {
        (*child)->kill();
        return std::unexpected(
            Error::cancelled(u"Waiting for the lock %1 on %2 was cancelled."_s.arg(path, displayName())));
    }
    auto finished = (*child)->finish(5000);
    if (line && *line == "busy") {
        if (!options.wait)
            return fail(Error::Kind::Busy,
                u"%1 is locked by another Cowherd task or process on %2."_s.arg(path, displayName()));
        return fail(Error::Kind::Busy,
            u"Timed out waiting for the lock %1 on %2; another task holds it."_s.arg(path, displayName()));
    }
    if (!finished)
        return std::unexpected(finished.error());
    return std::unexpected(remoteFailure(u"lock"_s, path, *finished));
}

} // namespace cowherd::host
