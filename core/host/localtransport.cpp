#include "host/localtransport.h"

#include "host/process.h"
#include "host/remotelisting.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace cowherd::host {

namespace {

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

QDateTime toDateTime(const timespec &ts)
{
    return QDateTime::fromMSecsSinceEpoch(qint64(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000, Qt::UTC);
}

// RAII for a directory stream opened relative to a directory fd.
class Directory
{
public:
    explicit Directory(const QString &path)
        : m_dir(::opendir(QFile::encodeName(path).constData()))
        , m_error(m_dir ? 0 : errno)
    { }
    ~Directory()
    {
        if (m_dir)
            ::closedir(m_dir);
    }
    Directory(const Directory &) = delete;
    Directory &operator=(const Directory &) = delete;

    bool isOpen() const { return m_dir != nullptr; }
    int error() const { return m_error; }
    int fd() const { return ::dirfd(m_dir); }
    // Entry names without "." and "..", sorted so that listings are stable.
    QStringList names()
    {
        QStringList result;
        while (dirent *e = ::readdir(m_dir)) {
            if (std::strcmp(e->d_name, ".") == 0 || std::strcmp(e->d_name, "..") == 0)
                continue;
            result.append(QFile::decodeName(e->d_name));
        }
        std::sort(result.begin(), result.end());
        return result;
    }

private:
    DIR *m_dir;
    int m_error;
};

// Stat (following symlinks, but noting them) and optionally read the head of dirfd/name.
FileEntry statEntry(int dirfd, const QString &dirPath, const QString &name, qint64 headBytes)
{
    FileEntry entry;
    entry.name = name;
    entry.path = dirPath + u'/' + name;
    const QByteArray encoded = QFile::encodeName(name);

    struct stat st;
    if (::fstatat(dirfd, encoded.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
        entry.vanished = errno == ENOENT;
        entry.error = errnoText(errno); // vanished since readdir, or unreadable
        return entry;
    }
    if (S_ISLNK(st.st_mode)) {
        entry.isSymlink = true;
        if (::fstatat(dirfd, encoded.constData(), &st, 0) != 0) {
            entry.error = u"dangling symbolic link"_s;
            return entry;
        }
    }
    entry.exists = true;
    entry.isDir = S_ISDIR(st.st_mode);
    entry.isFile = S_ISREG(st.st_mode);
    entry.apparentSize = st.st_size;
    entry.allocatedSize = qint64(st.st_blocks) * 512;
    entry.mtime = toDateTime(st.st_mtim);
    entry.atime = toDateTime(st.st_atim);

    if (headBytes > 0 && entry.isFile) {
        const int fd = ::openat(dirfd, encoded.constData(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
        if (fd < 0) {
            entry.error = errnoText(errno);
            return entry;
        }
        const qint64 wanted = std::min<qint64>(headBytes, entry.apparentSize);
        // Exactly the bytes wanted: resize() of an empty array would reserve twice as many.
        entry.head = QByteArray(wanted, Qt::Uninitialized);
        qint64 done = 0;
        while (done < wanted) {
            const ssize_t r = ::pread(fd, entry.head.data() + done, wanted - done, done);
            if (r < 0 && errno == EINTR)
                continue;
            if (r <= 0) {
                if (r < 0)
                    entry.error = errnoText(errno);
                break;
            }
            done += r;
        }
        entry.head.truncate(done);
        ::close(fd);
    }
    return entry;
}

} // namespace

QString LocalTransport::displayName() const
{
    return u"this machine"_s;
}

Result<ProcessResult> LocalTransport::run(const QStringList &argv, const RunOptions &options)
{
    return runProcess(argv, options);
}

Result<CacheListing> LocalTransport::listCache(const QString &instancesPath, const ListOptions &options)
{
    CacheListing listing;
    listing.instancesPath = QDir::cleanPath(instancesPath);
    listing.basePath = listing.instancesPath + u"/_base"_s;

    Directory top(listing.instancesPath);
    if (!top.isOpen())
        return fail(kindOfErrno(top.error()),
            u"Cannot read the instances path %1 on this machine: %2. Check the path in the "
            "host's settings and that you may read it."_s.arg(listing.instancesPath, errnoText(top.error())));

    const QStringList topNames = top.names();
    for (const QString &name : topNames) {
        if (name == u"_base") {
            Directory base(listing.basePath);
            if (!base.isOpen())
                return fail(kindOfErrno(base.error()),
                    u"Cannot read %1 on this machine: %2."_s.arg(listing.basePath, errnoText(base.error())));
            listing.baseExists = true;
            for (const QString &file : base.names()) {
                if (file.startsWith(u'.'))
                    continue;
                FileEntry e = statEntry(base.fd(), listing.basePath, file, options.baseHeadBytes);
                if (e.isDir)
                    continue;
                if (options.onHead && e.isFile && e.error.isEmpty())
                    options.onHead(e);
                listing.baseFiles.append(std::move(e));
            }
            const QString metaPath = listing.basePath + u"/.cowherd"_s;
            Directory meta(metaPath);
            if (meta.isOpen()) {
                for (const QString &file : meta.names()) {
                    if (file.endsWith(u".json"))
                        listing.metadata.append(statEntry(meta.fd(), metaPath, file, 64 * 1024));
                }
            }
            continue;
        }
        if (!isInstanceDirectoryName(name))
            continue;
        const FileEntry dirEntry = statEntry(top.fd(), listing.instancesPath, name, 0);
        if (!dirEntry.isDir || dirEntry.isSymlink)
            continue;
        InstanceDirectory instance;
        instance.name = name;
        instance.path = dirEntry.path;
        Directory dir(instance.path);
        if (!dir.isOpen())
            continue; // vanished or unreadable: the scanner still sees the domain through libvirt
        for (const QString &file : dir.names()) {
            const bool disk = isDiskFileName(file);
            if (!disk && file != u"disk.info")
                continue;
            FileEntry e = statEntry(dir.fd(), instance.path, file, disk ? options.diskHeadBytes : 0);
            if (disk && options.onHead && e.isFile && e.error.isEmpty())
                options.onHead(e);
            instance.files.append(std::move(e));
        }
        listing.instanceDirectories.append(std::move(instance));
    }
    return listing;
}

Result<QList<FileEntry>> LocalTransport::probe(const QStringList &paths, qint64 headBytes)
{
    QList<FileEntry> entries;
    entries.reserve(paths.size());
    for (const QString &path : paths) {
        const QFileInfo info(path);
        Directory dir(info.absolutePath());
        if (!dir.isOpen()) {
            FileEntry e;
            e.path = path;
            e.name = info.fileName();
            e.vanished = dir.error() == ENOENT;
            e.error = errnoText(dir.error());
            entries.append(e);
            continue;
        }
        entries.append(statEntry(dir.fd(), info.absolutePath(), info.fileName(), headBytes));
    }
    return entries;
}

} // namespace cowherd::host
