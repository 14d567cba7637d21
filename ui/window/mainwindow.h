#pragma once

#include <QMainWindow>

class QLabel;
class QTabWidget;

namespace cowherd::ui {

class CacheViews;
class HostsFeature;
class ImagesPanel;
class OverviewTabs;
class TasksFeature;

// Composes the features into one window: the hosts (sidebar, banner, scans, connections, the
// All hosts tab), the cache views (tables and details pane), the tasks (docks, actions), the
// map and dashboard, and the Images tab. It lays them out, builds the menus from their actions
// and connects one feature's news to another; the features hold their own state. Tests and
// tools find the parts by object name (findChild) or through the feature objects.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(const QString &configFile, QWidget *parent = nullptr);
    ~MainWindow() override;

Q_SIGNALS:
    void hostsLoaded();
    // The current host's snapshot is now in the tables.
    void snapshotShown(const QString &hostName);

private:
    void createMenus();
    void createHelpMenu();
    void createLayout();
    void createImagesTab();
    void connectFeatures();
    void restoreWindowState();
    void showHost(const QString &hostName);
    void showFromMap(const QString &hostName, const QString &key, bool instance);
    // The Removable in column follows the plan of the shown host's sharing group.
    void showPlan();
    void updateTitle();

    QTabWidget *m_tabs;
    HostsFeature *m_hosts;
    CacheViews *m_views;
    TasksFeature *m_tasks;
    OverviewTabs *m_overview = nullptr;
    ImagesPanel *m_images = nullptr;
    QLabel *m_statusLabel = nullptr;
};

} // namespace cowherd::ui
