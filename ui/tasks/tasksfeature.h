#pragma once

#include <QList>
#include <QObject>

class QAction;
class QDockWidget;
class QLabel;
class QWidget;

namespace cowherd::task {
class TaskManager;
}

namespace cowherd::ui {

class CacheActions;
class CachePassScheduler;
class CacheViews;
class ConsolePane;
class HostBanner;
class HostsFeature;
class InstanceActions;
class InstanceFigures;
class LaunchWizard;
class TaskDock;
class TaskNotifier;
struct HostSetup;

// What runs as tasks and where they show: the task manager, the task centre dock, the
// notifications, the serial console, the instance and cache actions on what the tables select,
// the scheduled cache passes, the launch wizard and the demo lab's fill and reset. Follows the
// current host and the selection of the cache views.
class TasksFeature final : public QObject
{
    Q_OBJECT

public:
    TasksFeature(HostsFeature *hosts, CacheViews *views, QWidget *window);

    task::TaskManager *manager() const { return m_tasks; }
    CachePassScheduler *passScheduler() const { return m_passScheduler; }
    TaskDock *dock() const { return m_dock; }
    QDockWidget *consoleDock() const { return m_consoleDock; }
    InstanceFigures *instanceFigures() const { return m_figures; }
    TaskNotifier *notifier() const { return m_notifier; }
    HostBanner *corruptBanner() const;
    QLabel *summary() const { return m_summary; }
    QAction *launchAction() const { return m_launch; }
    QAction *resetDemoLabAction() const { return m_resetDemoLab; }
    QAction *cachePassAction() const;
    QList<QAction *> instanceActions() const;
    QList<QAction *> cacheActions() const;

    // Opens the launch wizard for the current host (non-modal; deleted when closed).
    LaunchWizard *openLaunchWizard();
    // Brings the task centre to the front with this task selected.
    void showTask(quint64 id);

Q_SIGNALS:
    // The first-run fill of the embedded demo lab was submitted as this task.
    void demoLabFillSubmitted(quint64 taskId);

private:
    void createActions(QWidget *window);
    void applyHostSetup(const HostSetup &setup);
    void updateTargets();
    void resetDemoLab();

    HostsFeature *m_hosts;
    CacheViews *m_views;
    QWidget *m_window;
    task::TaskManager *m_tasks;
    TaskDock *m_dock;
    ConsolePane *m_console;
    QDockWidget *m_consoleDock;
    TaskNotifier *m_notifier;
    InstanceActions *m_instanceActions;
    InstanceFigures *m_figures = nullptr;
    CacheActions *m_cacheActions;
    CachePassScheduler *m_passScheduler;
    QLabel *m_summary;
    QAction *m_launch = nullptr;
    QAction *m_resetDemoLab = nullptr;
};

} // namespace cowherd::ui
