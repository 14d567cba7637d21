#include "host/digest.h"
#include "host/localtransport.h"
#include "testlab.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <linux/magic.h>
#include <sys/mman.h>
#include <sys/vfs.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace cowherd::host;
using cowherd::test::randomBytes;

namespace {

// Fraction of the first length bytes of path that sit in the page cache.
double residentFraction(const QString &path, qsizetype length)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    void *map = ::mmap(nullptr, size_t(length), PROT_READ, MAP_SHARED, fd, 0);
    ::close(fd);
    if (map == MAP_FAILED)
        return -1;
    const long page = ::sysconf(_SC_PAGESIZE);
    std::vector<unsigned char> pages(size_t((length + page - 1) / page));
    const int r = ::mincore(map, size_t(length), pages.data());
    ::munmap(map, size_t(length));
    if (r != 0)
        return -1;
    qsizetype resident = 0;
    for (unsigned char p : pages)
        resident += p & 1;
    return double(resident) / double(pages.size());
}

} // namespace

class TestLocalFileWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Odd chunk sizes across several write-back windows: the file holds exactly the bytes.
    void writesEveryByte()
    {
        QTemporaryDir dir(QDir::currentPath() + u"/tst_localfilewriter-XXXXXX"_s);
        QVERIFY(dir.isValid());
        const QByteArray data = randomBytes((qsizetype(40) << 20) + 3, 17);
        LocalTransport local;
        const QString path = dir.filePath(u"base.part"_s);
        auto writer = local.createFile(path);
        QVERIFY2(writer, writer ? "" : qPrintable(writer.error().message));
        constexpr qsizetype chunk = (1 << 20) + 4093;
        for (qsizetype at = 0; at < data.size(); at += chunk)
            QVERIFY((*writer)->write(QByteArrayView(data).sliced(at, std::min(chunk, data.size() - at))));
        QVERIFY((*writer)->commit());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.size(), data.size());
        QVERIFY(file.readAll() == data);
    }

    // A large download does not stay in the page cache behind the writer: what has reached
    // the disk is dropped while the rest is still being written.
    void writtenWindowsLeaveThePageCache()
    {
        QTemporaryDir dir(QDir::currentPath() + u"/tst_localfilewriter-XXXXXX"_s);
        QVERIFY(dir.isValid());
        struct statfs fs
        {
        };
        QCOMPARE(::statfs(QFile::encodeName(dir.path()).constData(), &fs), 0);
        if (fs.f_type == TMPFS_MAGIC)
            QSKIP("tmpfs keeps every page in memory; the build directory is needed on a disk");
        LocalTransport local;
        const QString path = dir.filePath(u"base.part"_s);
        auto writer = local.createFile(path);
        QVERIFY(writer);
        const QByteArray chunk = randomBytes(1 << 20, 23);
        for (int i = 0; i < 48; ++i)
            QVERIFY((*writer)->write(chunk));
        QVERIFY((*writer)->commit());
        const double head = residentFraction(path, qsizetype(16) << 20);
        QVERIFY2(head >= 0, "mincore failed");
        QVERIFY2(head < 0.25, qPrintable(u"%1 % of the first 16 MiB is still cached"_s.arg(head * 100)));
    }
};

QTEST_GUILESS_MAIN(TestLocalFileWriter)
#include "tst_localfilewriter.moc"
