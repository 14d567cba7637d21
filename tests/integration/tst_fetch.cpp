// The fetch pipeline with real files, real qemu-img and real processes racing and dying.
#include "cache/basemetadata.h"
#include "cache/basename.h"
#include "cache/fetcher.h"
#include "host/localtransport.h"
#include "source/filesource.h"
#include "testlab.h"

#include <QDir>
#include <QProcess>
#include <QTest>

#include <sys/mount.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace cowherd;
using cowherd::test::TestLab;

namespace {

QStringList leftovers(const QString &basePath)
{
    return QDir(basePath).entryList({u"*.part"_s, u"*.converted"_s}, QDir::Files);
}

QString makeQcow2(const QString &dir, const QString &name, const QString &size = u"16M"_s)
{
    const QString path = dir + u'/' + name;
    return test::runTool({u"qemu-img"_s, u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s, path, size}) ? path : QString();
}

} // namespace

class TestFetch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void convertsRecordsAndReuses()
    {
        TestLab lab;
        QTemporaryDir images;
        const QString image = makeQcow2(images.path(), u"cirros.qcow2"_s);
        host::LocalTransport transport;
        source::FileSource source(image);
        auto first = cache::fetchImage(transport, lab.instancesPath(), source);
        QVERIFY2(first, qPrintable(first ? QString() : first.error().message));
        QVERIFY(!first->reused);
        QVERIFY(first->imageId.startsWith(u"sha256:"_s));
        QCOMPARE(first->name, cache::originalBaseName(first->imageId));
        QCOMPARE(first->format, u"raw"_s);
        QCOMPARE(first->originalFormat, u"qcow2"_s);
        QCOMPARE(first->virtualSize, 16 * 1024 * 1024);
        QCOMPARE(QFileInfo(first->path).size(), 16 * 1024 * 1024);
        QVERIFY(leftovers(lab.basePath()).isEmpty());

        auto meta = cache::readMetadata(transport, lab.basePath(), first->name);
        QVERIFY(meta);
        QCOMPARE(meta->imageId, first->imageId);
        QCOMPARE(meta->originalFormat, u"qcow2"_s);
        QCOMPARE(meta->sha256, first->sha256);
        QVERIFY(meta->state == cache::BaseMetadata::ChecksumState::Ok);
        auto actual = transport.sha256(first->path, {});
        QVERIFY(actual);
        QCOMPARE(QString::fromLatin1(*actual), first->sha256);

        // The same content again: reused, not fetched.
        source::FileSource again(image);
        auto second = cache::fetchImage(transport, lab.instancesPath(), again);
        QVERIFY(second);
        QVERIFY(second->reused);
        QCOMPARE(second->path, first->path);
    }

    void imageIdNamesTheBaseFile()
    {
        TestLab lab;
        QTemporaryDir images;
        const QString image = images.path() + u"/disk.raw"_s;
        QVERIFY(test::writeFile(image, 1024 * 1024, "raw bytes "));
        host::LocalTransport transport;
        source::FileSource source(image);
        cache::FetchOptions options;
        options.imageId = u"155d900f-4e14-4e4c-a73d-069cbf4541e6"_s;
        auto fetched = cache::fetchImage(transport, lab.instancesPath(), source, options);
        QVERIFY(fetched);
        QCOMPARE(fetched->name, cache::originalBaseName(options.imageId));
        QCOMPARE(fetched->format, u"raw"_s);
        // raw is stored as it came: the streamed hash is the file's hash.
        QCOMPARE(fetched->sha256, QString::fromLatin1(*transport.sha256(fetched->path, {})));
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("declared");
        QTest::addColumn<QString>("code");
        QTest::addRow("declared raw, really qcow2") << u"qcow2"_s << u"raw"_s << u"format-mismatch"_s;
        QTest::addRow("backing file on the host") << u"backing"_s << QString() << u"backing-file"_s;
    }
    void refusals()
    {
        QFETCH(QString, kind);
        QFETCH(QString, declared);
        QFETCH(QString, code);
        TestLab lab;
        QTemporaryDir images;
        QString image = makeQcow2(images.path(), u"a.qcow2"_s);
        if (kind == u"backing") {
            const QString hostFile = images.path() + u"/secret"_s;
            QVERIFY(test::writeFile(hostFile, 4096, "secret"));
            image = images.path() + u"/evil.qcow2"_s;
            QVERIFY(test::runTool({u"qemu-img"_s, u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s, u"-F"_s, u"raw"_s, u"-b"_s,
                hostFile, image}));
        }
        host::LocalTransport transport;
        source::FileSource source(image);
        cache::FetchOptions options;
        options.declaredFormat = declared;
        auto fetched = cache::fetchImage(transport, lab.instancesPath(), source, options);
        QVERIFY(!fetched);
        QVERIFY(fetched.error().kind == Error::Kind::Refused);
        QVERIFY2(fetched.error().message.contains(code), qPrintable(fetched.error().message));
        QVERIFY(leftovers(lab.basePath()).isEmpty());
        QCOMPARE(QDir(lab.basePath()).entryList(QDir::Files).size(), 0);
    }

    void cancelLeavesNothing()
    {
        TestLab lab;
        QTemporaryDir images;
        const QString image = images.path() + u"/big.raw"_s;
        QVERIFY(test::writeFile(image, 64 * 1024 * 1024, "x"));
        host::LocalTransport transport;
        source::FileSource source(image);
        cache::FetchOptions options;
        options.imageId = u"cancel-me"_s;
        bool started = false;
        options.onProgress = [&](const cache::FetchProgress &p) {
            started = started || p.stage == cache::FetchProgress::Stage::Downloading;
        };
        options.isCancelled = [&] { return started; };
        auto fetched = cache::fetchImage(transport, lab.instancesPath(), source, options);
        QVERIFY(!fetched);
        QVERIFY(fetched.error().kind == Error::Kind::Cancelled);
        QVERIFY(leftovers(lab.basePath()).isEmpty());
        QVERIFY(!QFile::exists(lab.basePath() + u'/' + cache::originalBaseName(u"cancel-me"_s)));
    }

    void fullDisk()
    {
        if (::geteuid() != 0)
            QSKIP("mounting a small tmpfs needs root (CI runs as root)");
        QTemporaryDir mountPoint;
        QVERIFY(::mount("tmpfs", QFile::encodeName(mountPoint.path()).constData(), "tmpfs", 0, "size=4m") == 0);
        auto unmount = qScopeGuard([&] { ::umount2(QFile::encodeName(mountPoint.path()).constData(), MNT_DETACH); });
        QTemporaryDir images;
        const QString image = images.path() + u"/big.raw"_s;
        QVERIFY(test::writeFile(image, 16 * 1024 * 1024, "full"));
        host::LocalTransport transport;
        source::FileSource source(image);
        cache::FetchOptions options;
        options.imageId = u"too-big"_s;
        auto fetched = cache::fetchImage(transport, mountPoint.path(), source, options);
        QVERIFY(!fetched);
        QVERIFY2(fetched.error().message.contains(u"No space left"_s), qPrintable(fetched.error().message));
        QVERIFY(fetched.error().message.contains(u"Free some space"_s));
        QVERIFY(leftovers(mountPoint.path() + u"/_base"_s).isEmpty());
        QCOMPARE(QDir(mountPoint.path() + u"/_base"_s).entryList(QDir::Files).size(), 0);
    }

    void racingProcessesFetchOnce()
    {
        TestLab lab;
        QTemporaryDir images;
        const QString image = makeQcow2(images.path(), u"race.qcow2"_s, u"256M"_s);
        QProcess a, b;
        const QStringList args{u"--host"_s, u"test:///default"_s, u"--instances-path"_s, lab.instancesPath(),
            u"fetch"_s, image, u"--image-id"_s, u"race"_s, u"--json"_s, u"--quiet"_s};
        a.start(QStringLiteral(COWHERDCTL), args);
        b.start(QStringLiteral(COWHERDCTL), args);
        QVERIFY(a.waitForFinished(120000) && b.waitForFinished(120000));
        QCOMPARE(a.exitCode(), 0);
        QCOMPARE(b.exitCode(), 0);
        const bool aReused = a.readAllStandardOutput().contains("\"reused\": true");
        const bool bReused = b.readAllStandardOutput().contains("\"reused\": true");
        QVERIFY2(aReused != bReused, "exactly one of the two processes fetches");
        QCOMPARE(QDir(lab.basePath()).entryList(QDir::Files), QStringList{cache::originalBaseName(u"race"_s)});
    }

    void killedProcessLeavesNoFinalFile()
    {
        TestLab lab;
        QTemporaryDir images;
        const QString image = images.path() + u"/huge.raw"_s;
        QVERIFY(test::writeFile(image, 3ll * 1024 * 1024 * 1024)); // sparse: quick to make, slow to copy
        const QStringList args{u"--host"_s, u"test:///default"_s, u"--instances-path"_s, lab.instancesPath(),
            u"fetch"_s, image, u"--image-id"_s, u"killed"_s};
        QProcess p;
        p.start(QStringLiteral(COWHERDCTL), args);
        QVERIFY(p.waitForStarted());
        // Wait until it is writing, then kill it without a chance to clean up.
        QTRY_VERIFY_WITH_TIMEOUT(
            QFile::exists(lab.basePath() + u'/' + cache::originalBaseName(u"killed"_s) + u".part"_s), 20000);
        p.kill();
        QVERIFY(p.waitForFinished());
        const QString final = lab.basePath() + u'/' + cache::originalBaseName(u"killed"_s);
        QVERIFY(!QFile::exists(final));

        // The next fetch succeeds: the lock died with the process and the .part is rewritten.
        QTemporaryDir images2;
        const QString small = images2.path() + u"/small.raw"_s;
        QVERIFY(test::writeFile(small, 1024 * 1024, "ok"));
        QProcess again;
        again.start(QStringLiteral(COWHERDCTL),
            QStringList(args.mid(0, 4)) << u"fetch"_s << small << u"--image-id"_s << u"killed"_s << u"--quiet"_s);
        QVERIFY(again.waitForFinished(60000));
        QCOMPARE(again.exitCode(), 0);
        QVERIFY(QFile::exists(final));
        QCOMPARE(QFileInfo(final).size(), 1024 * 1024);
        QVERIFY(leftovers(lab.basePath()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFetch)
#include "tst_fetch.moc"
