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

// Start, Pause, Resume, Shut down, Reboot, Terminate and Open graphical console for the selected
// instance; each but the console runs as a task (the same tasks as cowherdctl's commands). The window tells it which
// instance is selected.
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
    QAction *pauseAction() const { return m_pause; }
    QAction *resumeAction() const { return m_resume; }
    QAction *consoleAction() const { return m_console; }

    // The program and arguments that open the graphical console of the target (virt-viewer
    // --connect URI NAME); an empty program when no viewer is installed.
    std::pair<QString, QStringList> viewerCommand() const;
    // What is said when no viewer is installed.
    static QString viewerMissingText();
    // Tests answer the terminate confirmation and see the viewer hint themselves.
    void setConfirmTerminate(std::function<bool(const QString &text)> confirm) { m_confirm = std::move(confirm); }
    void setShowMessage(std::function<void(const QString &text)> show) { m_message = std::move(show); }

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
    QString m_viewer; // virt-viewer, when installed
    std::function<bool(const QString &)> m_confirm;
    std::function<void(const QString &)> m_message;
    QAction *m_start;
    QAction *m_shutdown;
    QAction *m_reboot;
    QAction *m_terminate;
    QAction *m_pause;
    QAction *m_resume;
    QAction *m_console;
};

} // namespace cowherd::ui
