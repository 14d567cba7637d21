#include "snapshotbuilder.h"
#include "tables/scanscheduler.h"

#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <atomic>

using namespace cowherd;
using cowherd::ui::ScanScheduler;

namespace {
host::HostConfig lab(const QString &name)
{
    return {name, QStringLiteral("test:///default"), QStringLiteral("/lab/") + name};
}

// A snapshot that says which call produced it, in libvirtStatus.
cache::CacheSnapshot tagged(const host::HostConfig &host, int call)
{
    auto snapshot = test::makeSnapshot({});
    snapshot.host = host;
    snapshot.libvirtStatus = QString::number(call);
    return snapshot;
}
} // namespace

class TestScanScheduler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deliversSnapshotsAndFailures()
    {
        QSemaphore upMayFinish;
        ScanScheduler scheduler(nullptr, [&](const host::HostConfig &host) -> Result<cache::CacheSnapshot> {
            if (host.name == QStringLiteral("down"))
                return fail(QStringLiteral("ssh: lab is down"));
            upMayFinish.acquire();
            return tagged(host, 1);
        });
        scheduler.setHosts({lab(QStringLiteral("up")), lab(QStringLiteral("down"))});
        QSignalSpy started(&scheduler, &ScanScheduler::scanStarted);
        QSignalSpy ready(&scheduler, &ScanScheduler::snapshotReady);
        QSignalSpy failed(&scheduler, &ScanScheduler::scanFailed);

        scheduler.scanAll();
        QCOMPARE(started.count(), 2);
        QVERIFY(scheduler.isScanning(QStringLiteral("up")));
        upMayFinish.release();
        QTRY_COMPARE(ready.count(), 1);
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(ready.first().at(0).toString(), QStringLiteral("up"));
        QCOMPARE(ready.first().at(1).value<cache::CacheSnapshot>().host.name, QStringLiteral("up"));
        QCOMPARE(failed.first().at(0).toString(), QStringLiteral("down"));
        QCOMPARE(failed.first().at(1).value<Error>().message, QStringLiteral("ssh: lab is down"));
        QVERIFY(!scheduler.isScanning(QStringLiteral("up")));
        QVERIFY(scheduler.snapshot(QStringLiteral("up")));
        QVERIFY(!scheduler.snapshot(QStringLiteral("down")));
        QCOMPARE(scheduler.scan(QStringLiteral("no such host")), 0u);
    }

    void domainEventUpdatesTheLatestSnapshot()
    {
        ScanScheduler scheduler(nullptr, [](const host::HostConfig &host) -> Result<cache::CacheSnapshot> {
            auto snapshot = test::makeSnapshot({},
                {test::makeInstance(QStringLiteral("1d5c7e3a-0b2f-4c6d-8e9a-00000000000a"), QStringLiteral("vm"), {})});
            snapshot.host = host;
            return snapshot;
        });
        scheduler.setHosts({lab(QStringLiteral("lab1"))});
        // No snapshot yet: nothing to update.
        QVERIFY(!scheduler.updateInstanceState(
            QStringLiteral("lab1"), QStringLiteral("1d5c7e3a-0b2f-4c6d-8e9a-00000000000a"), QStringLiteral("paused")));
        QSignalSpy ready(&scheduler, &ScanScheduler::snapshotReady);
        scheduler.scan(QStringLiteral("lab1"));
        QVERIFY(ready.wait(10000));
        QCOMPARE(scheduler.snapshot(QStringLiteral("lab1"))->instances.first().state, QStringLiteral("running"));
        // libvirt's uuid may come in another case.
        QVERIFY(scheduler.updateInstanceState(
            QStringLiteral("lab1"), QStringLiteral("1D5C7E3A-0B2F-4C6D-8E9A-00000000000A"), QStringLiteral("paused")));
        QCOMPARE(scheduler.snapshot(QStringLiteral("lab1"))->instances.first().state, QStringLiteral("paused"));
        QVERIFY(!scheduler.updateInstanceState(
            QStringLiteral("lab1"), QStringLiteral("unknown-uuid"), QStringLiteral("paused")));
        QVERIFY(!scheduler.updateInstanceState(
            QStringLiteral("lab9"), QStringLiteral("1d5c7e3a-0b2f-4c6d-8e9a-00000000000a"), QStringLiteral("paused")));
    }

    void dropsStaleResults()
    {
        QSemaphore firstMayFinish;
        std::atomic<int> calls = 0;
        ScanScheduler scheduler(nullptr, [&](const host::HostConfig &host) -> Result<cache::CacheSnapshot> {
            const int call = ++calls;
            if (call == 1)
                firstMayFinish.acquire();
            return tagged(host, call);
        });
        // One scan at a time, so the stale first result is delivered before the second one.
        scheduler.setMaxParallelScans(1);
        scheduler.setHosts({lab(QStringLiteral("lab1"))});
        QSignalSpy ready(&scheduler, &ScanScheduler::snapshotReady);

        const quint64 first = scheduler.scan(QStringLiteral("lab1"));
        const quint64 second = scheduler.scan(QStringLiteral("lab1"));
        QVERIFY(second > first);
        firstMayFinish.release();

        QVERIFY(ready.wait());
        QCOMPARE(ready.count(), 1);
        QCOMPARE(ready.first().at(1).value<cache::CacheSnapshot>().libvirtStatus, QStringLiteral("2"));
        QCOMPARE(scheduler.snapshot(QStringLiteral("lab1"))->libvirtStatus, QStringLiteral("2"));
        QCOMPARE(calls.load(), 2);
    }

    void refreshesPeriodically()
    {
        std::atomic<int> calls = 0;
        ScanScheduler scheduler(nullptr,
            [&](const host::HostConfig &host) -> Result<cache::CacheSnapshot> { return tagged(host, ++calls); });
        scheduler.setHosts({lab(QStringLiteral("lab1"))});
        QSignalSpy ready(&scheduler, &ScanScheduler::snapshotReady);
        scheduler.setInterval(std::chrono::milliseconds(50));
        QTRY_VERIFY(ready.count() >= 2);
        scheduler.setInterval(std::chrono::milliseconds(0));
    }

    void periodicRefreshLeavesRunningScansAlone()
    {
        QSemaphore slowMayFinish;
        ScanScheduler scheduler(nullptr, [&](const host::HostConfig &host) -> Result<cache::CacheSnapshot> {
            if (host.name == QStringLiteral("slow"))
                slowMayFinish.acquire();
            return tagged(host, 0);
        });
        scheduler.setHosts({lab(QStringLiteral("slow")), lab(QStringLiteral("fast"))});
        QSignalSpy started(&scheduler, &ScanScheduler::scanStarted);
        QSignalSpy ready(&scheduler, &ScanScheduler::snapshotReady);
        const auto count = [](const QSignalSpy &spy, const QString &host) {
            return std::ranges::count_if(
                spy, [&host](const QList<QVariant> &args) { return args.at(0).toString() == host; });
        };

        scheduler.scanAll();
        scheduler.setInterval(std::chrono::milliseconds(10));
        // Every tick rescans the fast host; three results mean at least two ticks went by.
        QTRY_VERIFY(count(ready, QStringLiteral("fast")) >= 3);
        QCOMPARE(count(started, QStringLiteral("slow")), 1);
        QVERIFY(scheduler.isScanning(QStringLiteral("slow")));

        scheduler.setInterval(std::chrono::milliseconds(0));
        slowMayFinish.release();
        QTRY_COMPARE(count(ready, QStringLiteral("slow")), 1);
    }
};

QTEST_MAIN(TestScanScheduler)
#include "tst_scanscheduler.moc"
