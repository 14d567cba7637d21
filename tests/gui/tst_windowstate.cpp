#include "overview/dashboard.h"
#include "common/filteredtableview.h"
#include "hosts/hostsoverview.h"
#include "images/imagespanel.h"
#include "window/mainwindow.h"
#include "overview/mapview.h"
#include "overview/overviewtabs.h"
#include "window/windowstate.h"

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
using ui::MainWindow;

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
            QHeaderView *columns = window.baseCacheView()->tableView()->horizontalHeader();
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
        QHeaderView *columns = restored.baseCacheView()->tableView()->horizontalHeader();
        QCOMPARE(columns->sectionSize(1), 151);
        QCOMPARE(columns->visualIndex(2), 0);
        QCOMPARE(columns->saveState(), header);
    }

    void keyboard()
    {
        MainWindow window(m_dir.filePath(QStringLiteral("cowherd.conf")));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTabWidget *tabs = window.tabs();
        QCOMPARE(tabs->count(), 6);
        QCOMPARE(tabs->widget(2), static_cast<QWidget *>(window.overview()->mapView()));
        QCOMPARE(tabs->widget(3), static_cast<QWidget *>(window.overview()->dashboard()));
        // The overview of all hosts, also by its own shortcut.
        QCOMPARE(tabs->widget(4), static_cast<QWidget *>(window.hostsOverview()));
        QTest::keyClick(&window, Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(tabs->currentWidget(), static_cast<QWidget *>(window.hostsOverview()));
        QCOMPARE(tabs->indexOf(static_cast<QWidget *>(window.imagesPanel())), 5);

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
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(window.instanceView()->filterEdit()));
        QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
        QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(window.overview()->mapView()->searchEdit()));

        QCOMPARE(window.refreshAction()->shortcut(), QKeySequence(QKeySequence::Refresh));
        QVERIFY(!window.refreshAction()->icon().isNull());
        const ui::MapView *map = window.overview()->mapView();
        QVERIFY(!map->zoomInAction()->shortcut().isEmpty());
        QVERIFY(!map->fitAction()->shortcut().isEmpty());
        QVERIFY(!map->searchEdit()->accessibleName().isEmpty());
        QVERIFY(!map->graphicsView()->accessibleName().isEmpty());
        QVERIFY(!window.baseCacheView()->accessibleName().isEmpty());
    }
};

QTEST_MAIN(TestWindowState)
#include "tst_windowstate.moc"
