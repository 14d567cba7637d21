// The overview of all hosts and the live hosts of the main window, offscreen: the table's
// figures for a real lab, a host that cannot be reached, the audit log's last pass, Enter on a
// row, and a domain lifecycle event that changes the instance views without a scan. Two hosts
// sharing one _base: tst_sharedbase.
#include "common/displayformat.h"
#include "common/filteredtableview.h"
#include "hosts/hostbanner.h"
#include "hosts/hostconnections.h"
#include "hosts/hostlistmodel.h"
#include "hosts/hostsidebar.h"
#include "hosts/hostsoverview.h"
#include "tables/detailspane.h"
#include "tables/instancemodel.h"
#include "tables/scanscheduler.h"
#include "testlab.h"
#include "window/mainwindow.h"
#include "windowpart.h"

#include "cache/auditlog.h"
#include "host/hostregistry.h"
#include "host/libvirtconnection.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <libvirt/libvirt.h>

using namespace cowherd;
using cowherd::test::TestLab;
using cowherd::test::windowPart;
using cowherd::ui::HostListModel;
using cowherd::ui::MainWindow;
using Conn = cowherd::host::HostConnection::State;

namespace {

constexpr int TimeoutMs = 60000;
// The domain libvirt's test driver always has, running.
const QString TestDomainUuid = QStringLiteral("6695eb01-f6a4-8304-79aa-97f2502e193f");
const QString U1 = QStringLiteral("2e6c8a40-1b3d-4f5e-9a7b-000000000001");

HostListModel *hostList(const MainWindow &window)
{
    return windowPart<HostListModel>(window, QStringLiteral("hostListModel"));
}

ui::InstanceModel *instanceModel(const MainWindow &window)
{
    return windowPart<ui::InstanceModel>(window, QStringLiteral("instanceModel"));
}

QString cell(const MainWindow &window, const QString &host, int column, int role = Qt::DisplayRole)
{
    const HostListModel *model = hostList(window);
    return model->index(model->indexOf(host).row(), column).data(role).toString();
}

int connectionState(const MainWindow &window, const QString &host)
{
    return hostList(window)->indexOf(host).data(HostListModel::ConnectionStateRole).toInt();
}

QString instanceState(const MainWindow &window, const QString &uuid)
{
    return instanceModel(window)->indexOf(uuid, ui::InstanceModel::State).data().toString();
}

bool setTestDomain(bool running)
{
    auto conn = host::LibvirtConnection::open(QStringLiteral("test:///default"));
    if (!conn)
        return false;
    virDomainPtr dom = virDomainLookupByName(conn->handle(), "test");
    if (!dom)
        return false;
    const int rc = running ? virDomainResume(dom) : virDomainSuspend(dom);
    virDomainFree(dom);
    return rc == 0;
}

} // namespace

