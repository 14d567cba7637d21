#pragma once

#include "error.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace cowherd::host {

struct ProcessResult
{
    int exitCode = 0;
    int signal = 0; // non-zero when the process was killed by a signal
    QByteArray standardOutput;
    QByteArray standardError;

    bool succeeded() const { return signal == 0 && exitCode == 0; }
};

struct RunOptions
{
    // Called from the running thread with each chunk of standard output as it arrives.
    std::function<void(QByteArrayView)> onOutput;
    // With onOutput, false leaves ProcessResult::standardOutput empty: a large answer read as
    // it arrives is then never held whole.
    bool keepOutput = true;
    // Polled while the process runs; returning true kills it and the run fails as cancelled.
    std::function<bool()> isCancelled;
    int timeoutMs = -1; // wall clock; -1 waits forever
    QByteArray standardInput;
};

// One file as the transport saw it: stat data plus the first bytes of its content, so that
// headers can be inspected without another round trip.
struct FileEntry
{
    QString path; // absolute
    QString name; // last path component
    bool exists = false;
    bool isDir = false;
    bool isFile = false;
    bool isSymlink = false;
    qint64 apparentSize = 0;
    qint64 allocatedSize = 0; // st_blocks * 512
    QDateTime mtime; // UTC
    QDateTime atime; // UTC
    QByteArray head; // the first bytes of content (see ListOptions)
    QString error; // why it could not be read, when it could not
    bool vanished = false; // it does not exist (any more): removed while being listed
};

struct InstanceDirectory
{
    QString name; // usually the instance uuid
    QString path;
    QList<FileEntry> files;
};

struct ListOptions
{
    qint64 baseHeadBytes = 40 * 1024; // enough for every signature (ISO 9660 sits at 32 KiB)
    qint64 diskHeadBytes = 8 * 1024; // a qcow2 overlay's header and backing name fit easily
    // Called with each regular file among the base files and instance disks the listing keeps,
    // as soon as its head is read and before the next file's is, on the listing's thread. It
    // may take what it needs and clear entry.head: a listing of 50,000 overlays then never
    // holds 50,000 headers (400 MB) at once. A file the listing could not open may be left out.
    std::function<void(FileEntry &entry)> onHead;
};

struct CacheListing
{
    QString instancesPath;
    QString basePath;
    bool baseExists = false;
    QList<FileEntry> baseFiles; // regular files directly in _base (not .cowherd)
    QList<InstanceDirectory> instanceDirectories;
    QList<FileEntry> metadata; // _base/.cowherd/*.json with their content in head
};

// How Cowherd reaches a host's files and programs. The local transport works on this machine;
// remote transports (SSH) implement the same operations in a bounded number of round trips.
// A file being written on a host: bytes go in, then commit() makes them durable (fsync) or
// abort() removes the file. Destroying an uncommitted writer aborts it, so an interrupted
// write never leaves a file behind under the name it was written to.
class FileWriter
{
public:
    virtual ~FileWriter() = default;
    virtual Status write(QByteArrayView bytes) = 0;
    virtual Status commit() = 0;
    virtual void abort() = 0;
    virtual QString path() const = 0;
};

// An exclusive lock on a file of a host, held until destroyed. It works between processes
// (and, on remote hosts, between workstations): flock(2) on the host, or a POSIX record lock
// (fcntl) for the locks Nova's oslo.concurrency takes.
class HostLock
{
public:
    virtual ~HostLock() = default;
};

// How hard a hash may use the disk. Idle: the idle I/O class (ioprio_set, IOPRIO_CLASS_IDLE), so
// background verification yields the disk to instances (CachePolicy::verifyAtIdleIoPriority).
enum class IoPriority
{
    Normal,
    Idle,
};

enum class LockKind
{
    Flock, // flock(2): Cowherd's own locks
    // fcntl(2) record lock on the whole file, as oslo.concurrency's external locks (fasteners:
    // fcntl.lockf) that nova-compute holds on <instances>/locks/nova-NAME. Locally an open file
    // description lock (F_OFD_SETLK), which conflicts with nova-compute's; remotely python3's
    // fcntl.lockf on the host. The file is opened for appending, as fasteners opens it.
    Record,
};

struct LockOptions
{
    bool wait = true; // false: fail at once when somebody else holds it
    std::function<bool()> isCancelled;
    int timeoutMs = -1;
    LockKind kind = LockKind::Flock;
    bool shared = false; // Record only: a read lock, on a file opened read-only
    bool create = true; // Record only: false refuses to create a missing file (it is an error)
    // Record only: written into the file when this lock creates it. A lock file made for Nova's
    // locks says "cowherd", so that it is not taken for a trace of nova-compute (novahost.h).
    QByteArray createContent;
    // Record only: a host without python3 (remote record locks need it) gets a lock that holds
    // nothing instead of an error — nova-compute cannot run there either.
    bool skipWithoutPython = false;
};

class Transport
{
public:
    virtual ~Transport() = default;

    // Used in messages: "on lab3", "on this machine".
    virtual QString displayName() const = 0;
    virtual bool isLocal() const = 0;

    // Runs argv (no shell) and waits for it.
    virtual Result<ProcessResult> run(const QStringList &argv, const RunOptions &options = {}) = 0;

    // Lists _base and the instance directories under instancesPath, with stat data and the
    // first bytes of every candidate image file.
    virtual Result<CacheListing> listCache(const QString &instancesPath, const ListOptions &options) = 0;

    // Stat and head of arbitrary files (backing files outside the instances path).
    virtual Result<QList<FileEntry>> probe(const QStringList &paths, qint64 headBytes) = 0;

    // File operations. Paths are absolute. Errors name the file and the host.
    // Creates (truncating) path, making missing parent directories.
    virtual Result<std::unique_ptr<FileWriter>> createFile(const QString &path) = 0;
    // Reads a small file whole (metadata, disk.info); refuses more than maxBytes.
    virtual Result<QByteArray> readFile(const QString &path, qint64 maxBytes = 1024 * 1024) = 0;
    // Writes a small file atomically: temporary name, fsync, rename.
    virtual Status writeFileAtomically(const QString &path, const QByteArray &content) = 0;
    // rename(2): atomic within one file system; replaces an existing target. A regular file is
    // flushed to disk first, and the target's directory after.
    virtual Status rename(const QString &from, const QString &to) = 0;
    // Removes a file; a file that does not exist is not an error.
    virtual Status removeFile(const QString &path) = 0;
    // Removes a directory tree (an instance directory); never follows symbolic links.
    virtual Status removeTree(const QString &path) = 0;
    virtual Status makeDirectory(const QString &path) = 0;
    // Sets the modification time (Nova's "touch" of in-use base files).
    virtual Status touch(const QString &path, const QDateTime &when) = 0;
    // Free bytes on the file system holding path.
    virtual Result<qint64> freeSpace(const QString &path) = 0;
    // sha256 of a file, computed on the host itself (never by copying the file here). The local
    // transport hashes at the priority asked for and restores the thread's own after; over SSH
    // the host's openssl runs at its normal priority.
    virtual Result<QByteArray> sha256(
        const QString &path, const std::function<bool()> &isCancelled = {}, IoPriority priority = IoPriority::Normal)
        = 0;
    // Exclusive lock on path (created when missing), of the kind options ask for.
    virtual Result<std::unique_ptr<HostLock>> lock(const QString &path, const LockOptions &options = {}) = 0;
};

} // namespace cowherd::host
