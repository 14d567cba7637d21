// RebuildWhenShown, as the map and the dashboard use it: at once while the view is on screen or
// before the window is, otherwise once when the view's tab is brought to the front.
#include "common/rebuildwhenshown.h"

#include <QTabWidget>
#include <QTest>

using cowherd::ui::RebuildWhenShown;

class TestRebuildWhenShown : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rebuildsOnlyWhenShown()
    {
        QTabWidget tabs;
        auto *front = new QWidget;
        auto *view = new QWidget;
        tabs.addTab(front, QStringLiteral("front"));
        tabs.addTab(view, QStringLiteral("view"));
        int rebuilds = 0;
        auto *rebuild = new RebuildWhenShown(view, [&rebuilds] { ++rebuilds; });

        // Before the window is shown: at once, so the view is ready when it first appears.
        rebuild->request();
        QCOMPARE(rebuilds, 1);

        tabs.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tabs));
        QVERIFY(!view->isVisible());
        // Behind another tab: nothing now, and a burst of requests is one rebuild later.
        rebuild->request();
        rebuild->request();
        rebuild->request();
        QCOMPARE(rebuilds, 1);
        tabs.setCurrentWidget(view);
        QCOMPARE(rebuilds, 2);

        // In front: at once, every time.
        rebuild->request();
        QCOMPARE(rebuilds, 3);
        // Shown again with nothing new: no rebuild.
        tabs.setCurrentWidget(front);
        tabs.setCurrentWidget(view);
        QCOMPARE(rebuilds, 3);
    }
};

QTEST_MAIN(TestRebuildWhenShown)
#include "tst_rebuildwhenshown.moc"
