#include "overview/dashboard.h"
#include "overview/mapgraph.h"
#include "overview/mapscene.h"
#include "overview/mapview.h"
#include "testlab.h"

#include "cache/auditlog.h"
#include "cache/groupplanner.h"
#include "cache/scanner.h"

#include <QChartView>
#include <QCheckBox>
#include <QGraphicsView>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPieSeries>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QXmlStreamReader>

using namespace cowherd;
using cowherd::test::TestLab;
using ui::MapNode;

// The map and the dashboard compute off the UI thread, but a continuation may also run at once
// when the work finished first: tests wait on signal counts, never on the next emission.
namespace {

constexpr int WaitMs = 20000;
const QString U1 = QStringLiteral("7a1c0de0-0000-4000-8000-000000000001");
const QString U2 = QStringLiteral("7a1c0de0-0000-4000-8000-000000000002");
const QString U3 = QStringLiteral("7a1c0de0-0000-4000-8000-000000000003");

cache::BaseFile base(const QString &name, cache::BaseKind kind, const QStringList &references)
{
    cache::BaseFile file;
    file.name = name;
    file.path = QStringLiteral("/lab/_base/") + name;
    file.kind = kind;
    file.format = QStringLiteral("raw");
    file.virtualSize = 1LL << 30;
    file.allocatedSize = 256LL << 20;
    file.mtime = QDateTime::currentDateTimeUtc();
    file.references = references;
    return file;
}

cache::Instance instance(const QString &uuid, const QString &name, const QString &state, const QString &backing)
{
    cache::Instance vm;
    vm.uuid = uuid;
    vm.name = name;
    vm.state = state;
    cache::Disk disk;
    disk.path = QStringLiteral("/lab/") + uuid + QStringLiteral("/disk");
    disk.format = QStringLiteral("qcow2");
    disk.virtualSize = 10LL << 30;
    disk.allocatedSize = 50LL << 20;
    disk.backingChain.append({backing, QStringLiteral("raw")});
    vm.disks.append(disk);
    return vm;
}

// Hand-made: two originals, one used by two instances, one by a third; one old unused file.
cache::CacheSnapshot handSnapshot()
{
    const QString a = QString(40, u'a');
    const QString b = QString(40, u'b');
    const QString old = QString(40, u'c');
    cache::CacheSnapshot snapshot;
    snapshot.host = {QStringLiteral("lab1"), QStringLiteral("test:///default"), QStringLiteral("/lab")};
    snapshot.takenAt = QDateTime::currentDateTimeUtc();
    cache::BaseFile stale = base(old, cache::BaseKind::Original, {});
    stale.mtime = QDateTime::currentDateTimeUtc().addDays(-30);
    snapshot.bases = {base(a, cache::BaseKind::Original, {U1, U2}), base(b, cache::BaseKind::Original, {U3}), stale};
    snapshot.instances
        = {instance(U1, QStringLiteral("web1"), QStringLiteral("running"), QStringLiteral("/lab/_base/") + a),
            instance(U2, QStringLiteral("web2"), QStringLiteral("shutoff"), QStringLiteral("/lab/_base/") + a),
            instance(U3, QStringLiteral("db1"), QStringLiteral("paused"), QStringLiteral("/lab/_base/") + b)};
    return snapshot;
}

// Each host alone, under the default policy.
cache::GroupPlans plansOf(const QList<cache::CacheSnapshot> &snapshots)
{
    QList<cache::PlanningHost> hosts;
    for (const cache::CacheSnapshot &snapshot : snapshots)
        hosts.append(cache::PlanningHost{{snapshot.host, snapshot, {}}, {}, {}});
    return cache::planGroups(hosts, QDateTime::currentDateTimeUtc());
}

QSet<QString> keys(const ui::MapGraph &graph, const QSet<int> &nodes)
{
    QSet<QString> out;
    for (const int node : nodes)
        out.insert(graph.nodes.at(node).key);
    return out;
}

} // namespace

