// Issue 15 in the GUI's models: a Nova server is shown by its name first and its domain second
// (tables, details, map, dashboard), with its project, flavor and image; a host's manager (Nova
// or Cowherd) shows in the host list and its sidebar summary.
#include "common/displayformat.h"
#include "hosts/hostlistmodel.h"
#include "overview/dashboardfigures.h"
#include "overview/mapgraph.h"
#include "snapshotbuilder.h"
#include "tables/detailspane.h"
#include "tables/instancemodel.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QListWidget>
#include <QTest>

using namespace cowherd;
using cowherd::test::makeBase;
using cowherd::test::makeInstance;
using cowherd::test::makeSnapshot;

namespace {

const QString Base = QStringLiteral("0123456789abcdef0123456789abcdef01234567");
const QString Web = QStringLiteral("6f1b7c3e-0000-4000-8000-000000000005");
const QString Plain = QStringLiteral("6f1b7c3e-0000-4000-8000-000000000006");
const QString ImageId = QStringLiteral("9d2c4d3e-1111-4222-8333-444455556666");

host::NovaInstanceInfo web1()
{
    host::NovaInstanceInfo nova;
    nova.name = QStringLiteral("web-1");
    nova.uuid = Web;
    nova.projectName = QStringLiteral("demo");
    nova.projectUuid = QStringLiteral("5b7e0c3a8f0e4c47a1e2b3c4d5e6f708");
    nova.userName = QStringLiteral("alice");
    nova.flavorName = QStringLiteral("m1.tiny");
    nova.memoryMiB = 128;
    nova.diskGiB = 1;
    nova.vcpus = 1;
    nova.imageId = ImageId;
    return nova;
}

cache::CacheSnapshot novaLab()
{
    auto web = makeInstance(Web, QStringLiteral("instance-00000005"), {QStringLiteral("/lab/_base/") + Base});
    web.nova = web1();
    const auto plain = makeInstance(Plain, QStringLiteral("builder"), {QStringLiteral("/lab/_base/") + Base});
    auto base = makeBase(Base, cache::BaseKind::Original, 1 << 30, 1 << 30, 10, {Web, Plain});
    base.imageIds = {ImageId};
    auto snapshot = makeSnapshot({base}, {web, plain});
    snapshot.managedBy = host::ManagedBy::Nova;
    snapshot.managedByReason = QStringLiteral("Nova's shared-storage registry /lab/compute_nodes exists");
    return snapshot;
}

} // namespace

