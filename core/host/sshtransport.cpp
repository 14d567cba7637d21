#include "host/sshtransport.h"

#include "host/process.h"
#include "host/remotelisting.h"
#include "host/shellquote.h"

#include <QDir>
#include <QLoggingCategory>

#include <cerrno>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSsh, "cowherd.host.ssh")

namespace cowherd::host {

namespace {

// The last non-empty line of ssh's or the remote command's standard error.
QString lastLine(const QByteArray &errors)
{
    const QList<QByteArray> lines = errors.trimmed().split('\n');
    for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
        const QByteArray line = it->trimmed();
        if (!line.isEmpty())
            return QString::fromLocal8Bit(line.left(500));
    }
    return {};
}

} // namespace

SshOptions SshOptions::fromEnvironment()
{
    SshOptions options;
    options.configFile = qEnvironmentVariable("COWHERD_SSH_CONFIG");
    options.controlDirectory = qEnvironmentVariable("COWHERD_SSH_CONTROL_DIR");
    bool ok = false;
    const int timeout = qEnvironmentVariableIntValue("COWHERD_SSH_CONNECT_TIMEOUT", &ok);
    if (ok && timeout > 0)
        options.connectTimeoutSeconds = timeout;
    return options;
}

SshTransport::SshTransport(LibvirtUri uri, QString hostLabel, SshOptions options)
    : m_uri(std::move(uri))
    , m_label(hostLabel.isEmpty() ? m_uri.hostName : std::move(hostLabel))
    , m_options(std::move(options))
{ }

