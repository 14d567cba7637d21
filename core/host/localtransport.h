#pragma once

#include "host/transport.h"

namespace cowherd::host {

// Files and processes on this machine, read in-process: open, pread, close per image header,
// no child process per file.
class LocalTransport final : public Transport
{
public:
    QString displayName() const override;
    bool isLocal() const override { return true; }
    Result<ProcessResult> run(const QStringList &argv, const RunOptions &options = {}) override;
    Result<CacheListing> listCache(const QString &instancesPath, const ListOptions &options) override;
    Result<QList<FileEntry>> probe(const QStringList &paths, qint64 headBytes) override;
};

} // namespace cowherd::host
