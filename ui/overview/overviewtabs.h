#pragma once

#include <QObject>
#include <QString>

class QAction;
class QMainWindow;
class QTabWidget;

namespace cowherd::ui {

class Dashboard;
class MapView;
class ScanScheduler;

// The map and dashboard tabs and the View menu that drives them (zoom, find, switch tabs).
// Kept apart from MainWindow so that the window only hands over the current host.
class OverviewTabs final : public QObject
{
    Q_OBJECT

public:
    OverviewTabs(QMainWindow *window, QTabWidget *tabs, ScanScheduler *scheduler, const QString &configFile);

    MapView *mapView() const { return m_map; }
    Dashboard *dashboard() const { return m_dashboard; }
    QAction *findAction() const { return m_find; }

    // Hands every scanned host's snapshot to the map and the dashboard.
    void update(const QString &currentHost);
    // Focuses the search or filter line of the current tab.
    void focusFind();

private:
    void createViewMenu(QMainWindow *window);

    QTabWidget *m_tabs;
    ScanScheduler *m_scheduler;
    MapView *m_map;
    Dashboard *m_dashboard;
    QAction *m_find = nullptr;
};

} // namespace cowherd::ui
