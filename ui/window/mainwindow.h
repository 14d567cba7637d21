#pragma once

#include "cache/cachesnapshot.h"
#include "error.h"

#include <QHash>
#include <QMainWindow>
#include <QSet>

#include <optional>

class QAction;
class QDockWidget;
class QLabel;
class QSplitter;
class QTabWidget;
class QTimer;

namespace cowherd::task {
class TaskManager;
}

namespace cowherd::ui {

class BaseCacheModel;
class DetailsPane;
class FilteredTableView;
class HostBanner;
class HostConnections;
class HostsOverview;
class HostListModel;
class HostSidebar;
class ImagesPanel;
class InstanceModel;
class GroupPlanner;
class OverviewTabs;
class WindowState;
class ScanScheduler;
struct HostSetup;
class CacheActions;
class CachePassScheduler;
class ConsolePane;
class InstanceActions;
class LaunchWizard;
class TaskDock;
class TaskNotifier;

// Wires the sidebar, the cache tables, the details pane and the scan scheduler together.
// The widgets do the showing; this class only decides which host and which item is shown.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(const QString &configFile, QWidget *parent = nullptr);
    ~MainWindow() override;

    HostListModel *hostListModel() const { return m_hostModel; }
    BaseCacheModel *baseCacheModel() const { return m_baseModel; }
    InstanceModel *instanceModel() const { return m_instanceModel; }
    HostSidebar *hostSidebar() const { return m_sidebar; }
    FilteredTableView *baseCacheView() const { return m_baseView; }
    FilteredTableView *instanceView() const { return m_instanceView; }
    QTabWidget *tabs() const { return m_tabs; }
    DetailsPane *detailsPane() const { return m_details; }
    HostBanner *banner() const { return m_banner; }
    ScanScheduler *scheduler() const { return m_scheduler; }
    QAction *refreshAction() const { return m_refresh; }
    QString currentHost() const { return m_currentHost; }
    // The map and dashboard tabs, the View menu; the saved window layout.
    OverviewTabs *overview() const { return m_overview; }
    WindowState *windowState() const { return m_windowState; }

    // Tasks, instance and cache actions, the demo lab (mainwindowtasks.cpp).
    task::TaskManager *taskManager() const { return m_tasks; }
    TaskDock *taskDock() const { return m_taskDock; }
    TaskNotifier *taskNotifier() const { return m_taskNotifier; }
    InstanceActions *instanceActions() const { return m_instanceActions; }
    CacheActions *cacheActions() const { return m_cacheActions; }
    CachePassScheduler *cachePassScheduler() const { return m_cachePassScheduler; }
    ConsolePane *consolePane() const { return m_console; }
    QAction *launchAction() const { return m_launch; }
    QAction *resetDemoLabAction() const { return m_resetDemoLab; }
    // One libvirt connection per host and the overview of all hosts (mainwindowhosts.cpp).
    HostConnections *hostConnections() const { return m_connections; }
    HostsOverview *hostsOverview() const { return m_hostsOverview; }
    QAction *showHostsAction() const { return m_showHosts; }
    // Opens the launch wizard for the current host (non-modal; deleted when closed).
    LaunchWizard *openLaunchWizard();
    // The Images tab: Glance images per cloud, pre-cache, import (mainwindowimages.cpp).
    ImagesPanel *imagesPanel() const { return m_images; }

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    void hostsLoaded();
    // The current host's snapshot is now in the tables.
    void snapshotShown(const QString &hostName);
    // The first-run fill of the embedded demo lab was submitted as this task.
    void demoLabFillSubmitted(quint64 taskId);

private:
    void createActions();
    void createHelpMenu();
    void addHost();
    void createLayout();
    void loadHosts(const QString &configFile);
    void applyHostSetup(const HostSetup &setup);
    void showHost(const QString &hostName);
    void onSnapshotReady(const QString &hostName, const cache::CacheSnapshot &snapshot, qint64 elapsedMs);
    void onScanFailed(const QString &hostName, const Error &error);
    void updateDetails();
    void updateBanner();
    void updateTitles();
    void onModelApplied();
    void showInstanceFromDetails(const QString &uuid);
    void showBaseFromDetails(const QString &name);
    void createOverview(const QString &configFile);
    void showFromMap(const QString &hostName, const QString &key, bool instance);

    // mainwindowtasks.cpp
    void createTaskFeatures();
    void createTaskMenus();
    void applyHostSetupToTasks(const HostSetup &setup);
    void updateTaskTargets();
    void resetDemoLab();
    std::optional<host::HostConfig> currentHostConfig() const;
    // mainwindowimages.cpp
    void createImageFeatures();

    // mainwindowhosts.cpp
    void createHostFeatures();
    void applyHostSetupToHosts(const HostSetup &setup);
    void onDomainEvent(const QString &hostName, const QString &uuid, const QString &state, const QString &event);
    QString connectionProblem(const QString &hostName) const;

    HostListModel *m_hostModel;
    BaseCacheModel *m_baseModel;
    InstanceModel *m_instanceModel;
    ScanScheduler *m_scheduler;

    HostSidebar *m_sidebar = nullptr;
    HostBanner *m_banner = nullptr;
    QTabWidget *m_tabs = nullptr;
    FilteredTableView *m_baseView = nullptr;
    FilteredTableView *m_instanceView = nullptr;
    DetailsPane *m_details = nullptr;
    QSplitter *m_splitter = nullptr;
    QAction *m_refresh = nullptr;
    QLabel *m_statusLabel = nullptr;
    GroupPlanner *m_groupPlanner = nullptr;
    OverviewTabs *m_overview = nullptr;
    WindowState *m_windowState = nullptr;

    QString m_currentHost;
    QString m_shownPending; // a scanned host whose rows are still being diffed on a worker
    QHash<QString, QString> m_failures; // host name -> error of its last scan, when it failed
    bool m_demoLab = false;
    quint64 m_loadGeneration = 0;

    // Tasks, instance and cache actions, the demo lab.
    QString m_configFile;
    task::TaskManager *m_tasks = nullptr;
    TaskDock *m_taskDock = nullptr;
    TaskNotifier *m_taskNotifier = nullptr;
    InstanceActions *m_instanceActions = nullptr;
    CacheActions *m_cacheActions = nullptr;
    CachePassScheduler *m_cachePassScheduler = nullptr;
    ConsolePane *m_console = nullptr;
    QDockWidget *m_consoleDock = nullptr;
    QAction *m_launch = nullptr;
    QAction *m_resetDemoLab = nullptr;
    QLabel *m_taskSummary = nullptr;

    // Live hosts.
    HostConnections *m_connections = nullptr;
    HostsOverview *m_hostsOverview = nullptr;
    QAction *m_showHosts = nullptr;
    QTimer *m_liveUpdate = nullptr;
    QSet<QString> m_rescanDue;
    QHash<quint64, QString> m_passTasks; // scheduled cache pass task -> its host

    // The Images tab.
    ImagesPanel *m_images = nullptr;
};

} // namespace cowherd::ui
