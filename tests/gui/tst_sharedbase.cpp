// Two hosts that share one _base (a symlink, as two compute hosts mounting one NFS export, with
// the storage-id marker a cache pass writes), scanned for real, planned once by the GroupPlanner
// and shown by the All hosts overview, the map and the dashboard: each counts the shared files
// once and none calls a file reclaimable that a member of the group uses.
#include "hosts/hostlistmodel.h"
#include "hosts/hostsoverview.h"
#include "hosts/hosttransport.h"
#include "overview/dashboard.h"
#include "overview/groupplanner.h"
#include "overview/mapscene.h"
#include "overview/mapview.h"
#include "overview/overviewtabs.h"
#include "tables/scanscheduler.h"
#include "testlab.h"

#include "cache/sharinggroup.h"

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QMainWindow>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cowherd;
using cowherd::test::TestLab;
using ui::HostListModel;
using ui::MapNode;

namespace {

constexpr int TimeoutMs = 60000;
const QString U1 = u"2e6c8a40-1b3d-4f5e-9a7b-000000000001"_s;
const QString U2 = u"2e6c8a40-1b3d-4f5e-9a7b-000000000002"_s;

const MapNode *baseNode(const ui::MapView &map, const QString &name)
{
    const ui::MapGraph &graph = map.scene()->graph();
    for (const MapNode &node : graph.nodes)
        if (node.kind == MapNode::Kind::Base && node.key == name)
            return &node;
    return nullptr;
}

int baseNodes(const ui::MapView &map)
{
    return int(std::ranges::count_if(
        map.scene()->graph().nodes, [](const MapNode &n) { return n.kind == MapNode::Kind::Base; }));
}

} // namespace

