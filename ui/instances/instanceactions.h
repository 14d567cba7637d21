#pragma once

#include "cache/cachesnapshot.h"
#include "host/hostconfig.h"

#include <QObject>

#include <functional>
#include <optional>

class QAction;
class QWidget;

namespace cowherd::task {
class TaskManager;
}

namespace cowherd::ui {

// Start, Shut down, Reboot, Terminate and Open console for the selected instance; each runs
// as a task. The window tells it which instance is selected.
class InstanceActions final : public QObject
{
    Q_OBJECT

public:
    InstanceActions(task::TaskManager *tasks, QWidget *dialogParent);

    void setTarget(const host::HostConfig &host, const cache::Instance *instance);
    QList<QAction *> actions() const;

    QAction *startAction() const { return m_start; }
    QAction *shutdownAction() const { return m_shutdown; }
    QAction *rebootAction() const { return m_reboot; }
    QAction *terminateAction() const { return m_terminate; }
    QAction *consoleAction() const { return m_console; }

    // Tests answer the terminate confirmation themselves.
    void setConfirmTerminate(std::function<bool(const QString &text)> confirm) { m_confirm = std::move(confirm); }

Q_SIGNALS:
    void taskSubmitted(quint64 id);

private:
    void run(int action);
    void openConsole();
    void updateEnabled();

    task::TaskManager *m_tasks;
    QWidget *m_dialogParent;
    host::HostConfig m_host;
    std::optional<cache::Instance> m_instance;
    QString m_viewer; // virt-viewer or remote-viewer, when installed
    bool m_viewerIsRemote = false;
    std::function<bool(const QString &)> m_confirm;
    QAction *m_start;
    QAction *m_shutdown;
    QAction *m_reboot;
    QAction *m_terminate;
    QAction *m_console;
};

} // namespace cowherd::ui
