#pragma once

#include "host/transport.h"

namespace cowherd::host {

// A host that cannot be reached at all (a URI Cowherd cannot use): every operation fails with
// the same error, so callers that hold "a transport" report it like any other failure.
class UnreachableTransport final : public Transport
{
public:
    explicit UnreachableTransport(Error error)
        : m_error(std::move(error))
    { }
    QString displayName() const override { return QStringLiteral("an unreachable host"); }
    bool isLocal() const override { return false; }
    Result<ProcessResult> run(const QStringList &, const RunOptions &) override { return fail(); }
    Result<CacheListing> listCache(const QString &, const ListOptions &) override { return fail(); }
    Result<QList<FileEntry>> probe(const QStringList &, qint64) override { return fail(); }
    Result<std::unique_ptr<FileWriter>> createFile(const QString &) override { return fail(); }
    Result<QByteArray> readFile(const QString &, qint64) override { return fail(); }
    Status writeFileAtomically(const QString &, const QByteArray &) override { return fail(); }
    Status rename(const QString &, const QString &) override { return fail(); }
    Status removeFile(const QString &) override { return fail(); }
    Status removeTree(const QString &) override { return fail(); }
    Status makeDirectory(const QString &) override { return fail(); }
    Status touch(const QString &, const QDateTime &) override { return fail(); }
    Result<qint64> freeSpace(const QString &) override { return fail(); }
    Result<QByteArray> sha256(const QString &, const std::function<bool()> &, IoPriority) override { return fail(); }
    Result<std::unique_ptr<HostLock>> lock(const QString &, const LockOptions &) override { return fail(); }

private:
    std::unexpected<Error> fail() const { return std::unexpected(m_error); }
    Error m_error;
};

} // namespace cowherd::host
