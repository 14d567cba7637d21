#include "source/filesource.h"

#include "host/digest.h"

#include <QFileInfo>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace cowherd::source {

FileSource::FileSource(QString path)
    : m_path(std::move(path))
{ }

Result<SourceDescription> FileSource::open(const OpenOptions &options)
{
    const QFileInfo info(m_path);
    if (!info.exists())
        return fail(Error::Kind::NotFound, u"The image %1 does not exist on this machine."_s.arg(m_path));
    if (!info.isFile())
        return fail(u"%1 is not a regular file; give the path of an image file."_s.arg(m_path));
    m_file.setFileName(m_path);
    if (!m_file.open(QIODevice::ReadOnly))
        return fail(m_file.error() == QFileDevice::PermissionsError ? Error::Kind::Permission : Error::Kind::Failure,
            u"Cannot read the image %1: %2."_s.arg(m_path, m_file.errorString()));

    SourceDescription description;
    description.size = m_file.size();
    description.location = QUrl::fromLocalFile(info.absoluteFilePath()).toString();
    if (options.needImageId) {
        // The content names the image: read it once to hash, then rewind for the copy.
        host::Digest digest(host::Digest::Algorithm::Sha256);
        qint64 done = 0;
        while (!m_file.atEnd()) {
            if (options.isCancelled && options.isCancelled())
                return std::unexpected(Error::cancelled(u"Hashing %1 was cancelled."_s.arg(m_path)));
            const QByteArray chunk = m_file.read(4 * 1024 * 1024);
            if (chunk.isEmpty() && m_file.error() != QFile::NoError)
                return fail(u"Cannot read the image %1: %2."_s.arg(m_path, m_file.errorString()));
            digest.addData(chunk);
            done += chunk.size();
            if (options.onHashProgress)
                options.onHashProgress(done, description.size);
        }
        description.imageId = u"sha256:"_s + QString::fromLatin1(digest.hexResult());
        m_file.seek(0);
    }
    return description;
}

Result<QByteArray> FileSource::read(qint64 maxBytes)
{
    QByteArray chunk = m_file.read(maxBytes);
    if (chunk.isEmpty() && m_file.error() != QFile::NoError)
        return fail(u"Cannot read the image %1: %2."_s.arg(m_path, m_file.errorString()));
    return chunk;
}

} // namespace cowherd::source
