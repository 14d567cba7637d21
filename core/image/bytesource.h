#pragma once

#include <QByteArray>
#include <QString>

namespace cowherd::image {

// Random access to an image's bytes: a local file, or the header bytes a host sent us.
// The inspector never reads more than it needs, and never more than a bounded amount.
class ByteSource
{
public:
    virtual ~ByteSource() = default;
    // Size of the whole file, even when only part of it is available.
    virtual qint64 size() const = 0;
    // Up to length bytes at offset. Fewer bytes come back at the end of the file, or past the
    // bytes that are available (see available()).
    virtual QByteArray read(qint64 offset, qint64 length) = 0;
    // Bytes from offset 0 that read() can return; size() for a complete source.
    virtual qint64 available() const { return size(); }
};

// Reads a local file with pread; never maps or loads it whole.
class FileByteSource final : public ByteSource
{
public:
    explicit FileByteSource(const QString &path);
    ~FileByteSource() override;
    FileByteSource(const FileByteSource &) = delete;
    FileByteSource &operator=(const FileByteSource &) = delete;

    bool isOpen() const { return m_fd >= 0; }
    QString errorString() const { return m_error; }
    qint64 size() const override { return m_size; }
    QByteArray read(qint64 offset, qint64 length) override;

private:
    int m_fd = -1;
    qint64 m_size = 0;
    QString m_error;
};

// The first bytes of a file whose full size is known, as a remote scan returns them.
class PrefixByteSource final : public ByteSource
{
public:
    PrefixByteSource(QByteArray head, qint64 fileSize)
        : m_head(std::move(head))
        , m_size(fileSize)
    { }
    qint64 size() const override { return m_size; }
    qint64 available() const override { return m_head.size(); }
    QByteArray read(qint64 offset, qint64 length) override;

private:
    QByteArray m_head;
    qint64 m_size;
};

} // namespace cowherd::image
