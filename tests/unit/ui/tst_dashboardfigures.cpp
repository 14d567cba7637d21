#include "overview/dashboardfigures.h"
#include "snapshotbuilder.h"

#include "cache/auditlog.h"

#include <QTemporaryDir>
#include <QTest>

using namespace cowherd;
using namespace Qt::StringLiterals;
using cowherd::test::makeBase;
using cowherd::test::makeInstance;
using cowherd::test::makeSnapshot;
using cowherd::test::plansOf;
using cowherd::test::testNow;

namespace {

constexpr qint64 MiB = 1024 * 1024;
constexpr qint64 GiB = 1024 * MiB;

const QString Ubuntu = QStringLiteral("1111111111111111111111111111111111111111");
const QString Old = QStringLiteral("2222222222222222222222222222222222222222");

// Three overlays of 10 GiB (100 MiB written each) on one 2 GiB base file, and an old base
// file nobody uses any more.
cache::CacheSnapshot knownSnapshot()
{
    QList<cache::Instance> instances;
    QStringList uuids;
    for (int i = 1; i <= 3; ++i) {
        cache::Instance instance = makeInstance(
            QStringLiteral("u%1").arg(i), QStringLiteral("vm%1").arg(i), {QStringLiteral("/lab/_base/") + Ubuntu});
        instance.disks[0].virtualSize = 10 * GiB;
        instance.disks[0].allocatedSize = 100 * MiB;
        instances.append(instance);
        uuids.append(instance.uuid);
    }
    // A disk without a backing file is no overlay: it saves nothing and costs nothing here.
    cache::Disk flat;
    flat.path = QStringLiteral("/lab/u3/disk.config");
    flat.virtualSize = 1 * MiB;
    flat.allocatedSize = 1 * MiB;
    instances[2].disks.append(flat);
    return makeSnapshot({makeBase(Ubuntu, cache::BaseKind::Original, 2 * GiB, 2 * GiB, 60, uuids),
                            makeBase(Old, cache::BaseKind::Original, 1 * GiB, 512 * MiB, 40 * 86400)},
        instances);
}

} // namespace

