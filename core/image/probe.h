#pragma once

#include "image/bytesource.h"
#include "image/imageinfo.h"

#include <QByteArray>
#include <QLoggingCategory>
#include <QtEndian>

#include <cstring>

Q_DECLARE_LOGGING_CATEGORY(lcImage)

// Shared by the per-format parsers; not part of the public API.
namespace cowherd::image::detail {

// Caps every parser obeys, whatever a header claims.
inline constexpr qint64 MaxBytesPerInspection = 4 * 1024 * 1024;
inline constexpr qint64 MaxDescriptorBytes = 64 * 1024;

// Bounded reads from a ByteSource that remember why bytes were missing: a header that runs past
// the end of the file is truncated; one that runs past the bytes a scan sent us is only
// incomplete, and says nothing bad about the file.
class HeaderReader
{
public:
    enum class Shortfall
    {
        None,
        PastEndOfFile,
        PastAvailable,
        OverBudget
    };

    explicit HeaderReader(ByteSource &source)
        : m_source(source)
    { }

    qint64 fileSize() const { return m_source.size(); }
    qint64 available() const { return std::min(m_source.available(), m_source.size()); }

    // Exactly length bytes at offset, or a null QByteArray (see lastShortfall()).
    QByteArray read(qint64 offset, qint64 length)
    {
        m_shortfall = Shortfall::None;
        if (offset < 0 || length < 0 || offset > fileSize() || length > fileSize() - offset) {
            m_shortfall = Shortfall::PastEndOfFile;
            return {};
        }
        if (offset + length > available()) {
            m_shortfall = Shortfall::PastAvailable;
            return {};
        }
        if (length > MaxBytesPerInspection - m_spent) {
            m_shortfall = Shortfall::OverBudget;
            return {};
        }
        m_spent += length;
        QByteArray bytes = m_source.read(offset, length);
        if (bytes.size() != length) {
            m_shortfall = Shortfall::PastEndOfFile;
            return {};
        }
        if (length == 0)
            bytes = QByteArray("", 0);
        return bytes;
    }

    // Up to length bytes at offset, clipped to what exists; never counts as a failure.
    QByteArray readSome(qint64 offset, qint64 length)
    {
        if (offset < 0 || offset >= available())
            return {};
        length = std::min({length, available() - offset, MaxBytesPerInspection - m_spent});
        if (length <= 0)
            return {};
        m_spent += length;
        return m_source.read(offset, length);
    }

    Shortfall lastShortfall() const { return m_shortfall; }

private:
    ByteSource &m_source;
    Shortfall m_shortfall = Shortfall::None;
    qint64 m_spent = 0;
};

inline quint16 be16(const QByteArray &b, qsizetype at)
{
    return qFromBigEndian<quint16>(b.constData() + at);
}
inline quint32 be32(const QByteArray &b, qsizetype at)
{
    return qFromBigEndian<quint32>(b.constData() + at);
}
inline quint64 be64(const QByteArray &b, qsizetype at)
{
    return qFromBigEndian<quint64>(b.constData() + at);
}
inline quint16 le16(const QByteArray &b, qsizetype at)
{
    return qFromLittleEndian<quint16>(b.constData() + at);
}
inline quint32 le32(const QByteArray &b, qsizetype at)
{
    return qFromLittleEndian<quint32>(b.constData() + at);
}
inline quint64 le64(const QByteArray &b, qsizetype at)
{
    return qFromLittleEndian<quint64>(b.constData() + at);
}

inline bool hasBytesAt(const QByteArray &b, qsizetype at, QByteArrayView magic)
{
    return at >= 0 && at + magic.size() <= b.size() && std::memcmp(b.constData() + at, magic.data(), magic.size()) == 0;
}

// Records a problem for a read that came back short, naming what was being read.
void reportShortRead(HeaderReader &reader, ImageInfo &info, QStringView what);
// True when head holds at least length bytes; otherwise records why it does not.
bool ensureHead(HeaderReader &reader, const QByteArray &head, qsizetype length, ImageInfo &info, QStringView what);
void addProblem(ImageInfo &info, QString code, QString message);
// Bytes of a name field; stops at the first NUL; non-UTF-8 is kept readable.
QString nameFromBytes(QByteArrayView bytes);

// Each parser is called only when its signature matched; it fills info and may add problems.
void parseQcow2(HeaderReader &reader, const QByteArray &head, ImageInfo &info);
void parseQed(HeaderReader &reader, const QByteArray &head, ImageInfo &info);
void parseVmdkSparse(HeaderReader &reader, const QByteArray &head, ImageInfo &info);
void parseVmdkDescriptorFile(HeaderReader &reader, ImageInfo &info);
void parseVdi(const QByteArray &head, ImageInfo &info);
void parseVpc(HeaderReader &reader, const QByteArray &footer, ImageInfo &info);
void parseVhdx(HeaderReader &reader, ImageInfo &info);
void parseLuks(const QByteArray &head, qint64 fileSize, ImageInfo &info);
void parseParallels(const QByteArray &head, ImageInfo &info);

// Applies a VMDK descriptor's text (createType, extents, parent hint) to info.
void applyVmdkDescriptor(QByteArrayView text, ImageInfo &info);

} // namespace cowherd::image::detail