class TestNovaNames : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void serverNameFirst()
    {
        const cache::CacheSnapshot snapshot = novaLab();
        QCOMPARE(ui::DisplayFormat::instanceName(*snapshot.instance(Web)), QStringLiteral("web-1 (instance-00000005)"));
        QCOMPARE(ui::DisplayFormat::instanceName(*snapshot.instance(Plain)), QStringLiteral("builder"));
        cache::Instance undefined = *snapshot.instance(Web);
        undefined.name.clear(); // metadata without a domain name: the server's name alone
        QCOMPARE(ui::DisplayFormat::instanceName(undefined), QStringLiteral("web-1"));
        const QString flavor = ui::DisplayFormat::flavor(web1());
        QVERIFY2(flavor.startsWith(QStringLiteral("m1.tiny (")) && flavor.contains(QStringLiteral("1 vCPU")),
            qPrintable(flavor));
    }

    void instanceTable()
    {
        ui::InstanceModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(novaLab());
        const int web = model.indexOf(Web).row();
        const int plain = model.indexOf(Plain).row();
        QCOMPARE(
            model.index(web, ui::InstanceModel::Name).data().toString(), QStringLiteral("web-1 (instance-00000005)"));
        QCOMPARE(model.index(plain, ui::InstanceModel::Name).data().toString(), QStringLiteral("builder"));
        const QString tip = model.index(web, ui::InstanceModel::Name).data(Qt::ToolTipRole).toString();
        QVERIFY2(
            tip.contains(QStringLiteral("demo")) && tip.contains(QStringLiteral("m1.tiny")) && tip.contains(ImageId),
            qPrintable(tip));
    }

    // The details pane: the server's name first, and the rows of Nova's metadata only for a
    // Nova server; a base file lists its users by server name and its image ids.
    void detailsPane()
    {
        const cache::CacheSnapshot snapshot = novaLab();
        ui::DetailsPane pane;
        const auto text = [&](const char *name) {
            const auto *label = pane.findChild<QLabel *>(QLatin1String(name));
            return label ? label->text() : QStringLiteral("(no label %1)").arg(QLatin1String(name));
        };
        const auto shown = [&](const char *name) {
            const auto *label = pane.findChild<QLabel *>(QLatin1String(name));
            return label && !label->isHidden();
        };
        pane.showInstance(snapshot, Web);
        QCOMPARE(text("instanceName"), QStringLiteral("web-1 (instance-00000005)"));
        QVERIFY2(text("instanceProject").startsWith(QStringLiteral("demo (")), qPrintable(text("instanceProject")));
        QVERIFY2(text("instanceFlavor").startsWith(QStringLiteral("m1.tiny")), qPrintable(text("instanceFlavor")));
        QCOMPARE(text("instanceImage"), ImageId);
        QVERIFY(shown("instanceProject") && shown("instanceFlavor") && shown("instanceImage"));
        pane.showInstance(snapshot, Plain);
        QCOMPARE(text("instanceName"), QStringLiteral("builder"));
        QVERIFY(!shown("instanceProject") && !shown("instanceFlavor") && !shown("instanceImage"));

        pane.showBase(snapshot, Base);
        QStringList users;
        for (int row = 0; row < pane.referenceList()->count(); ++row)
            users.append(pane.referenceList()->item(row)->text());
        QVERIFY2(users.join(u'|').contains(QStringLiteral("web-1 (instance-00000005) — ") + Web),
            qPrintable(users.join(u'|')));
    }

    void mapAndDashboard()
    {
        const cache::CacheSnapshot snapshot = novaLab();
        const ui::MapGraph graph = ui::buildMapGraph({snapshot});
        const int node = graph.indexOf(snapshot.host.name, ui::MapNode::Kind::Instance, Web);
        QVERIFY(node >= 0);
        QCOMPARE(graph.nodes.at(node).label, QStringLiteral("web-1 (instance-00000005)"));
        QVERIFY2(
            graph.nodes.at(node).toolTip.contains(QStringLiteral("demo")), qPrintable(graph.nodes.at(node).toolTip));

        const ui::DashboardFigures figures = ui::computeFigures({snapshot}, {});
        QCOMPARE(figures.bases.size(), 1);
        QCOMPARE(figures.bases.first().users.first(), QStringLiteral("web-1 (instance-00000005)"));
        QCOMPARE(figures.bases.first().users.last(), QStringLiteral("builder"));
    }

    void hostListSaysWhoManagesTheCache()
    {
        ui::HostListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const cache::CacheSnapshot snapshot = novaLab();
        model.setHosts({snapshot.host});
        const QModelIndex name = model.indexOf(snapshot.host.name);
        QVERIFY(name.data(ui::HostListModel::ManagedByRole).toString().isEmpty()); // unknown before a scan
        model.setScanned(snapshot.host.name, snapshot);
        QCOMPARE(name.data(ui::HostListModel::ManagedByRole).toString(), QStringLiteral("nova"));
        QCOMPARE(model.index(name.row(), ui::HostListModel::ManagedBy).data().toString(),
            QStringLiteral("Nova (advice only)"));
        const QString summary = name.data(ui::HostListModel::SummaryRole).toString();
        QVERIFY2(
            summary.startsWith(QStringLiteral("Nova · ")), qPrintable(summary)); // before a URI the sidebar may elide
        const QString tip = name.data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QStringLiteral("compute_nodes")), qPrintable(tip));

        host::HostConfig allowed = snapshot.host;
        allowed.allowNovaWrites = true;
        model.setHosts({allowed});
        model.setScanned(allowed.name, snapshot);
        QCOMPARE(model.index(model.indexOf(allowed.name).row(), ui::HostListModel::ManagedBy).data().toString(),
            QStringLiteral("Nova (Cowherd may write)"));

        // A scan that could not list the instances path does not know whose cache it is: it keeps
        // what the last scan found, and says nothing at first.
        cache::CacheSnapshot unlisted = snapshot;
        unlisted.managedBy = host::ManagedBy::Cowherd;
        unlisted.problems.append(
            {QStringLiteral("instances-path-unreadable"), QStringLiteral("ssh: Could not resolve hostname")});
        model.setScanned(allowed.name, unlisted);
        QCOMPARE(model.indexOf(allowed.name).data(ui::HostListModel::ManagedByRole).toString(), QStringLiteral("nova"));
        host::HostConfig unreachable{
            QStringLiteral("lab3"), QStringLiteral("qemu+ssh://lab3.invalid/system"), QStringLiteral("/lab")};
        model.setHosts({allowed, unreachable});
        unlisted.host = unreachable;
        model.setScanned(unreachable.name, unlisted);
        QVERIFY(model.indexOf(unreachable.name).data(ui::HostListModel::ManagedByRole).toString().isEmpty());
        QVERIFY(model.index(model.indexOf(unreachable.name).row(), ui::HostListModel::ManagedBy)
                    .data()
                    .toString()
                    .isEmpty());

        cache::CacheSnapshot own = makeSnapshot({});
        model.setScanned(own.host.name, own);
        QCOMPARE(
            model.indexOf(own.host.name).data(ui::HostListModel::ManagedByRole).toString(), QStringLiteral("cowherd"));
        QVERIFY(!model.indexOf(own.host.name)
                     .data(ui::HostListModel::SummaryRole)
                     .toString()
                     .contains(QStringLiteral("Nova")));
    }
};

QTEST_MAIN(TestNovaNames)
#include "tst_novanames.moc"
