#pragma once

#include "host/transport.h"

namespace cowherd::host {

// Files and processes on this machine, read in-process: open, pread, close per image header,
// no child process per file.
class LocalTransport : public Transport
{
public:
    QString displayName() const override;
    bool isLocal() const override { return true; }
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
};

} // namespace cowherd::host
