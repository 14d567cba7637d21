#include "overview/mapgraph.h"
#include "snapshotbuilder.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

using namespace cowherd;
using cowherd::test::makeBase;
using cowherd::test::makeInstance;
using cowherd::test::makeSnapshot;
using ui::MapEdge;
using ui::MapGraph;
using ui::MapNode;

namespace {

const QString Ubuntu = QStringLiteral("1111111111111111111111111111111111111111");
const QString UbuntuResized = Ubuntu + QStringLiteral("_10");
const QString Cirros = QStringLiteral("2222222222222222222222222222222222222222");
const QString Lonely = QStringLiteral("3333333333333333333333333333333333333333");

cache::CacheSnapshot fixtureSnapshot()
{
    auto resized = makeBase(UbuntuResized, cache::BaseKind::Resized, 10LL << 30, 200 << 20, 60, {QStringLiteral("u3")});
    resized.originalName = Ubuntu;
    return makeSnapshot(
        {makeBase(
             Ubuntu, cache::BaseKind::Original, 2LL << 30, 900 << 20, 60, {QStringLiteral("u1"), QStringLiteral("u2")}),
            resized, makeBase(Cirros, cache::BaseKind::Original, 112 << 20, 20 << 20, 60, {QStringLiteral("u4")}),
            makeBase(Lonely, cache::BaseKind::Original, 1 << 30, 1 << 30, 40 * 86400)},
        {makeInstance(QStringLiteral("u1"), QStringLiteral("web1"), {QStringLiteral("/lab/_base/") + Ubuntu}),
            makeInstance(QStringLiteral("u2"), QStringLiteral("web2"), {QStringLiteral("/lab/_base/") + Ubuntu}),
            makeInstance(QStringLiteral("u3"), QStringLiteral("db1"), {QStringLiteral("/lab/_base/") + UbuntuResized}),
            // Two disks: one on cirros, one on the resized ubuntu.
            makeInstance(QStringLiteral("u4"), QStringLiteral("tiny"),
                {QStringLiteral("/lab/_base/") + Cirros, QStringLiteral("/lab/_base/") + UbuntuResized})});
}

QStringList keysOf(const MapGraph &graph, const QList<int> &nodes)
{
    QStringList out;
    for (const int node : nodes)
        out.append(graph.nodes.at(node).key);
    out.sort();
    return out;
}

// A lab of `bases` originals, a resized copy of every third, and instances spread over them in
// a shuffled order, so that the input order alone would cross a lot.
MapGraph syntheticGraph(int bases, int instances)
{
    QList<cache::BaseFile> files;
    for (int i = 0; i < bases; ++i) {
        const QString name = QStringLiteral("%1").arg(i, 40, 10, QLatin1Char('0'));
        files.append(makeBase(name, cache::BaseKind::Original, 1 << 30, 1 << 20, 60));
        if (i % 3 == 0) {
            auto resized = makeBase(name + QStringLiteral("_20"), cache::BaseKind::Resized, 20LL << 30, 1 << 20, 60);
            resized.originalName = name;
            files.append(resized);
        }
    }
    QRandomGenerator random(42);
    QList<cache::Instance> list;
    for (int i = 0; i < instances; ++i) {
        const cache::BaseFile &base = files.at(random.bounded(int(files.size())));
        list.append(makeInstance(QStringLiteral("uuid-%1").arg(i), QStringLiteral("vm%1").arg(i), {base.path}));
    }
    return ui::buildMapGraph({makeSnapshot(files, list)});
}

int crossings(const MapGraph &graph, const QList<QRectF> &rects)
{
    int count = 0;
    for (int a = 0; a < graph.edges.size(); ++a) {
        for (int b = a + 1; b < graph.edges.size(); ++b) {
            const MapEdge &e = graph.edges.at(a);
            const MapEdge &f = graph.edges.at(b);
            if (graph.nodes.at(e.from).layer != graph.nodes.at(f.from).layer
                || graph.nodes.at(e.to).layer != graph.nodes.at(f.to).layer)
                continue;
            const qreal top = rects.at(e.from).y() - rects.at(f.from).y();
            const qreal bottom = rects.at(e.to).y() - rects.at(f.to).y();
            if (top * bottom < 0)
                ++count;
        }
    }
    return count;
}

} // namespace