Result<QString> SshTransport::controlDirectory() const
{
    QString dir = m_options.controlDirectory;
    if (dir.isEmpty()) {
        const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
        dir = runtime.isEmpty() ? u"/tmp/cowherd-ssh-%1"_s.arg(::getuid()) : runtime + u"/cowherd"_s;
    }
    const QByteArray encoded = QFile::encodeName(dir);
    if (::mkdir(encoded.constData(), 0700) != 0 && errno != EEXIST) {
        const int error = errno;
        return fail(kindOfErrno(error),
            u"Cannot create %1 for SSH connection sockets: %2."_s.arg(
                dir, QString::fromLocal8Bit(std::strerror(error))));
    }
    struct stat st;
    // Another user's directory there could hijack our connections: refuse it.
    if (::lstat(encoded.constData(), &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != ::getuid()
        || (st.st_mode & 0077) != 0)
        return fail(Error::Kind::Permission,
            u"%1 must be a directory of yours that nobody else may use (mode 0700); remove it or set "
            "COWHERD_SSH_CONTROL_DIR."_s.arg(dir));
    return dir;
}

QStringList SshTransport::sshCommand(const QString &remoteCommand) const
{
    QStringList argv{u"ssh"_s};
    if (!m_options.configFile.isEmpty())
        argv << u"-F"_s << m_options.configFile;
    if (m_options.batchMode)
        argv << u"-o"_s << u"BatchMode=yes"_s;
    argv << u"-o"_s << u"ConnectTimeout=%1"_s.arg(m_options.connectTimeoutSeconds);
    // A dead host or network is noticed within 45 s even while a command waits for output.
    argv << u"-o"_s << u"ServerAliveInterval=15"_s << u"-o"_s << u"ServerAliveCountMax=3"_s;
    if (auto dir = controlDirectory()) {
        argv << u"-o"_s << u"ControlMaster=auto"_s << u"-o"_s
             << u"ControlPersist=%1"_s.arg(m_options.controlPersistSeconds) << u"-o"_s
             << u"ControlPath=%1/ssh-%C"_s.arg(*dir);
    } else {
        qCWarning(lcSsh) << "no connection sharing for" << m_label << ":" << dir.error().message;
    }
    if (m_uri.port > 0)
        argv << u"-p"_s << QString::number(m_uri.port);
    if (!m_uri.user.isEmpty())
        argv << u"-l"_s << m_uri.user;
    if (!m_uri.keyFile.isEmpty())
        argv << u"-i"_s << m_uri.keyFile;
    if (!m_uri.knownHosts.isEmpty())
        argv << u"-o"_s << u"UserKnownHostsFile=%1"_s.arg(m_uri.knownHosts);
    if (m_uri.noVerify)
        argv << u"-o"_s << u"StrictHostKeyChecking=no"_s;
    argv << u"-T"_s << u"--"_s << m_uri.hostName << remoteCommand;
    return argv;
}

void SshTransport::disconnect()
{
    QStringList argv = sshCommand(QString());
    argv.removeLast(); // no remote command
    argv.insert(1, u"-O"_s);
    argv.insert(2, u"exit"_s);
    runProcess(argv, {.timeoutMs = 10'000}, u"on this machine"_s);
}

QString SshTransport::sshHint() const
{
    QString hint = u"ssh "_s;
    if (m_uri.port > 0)
        hint += u"-p %1 "_s.arg(m_uri.port);
    return hint + m_uri.sshDestination() + u" true"_s;
}

Error SshTransport::sshFailure(const ProcessResult &result) const
{
    const QString said = lastLine(result.standardError);
    const QByteArray &e = result.standardError;
    if (e.contains("Permission denied") || e.contains("passphrase") || e.contains("Too many authentication failures"))
        return Error::make(Error::Kind::Authentication,
            u"%1 asks for a password or passphrase, which Cowherd cannot type (it runs ssh in batch "
            "mode). Load your key into ssh-agent (ssh-add) or install a key for this host, then "
            "check that `%2` works without a prompt. ssh said: %3"_s.arg(m_label, sshHint(), said));
    if (e.contains("Host key verification failed") || e.contains("REMOTE HOST IDENTIFICATION HAS CHANGED"))
        return Error::make(Error::Kind::Authentication,
            u"The SSH host key of %1 is unknown or has changed. Connect once with `ssh %2` to check "
            "and accept it (or fix known_hosts), then try again."_s.arg(m_label, sshHint()));
    if (e.contains("timed out"))
        return Error::make(Error::Kind::Unreachable,
            u"%1 did not answer over SSH within %2 s: %3. Check that the host is up and reachable "
            "from this machine."_s.arg(m_label)
                .arg(m_options.connectTimeoutSeconds)
                .arg(said));
    return Error::make(Error::Kind::Unreachable,
        u"Cannot reach %1 over SSH: %2. Check that `%3` works from this machine."_s.arg(
            m_label, said.isEmpty() ? describeExit(result) : said, sshHint()));
}

Error SshTransport::remoteFailure(const QString &what, const QString &path, const ProcessResult &result) const
{
    if (result.exitCode == 255)
        return sshFailure(result);
    QString reason = lastLine(result.standardError);
    // "rm: cannot remove '/x': Permission denied" -> "Permission denied"
    if (const qsizetype colon = reason.lastIndexOf(u": "_s); colon >= 0)
        reason = reason.mid(colon + 2);
    if (reason.isEmpty())
        reason = describeExit(result);
    const Error::Kind kind = kindOfToolMessage(reason);
    QString hint;
    if (kind == Error::Kind::NoSpace)
        hint = u" Free some space (a cache pass can reclaim unused base files) and try again."_s;
    else if (kind == Error::Kind::Permission)
        hint = u" Check the permissions of the instances path for the SSH user on %1."_s.arg(m_label);
    return Error::make(kind, u"Cannot %1 %2 on %3: %4.%5"_s.arg(what, path, m_label, reason, hint));
}

Result<ProcessResult> SshTransport::run(const QStringList &argv, const RunOptions &options)
{
    if (argv.isEmpty())
        return fail(u"No program to run on %1."_s.arg(m_label));
    RunOptions o = options;
    if (o.timeoutMs < 0)
        o.timeoutMs = m_options.commandTimeoutMs;
    qCDebug(lcSsh) << "run on" << m_label << ":" << argv.first();
    auto result = runProcess(sshCommand(shellJoin(argv)), o, u"on "_s + m_label);
    if (result && result->exitCode == 255 && !result->signal)
        return std::unexpected(sshFailure(*result));
    return result;
}

Result<ProcessResult> SshTransport::runScript(const QString &script, const QStringList &args, const RunOptions &options)
{
    QStringList argv{u"sh"_s, u"-c"_s, script, u"sh"_s};
    argv += args;
    return run(argv, options);
}

Result<CacheListing> SshTransport::listCache(const QString &instancesPath, const ListOptions &options)
{
    // The answer is parsed as it arrives (and each header inspected by options.onHead), while
    // the host is still listing: 50,000 overlays' answer is never held whole.
    CacheListingParser parser(instancesPath, options, m_label);
    RunOptions run;
    run.standardInput = cacheListingScript(instancesPath, options);
    run.timeoutMs = m_options.scanTimeoutMs;
    run.onOutput = [&](QByteArrayView chunk) { (void)parser.feed(chunk); };
    run.keepOutput = false;
    auto result = runProcess(sshCommand(u"sh -s"_s), run, u"on "_s + m_label);
    if (!result)
        return fail(result.error(), u"Scanning %1 failed: %2"_s.arg(m_label, result.error().message));
    if (result->exitCode == 255)
        return std::unexpected(sshFailure(*result));
    return parser.finish();
}

Result<QList<FileEntry>> SshTransport::probe(const QStringList &paths, qint64 headBytes)
{
    if (paths.isEmpty())
        return QList<FileEntry>{};
    RunOptions run;
    run.standardInput = probeScript(paths, headBytes);
    run.timeoutMs = m_options.scanTimeoutMs;
    auto result = runProcess(sshCommand(u"sh -s"_s), run, u"on "_s + m_label);
    if (!result)
        return std::unexpected(result.error());
    if (result->exitCode == 255)
        return std::unexpected(sshFailure(*result));
    return parseProbe(result->standardOutput, paths, headBytes, m_label);
}

} // namespace cowherd::host
