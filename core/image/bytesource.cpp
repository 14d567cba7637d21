#include "image/bytesource.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cowherd::image {

FileByteSource::FileByteSource(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    m_fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (m_fd < 0) {
        m_error = QString::fromLocal8Bit(std::strerror(errno));
        return;
    }
    struct stat st
    {
    };
    if (::fstat(m_fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        m_error
            = S_ISDIR(st.st_mode) ? QStringLiteral("it is a directory") : QStringLiteral("it is not a regular file");
        ::close(m_fd);
        m_fd = -1;
        return;
    }
    m_size = st.st_size;
}

FileByteSource::~FileByteSource()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

QByteArray FileByteSource::read(qint64 offset, qint64 length)
{
    if (m_fd < 0 || offset < 0 || length <= 0 || offset >= m_size)
        return {};
    length = std::min(length, m_size - offset);
    QByteArray buffer(length, Qt::Uninitialized);
    qint64 done = 0;
    while (done < length) {
        const ssize_t n = ::pread(m_fd, buffer.data() + done, size_t(length - done), off_t(offset + done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        done += n;
    }
    buffer.truncate(done);
    return buffer;
}

QByteArray PrefixByteSource::read(qint64 offset, qint64 length)
{
    if (offset < 0 || length <= 0 || offset >= m_head.size())
        return {};
    return m_head.mid(offset, std::min<qint64>(length, m_head.size() - offset));
}

} // namespace cowherd::image
