#include "common/filteredtableview.h"
#include "hosts/hostsoverview.h"
#include "images/imagespanel.h"
#include "overview/dashboard.h"
#include "overview/mapview.h"
#include "window/mainwindow.h"
#include "window/windowstate.h"
#include "windowpart.h"

#include <QAction>
#include <QFile>
#include <QGraphicsView>
#include <QHeaderView>
#include <QLineEdit>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace cowherd;
using cowherd::test::windowPart;
using ui::MainWindow;

namespace {

QHeaderView *baseCacheColumns(const MainWindow &window)
{
    return windowPart<ui::FilteredTableView>(window, QStringLiteral("baseCacheView"))->tableView()->horizontalHeader();
}

} // namespace

class TestWindowState : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("COWHERD_DEMO_URI", "test:///default");
        QFile::remove(ui::WindowState::defaultFileName());
    }

    void roundTrip()
    {
        const QString config = m_dir.filePath(QStringLiteral("cowherd.conf"));
        QList<int> sizes;
        QByteArray header;
        QSize windowSize;
        {
            MainWindow window(config);
            window.resize(1100, 720);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            auto *splitter = window.findChild<QSplitter *>(QStringLiteral("mainSplitter"));
            QVERIFY(splitter);
            splitter->setSizes({300, 600, 380});
            sizes = splitter->sizes();
            QHeaderView *columns = baseCacheColumns(window);
            columns->resizeSection(1, 151);
            columns->moveSection(2, 0);
            header = columns->saveState();
            // What the window really is (docks may make it taller than asked): that must come back.
            windowSize = window.size();
            window.close(); // saves
            QVERIFY(QFile::exists(ui::WindowState::defaultFileName()));
        }
        MainWindow restored(config);
        restored.show();
        QVERIFY(QTest::qWaitForWindowExposed(&restored));
        // The saved size comes back, except where the window's minimum has grown meanwhile (a
        // first-run demo lab fill adds a notification to the layout).
        QCOMPARE(restored.size(), windowSize.expandedTo(restored.minimumSizeHint()));
        QCOMPARE(restored.width(), 1100);
        QCOMPARE(restored.findChild<QSplitter *>(QStringLiteral("mainSplitter"))->sizes(), sizes);
        QHeaderView *columns = baseCacheColumns(restored);
        QCOMPARE(columns->sectionSize(1), 151);
        QCOMPARE(columns->visualIndex(2), 0);
        QCOMPARE(columns->saveState(), header);
    }

    void keyboard()
    {
        MainWindow window(m_dir.filePath(QStringLiteral("cowherd.conf")));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *tabs = windowPart<QTabWidget>(window, QStringLiteral("mainTabs"));
        auto *map = windowPart<ui::MapView>(window, QStringLiteral("mapView"));
        auto *hostsOverview = windowPart<ui::HostsOverview>(window, QStringLiteral("hostsOverview"));
        QCOMPARE(tabs->count(), 6);
        QCOMPARE(tabs->widget(0), windowPart<QWidget>(window, QStringLiteral("baseCacheView")));
        QCOMPARE(tabs->widget(1), windowPart<QWidget>(window, QStringLiteral("instanceView")));
        QCOMPARE(tabs->widget(2), static_cast<QWidget *>(map));
        QCOMPARE(tabs->widget(3), windowPart<QWidget>(window, QStringLiteral("dashboard")));
        // The overview of all hosts, also by its own shortcut.
        QCOMPARE(tabs->widget(4), static_cast<QWidget *>(hostsOverview));
        QTest::keyClick(&window, Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(tabs->currentWidget(), static_cast<QWidget *>(hostsOverview));
        QCOMPARE(tabs->widget(5), windowPart<QWidget>(window, QStringLiteral("imagesPanel")));

        QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(tabs->currentIndex(), 2);
        QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier);
        QCOMPARE(tabs->currentIndex(), 3);
        QTest::keyClick(&window, Qt::Key_5, Qt::ControlModifier);
        QCOMPARE(tabs->currentIndex(), 4);
        QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier);
        QTest::keyClick(&window, Qt::Key_9, Qt::ControlModifier); // no such tab: nothing happens
        QCOMPARE(tabs->currentIndex(), 3);
        QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(tabs->currentIndex(), 1);

        // Ctrl+F goes to the filter of the table shown, or to the map's search.
        QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
        QCOMPARE(QApplication::focusWidget(),
            static_cast<QWidget *>(
                windowPart<ui::FilteredTableView>(window, QStringLiteral("instanceView"))->filterEdit()));
        QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
        QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(map->searchEdit()));

        const auto *refresh = windowPart<QAction>(window, QStringLiteral("refreshAction"));
        QCOMPARE(refresh->shortcut(), QKeySequence(QKeySequence::Refresh));
        QVERIFY(!refresh->icon().isNull());
        QVERIFY(!map->zoomInAction()->shortcut().isEmpty());
        QVERIFY(!map->fitAction()->shortcut().isEmpty());
        QVERIFY(!map->searchEdit()->accessibleName().isEmpty());
        QVERIFY(!map->graphicsView()->accessibleName().isEmpty());
        QVERIFY(!windowPart<QWidget>(window, QStringLiteral("baseCacheView"))->accessibleName().isEmpty());
    }
};

QTEST_MAIN(TestWindowState)
#include "tst_windowstate.moc"
