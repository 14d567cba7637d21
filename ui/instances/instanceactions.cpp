#include "instances/instanceactions.h"

#include "instances/instancetasks.h"
#include "task/taskmanager.h"
#include "task/whenfinished.h"

#include <QAction>
#include <QApplication>
#include <QMessageBox>
#include <QProcess>
#include <QStandardPaths>
#include <QStyle>
#include <QtConcurrent>

namespace cowherd::ui {

InstanceActions::InstanceActions(task::TaskManager *tasks, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_tasks(tasks)
    , m_dialogParent(dialogParent)
{
    QStyle *style = QApplication::style();
    m_start = new QAction(style->standardIcon(QStyle::SP_MediaPlay), tr("&Start"), this);
    m_start->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_start->setToolTip(tr("Start the selected instance (Ctrl+Shift+S)"));
    m_shutdown = new QAction(style->standardIcon(QStyle::SP_MediaStop), tr("Shut &down"), this);
    m_shutdown->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    m_shutdown->setToolTip(tr("Ask the guest to power off; stop it after 60 s (Ctrl+Shift+D)"));
    m_reboot = new QAction(style->standardIcon(QStyle::SP_BrowserReload), tr("Re&boot"), this);
    m_reboot->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    m_reboot->setToolTip(tr("Ask the guest to reboot (Ctrl+Shift+B)"));
    m_terminate = new QAction(style->standardIcon(QStyle::SP_TrashIcon), tr("&Terminate…"), this);
    m_terminate->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_Delete));
    m_terminate->setToolTip(tr("Stop, undefine and remove the instance; its base files stay (Shift+Del)"));
    m_console = new QAction(style->standardIcon(QStyle::SP_ComputerIcon), tr("Open &console"), this);
    m_console->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));

    connect(m_start, &QAction::triggered, this, [this] { run(int(InstanceAction::Start)); });
    connect(m_shutdown, &QAction::triggered, this, [this] { run(int(InstanceAction::Shutdown)); });
    connect(m_reboot, &QAction::triggered, this, [this] { run(int(InstanceAction::Reboot)); });
    connect(m_terminate, &QAction::triggered, this, [this] { run(int(InstanceAction::Terminate)); });
    connect(m_console, &QAction::triggered, this, &InstanceActions::openConsole);

    // Searching PATH stats files: on a worker, once.
    task::whenFinished(QtConcurrent::run([] {
        QString viewer = QStandardPaths::findExecutable(QStringLiteral("virt-viewer"));
        const bool remote = viewer.isEmpty();
        if (remote)
            viewer = QStandardPaths::findExecutable(QStringLiteral("remote-viewer"));
        return std::pair{viewer, remote};
    }), this, [this](const std::pair<QString, bool> &found) {
        m_viewer = found.first;
        m_viewerIsRemote = found.second;
        updateEnabled();
    });
    updateEnabled();
}

QList<QAction *> InstanceActions::actions() const
{
    return {m_start, m_shutdown, m_reboot, m_terminate, m_console};
}

void InstanceActions::setTarget(const host::HostConfig &host, const cache::Instance *instance)
{
    m_host = host;
    m_instance = instance ? std::optional(*instance) : std::nullopt;
    updateEnabled();
}

void InstanceActions::updateEnabled()
{
    const bool defined = m_instance && !m_instance->name.isEmpty();
    const bool running = defined && m_instance->state == u"running";
    m_start->setEnabled(defined && !running);
    m_shutdown->setEnabled(running);
    m_reboot->setEnabled(running);
    m_terminate->setEnabled(m_instance.has_value());
    m_console->setEnabled(running && !m_viewer.isEmpty());
    m_console->setToolTip(m_viewer.isEmpty()
            ? tr("Install virt-viewer to open the graphical console")
            : tr("Open the instance's graphical console in %1 (Ctrl+Shift+O)").arg(m_viewer));
}

void InstanceActions::run(int which)
{
    if (!m_instance)
        return;
    const auto action = InstanceAction(which);
    const QString shown = m_instance->name.isEmpty() ? m_instance->uuid : m_instance->name;
    if (action == InstanceAction::Terminate) {
        const QString text = tr("Terminate %1 on %2?\n\nThe instance is stopped, undefined and its directory "
                                "%3 removed. Its base files stay in the cache; an unused base file is only "
                                "removed by a later cache pass.")
                                 .arg(shown, m_host.name, m_instance->directory.isEmpty() ? m_instance->uuid : m_instance->directory);
        const bool confirmed = m_confirm ? m_confirm(text)
                                         : QMessageBox::question(m_dialogParent, tr("Terminate %1").arg(shown), text,
                                               QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
                == QMessageBox::Yes;
        if (!confirmed)
            return;
    }
    const quint64 id = m_tasks->submit(InstanceTasks::title(action, shown), m_host.name,
        InstanceTasks::action(m_host, action, m_instance->uuid));
    Q_EMIT taskSubmitted(id);
}

void InstanceActions::openConsole()
{
    if (!m_instance || m_viewer.isEmpty())
        return;
    const QStringList arguments = m_viewerIsRemote
        ? QStringList{m_host.uri, QStringLiteral("--domain-name"), m_instance->name}
        : QStringList{QStringLiteral("--connect"), m_host.uri, QStringLiteral("--wait"), m_instance->name};
    QProcess::startDetached(m_viewer, arguments);
}

} // namespace cowherd::ui
