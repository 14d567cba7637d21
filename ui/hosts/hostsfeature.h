#pragma once

#include "cache/cachesnapshot.h"
#include "host/hostconfig.h"
#include "hosts/hostsetup.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>

#include <optional>

class QAction;
class QMenu;
class QTabWidget;
class QTimer;
class QWidget;

namespace cowherd::task {
class TaskManager;
}

namespace cowherd::ui {

class CachePassScheduler;
class GroupPlanner;
class HostBanner;
class HostConnections;
class HostListModel;
class HostSidebar;
class HostsOverview;
class ScanScheduler;

// The configured hosts and which one is current: the host list (or the demo lab), the sidebar,
// the scans, one libvirt connection per host with its domain events, the banner that says what
// is wrong with the current host, the plans of the sharing groups (GroupPlanner, read by the
// All hosts overview, the map and the dashboard), the All hosts overview, and the File menu's
// Add host and Refresh. Whatever shows one host follows currentHostChanged.
class HostsFeature final : public QObject
{
    Q_OBJECT

public:
    HostsFeature(const QString &configFile, QWidget *window);
    ~HostsFeature() override;

    HostListModel *model() const { return m_model; }
    ScanScheduler *scheduler() const { return m_scheduler; }
    GroupPlanner *groupPlanner() const { return m_planner; }
    HostSidebar *sidebar() const { return m_sidebar; }
    HostBanner *banner() const { return m_banner; }
    HostsOverview *overview() const { return m_overview; }
    QAction *addHostAction() const { return m_addHost; }
    QAction *refreshAction() const { return m_refresh; }

    QString configFile() const { return m_configFile; }
    QString currentHost() const { return m_currentHost; }
    std::optional<host::HostConfig> currentHostConfig() const;
    bool isDemoLab() const { return m_demoLab; }

    // Reads the host list off the UI thread, then scans every host; hostsLoaded follows.
    void load();
    void selectHost(const QString &hostName);
    // The All hosts tab and its entry in the View menu.
    void addOverviewTab(QTabWidget *tabs, QMenu *viewMenu);
    // The outcome of cache pass tasks goes to the overview's Last pass column.
    void followPasses(task::TaskManager *tasks, CachePassScheduler *passes);

Q_SIGNALS:
    void hostsLoaded(const cowherd::ui::HostSetup &setup);
    void currentHostChanged(const QString &hostName);
    // What the status bar says about scanning the current host.
    void statusChanged(const QString &text);
    // A domain event changed an instance's state in the scheduler's snapshot of this host.
    void instanceStateChanged(const QString &hostName);
    // A burst of domain events is over: views of several hosts may repaint (the group planner
    // plans again by itself).
    void liveChangesSettled();

private:
    void createActions(QWidget *window);
    void addHost();
    void applySetup(const HostSetup &setup);
    void onCurrentHostChanged(const QString &hostName);
    void onSnapshotReady(const QString &hostName, const cache::CacheSnapshot &snapshot, qint64 elapsedMs);
    void onScanFailed(const QString &hostName, const QString &message);
    void onDomainEvent(const QString &hostName, const QString &uuid, const QString &state, const QString &event);
    void updateBanner();
    QString displayName(const QString &hostName) const;
    QString connectionProblem(const QString &hostName) const;

    QWidget *m_window;
    QString m_configFile;
    HostListModel *m_model;
    ScanScheduler *m_scheduler;
    GroupPlanner *m_planner;
    HostConnections *m_connections;
    HostSidebar *m_sidebar;
    HostBanner *m_banner;
    HostsOverview *m_overview = nullptr;
    QAction *m_addHost = nullptr;
    QAction *m_refresh = nullptr;
    QTimer *m_liveUpdate;

    QString m_currentHost;
    QHash<QString, QString> m_failures; // host name -> error of its last scan, when it failed
    bool m_demoLab = false;
    quint64 m_loadGeneration = 0;
    QSet<QString> m_rescanDue;
    QHash<quint64, QString> m_passTasks; // scheduled cache pass task -> its host
};

} // namespace cowherd::ui
