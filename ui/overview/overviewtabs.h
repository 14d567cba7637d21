#pragma once

#include <QObject>
#include <QString>

class QAction;
class QMainWindow;
class QTabWidget;

namespace cowherd::ui {

class Dashboard;
class GroupPlanner;
class MapView;

// The map and dashboard tabs and the View menu that drives them (zoom, find, switch tabs).
// Kept apart from MainWindow so that the window only hands over the current host; the
// snapshots and their plans come from the GroupPlanner.
class OverviewTabs final : public QObject
{
    Q_OBJECT

public:
    OverviewTabs(QMainWindow *window, QTabWidget *tabs, GroupPlanner *plans);

    MapView *mapView() const { return m_map; }
    Dashboard *dashboard() const { return m_dashboard; }
    QAction *findAction() const { return m_find; }

    // The host the map and the dashboard show when "All hosts" is off.
    void setCurrentHost(const QString &currentHost);
    // Focuses the search or filter line of the current tab.
    void focusFind();

private:
    void createViewMenu(QMainWindow *window);
    // Hands the planner's latest snapshots and plans to the map and the dashboard.
    void handOver();

    QTabWidget *m_tabs;
    GroupPlanner *m_plans;
    QString m_currentHost;
    MapView *m_map;
    Dashboard *m_dashboard;
    QAction *m_find = nullptr;
};

} // namespace cowherd::ui
