#include "overview/overviewtabs.h"

#include "window/menus.h"

#include "common/icons.h"
#include "overview/dashboard.h"
#include "overview/groupplanner.h"
#include "overview/mapview.h"

#include <QAction>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QTabWidget>

namespace cowherd::ui {

using namespace Qt::StringLiterals;

OverviewTabs::OverviewTabs(QMainWindow *window, QTabWidget *tabs, GroupPlanner *plans)
    : QObject(window)
    , m_tabs(tabs)
    , m_plans(plans)
    , m_map(new MapView(tabs))
    , m_dashboard(new Dashboard({}, tabs))
{
    connect(plans, &GroupPlanner::planned, this, &OverviewTabs::handOver);
    tabs->addTab(m_map, themedIcon(u"network-workgroup"_s), tr("Map"));
    tabs->addTab(m_dashboard, themedIcon(u"x-office-presentation"_s), tr("Dashboard"));
    tabs->setAccessibleName(tr("Views of the selected host"));
    createViewMenu(window);
}

void OverviewTabs::createViewMenu(QMainWindow *window)
{
    QMenu *view = menuNamed(window->menuBar(), tr("&View"));
    view->addSeparator();

    m_find = view->addAction(themedIcon(u"edit-find"_s), tr("&Find…"));
    m_find->setShortcut(QKeySequence::Find);
    connect(m_find, &QAction::triggered, this, &OverviewTabs::focusFind);
    view->addSeparator();

    // Ctrl+1..9 switch to the tab at that place, whichever tabs exist by then.
    for (int i = 0; i < 9; ++i) {
        auto *action = new QAction(window);
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        action->setShortcutContext(Qt::WindowShortcut);
        connect(action, &QAction::triggered, this, [this, i] {
            if (i < m_tabs->count())
                m_tabs->setCurrentIndex(i);
        });
        window->addAction(action);
    }
    for (QWidget *tab : {static_cast<QWidget *>(m_map), static_cast<QWidget *>(m_dashboard)}) {
        const int index = m_tabs->indexOf(tab);
        QAction *action = view->addAction(m_tabs->tabIcon(index), m_tabs->tabText(index));
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + index)));
        action->setShortcutContext(Qt::WidgetShortcut); // the window-wide Ctrl+n above does the work
        connect(action, &QAction::triggered, this, [this, tab] { m_tabs->setCurrentWidget(tab); });
    }
    view->addSeparator();
    // The map's own actions work while it has focus; these menu entries reach it from anywhere.
    for (QAction *mapAction :
        {m_map->zoomInAction(), m_map->zoomOutAction(), m_map->fitAction(), m_map->exportAction()}) {
        QAction *action = view->addAction(mapAction->icon(), mapAction->text());
        action->setShortcut(mapAction->shortcut());
        action->setShortcutContext(Qt::WidgetShortcut);
        connect(action, &QAction::triggered, this, [this, mapAction] {
            m_tabs->setCurrentWidget(m_map);
            mapAction->trigger();
        });
    }
}

void OverviewTabs::setCurrentHost(const QString &currentHost)
{
    if (currentHost == m_currentHost)
        return;
    m_currentHost = currentHost;
    handOver();
}

void OverviewTabs::handOver()
{
    const PlannedSnapshots &latest = m_plans->latest();
    m_map->setSnapshots(latest.snapshots, latest.plans, m_currentHost);
    m_dashboard->setSnapshots(latest.snapshots, latest.plans, m_currentHost);
}

void OverviewTabs::focusFind()
{
    QWidget *current = m_tabs->currentWidget();
    if (!current)
        return;
    if (auto *edit = current == m_map ? m_map->searchEdit() : current->findChild<QLineEdit *>()) {
        edit->setFocus(Qt::ShortcutFocusReason);
        edit->selectAll();
    }
}

} // namespace cowherd::ui