class TestDashboardFigures : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void figuresOfAKnownSnapshot()
    {
        const cache::CacheSnapshot snapshot = knownSnapshot();
        const ui::DashboardFigures f = ui::computeFigures({snapshot}, plansOf({snapshot}));
        QCOMPARE(f.hosts, 1);
        QCOMPARE(f.baseFiles, 2);
        QCOMPARE(f.instances, 3);
        QCOMPARE(f.overlays, 3);
        QCOMPARE(f.cacheBytes, 2 * GiB + 512 * MiB);
        QCOMPARE(f.overlayVirtualBytes, 30 * GiB);
        QCOMPARE(f.overlayAllocatedBytes, 300 * MiB);
        QCOMPARE(f.copyOnWriteBytes(), 300 * MiB + 2 * GiB + 512 * MiB);
        QCOMPARE(f.savingsBytes(), 30 * GiB - (300 * MiB + 2 * GiB + 512 * MiB));
        // Only the old, unused file is reclaimable.
        QCOMPARE(f.removableFiles, 1);
        QCOMPARE(f.reclaimableBytes, 512 * MiB);
        QCOMPARE(f.bases.size(), 2);
        QCOMPARE(f.bases.at(0).name, Ubuntu); // largest first
        QCOMPARE(f.bases.at(0).instances, 3);
        QCOMPARE(f.bases.at(1).instances, 0);
        QCOMPARE(f.bytesByKind.value(cache::BaseKind::Original), 2 * GiB + 512 * MiB);
    }

    void aBlockedPlanReclaimsNothing()
    {
        const cache::CacheSnapshot snapshot = knownSnapshot();
        cache::GroupPlans plans = plansOf({snapshot});
        plans.groups[0].plan.blocked = true;
        const ui::DashboardFigures f = ui::computeFigures({snapshot}, plans);
        QCOMPARE(f.reclaimableBytes, 0);
        QCOMPARE(f.removableFiles, 0);
    }

    void sumsSeveralHosts()
    {
        cache::CacheSnapshot second = knownSnapshot();
        second.host.name = QStringLiteral("lab2");
        const ui::DashboardFigures f = ui::computeFigures({knownSnapshot(), second}, {});
        QCOMPARE(f.hosts, 2);
        QCOMPARE(f.instances, 6);
        QCOMPARE(f.overlayVirtualBytes, 60 * GiB);
        QCOMPARE(f.bases.size(), 4);
        QCOMPARE(f.reclaimableBytes, 0); // no plans, nothing claimed
    }

    void sharedBaseCountedOnceAndPlannedForTheGroup_data()
    {
        QTest::addColumn<bool>("shared");
        QTest::addColumn<bool>("allHosts"); // or lab1 alone
        QTest::addColumn<int>("baseFiles");
        QTest::addColumn<qint64>("cacheBytes");
        QTest::addColumn<qint64>("reclaimableBytes");
        QTest::addColumn<int>("oldInstances");
        QTest::addColumn<QStringList>("oldHosts");
        QTest::addColumn<int>("instances");
        // One _base: each file once; Old is used on lab2, so only Stale is reclaimable, once.
        QTest::addRow("shared, all hosts")
            << true << true << 3 << 2 * GiB + 768 * MiB << 256 * MiB << 1 << QStringList{u"lab1"_s, u"lab2"_s} << 4;
        // lab1 alone still sees lab2's use of Old through the group's plan.
        QTest::addRow("shared, lab1") << true << false << 3 << 2 * GiB + 768 * MiB << 256 * MiB << 0
                                      << QStringList{u"lab1"_s} << 3;
        // Two caches that look alike: every file twice, lab1's Old is unused there.
        QTest::addRow("apart, all hosts") << false << true << 6 << 2 * (2 * GiB + 768 * MiB)
                                          << 512 * MiB + 2 * 256 * MiB << 0 << QStringList{u"lab1"_s} << 4;
        QTest::addRow("apart, lab1") << false << false << 3 << 2 * GiB + 768 * MiB << 768 * MiB << 0
                                     << QStringList{u"lab1"_s} << 3;
    }

    void sharedBaseCountedOnceAndPlannedForTheGroup()
    {
        QFETCH(bool, shared);
        QFETCH(bool, allHosts);
        QFETCH(int, baseFiles);
        QFETCH(qint64, cacheBytes);
        QFETCH(qint64, reclaimableBytes);
        QFETCH(int, oldInstances);
        QFETCH(QStringList, oldHosts);
        QFETCH(int, instances);

        // lab1 and lab2 see the same files; lab1's instances use Ubuntu, lab2's one instance Old;
        // nobody uses Stale.
        const QString stale = QStringLiteral("3333333333333333333333333333333333333333");
        cache::CacheSnapshot lab1 = knownSnapshot();
        lab1.bases.append(makeBase(stale, cache::BaseKind::Original, 1 * GiB, 256 * MiB, 40 * 86400));
        cache::CacheSnapshot lab2 = lab1;
        lab2.host.name = u"lab2"_s;
        lab2.instances = {makeInstance(u"v1"_s, u"old-vm"_s, {QStringLiteral("/lab/_base/") + Old})};
        for (cache::BaseFile &base : lab2.bases)
            base.references = base.name == Old ? QStringList{u"v1"_s} : QStringList{};
        const QHash<QString, QString> storageIds
            = shared ? QHash<QString, QString>{{u"lab1"_s, u"s"_s}, {u"lab2"_s, u"s"_s}} : QHash<QString, QString>{};
        const cache::GroupPlans plans = plansOf({lab1, lab2}, storageIds);

        const ui::DashboardFigures f = ui::computeFigures(allHosts ? QList{lab1, lab2} : QList{lab1}, plans);
        QCOMPARE(f.baseFiles, baseFiles);
        QCOMPARE(f.bases.size(), baseFiles);
        QCOMPARE(f.cacheBytes, cacheBytes);
        QCOMPARE(f.reclaimableBytes, reclaimableBytes);
        QCOMPARE(f.instances, instances);
        qint64 byKind = 0;
        for (const qint64 bytes : f.bytesByKind)
            byKind += bytes;
        QCOMPARE(byKind, cacheBytes);
        const auto old = std::ranges::find_if(f.bases, [](const ui::BaseUse &b) { return b.name == Old; });
        QVERIFY(old != f.bases.end());
        QCOMPARE(old->hosts, oldHosts);
        QCOMPARE(old->instances, oldInstances);
    }

    void readsRecentAuditEntriesNewestFirst()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        cache::AuditLog log(dir.filePath(QStringLiteral("audit.jsonl")));
        for (int i = 0; i < 5; ++i) {
            QVERIFY(log.append(QStringLiteral("lab1"), QStringLiteral("file%1").arg(i), QStringLiteral("remove"),
                QStringLiteral("unused"), i * 100, testNow().addSecs(i)));
        }
        const QList<ui::AuditEntry> entries = ui::readRecentAudit(log.path(), 3);
        QCOMPARE(entries.size(), 3);
        QCOMPARE(entries.at(0).file, QStringLiteral("file4"));
        QCOMPARE(entries.at(2).file, QStringLiteral("file2"));
        QCOMPARE(entries.at(0).bytes, 400);
        QCOMPARE(entries.at(0).time, testNow().addSecs(4));
        QVERIFY(ui::readRecentAudit(dir.filePath(QStringLiteral("absent.jsonl")), 3).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDashboardFigures)
#include "tst_dashboardfigures.moc"
