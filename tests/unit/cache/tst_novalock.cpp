// nova-compute's locks (issue 15): Cowherd takes <instances>/locks/nova-NAME the way
// oslo.concurrency does, so a lock held by Debian's python3-oslo.concurrency (as nova-compute
// holds it while fetching or removing a base file) makes Cowherd's fetch and removal wait, then
// time out naming the lock; and Cowherd's lock keeps oslo.concurrency out.
#include "cache/basename.h"
#include "cache/cachelayout.h"
#include "cache/cachepass.h"
#include "cache/fetcher.h"
#include "cache/novalock.h"
#include "host/localtransport.h"
#include "novalockholder.h"
#include "source/imagesource.h"
#include "testlab.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;
using namespace cowherd;
using namespace cowherd::cache;
using cowherd::test::NovaLockHolder;
using cowherd::test::TestLab;
using Action = PlannedAction::Action;

namespace {

constexpr int shortTimeoutMs = 1500;

TransportFactory local()
{
    return [](const host::HostConfig &) -> std::unique_ptr<host::Transport> {
        return std::make_unique<host::LocalTransport>();
    };
}

bool age(const QString &path, qint64 seconds)
{
    QFile f(path);
    return f.open(QIODevice::ReadWrite)
        && f.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-seconds), QFileDevice::FileModificationTime);
}

QByteArray content(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("(missing)");
}

} // namespace

