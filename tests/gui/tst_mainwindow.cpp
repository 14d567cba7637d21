#include "common/filteredtableview.h"
#include "common/tablefiltermodel.h"
#include "hosts/hostbanner.h"
#include "hosts/hostlistmodel.h"
#include "tables/basecachemodel.h"
#include "tables/detailspane.h"
#include "tables/instancemodel.h"
#include "tables/scanscheduler.h"
#include "testlab.h"
#include "window/mainwindow.h"
#include "windowpart.h"

#include "host/hostregistry.h"

#include <QAction>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace cowherd;
using cowherd::test::TestLab;
using cowherd::test::windowPart;
using cowherd::ui::MainWindow;

namespace {

constexpr int ScanTimeoutMs = 60000;

const QString U1 = QStringLiteral("1d5c7e3a-0b2f-4c6d-8e9a-000000000001");
const QString U2 = QStringLiteral("1d5c7e3a-0b2f-4c6d-8e9a-000000000002");
const QString U3 = QStringLiteral("1d5c7e3a-0b2f-4c6d-8e9a-000000000003");
const QString U4 = QStringLiteral("1d5c7e3a-0b2f-4c6d-8e9a-000000000004");

QStringList keys(const ui::FilteredTableView *view, int keyRole)
{
    QStringList out;
    const QAbstractItemModel *model = view->tableView()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        out.append(model->index(row, 0).data(keyRole).toString());
    out.sort();
    return out;
}

// The parts of the window these tests look at, by object name.
struct Parts
{
    explicit Parts(const MainWindow &window)
        : hosts(windowPart<ui::HostListModel>(window, QStringLiteral("hostListModel")))
        , bases(windowPart<ui::BaseCacheModel>(window, QStringLiteral("baseCacheModel")))
        , instances(windowPart<ui::InstanceModel>(window, QStringLiteral("instanceModel")))
        , baseView(windowPart<ui::FilteredTableView>(window, QStringLiteral("baseCacheView")))
        , instanceView(windowPart<ui::FilteredTableView>(window, QStringLiteral("instanceView")))
        , tabs(windowPart<QTabWidget>(window, QStringLiteral("mainTabs")))
        , details(windowPart<ui::DetailsPane>(window, QStringLiteral("detailsPane")))
        , banner(windowPart<ui::HostBanner>(window, QStringLiteral("hostBanner")))
        , scheduler(windowPart<ui::ScanScheduler>(window, QStringLiteral("scanScheduler")))
        , refresh(windowPart<QAction>(window, QStringLiteral("refreshAction")))
    { }

    ui::HostListModel *hosts;
    ui::BaseCacheModel *bases;
    ui::InstanceModel *instances;
    ui::FilteredTableView *baseView;
    ui::FilteredTableView *instanceView;
    QTabWidget *tabs;
    ui::DetailsPane *details;
    ui::HostBanner *banner;
    ui::ScanScheduler *scheduler;
    QAction *refresh;
};

QStringList listItems(const QListWidget *list)
{
    QStringList out;
    for (int i = 0; i < list->count(); ++i)
        out.append(list->item(i)->data(Qt::UserRole).toString());
    out.sort();
    return out;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_configDir;

    QString writeConfig(const QString &name, const QList<host::HostConfig> &hosts)
    {
        const QString file = m_configDir.filePath(name);
        host::HostRegistry registry(file);
        for (const auto &host : hosts) {
            const auto added = registry.add(host);
            if (!added)
                qWarning("%s", qPrintable(added.error().message));
        }
        return file;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_configDir.isValid());
        // Never ask a real session daemon in tests: the demo lab runs on the test driver.
        qputenv("COWHERD_DEMO_URI", "test:///default");
    }

    void showsFixtureLab()
    {
        TestLab lab;
        QVERIFY(lab.isValid());
        const QString ubuntu = TestLab::sha1Hex(QStringLiteral("ubuntu-22.04"));
        const QString cirros = TestLab::sha1Hex(QStringLiteral("cirros-0.6"));
        const QString ubuntuBase = lab.addRawBase(ubuntu, 2);
        const QString resizedBase = lab.addRawBase(ubuntu + QStringLiteral("_10"), 1);
        const QString cirrosBase = lab.addRawBase(cirros, 1);
        QVERIFY(!ubuntuBase.isEmpty() && !resizedBase.isEmpty() && !cirrosBase.isEmpty());
        QVERIFY(!lab.addOverlay(U1, ubuntuBase).isEmpty());
        QVERIFY(!lab.addOverlay(U2, ubuntuBase).isEmpty());
        QVERIFY(!lab.addOverlay(U3, resizedBase).isEmpty());

        const QString config = writeConfig(QStringLiteral("lab.conf"),
            {{QStringLiteral("lab1"), QStringLiteral("test:///default"), lab.instancesPath()}});
        MainWindow window(config);
        const Parts parts(window);
        QSignalSpy shown(&window, &MainWindow::snapshotShown);
        window.show();
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, ScanTimeoutMs);
        QCOMPARE(shown.first().at(0).toString(), QStringLiteral("lab1"));
        QVERIFY2(window.windowTitle().contains(QStringLiteral("lab1")), qPrintable(window.windowTitle()));
        QCOMPARE(parts.hosts->rowCount(), 1);
        QCOMPARE(parts.hosts->index(0, ui::HostListModel::BaseFiles).data().toInt(), 3);
        QCOMPARE(parts.hosts->index(0, ui::HostListModel::Instances).data().toInt(), 3);

