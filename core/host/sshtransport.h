#pragma once

#include "host/libvirturi.h"
#include "host/transport.h"

namespace cowherd::host {

struct SshOptions
{
    // An ssh_config file used instead of ~/.ssh/config (ssh -F); empty: ssh's defaults. The
    // environment variable COWHERD_SSH_CONFIG sets it for every transport (tests use it).
    QString configFile;
    // Where the multiplexing sockets live; empty: $XDG_RUNTIME_DIR/cowherd, else
    // /tmp/cowherd-ssh-<uid> (mode 0700). COWHERD_SSH_CONTROL_DIR overrides it.
    QString controlDirectory;
    int connectTimeoutSeconds = 10; // COWHERD_SSH_CONNECT_TIMEOUT overrides it
    int controlPersistSeconds = 600;
    int scanTimeoutMs = 120'000; // listCache and probe together
    int commandTimeoutMs = -1; // run(): the caller's RunOptions decide
    bool batchMode = true; // never prompt: background work has nobody to answer

    static SshOptions fromEnvironment();
};

// A host's files and programs over the OpenSSH client, so that ~/.ssh/config, the agent,
// ProxyJump and known_hosts work as the administrator set them up. Every call is one ssh
// invocation over ONE multiplexed master connection per host (ControlMaster=auto); remote
// arguments are quoted once, here. The scan is one round trip whatever the number of files.
class SshTransport : public Transport
{
public:
    // hostLabel names the host in messages ("lab3").
    SshTransport(LibvirtUri uri, QString hostLabel, SshOptions options = SshOptions::fromEnvironment());

    QString displayName() const override { return m_label; }
    bool isLocal() const override { return false; }
    Result<ProcessResult> run(const QStringList &argv, const RunOptions &options = {}) override;
    Result<CacheListing> listCache(const QString &instancesPath, const ListOptions &options) override;
    Result<QList<FileEntry>> probe(const QStringList &paths, qint64 headBytes) override;

    Result<std::unique_ptr<FileWriter>> createFile(const QString &path) override;
    Result<QByteArray> readFile(const QString &path, qint64 maxBytes) override;
    Status writeFileAtomically(const QString &path, const QByteArray &content) override;
    Status rename(const QString &from, const QString &to) override;
    Status removeFile(const QString &path) override;
    Status removeTree(const QString &path) override;
    Status makeDirectory(const QString &path) override;
    Status touch(const QString &path, const QDateTime &when) override;
    Result<qint64> freeSpace(const QString &path) override;
    Result<QByteArray> sha256(const QString &path, const std::function<bool()> &isCancelled = {},
        IoPriority priority = IoPriority::Normal) override;
    Result<std::unique_ptr<HostLock>> lock(const QString &path, const LockOptions &options) override;

    // The ssh command line that runs remoteCommand (already quoted) on the host.
    QStringList sshCommand(const QString &remoteCommand) const;
    // Ends the master connection (ssh -O exit); the next call opens a new one.
    void disconnect();
    const SshOptions &options() const { return m_options; }

    // Runs a small sh script on the host with positional arguments, quoted once.
    Result<ProcessResult> runScript(const QString &script, const QStringList &args, const RunOptions &options = {});
    // The message for an ssh failure (exit status 255), naming the host and what to do.
    Error sshFailure(const ProcessResult &result) const;
    // "Cannot <what> <path> on <host>: <reason>."
    Error remoteFailure(const QString &what, const QString &path, const ProcessResult &result) const;

private:
    Result<QString> controlDirectory() const;
    Result<std::unique_ptr<HostLock>> recordLock(const QString &path, const LockOptions &options);
    QString sshHint() const; // "ssh -p 2222 user@lab3 true", for messages

    LibvirtUri m_uri;
    QString m_label;
    SshOptions m_options;
};

} // namespace cowherd::host