class TestMapView : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void showsAndHighlightsDependents()
    {
        ui::MapView view;
        view.resize(1000, 700);
        view.show();
        QSignalSpy shown(&view, &ui::MapView::mapShown);
        view.setSnapshots({handSnapshot()}, plansOf({handSnapshot()}), QStringLiteral("lab1"));
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, WaitMs);
        QVERIFY(!view.isBusy());

        ui::MapScene *scene = view.scene();
        const ui::MapGraph &graph = scene->graph();
        QCOMPARE(graph.nodes.size(), 3 + 3 + 3);
        QCOMPARE(graph.edges.size(), 6);
        const QString a = QString(40, u'a');
        const int baseA = graph.indexOf(QStringLiteral("lab1"), MapNode::Kind::Base, a);
        QVERIFY(baseA >= 0);
        // The unused 30-day-old original is what the planner (default policy) would remove.
        const int stale = graph.indexOf(QStringLiteral("lab1"), MapNode::Kind::Base, QString(40, u'c'));
        QVERIFY(graph.nodes.at(stale).removable);
        QVERIFY(!graph.nodes.at(baseA).removable);

        view.selectNode(baseA);
        QCOMPARE(keys(graph, scene->litNodes()),
            (QSet<QString>{a, QStringLiteral("/lab/") + U1 + QStringLiteral("/disk"),
                QStringLiteral("/lab/") + U2 + QStringLiteral("/disk"), U1, U2}));
        QVERIFY(view.statusLabel()->text().contains(QStringLiteral("2 overlay")));
        // A click on the background clears it.
        view.selectNode(-1);
        QVERIFY(scene->litNodes().isEmpty());

        // An instance lights the base file it stands on.
        const int db1 = graph.indexOf(QStringLiteral("lab1"), MapNode::Kind::Instance, U3);
        view.selectNode(db1);
        QVERIFY(keys(graph, scene->litNodes()).contains(QString(40, u'b')));
        QCOMPARE(scene->litNodes().size(), 3);

        // Colours by state differ, so the legend means something.
        QVERIFY(
            ui::MapScene::stateColor(QStringLiteral("running")) != ui::MapScene::stateColor(QStringLiteral("shutoff")));
        QVERIFY(ui::MapScene::stateColor(QStringLiteral("paused"))
            != ui::MapScene::stateColor(QStringLiteral("undefined")));
    }

    void searchFindsAndCentres()
    {
        ui::MapView view;
        view.resize(600, 400);
        view.show();
        QSignalSpy shown(&view, &ui::MapView::mapShown);
        view.setSnapshots({handSnapshot()}, plansOf({handSnapshot()}), QStringLiteral("lab1"));
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, WaitMs);
        view.zoomBy(3); // so that centring has to move
        view.searchEdit()->setText(QStringLiteral("db1"));
        const ui::MapGraph &graph = view.scene()->graph();
        const int db1 = graph.indexOf(QStringLiteral("lab1"), MapNode::Kind::Instance, U3);
        const QPointF centre = view.graphicsView()->mapToScene(view.graphicsView()->viewport()->rect().center());
        QVERIFY2(view.scene()->nodeRect(db1).adjusted(-100, -100, 100, 100).contains(centre),
            qPrintable(QStringLiteral("centre %1,%2").arg(centre.x()).arg(centre.y())));
        QCOMPARE(view.search(QStringLiteral("no-such-node")), 0);
        QVERIFY(view.statusLabel()->text().contains(QStringLiteral("no-such-node")));
        QCOMPARE(view.search(QStringLiteral("web")), 4); // two instances and their disks
    }

    void zoomsAndFits()
    {
        ui::MapView view;
        view.resize(800, 600);
        view.show();
        QSignalSpy shown(&view, &ui::MapView::mapShown);
        view.setSnapshots({handSnapshot()}, plansOf({handSnapshot()}), QStringLiteral("lab1"));
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, WaitMs);
        const qreal fitted = view.graphicsView()->transform().m11();
        view.zoomInAction()->trigger();
        QVERIFY(view.graphicsView()->transform().m11() > fitted);
        view.zoomOutAction()->trigger();
        view.zoomOutAction()->trigger();
        QVERIFY(view.graphicsView()->transform().m11() < fitted);
        view.fitAction()->trigger();
        QCOMPARE(view.graphicsView()->transform().m11(), fitted);
    }

    void exportsPngAndSvg()
    {
        ui::MapView view;
        QSignalSpy shown(&view, &ui::MapView::mapShown);
        view.setSnapshots({handSnapshot()}, plansOf({handSnapshot()}), QStringLiteral("lab1"));
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, WaitMs);
        QSignalSpy exported(&view, &ui::MapView::exported);

        const QString png = m_dir.filePath(QStringLiteral("map.png"));
        view.exportTo(png);
        QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 1, WaitMs);
        QCOMPARE(exported.last().at(1).toBool(), true);
        const QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() > 400 && image.height() > 200);
        // Not a blank picture: the boxes have colour.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        QVERIFY(colours.size() > 8);

        const QString svg = m_dir.filePath(QStringLiteral("map.svg"));
        view.exportTo(svg);
        QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 2, WaitMs);
        QCOMPARE(exported.last().at(1).toBool(), true);
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        int elements = 0;
        bool svgRoot = false;
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::StartElement) {
                if (elements++ == 0)
                    svgRoot = xml.name() == u"svg";
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(svgRoot);
        QVERIFY(elements > 20);

        QSignalSpy failed(&view, &ui::MapView::exported);
        view.exportTo(m_dir.filePath(QStringLiteral("no/such/dir/map.png")));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, WaitMs);
        QCOMPARE(failed.last().at(1).toBool(), false);
    }

    void mapOfARealLab()
    {
        TestLab lab;
        QVERIFY(lab.isValid());
        const QString ubuntu = TestLab::sha1Hex(QStringLiteral("ubuntu"));
        const QString ubuntuBase = lab.addRawBase(ubuntu, 2);
        const QString resizedBase = lab.addRawBase(ubuntu + QStringLiteral("_10"), 1);
        QVERIFY(!ubuntuBase.isEmpty() && !resizedBase.isEmpty());
        QVERIFY(!lab.addOverlay(U1, ubuntuBase).isEmpty());
        QVERIFY(!lab.addOverlay(U2, ubuntuBase).isEmpty());
        QVERIFY(!lab.addOverlay(U3, resizedBase).isEmpty());
        const auto snapshot
            = cache::scanHost({QStringLiteral("lab"), QStringLiteral("test:///default"), lab.instancesPath()});
        QVERIFY2(snapshot.has_value(), snapshot ? "" : qPrintable(snapshot.error().message));

        const ui::MapGraph graph = ui::buildMapGraph({*snapshot});
        QCOMPARE(graph.nodes.size(), 2 + 3 + 3);
        const int original = graph.indexOf(QStringLiteral("lab"), MapNode::Kind::Base, ubuntu);
        const int resized
            = graph.indexOf(QStringLiteral("lab"), MapNode::Kind::Resized, ubuntu + QStringLiteral("_10"));
        QVERIFY(original >= 0 && resized >= 0);
        QCOMPARE(graph.nodes.at(resized).layer, 1);
        const QList<int> originalDependents = graph.dependents(original);
        QCOMPARE(keys(graph, QSet<int>(originalDependents.cbegin(), originalDependents.cend())),
            (QSet<QString>{
                lab.instanceDir(U1) + QStringLiteral("/disk"), lab.instanceDir(U2) + QStringLiteral("/disk"), U1, U2}));
        const QList<int> resizedDependents = graph.dependents(resized);
        QCOMPARE(keys(graph, QSet<int>(resizedDependents.cbegin(), resizedDependents.cend())),
            (QSet<QString>{lab.instanceDir(U3) + QStringLiteral("/disk"), U3}));
        // Disks found only on disk have no domain: undefined.
        QCOMPARE(graph.nodes.at(graph.indexOf(QStringLiteral("lab"), MapNode::Kind::Instance, U1)).state,
            QStringLiteral("undefined"));
    }

    void dashboardFigures()
    {
        const QString auditPath = m_dir.filePath(QStringLiteral("audit.jsonl"));
        cache::AuditLog log(auditPath);
        QVERIFY(log.append(QStringLiteral("lab1"), QString(40, u'd'), QStringLiteral("remove"),
            QStringLiteral("unused for 3 d"), 1 << 20));
        QVERIFY(log.append(
            QStringLiteral("elsewhere"), QString(40, u'e'), QStringLiteral("remove"), QStringLiteral("unused"), 1));

        ui::Dashboard dashboard(auditPath);
        dashboard.resize(1200, 800);
        dashboard.show();
        QSignalSpy shown(&dashboard, &ui::Dashboard::figuresShown);
        dashboard.setSnapshots({handSnapshot()}, plansOf({handSnapshot()}), QStringLiteral("lab1"));
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, WaitMs);
        const ui::DashboardFigures &f = dashboard.figures();
        QCOMPARE(f.overlays, 3);
        QCOMPARE(f.overlayVirtualBytes, 30LL << 30);
        QCOMPARE(f.cacheBytes, 3 * (256LL << 20));
        QCOMPARE(f.savingsBytes(), (30LL << 30) - 3 * (50LL << 20) - 3 * (256LL << 20));
        QCOMPARE(f.reclaimableBytes, 256LL << 20); // the stale original
        QVERIFY(!dashboard.cardValue(ui::Dashboard::Reclaimable)->text().isEmpty());
        QVERIFY(dashboard.cardValue(ui::Dashboard::Reclaimable)->text()
            != dashboard.cardValue(ui::Dashboard::CacheSize)->text());
        QCOMPARE(dashboard.largestBases()->topLevelItemCount(), 3);
        // Only this host's passes.
        QCOMPARE(dashboard.recentPasses()->topLevelItemCount(), 1);
        QCOMPARE(dashboard.recentPasses()->topLevelItem(0)->text(1), QStringLiteral("lab1"));
        QVERIFY(!dashboard.instancesChart()->chart()->series().isEmpty());
        auto *pie = qobject_cast<QPieSeries *>(dashboard.kindChart()->chart()->series().value(0));
        QVERIFY(pie);
        QCOMPARE(pie->count(), 1); // originals only

        // All hosts: two snapshots, twice the instances.
        cache::CacheSnapshot second = handSnapshot();
        second.host.name = QStringLiteral("lab2");
        dashboard.setSnapshots({handSnapshot(), second}, plansOf({handSnapshot(), second}), QStringLiteral("lab1"));
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 2, WaitMs);
        QCOMPARE(dashboard.figures().instances, 3);
        dashboard.allHostsBox()->setChecked(true);
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 3, WaitMs);
        QCOMPARE(dashboard.figures().instances, 6);
        QCOMPARE(dashboard.figures().hosts, 2);
    }
};

QTEST_MAIN(TestMapView)
#include "tst_mapview.moc"