        // Both tables show the lab.
        QStringList expectedBases{ubuntu, ubuntu + QStringLiteral("_10"), cirros};
        expectedBases.sort();
        QCOMPARE(keys(parts.baseView, ui::BaseCacheModel::NameRole), expectedBases);
        QCOMPARE(keys(parts.instanceView, ui::InstanceModel::UuidRole), (QStringList{U1, U2, U3}));
        const QModelIndex ubuntuRow = parts.bases->indexOf(ubuntu);
        QCOMPARE(parts.bases->index(ubuntuRow.row(), ui::BaseCacheModel::References).data().toInt(), 2);
        QCOMPARE(parts.bases->index(ubuntuRow.row(), ui::BaseCacheModel::Kind).data().toString(),
            QStringLiteral("original"));
        const QModelIndex u3Row = parts.instances->indexOf(U3);
        QCOMPARE(parts.instances->index(u3Row.row(), ui::InstanceModel::BaseFiles).data().toString(),
            ubuntu + QStringLiteral("_10"));

        // The filter works on kind.
        parts.baseView->filterEdit()->setText(QStringLiteral("resized"));
        QCOMPARE(keys(parts.baseView, ui::BaseCacheModel::NameRole), QStringList{ubuntu + QStringLiteral("_10")});
        parts.baseView->filterEdit()->clear();

        // Selecting a base file lists the instances that use it.
        ui::DetailsPane *details = parts.details;
        QVERIFY(parts.baseView->selectKey(ubuntu));
        QCOMPARE(details->shownBase(), ubuntu);
        QCOMPARE(listItems(details->referenceList()), (QStringList{U1, U2}));
        QVERIFY(parts.baseView->selectKey(cirros));
        QCOMPARE(details->referenceList()->count(), 0);

        // Clicking a reference shows that instance in the Instances tab, with its chain.
        QVERIFY(parts.baseView->selectKey(ubuntu));
        QListWidget *references = details->referenceList();
        QListWidgetItem *u2Item = references->findItems(U2, Qt::MatchContains).value(0);
        QVERIFY(u2Item);
        QTest::mouseClick(references->viewport(), Qt::LeftButton, {}, references->visualItemRect(u2Item).center());
        QCOMPARE(parts.tabs->currentWidget(), parts.instanceView);
        QCOMPARE(parts.instanceView->currentKey(), U2);
        QCOMPARE(details->shownInstance(), U2);
        QTreeWidget *disks = details->diskTree();
        QCOMPARE(disks->topLevelItemCount(), 1);
        QCOMPARE(disks->topLevelItem(0)->childCount(), 1);
        QCOMPARE(disks->topLevelItem(0)->child(0)->data(0, Qt::UserRole).toString(), ubuntu);

        // Refresh (F5) picks up a new instance by diff: the selected row survives.
        QVERIFY(!lab.addOverlay(U4, cirrosBase).isEmpty());
        const QPersistentModelIndex u2Index = parts.instances->indexOf(U2);
        QVERIFY(parts.refresh->isEnabled());
        QCOMPARE(parts.refresh->shortcut(), QKeySequence(QKeySequence::Refresh));
        parts.refresh->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 2, ScanTimeoutMs);
        QCOMPARE(keys(parts.instanceView, ui::InstanceModel::UuidRole), (QStringList{U1, U2, U3, U4}));
        QVERIFY(u2Index.isValid());
        QCOMPARE(parts.instanceView->currentKey(), U2);
        QCOMPARE(details->shownInstance(), U2);
    }

    void bannerShowsHostProblems()
    {
        const QString missing = m_configDir.filePath(QStringLiteral("no-such-instances"));
        const QString config = writeConfig(
            QStringLiteral("missing.conf"), {{QStringLiteral("lab9"), QStringLiteral("test:///default"), missing}});
        MainWindow window(config);
        const Parts parts(window);
        QSignalSpy shown(&window, &MainWindow::snapshotShown);
        QSignalSpy failed(parts.scheduler, &ui::ScanScheduler::scanFailed);
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() + failed.count() > 0, ScanTimeoutMs);
        QVERIFY(parts.banner->isVisible());
        QVERIFY(parts.banner->level() != ui::HostBanner::Level::Information);
        QVERIFY2(parts.banner->text().contains(missing), qPrintable(parts.banner->text()));
        QCOMPARE(ui::HostListModel::ScanState(parts.hosts->index(0, 0).data(ui::HostListModel::ScanStateRole).toInt()),
            ui::HostListModel::ScanState::Error);
    }

    void opensDemoLabWithoutHosts()
    {
        const QString config = m_configDir.filePath(QStringLiteral("empty.conf"));
        MainWindow window(config);
        const Parts parts(window);
        QSignalSpy loaded(&window, &MainWindow::hostsLoaded);
        QSignalSpy shown(&window, &MainWindow::snapshotShown);
        window.show();
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, ScanTimeoutMs);
        // A fresh demo lab is filled on first run, and every fill step is shown again: at least one.
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() >= 1, ScanTimeoutMs);
        const QString expected = QStringLiteral("Local demo lab — test:///default (no hypervisor)");
        QVERIFY2(window.windowTitle().contains(expected), qPrintable(window.windowTitle()));
        QVERIFY(parts.banner->isVisible());
        QVERIFY2(parts.banner->text().contains(expected), qPrintable(parts.banner->text()));
        // A new user learns where to add a host: the menu entry first, and the command line.
        QVERIFY2(parts.banner->text().contains(QStringLiteral("File › Add host…")), qPrintable(parts.banner->text()));
        QVERIFY2(
            parts.banner->text().contains(QStringLiteral("cowherdctl hosts add")), qPrintable(parts.banner->text()));
        QCOMPARE(parts.hosts->index(0, ui::HostListModel::Name).data().toString(), QStringLiteral("Local demo lab"));
        QCOMPARE(parts.scheduler->interval(), std::chrono::milliseconds(60000));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