class TestMapGraph : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void buildsNodesAndEdges()
    {
        const MapGraph graph = ui::buildMapGraph({fixtureSnapshot()});
        // 4 base files, 5 disks, 4 instances.
        QCOMPARE(graph.nodes.size(), 13);
        const auto count = [&graph](MapNode::Kind kind) {
            return std::count_if(
                graph.nodes.cbegin(), graph.nodes.cend(), [kind](const MapNode &n) { return n.kind == kind; });
        };
        QCOMPARE(count(MapNode::Kind::Base), 3);
        QCOMPARE(count(MapNode::Kind::Resized), 1);
        QCOMPARE(count(MapNode::Kind::Overlay), 5);
        QCOMPARE(count(MapNode::Kind::Instance), 4);
        // 1 derived-from, 5 backing, 5 disk-of.
        QCOMPARE(graph.edges.size(), 11);

        const QString host = QStringLiteral("lab1");
        const int ubuntu = graph.indexOf(host, MapNode::Kind::Base, Ubuntu);
        const int resized = graph.indexOf(host, MapNode::Kind::Resized, UbuntuResized);
        const int web1Disk = graph.indexOf(host, MapNode::Kind::Overlay, QStringLiteral("/lab/u1/disk"));
        const int web1 = graph.indexOf(host, MapNode::Kind::Instance, QStringLiteral("u1"));
        QVERIFY(ubuntu >= 0 && resized >= 0 && web1Disk >= 0 && web1 >= 0);
        const auto hasEdge = [&graph](int from, int to, MapEdge::Kind kind) {
            return std::any_of(graph.edges.cbegin(), graph.edges.cend(),
                [=](const MapEdge &e) { return e.from == from && e.to == to && e.kind == kind; });
        };
        QVERIFY(hasEdge(ubuntu, resized, MapEdge::Kind::DerivedFrom));
        QVERIFY(hasEdge(ubuntu, web1Disk, MapEdge::Kind::Backing));
        QVERIFY(hasEdge(web1Disk, web1, MapEdge::Kind::DiskOf));
        QCOMPARE(graph.nodes.at(ubuntu).layer, 0);
        QCOMPARE(graph.nodes.at(resized).layer, 1);
        QCOMPARE(graph.nodes.at(web1Disk).layer, 2);
        QCOMPARE(graph.nodes.at(web1).layer, 3);
        QVERIFY(graph.nodes.at(ubuntu).toolTip.contains(QStringLiteral("2 instance")));
    }

    void dependentsOfABaseFile()
    {
        const MapGraph graph = ui::buildMapGraph({fixtureSnapshot()});
        const QString host = QStringLiteral("lab1");
        // The original: its own overlays and instances, not those of the resized copy.
        const int ubuntu = graph.indexOf(host, MapNode::Kind::Base, Ubuntu);
        QCOMPARE(keysOf(graph, graph.dependents(ubuntu)),
            (QStringList{QStringLiteral("/lab/u1/disk"), QStringLiteral("/lab/u2/disk"), QStringLiteral("u1"),
                QStringLiteral("u2")}));
        // The resized copy: db1 and the second disk of tiny, hence tiny itself.
        const int resized = graph.indexOf(host, MapNode::Kind::Resized, UbuntuResized);
        QCOMPARE(keysOf(graph, graph.dependents(resized)),
            (QStringList{QStringLiteral("/lab/u3/disk"), QStringLiteral("/lab/u4/disk1"), QStringLiteral("u3"),
                QStringLiteral("u4")}));
        const int lonely = graph.indexOf(host, MapNode::Kind::Base, Lonely);
        QVERIFY(graph.dependents(lonely).isEmpty());
    }

    void marksRemovableFromThePlan()
    {
        cache::CleanupPlan plan;
        cache::PlannedAction remove;
        remove.name = Lonely;
        remove.action = cache::PlannedAction::Action::Remove;
        plan.actions.append(remove);
        cache::GroupPlans plans;
        plans.groups.append({QStringLiteral("host:lab1"), {QStringLiteral("lab1")}, plan});
        plans.groupIndex.insert(QStringLiteral("lab1"), 0);
        const MapGraph graph = ui::buildMapGraph({fixtureSnapshot()}, plans);
        for (const MapNode &node : graph.nodes)
            QCOMPARE(node.removable, node.key == Lonely);
    }

    void sharedBaseIsOneNodePlannedForTheGroup()
    {
        // lab2 sees lab1's _base; its one instance uses Lonely, which nothing on lab1 uses.
        cache::CacheSnapshot lab1 = fixtureSnapshot();
        cache::CacheSnapshot lab2 = lab1;
        lab2.host.name = QStringLiteral("lab2");
        lab2.instances = {
            makeInstance(QStringLiteral("v1"), QStringLiteral("lonely-vm"), {QStringLiteral("/lab/_base/") + Lonely})};
        for (cache::BaseFile &base : lab2.bases)
            base.references = base.name == Lonely ? QStringList{QStringLiteral("v1")} : QStringList{};
        const QHash<QString, QString> shared{
            {QStringLiteral("lab1"), QStringLiteral("s")}, {QStringLiteral("lab2"), QStringLiteral("s")}};

        const MapGraph graph = ui::buildMapGraph({lab1, lab2}, cowherd::test::plansOf({lab1, lab2}, shared));
        // 4 base files once, 5 overlays and 4 instances of lab1, 1 of each on lab2.
        QCOMPARE(graph.nodes.size(), 4 + 5 + 4 + 2);
        int bases = 0;
        for (const MapNode &node : graph.nodes) {
            if (node.kind != MapNode::Kind::Base && node.kind != MapNode::Kind::Resized)
                continue;
            ++bases;
            QCOMPARE(node.host, QStringLiteral("lab1"));
            QCOMPARE(node.sharedWith, QStringList{QStringLiteral("lab2")});
            QVERIFY2(!node.removable, qPrintable(node.key)); // lab2 uses Lonely, lab1 the others
        }
        QCOMPARE(bases, 4);
        const int lonely = graph.indexOf(QStringLiteral("lab2"), MapNode::Kind::Base, Lonely);
        QCOMPARE(lonely, graph.indexOf(QStringLiteral("lab1"), MapNode::Kind::Base, Lonely));
        QCOMPARE(keysOf(graph, graph.dependents(lonely)),
            (QStringList{QStringLiteral("/lab/v1/disk"), QStringLiteral("v1")}));
        QVERIFY(graph.nodes.at(lonely).detail.contains(QStringLiteral("1 instance")));
        QVERIFY(graph.nodes.at(lonely).toolTip.contains(QStringLiteral("lab1, lab2")));
        // One "resized from" edge, not one per host.
        QCOMPARE(
            std::ranges::count_if(graph.edges, [](const MapEdge &e) { return e.kind == MapEdge::Kind::DerivedFrom; }),
            1);

        // Apart, lab1's Lonely is its own and unused: removable; lab2's is not.
        const MapGraph apart = ui::buildMapGraph({lab1, lab2}, cowherd::test::plansOf({lab1, lab2}));
        QCOMPARE(apart.nodes.size(), 26 - 13 + 2 + 4);
        QVERIFY(apart.nodes.at(apart.indexOf(QStringLiteral("lab1"), MapNode::Kind::Base, Lonely)).removable);
        QVERIFY(!apart.nodes.at(apart.indexOf(QStringLiteral("lab2"), MapNode::Kind::Base, Lonely)).removable);
    }

    void findsNodes()
    {
        const MapGraph graph = ui::buildMapGraph({fixtureSnapshot()});
        QCOMPARE(keysOf(graph, graph.find(QStringLiteral("WEB2"))),
            (QStringList{QStringLiteral("/lab/u2/disk"), QStringLiteral("u2")}));
        QCOMPARE(keysOf(graph, graph.find(QStringLiteral("_10"))), QStringList{UbuntuResized});
        QVERIFY(graph.find(QStringLiteral("nothing-like-this")).isEmpty());
        QVERIFY(graph.find(QStringLiteral("  ")).isEmpty());
    }

    void acrossHostsKeepsHostsApart()
    {
        cache::CacheSnapshot second = fixtureSnapshot();
        second.host.name = QStringLiteral("lab2");
        const MapGraph graph = ui::buildMapGraph({fixtureSnapshot(), second});
        QCOMPARE(graph.nodes.size(), 26);
        const int ubuntu2 = graph.indexOf(QStringLiteral("lab2"), MapNode::Kind::Base, Ubuntu);
        QVERIFY(ubuntu2 >= 13);
        for (const int node : graph.dependents(ubuntu2))
            QCOMPARE(graph.nodes.at(node).host, QStringLiteral("lab2"));
    }

    void layoutOf500NodesDoesNotOverlap()
    {
        // 40 originals + 14 resized + 223 overlays + 223 instances = 500 nodes.
        const MapGraph graph = syntheticGraph(40, 223);
        QCOMPARE(graph.nodes.size(), 500);
        QElapsedTimer timer;
        timer.start();
        const QList<QRectF> rects = ui::layoutMap(graph);
        qInfo("layout of %d nodes and %d edges: %lld ms", int(graph.nodes.size()), int(graph.edges.size()),
            timer.elapsed());
        QCOMPARE(rects.size(), graph.nodes.size());
        // Same column -> same x; no two boxes of a column overlap (sorted by y, then adjacent).
        QHash<int, QList<QRectF>> columns;
        for (int i = 0; i < rects.size(); ++i) {
            QVERIFY(rects.at(i).isValid());
            columns[graph.nodes.at(i).layer].append(rects.at(i));
        }
        QCOMPARE(columns.size(), 4);
        for (QList<QRectF> &column : columns) {
            std::sort(column.begin(), column.end(), [](const QRectF &a, const QRectF &b) { return a.y() < b.y(); });
            for (int i = 1; i < column.size(); ++i) {
                QCOMPARE(column.at(i).x(), column.at(0).x());
                QVERIFY2(!column.at(i).intersects(column.at(i - 1)),
                    qPrintable(QStringLiteral("overlap at y=%1").arg(column.at(i).y())));
            }
        }
    }

    void barycentresCrossLessThanInputOrder()
    {
        const MapGraph graph = syntheticGraph(20, 80);
        const ui::MapLayoutMetrics metrics;
        // The input order, stacked as it comes.
        QList<QRectF> naive(graph.nodes.size());
        QHash<int, int> next;
        for (int i = 0; i < graph.nodes.size(); ++i) {
            const int layer = graph.nodes.at(i).layer;
            naive[i] = QRectF(layer * 400, next[layer]++ * 70, metrics.nodeWidth, metrics.nodeHeight);
        }
        const int before = crossings(graph, naive);
        const int after = crossings(graph, ui::layoutMap(graph, metrics));
        qInfo("edge crossings: %d in input order, %d laid out", before, after);
        QVERIFY(before > 0);
        QVERIFY2(after * 4 < before, qPrintable(QStringLiteral("%1 vs %2").arg(after).arg(before)));
    }

    void emptyGraph() { QVERIFY(ui::layoutMap({}).isEmpty()); }
};

QTEST_GUILESS_MAIN(TestMapGraph)
#include "tst_mapgraph.moc"
