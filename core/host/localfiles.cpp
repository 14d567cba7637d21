// LocalTransport's file operations: plain system calls, durable where it matters (fsync of the
// file, then of its directory after a rename).
#include "host/digest.h"
#include "host/localtransport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <ftw.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>
#include <thread>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace cowherd::host {

namespace {

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

QByteArray encoded(const QString &path)
{
    return QFile::encodeName(path);
}

QString hint(int error)
{
    switch (error) {
    case ENOSPC:
    case EDQUOT:
        return u" Free some space (a cache pass can reclaim unused base files) and try again."_s;
    case EACCES:
    case EPERM:
    case EROFS:
        return u" Check the permissions of the instances path."_s;
    default:
        return {};
    }
}

Error fileError(const QString &what, const QString &path, int error)
{
    return Error::make(
        kindOfErrno(error), u"Cannot %1 %2 on this machine: %3.%4"_s.arg(what, path, errnoText(error), hint(error)));
}

void syncDirectory(const QString &path)
{
    const int fd = ::open(encoded(path).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

Status mkpath(const QString &path)
{
    if (QDir().mkpath(path))
        return {};
    return std::unexpected(fileError(u"create the directory"_s, path, errno ? errno : EACCES));
}

class LocalFileWriter final : public FileWriter
{
public:
    LocalFileWriter(QString path, int fd)
        : m_path(std::move(path))
        , m_fd(fd)
    { }
    ~LocalFileWriter() override
    {
        if (m_fd >= 0)
            abort();
    }
    QString path() const override { return m_path; }

    Status write(QByteArrayView bytes) override
    {
        if (m_fd < 0)
            return fail(u"%1 is already closed."_s.arg(m_path));
        const char *p = bytes.data();
        qsizetype left = bytes.size();
        while (left > 0) {
            const ssize_t w = ::write(m_fd, p, size_t(left));
            if (w < 0) {
                if (errno == EINTR)
                    continue;
                return std::unexpected(fileError(u"write"_s, m_path, errno));
            }
            p += w;
            left -= w;
            m_written += w;
        }
        writeBack();
        return {};
    }

    Status commit() override
    {
        if (m_fd < 0)
            return fail(u"%1 is already closed."_s.arg(m_path));
        if (::fsync(m_fd) != 0 || ::close(m_fd) != 0) {
            const int error = errno;
            m_fd = -1;
            ::unlink(encoded(m_path).constData());
            return std::unexpected(fileError(u"write"_s, m_path, error));
        }
        m_fd = -1;
        return {};
    }

    void abort() override
    {
        if (m_fd >= 0) {
            ::close(m_fd);
            m_fd = -1;
            ::unlink(encoded(m_path).constData());
        }
    }

private:
    // A large file must not pile up as dirty pages for one long fsync at the end (curl -o
    // leaves that to the kernel, a base file must be durable before its rename), nor push the
    // host's useful page cache out (a hypervisor's guests live on it): each full window is
    // sent to the disk at once, and the one before it, written by now, is dropped from the
    // cache. Advisory: errors surface at commit()'s fsync.
    void writeBack()
    {
        if (m_written - m_sent < writeBackWindow)
            return;
        ::sync_file_range(m_fd, m_sent, m_written - m_sent, SYNC_FILE_RANGE_WRITE);
        if (m_sent > m_dropped) {
            ::sync_file_range(m_fd, m_dropped, m_sent - m_dropped,
                SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE | SYNC_FILE_RANGE_WAIT_AFTER);
            ::posix_fadvise(m_fd, m_dropped, m_sent - m_dropped, POSIX_FADV_DONTNEED);
            m_dropped = m_sent;
        }
        m_sent = m_written;
    }

    static constexpr off_t writeBackWindow = off_t(16) << 20;
    QString m_path;
    int m_fd;
    off_t m_written = 0;
    off_t m_sent = 0; // [0, m_sent) is on its way to the disk
    off_t m_dropped = 0; // [0, m_dropped) is on the disk and out of the page cache
};

class LocalLock final : public HostLock
{
public:
    explicit LocalLock(int fd)
        : m_fd(fd)
    { }
    ~LocalLock() override { ::close(m_fd); } // closing releases the flock

private:
    int m_fd;
};

// Linux's ioprio ABI (linux/ioprio.h is not always installed): class in the top bits.
constexpr int ioprioWhoProcess = 1; // with id 0: the calling thread
constexpr int ioprioClassShift = 13;
constexpr int ioprioClassIdle = 3;

// Puts the calling thread in the idle I/O class for its lifetime, then restores what it had.
class IdleIoPriority
{
public:
    explicit IdleIoPriority(bool enable)
    {
        if (!enable)
            return;
        m_previous = int(::syscall(SYS_ioprio_get, ioprioWhoProcess, 0));
        if (m_previous >= 0 && ::syscall(SYS_ioprio_set, ioprioWhoProcess, 0, ioprioClassIdle << ioprioClassShift) != 0)
            m_previous = -1;
    }
    ~IdleIoPriority()
    {
        if (m_previous >= 0)
            ::syscall(SYS_ioprio_set, ioprioWhoProcess, 0, m_previous);
    }
    IdleIoPriority(const IdleIoPriority &) = delete;
    IdleIoPriority &operator=(const IdleIoPriority &) = delete;

private:
    int m_previous = -1;
};

// Opens the file a record lock is taken on: appending, as fasteners does, and created (with the
// content asked for, owned like its directory when we are root, so nova-compute can open it
// too) when missing and allowed; read-only for a shared lock.
Result<int> openRecordLockFile(const QString &path, const LockOptions &options)
{
    const QByteArray name = encoded(path);
    if (options.shared) {
        const int fd = ::open(name.constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
        if (fd < 0)
            return std::unexpected(fileError(u"open the lock file"_s, path, errno));
        return fd;
    }
    if (options.create) {
        const int fd = ::open(name.constData(), O_WRONLY | O_APPEND | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
        if (fd >= 0) {
            if (!options.createContent.isEmpty()
                && ::write(fd, options.createContent.constData(), size_t(options.createContent.size())) < 0) {
                const int error = errno;
                ::close(fd);
                return std::unexpected(fileError(u"write the lock file"_s, path, error));
            }
            struct stat dir;
            if (::geteuid() == 0 && ::stat(encoded(QFileInfo(path).absolutePath()).constData(), &dir) == 0)
                (void)::fchown(fd, dir.st_uid, dir.st_gid);
            return fd;
        }
        if (errno != EEXIST)
            return std::unexpected(fileError(u"create the lock file"_s, path, errno));
    }
    const int fd = ::open(name.constData(), O_WRONLY | O_APPEND | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return std::unexpected(fileError(u"open the lock file"_s, path, errno));
    return fd;
}

Result<std::unique_ptr<HostLock>> recordLock(const QString &path, const LockOptions &options)
{
    if (options.create && !options.shared)
        if (auto made = mkpath(QFileInfo(path).absolutePath()); !made)
            return std::unexpected(made.error());
    const auto started = std::chrono::steady_clock::now();
    auto delay = std::chrono::milliseconds(5);
    for (;;) {
        auto fd = openRecordLockFile(path, options);
        if (!fd)
            return std::unexpected(fd.error());
        // An open file description lock belongs to this descriptor, not to the process (as a
        // traditional fcntl lock would), so two tasks of ours exclude each other too, and
        // closing some other descriptor of the file never drops it. It conflicts with
        // nova-compute's lockf(). Whole file: start 0, length 0.
        struct flock request = {};
        request.l_type = options.shared ? F_RDLCK : F_WRLCK;
        request.l_whence = SEEK_SET;
        if (::fcntl(*fd, F_OFD_SETLK, &request) == 0) {
            // Nova's cache manager removes nova-NAME after removing NAME: a lock on a removed
            // inode protects nothing, so make sure the path still names our file.
            struct stat held, current;
            if (::fstat(*fd, &held) == 0 && ::stat(encoded(path).constData(), &current) == 0
                && held.st_ino == current.st_ino && held.st_dev == current.st_dev)
                return std::make_unique<LocalLock>(*fd);
            ::close(*fd);
            continue;
        }
        const int error = errno;
        ::close(*fd);
        if (error != EAGAIN && error != EACCES)
            return std::unexpected(fileError(u"lock"_s, path, error));
        if (!options.wait)
            return fail(Error::Kind::Busy,
                u"%1 is locked by another process on this machine (nova-compute holds such a "
                "lock while it fetches, uses or removes that base file)."_s.arg(path));
        if (options.isCancelled && options.isCancelled())
            return std::unexpected(Error::cancelled(u"Waiting for the lock %1 was cancelled."_s.arg(path)));
        if (options.timeoutMs >= 0
            && std::chrono::steady_clock::now() - started > std::chrono::milliseconds(options.timeoutMs))
            return fail(Error::Kind::Busy,
                u"Timed out after %1 s waiting for the lock %2 on this machine; another process "
                "(nova-compute fetching, using or removing that base file) holds it."_s.arg(options.timeoutMs / 1000.0)
                    .arg(path));
        std::this_thread::sleep_for(delay);
        delay = std::min(delay * 2, std::chrono::milliseconds(100));
    }
}

thread_local QString treeError;
thread_local int treeErrno = 0;

int removeEntry(const char *path, const struct stat *, int type, FTW *)
{
    const int r = (type == FTW_DP) ? ::rmdir(path) : ::unlink(path);
    if (r != 0 && errno != ENOENT) {
        treeErrno = errno;
        treeError = QFile::decodeName(path) + u": "_s + errnoText(errno);
        return 1;
    }
    return 0;
}

} // namespace

Result<std::unique_ptr<FileWriter>> LocalTransport::createFile(const QString &path)
{
    if (auto made = mkpath(QFileInfo(path).absolutePath()); !made)
        return std::unexpected(made.error());
    const int fd = ::open(encoded(path).constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0)
        return std::unexpected(fileError(u"create"_s, path, errno));
    return std::make_unique<LocalFileWriter>(path, fd);
}

Result<QByteArray> LocalTransport::readFile(const QString &path, qint64 maxBytes)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        const auto kind = !file.exists()                    ? Error::Kind::NotFound
            : file.error() == QFileDevice::PermissionsError ? Error::Kind::Permission
                                                            : Error::Kind::Failure;
        return fail(kind, u"Cannot read %1 on this machine: %2."_s.arg(path, file.errorString()));
    }
    if (file.size() > maxBytes)
        return fail(u"%1 is larger than %2 bytes; refusing to read it."_s.arg(path).arg(maxBytes));
    return file.read(maxBytes);
}

Status LocalTransport::writeFileAtomically(const QString &path, const QByteArray &content)
{
    const QString temporary = path + u".tmp-"_s + QString::number(::getpid());
    auto writer = createFile(temporary);
    if (!writer)
        return std::unexpected(writer.error());
    if (auto w = (*writer)->write(content); !w)
        return w;
    if (auto c = (*writer)->commit(); !c)
        return c;
    return rename(temporary, path);
}

Status LocalTransport::rename(const QString &from, const QString &to)
{
    // A file others wrote (qemu-img does not fsync its output) must be on disk before it
    // appears under its new name: after a power cut the name must not hold a partial file.
    const int fd = ::open(encoded(from).constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd >= 0) {
        struct stat st;
        const bool regular = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
        const int synced = regular ? ::fsync(fd) : 0;
        const int error = errno;
        ::close(fd);
        if (synced != 0)
            return std::unexpected(fileError(u"flush %1 before renaming it to"_s.arg(from), to, error));
    }
    if (::rename(encoded(from).constData(), encoded(to).constData()) != 0)
        return std::unexpected(fileError(u"rename %1 to"_s.arg(from), to, errno));
    syncDirectory(QFileInfo(to).absolutePath());
    return {};
}

Status LocalTransport::removeFile(const QString &path)
{
    if (::unlink(encoded(path).constData()) != 0 && errno != ENOENT)
        return std::unexpected(fileError(u"remove"_s, path, errno));
    return {};
}

Status LocalTransport::removeTree(const QString &path)
{
    treeError.clear();
    treeErrno = 0;
    if (::nftw(encoded(path).constData(), removeEntry, 16, FTW_DEPTH | FTW_PHYS) != 0 && errno != ENOENT) {
        return fail(kindOfErrno(treeError.isEmpty() ? errno : treeErrno),
            u"Cannot remove %1 on this machine: %2."_s.arg(path, treeError.isEmpty() ? errnoText(errno) : treeError));
    }
    return {};
}

Status LocalTransport::makeDirectory(const QString &path)
{
    return mkpath(path);
}

Status LocalTransport::touch(const QString &path, const QDateTime &when)
{
    const qint64 ms = when.toMSecsSinceEpoch();
    const timespec times[2]
        = {{time_t(ms / 1000), long(ms % 1000) * 1000000}, {time_t(ms / 1000), long(ms % 1000) * 1000000}};
    if (::utimensat(AT_FDCWD, encoded(path).constData(), times, AT_SYMLINK_NOFOLLOW) != 0)
        return std::unexpected(fileError(u"touch"_s, path, errno));
    return {};
}

Result<qint64> LocalTransport::freeSpace(const QString &path)
{
    struct statvfs st;
    if (::statvfs(encoded(path).constData(), &st) != 0)
        return std::unexpected(fileError(u"query free space of"_s, path, errno));
    return qint64(st.f_bavail) * qint64(st.f_frsize);
}

Result<QByteArray> LocalTransport::sha256(
    const QString &path, const std::function<bool()> &isCancelled, IoPriority priority)
{
    const IdleIoPriority idle(priority == IoPriority::Idle);
    const int fd = ::open(encoded(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return std::unexpected(fileError(u"read"_s, path, errno));
    ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
    Digest digest(Digest::Algorithm::Sha256);
    QByteArray buffer(4 * 1024 * 1024, Qt::Uninitialized);
    for (;;) {
        if (isCancelled && isCancelled()) {
            ::close(fd);
            return std::unexpected(Error::cancelled(u"Hashing %1 was cancelled."_s.arg(path)));
        }
        const ssize_t r = ::read(fd, buffer.data(), size_t(buffer.size()));
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            const int error = errno;
            ::close(fd);
            return std::unexpected(fileError(u"read"_s, path, error));
        }
        if (r == 0)
            break;
        digest.addData(QByteArrayView(buffer.constData(), r));
    }
    ::close(fd);
    return digest.hexResult();
}

Result<std::unique_ptr<HostLock>> LocalTransport::lock(const QString &path, const LockOptions &options)
{
    if (options.kind == LockKind::Record)
        return recordLock(path, options);
    if (auto made = mkpath(QFileInfo(path).absolutePath()); !made)
        return std::unexpected(made.error());
    const auto started = std::chrono::steady_clock::now();
    auto delay = std::chrono::milliseconds(5);
    for (;;) {
        // flock() works on a descriptor opened for reading only: a lock file other users can
        // read is one they can hold forever, stalling every fetch and cache pass. Owner only.
        const int fd = ::open(encoded(path).constData(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
        if (fd < 0)
            return std::unexpected(fileError(u"open the lock file"_s, path, errno));
        if (::flock(fd, LOCK_EX | LOCK_NB) == 0) {
            // The holder before us may have removed the lock file after unlocking; a lock on
            // an unlinked inode protects nothing, so make sure the path still names our file.
            struct stat held, current;
            if (::fstat(fd, &held) == 0 && ::stat(encoded(path).constData(), &current) == 0
                && held.st_ino == current.st_ino && held.st_dev == current.st_dev)
                return std::make_unique<LocalLock>(fd);
            ::close(fd);
            continue;
        }
        const int error = errno;
        ::close(fd);
        if (error != EWOULDBLOCK)
            return std::unexpected(fileError(u"lock"_s, path, error));
        if (!options.wait)
            return fail(
                Error::Kind::Busy, u"%1 is locked by another Cowherd task or process on this machine."_s.arg(path));
        if (options.isCancelled && options.isCancelled())
            return std::unexpected(Error::cancelled(u"Waiting for the lock %1 was cancelled."_s.arg(path)));
        if (options.timeoutMs >= 0
            && std::chrono::steady_clock::now() - started > std::chrono::milliseconds(options.timeoutMs))
            return fail(Error::Kind::Busy,
                u"Timed out waiting for the lock %1 on this machine; another task holds it."_s.arg(path));
        // flock(2) cannot be waited on with a timeout; back off up to 100 ms between tries.
        std::this_thread::sleep_for(delay);
        delay = std::min(delay * 2, std::chrono::milliseconds(100));
    }
}

} // namespace cowherd::host