class TestNovaLock : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // The lock file is created like fasteners creates it (but says "cowherd"), stays after
    // release, and oslo.concurrency cannot take the lock while Cowherd holds it.
    void excludesOsloConcurrency()
    {
        TestLab lab;
        host::LocalTransport transport;
        const QString locks = locksDirectory(lab.instancesPath());
        const QString name = TestLab::sha1Hex(u"cirros"_s);
        {
            auto held = lockNovaBaseFile(transport, lab.instancesPath(), name, shortTimeoutMs);
            QVERIFY2(held, qPrintable(held ? QString() : held.error().message));
            QCOMPARE(NovaLockHolder::tryLock(locks, name), u"busy"_s);
            // An open file description lock: a second one in this very process is excluded too.
            host::LockOptions again;
            again.kind = host::LockKind::Record;
            again.wait = false;
            QVERIFY(!transport.lock(novaLockPath(lab.instancesPath(), name), again));
        }
        QCOMPARE(NovaLockHolder::tryLock(locks, name), u"acquired"_s);
        const QFileInfo file(novaLockPath(lab.instancesPath(), name));
        QVERIFY(file.exists());
        QCOMPARE(content(file.filePath()), QByteArray("cowherd\n"));
        QCOMPARE(file.permissions() & (QFile::WriteGroup | QFile::WriteOther), QFile::Permissions());
    }

    void waitsThenTimesOutNamingTheLock()
    {
        TestLab lab;
        const QString name = TestLab::sha1Hex(u"cirros"_s);
        NovaLockHolder nova(locksDirectory(lab.instancesPath()), name);
        QVERIFY2(nova.waitUntilHeld(), qPrintable(nova.errors()));
        QCOMPARE(content(novaLockPath(lab.instancesPath(), name)), QByteArray()); // Nova's: empty
        host::LocalTransport transport;
        QElapsedTimer timer;
        timer.start();
        auto held = lockNovaBaseFile(transport, lab.instancesPath(), name, shortTimeoutMs);
        QVERIFY(!held);
        QVERIFY(timer.elapsed() >= shortTimeoutMs);
        QVERIFY2(
            held.error().message.contains(novaLockPath(lab.instancesPath(), name)), qPrintable(held.error().message));
        QVERIFY2(held.error().message.contains(u"Timed out"_s), qPrintable(held.error().message));

        // Waiting with a longer timeout ends as soon as Nova lets go.
        auto waiting = QtConcurrent::run([&] {
            host::LocalTransport t;
            return bool(lockNovaBaseFile(t, lab.instancesPath(), name, 60'000));
        });
        QVERIFY(nova.release());
        waiting.waitForFinished();
        QVERIFY(waiting.result());
    }

    // A fetch waits for Nova's lock on the file it would write, then gives up naming it and
    // leaves nothing behind; once Nova lets go, the fetch goes through.
    void fetchWaitsForNova()
    {
        TestLab lab;
        QTemporaryDir images;
        const QString image = images.path() + u"/image.raw"_s;
        QVERIFY(cowherd::test::writeFile(image, 1024 * 1024, "cowherd"));
        const QString imageId = u"11111111-2222-4333-8444-555555555555"_s;
        const QString name = originalBaseName(imageId);
        NovaLockHolder nova(locksDirectory(lab.instancesPath()), name);
        QVERIFY2(nova.waitUntilHeld(), qPrintable(nova.errors()));

        host::LocalTransport transport;
        FetchOptions options;
        options.imageId = imageId;
        options.declaredFormat = u"raw"_s;
        options.novaLockTimeoutMs = shortTimeoutMs;
        auto source = source::sourceFor(image);
        QVERIFY(source);
        QElapsedTimer timer;
        timer.start();
        auto fetched = fetchImage(transport, lab.instancesPath(), **source, options);
        QVERIFY(!fetched);
        QVERIFY(timer.elapsed() >= shortTimeoutMs);
        QVERIFY2(fetched.error().message.contains(u"locks/nova-"_s + name), qPrintable(fetched.error().message));
        QVERIFY(!QFile::exists(baseFilePath(lab.instancesPath(), name)));
        QVERIFY(!QFile::exists(baseFilePath(lab.instancesPath(), name) + u".part"_s));

        QVERIFY(nova.release());
        source = source::sourceFor(image);
        fetched = fetchImage(transport, lab.instancesPath(), **source, options);
        QVERIFY2(fetched, qPrintable(fetched ? QString() : fetched.error().message));
        QVERIFY(QFile::exists(baseFilePath(lab.instancesPath(), name)));
    }

    // A removal waits for Nova's lock on the file, keeps the file when the lock stays held and
    // says which lock; with the lock free, the same pass removes it (the lock file stays).
    void removalWaitsForNova()
    {
        TestLab lab;
        const QString name = TestLab::sha1Hex(u"unused image"_s);
        const QString path = lab.addRawBase(name);
        QVERIFY(age(path, 3 * 86400));
        const host::HostConfig host{u"lab1"_s, u"test:///default"_s, lab.instancesPath(), host::ManagedBy::Cowherd};
        PassOptions options;
        options.scan.queryLibvirt = false;
        options.verify = false;
        options.novaLockTimeoutMs = shortTimeoutMs;

        NovaLockHolder nova(locksDirectory(lab.instancesPath()), name);
        QVERIFY2(nova.waitUntilHeld(), qPrintable(nova.errors()));
        QElapsedTimer timer;
        timer.start();
        PassResult result = runCachePass({host}, local(), options);
        QVERIFY(timer.elapsed() >= shortTimeoutMs);
        const PlannedAction *a = result.plan.action(name);
        QVERIFY(a);
        QCOMPARE(toString(a->action), toString(Action::Keep));
        QVERIFY2(a->reason.contains(novaLockPath(lab.instancesPath(), name)), qPrintable(a->reason));
        QVERIFY(QFile::exists(path));

        QVERIFY(nova.release());
        result = runCachePass({host}, local(), options);
        QCOMPARE(toString(result.plan.action(name)->action), toString(Action::Remove));
        QVERIFY(!QFile::exists(path));
        QVERIFY(QFile::exists(novaLockPath(lab.instancesPath(), name))); // never removed by Cowherd
    }
};

QTEST_GUILESS_MAIN(TestNovaLock)
#include "tst_novalock.moc"