class TestSharedBase : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // The audit log lives in the data directory: a private one, also when run outside ctest.
        qputenv("XDG_DATA_HOME", m_dir.filePath(u"data"_s).toUtf8());
    }

    void overviewMapAndDashboardAgree()
    {
        TestLab labA;
        TestLab labB;
        QVERIFY(labA.isValid() && labB.isValid());
        // lab-b sees lab-a's _base.
        QVERIFY(QDir(labB.basePath()).removeRecursively());
        QVERIFY(QFile::link(labA.basePath(), labB.basePath()));
        const QString unused = TestLab::sha1Hex(u"unused"_s);
        const QString usedOnA = TestLab::sha1Hex(u"used-on-a"_s);
        const QString usedOnB = TestLab::sha1Hex(u"used-on-b"_s);
        QVERIFY(!labA.addRawBase(unused, 3).isEmpty() && !labA.addRawBase(usedOnA, 1).isEmpty()
            && !labA.addRawBase(usedOnB, 2).isEmpty());
        QVERIFY(!labA.addOverlay(U1, labA.basePath() + u'/' + usedOnA).isEmpty());
        const QString overlayB = labB.addOverlay(U2, labB.basePath() + u'/' + usedOnB);
        QVERIFY(!overlayB.isEmpty());
        // A month old, past Nova's minimum age of a day: only use keeps them.
        for (const QString &name : {unused, usedOnA, usedOnB})
            QVERIFY(test::runTool({u"touch"_s, u"-d"_s, u"30 days ago"_s, labA.basePath() + u'/' + name}));

        const host::HostConfig hostA{u"lab-a"_s, u"test:///default"_s, labA.instancesPath()};
        const host::HostConfig hostB{u"lab-b"_s, u"test:///default"_s, labB.instancesPath()};
        auto transport = ui::hostTransport(hostA);
        QVERIFY(transport);
        QVERIFY(cache::ensureStorageId(*transport, labA.basePath()).value_or(QString()).size() > 0);

        // The window's wiring, without the window: scans -> planner -> overview, map, dashboard.
        HostListModel model;
        model.setHosts({hostA, hostB});
        ui::ScanScheduler scheduler;
        scheduler.setHosts({hostA, hostB});
        connect(&scheduler, &ui::ScanScheduler::snapshotReady, &model,
            [&model](const QString &host, const cache::CacheSnapshot &snapshot) { model.setScanned(host, snapshot); });
        ui::GroupPlanner planner(&scheduler, m_dir.filePath(u"cowherd.conf"_s));
        ui::HostsOverview overview(&model, &planner, m_dir.filePath(u"audit.jsonl"_s));
        QMainWindow window;
        auto *tabs = new QTabWidget(&window);
        window.setCentralWidget(tabs);
        ui::OverviewTabs overviewTabs(&window, tabs, &planner);
        ui::MapView *map = overviewTabs.mapView();
        ui::Dashboard *dashboard = overviewTabs.dashboard();
        overviewTabs.setCurrentHost(u"lab-a"_s);
        QSignalSpy planned(&planner, &ui::GroupPlanner::planned);
        scheduler.scanAll();
        QTRY_VERIFY_WITH_TIMEOUT(!planner.isPlanning() && planner.latest().snapshots.size() == 2, TimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(!map->isBusy() && !dashboard->isBusy(), TimeoutMs);

        // One plan for both: the file lab-b uses stays, the unused one is removable, once.
        const cache::CacheSnapshot &snapshotA = planner.latest().snapshots.first();
        const qint64 unusedBytes = snapshotA.base(unused)->allocatedSize;
        const qint64 cacheBytes = snapshotA.totalAllocated();
        QVERIFY(unusedBytes > 0 && cacheBytes > unusedBytes);
        QCOMPARE(planner.latest().plans.groups.size(), 1);
        QCOMPARE(planner.latest().plans.groupOf(u"lab-b"_s)->members, (QStringList{u"lab-a"_s, u"lab-b"_s}));
        const cache::CleanupPlan &plan = planner.latest().plans.groupOf(u"lab-a"_s)->plan;
        QCOMPARE(plan.reclaimableBytes, unusedBytes);
        QCOMPARE(plan.removeCount, 1);

        // The overview: the group's figure on both rows.
        for (const QString &host : {u"lab-a"_s, u"lab-b"_s}) {
            const QModelIndex cell = model.index(model.indexOf(host).row(), HostListModel::Reclaimable);
            QCOMPARE(cell.data(HostListModel::SortRole).toLongLong(), unusedBytes);
            QVERIFY2(cell.data().toString().endsWith(u" · shared"_s), qPrintable(cell.data().toString()));
            QVERIFY2(cell.data(Qt::ToolTipRole).toString().contains(u"shared with"_s),
                qPrintable(cell.data(Qt::ToolTipRole).toString()));
        }

        // The dashboard of lab-a: its cache, and only what the group's pass would remove (lab-a
        // alone would also count the file lab-b uses).
        QCOMPARE(dashboard->figures().cacheBytes, cacheBytes);
        QCOMPARE(dashboard->figures().baseFiles, 3);
        QCOMPARE(dashboard->figures().reclaimableBytes, unusedBytes);
        QCOMPARE(dashboard->figures().removableFiles, 1);
        // Of both hosts: each shared file once, the group's reclaimable bytes once.
        QSignalSpy figuresShown(dashboard, &ui::Dashboard::figuresShown);
        dashboard->findChild<QCheckBox *>(u"dashboardAllHosts"_s)->setChecked(true);
        QTRY_VERIFY_WITH_TIMEOUT(!figuresShown.isEmpty() && !dashboard->isBusy(), TimeoutMs);
        QCOMPARE(dashboard->figures().hosts, 2);
        QCOMPARE(dashboard->figures().cacheBytes, cacheBytes);
        QCOMPARE(dashboard->figures().baseFiles, 3);
        QCOMPARE(dashboard->figures().reclaimableBytes, unusedBytes);
        QCOMPARE(dashboard->figures().removableFiles, 1);
        QCOMPARE(dashboard->figures().instances, 2);

        // The map of lab-a: the file only lab-b uses is not removable.
        QCOMPARE(baseNodes(*map), 3);
        QVERIFY(baseNode(*map, unused) && baseNode(*map, unused)->removable);
        QVERIFY(baseNode(*map, usedOnB) && !baseNode(*map, usedOnB)->removable);
        QVERIFY(!baseNode(*map, usedOnA)->removable);
        // Of both hosts: one node per shared file, standing under both hosts' overlays.
        QSignalSpy mapShown(map, &ui::MapView::mapShown);
        map->findChild<QCheckBox *>(u"mapAllHosts"_s)->setChecked(true);
        QTRY_VERIFY_WITH_TIMEOUT(!mapShown.isEmpty() && !map->isBusy(), TimeoutMs);
        QCOMPARE(baseNodes(*map), 3);
        const ui::MapGraph &graph = map->scene()->graph();
        const int shared = graph.indexOf(u"lab-b"_s, MapNode::Kind::Base, usedOnB);
        QVERIFY(shared >= 0 && !graph.nodes.at(shared).removable);
        QStringList dependents;
        for (const int node : graph.dependents(shared))
            dependents.append(graph.nodes.at(node).host + u':' + graph.nodes.at(node).key);
        dependents.sort();
        QCOMPARE(dependents, (QStringList{u"lab-b:"_s + overlayB, u"lab-b:"_s + U2}));
        QCOMPARE(std::ranges::count_if(graph.nodes, [](const MapNode &n) { return n.removable; }), 1);
        QVERIFY(planned.size() >= 1);
    }
};

QTEST_MAIN(TestSharedBase)
#include "tst_sharedbase.moc"