class TestHostsOverview : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_configDir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_configDir.isValid());
        qputenv("COWHERD_DEMO_URI", "test:///default");
        // The audit log lives in the data directory: a private one, also when run outside ctest.
        qputenv("XDG_DATA_HOME", m_configDir.filePath(QStringLiteral("data")).toUtf8());
    }

    void overviewAndLiveStates()
    {
        TestLab lab;
        QVERIFY(lab.isValid());
        const QString used = lab.addRawBase(TestLab::sha1Hex(QStringLiteral("ubuntu")), 2);
        const QString old = lab.addRawBase(TestLab::sha1Hex(QStringLiteral("retired")), 3);
        QVERIFY(!used.isEmpty() && !old.isEmpty());
        QVERIFY(!lab.addOverlay(U1, used).isEmpty());
        // The instance directory of the test driver's domain: the scan joins the two.
        QVERIFY(!lab.addOverlay(TestDomainUuid, used).isEmpty());
        // Unused for a month: a cache pass would remove it (Nova's minimum age is a day).
        QVERIFY(test::runTool({QStringLiteral("touch"), QStringLiteral("-d"), QStringLiteral("30 days ago"), old}));
        TestLab downLab;
        QVERIFY(downLab.isValid());

        // A pass already ran on lab1: its audit lines say what it did.
        const QDateTime passTime = QDateTime::currentDateTimeUtc().addSecs(-3600);
        QVERIFY(cache::AuditLog::defaultPath().startsWith(m_configDir.path()));
        cache::AuditLog audit;
        QVERIFY(audit.append(QStringLiteral("lab1"), lab.basePath() + QStringLiteral("/gone"), QStringLiteral("remove"),
            QStringLiteral("unused for 3 d"), 5 << 20, passTime));

        const QString config = m_configDir.filePath(QStringLiteral("hosts.conf"));
        host::HostRegistry registry(config);
        QVERIFY(registry.add({QStringLiteral("lab1"), QStringLiteral("test:///default"), lab.instancesPath()}));
        QVERIFY(registry.add({QStringLiteral("lab2"),
            QStringLiteral("qemu+unix:///system?socket=") + downLab.instancesPath() + QStringLiteral("/no-daemon-sock"),
            downLab.instancesPath()}));

        MainWindow window(config);
        QSignalSpy shown(&window, &MainWindow::snapshotShown);
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() >= 1, TimeoutMs);
        QAbstractItemModelTester tester(hostList(window), QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto *tabs = windowPart<QTabWidget>(window, QStringLiteral("mainTabs"));
        auto *details = windowPart<ui::DetailsPane>(window, QStringLiteral("detailsPane"));
        auto *banner = windowPart<ui::HostBanner>(window, QStringLiteral("hostBanner"));
        auto *scheduler = windowPart<ui::ScanScheduler>(window, QStringLiteral("scanScheduler"));
        auto *showHosts = windowPart<QAction>(window, QStringLiteral("showHostsAction"));
        auto *sidebar = windowPart<ui::HostSidebar>(window, QStringLiteral("hostSidebar"));

        // One connection per host: lab1 answers, lab2's daemon does not exist.
        QCOMPARE(windowPart<ui::HostConnections>(window, QStringLiteral("hostConnections"))->count(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(connectionState(window, QStringLiteral("lab1")), int(Conn::Connected), TimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(connectionState(window, QStringLiteral("lab2")), int(Conn::Reconnecting), TimeoutMs);
        QCOMPARE(cell(window, QStringLiteral("lab1"), HostListModel::State), QStringLiteral("connected"));
        QVERIFY2(cell(window, QStringLiteral("lab2"), HostListModel::State)
                     .startsWith(QStringLiteral("reconnecting (attempt ")),
            qPrintable(cell(window, QStringLiteral("lab2"), HostListModel::State)));
        QVERIFY(cell(window, QStringLiteral("lab2"), HostListModel::Name, HostListModel::MessageRole)
                    .contains(QStringLiteral("lab2")));

        // The overview: reachable from the View menu, one row per host, the lab's figures.
        auto *overview = windowPart<ui::HostsOverview>(window, QStringLiteral("hostsOverview"));
        const int detailsWidth = details->width();
        showHosts->trigger();
        QCOMPARE(tabs->currentWidget(), overview);
        // The details pane makes room for the table, and comes back with its width: also from
        // a splitter state saved while the overview was shown.
        QVERIFY(!details->isVisible());
        auto *splitter = window.findChild<QSplitter *>(QStringLiteral("mainSplitter"));
        QVERIFY(splitter);
        const QByteArray savedWhileHidden = splitter->saveState();
        tabs->setCurrentWidget(windowPart<ui::FilteredTableView>(window, QStringLiteral("instanceView")));
        QVERIFY(details->isVisible());
        QVERIFY(splitter->restoreState(savedWhileHidden));
        QCOMPARE(details->width(), detailsWidth);
        showHosts->trigger();
        QTableView *table = overview->view()->tableView();
        QCOMPARE(table->model()->rowCount(), 2);
        const cache::CacheSnapshot *snapshot = scheduler->snapshot(QStringLiteral("lab1"));
        QVERIFY(snapshot);
        const cache::BaseFile *retired = snapshot->base(TestLab::sha1Hex(QStringLiteral("retired")));
        QVERIFY(retired);
        QCOMPARE(cell(window, QStringLiteral("lab1"), HostListModel::CacheSize),
            ui::DisplayFormat::size(snapshot->totalAllocated()));
        QTRY_COMPARE_WITH_TIMEOUT(cell(window, QStringLiteral("lab1"), HostListModel::Reclaimable),
            ui::DisplayFormat::size(retired->allocatedSize), TimeoutMs);
        QCOMPARE(cell(window, QStringLiteral("lab1"), HostListModel::BaseFiles).toInt(), 2);
        // The instance on disk only and the test driver's domain.
        QCOMPARE(cell(window, QStringLiteral("lab1"), HostListModel::Instances).toInt(), 2);
        // No translator is loaded: the plural's source text, "file(s)".
        QTRY_VERIFY_WITH_TIMEOUT(cell(window, QStringLiteral("lab1"), HostListModel::LastPass)
                                     .contains(QStringLiteral("removed 1 file(s) (5.0 MiB)")),
            TimeoutMs);
        QCOMPARE(hostList(window)
                     ->index(hostList(window)->indexOf(QStringLiteral("lab1")).row(), HostListModel::LastPass)
                     .data(HostListModel::SortRole)
                     .toDateTime()
                     .toSecsSinceEpoch(),
            passTime.toSecsSinceEpoch());
        QCOMPARE(cell(window, QStringLiteral("lab2"), HostListModel::LastPass), QStringLiteral("none yet"));

        // Filtering like the other tables.
        overview->view()->filterEdit()->setText(QStringLiteral("reconnecting"));
        QCOMPARE(table->model()->rowCount(), 1);
        QCOMPARE(table->model()->index(0, 0).data(HostListModel::HostNameRole).toString(), QStringLiteral("lab2"));
        overview->view()->filterEdit()->clear();

        // Enter on lab2's row selects it in the sidebar; the banner says why it is away.
        QVERIFY(overview->view()->selectKey(QStringLiteral("lab2")));
        table->setFocus();
        QTest::keyClick(table, Qt::Key_Return);
        QCOMPARE(sidebar->currentHost(), QStringLiteral("lab2"));
        QCOMPARE(tabs->currentWidget(), windowPart<ui::FilteredTableView>(window, QStringLiteral("baseCacheView")));
        QVERIFY(banner->isVisible());
        QCOMPARE(banner->level(), ui::HostBanner::Level::Error);
        QVERIFY2(banner->text().contains(QStringLiteral("Cannot connect to lab2")), qPrintable(banner->text()));

        // Back on lab1: a domain paused and resumed outside Cowherd shows in the instance
        // views through its lifecycle events, with no scan.
        sidebar->setCurrentHost(QStringLiteral("lab1"));
        QCOMPARE(instanceState(window, TestDomainUuid), ui::DisplayFormat::instanceState(QStringLiteral("running")));
        QSignalSpy scans(scheduler, &ui::ScanScheduler::scanStarted);
        QSignalSpy rowChanged(instanceModel(window), &QAbstractItemModel::dataChanged);
        QVERIFY(setTestDomain(false));
        QTRY_COMPARE_WITH_TIMEOUT(instanceState(window, TestDomainUuid),
            ui::DisplayFormat::instanceState(QStringLiteral("paused")), TimeoutMs);
        QCOMPARE(
            scheduler->snapshot(QStringLiteral("lab1"))->instance(TestDomainUuid)->state, QStringLiteral("paused"));
        QCOMPARE(rowChanged.count(), 1);
        QCOMPARE(rowChanged.first().at(0).toModelIndex().row(), instanceModel(window)->indexOf(TestDomainUuid).row());
        QVERIFY(setTestDomain(true));
        QTRY_COMPARE_WITH_TIMEOUT(instanceState(window, TestDomainUuid),
            ui::DisplayFormat::instanceState(QStringLiteral("running")), TimeoutMs);
        QCOMPARE(scans.count(), 0);
    }
};

QTEST_MAIN(TestHostsOverview)
#include "tst_hostsoverview.moc"
