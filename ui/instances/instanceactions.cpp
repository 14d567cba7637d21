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
    m_pause = new QAction(style->standardIcon(QStyle::SP_MediaPause), tr("&Pause"), this);
    m_pause->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
    m_pause->setToolTip(tr("Pause the selected instance: its processors stop, its memory stays (Ctrl+Shift+U)"));
    m_resume = new QAction(style->standardIcon(QStyle::SP_MediaSeekForward), tr("&Resume"), this);
    m_resume->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Y));
    m_resume->setToolTip(tr("Resume the paused instance (Ctrl+Shift+Y)"));
    m_console = new QAction(style->standardIcon(QStyle::SP_ComputerIcon), tr("Open &graphical console"), this);
    m_console->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));

    connect(m_start, &QAction::triggered, this, [this] { run(int(InstanceAction::Start)); });
    connect(m_shutdown, &QAction::triggered, this, [this] { run(int(InstanceAction::Shutdown)); });
    connect(m_reboot, &QAction::triggered, this, [this] { run(int(InstanceAction::Reboot)); });
    connect(m_terminate, &QAction::triggered, this, [this] { run(int(InstanceAction::Terminate)); });
    connect(m_pause, &QAction::triggered, this, [this] { run(int(InstanceAction::Pause)); });
    connect(m_resume, &QAction::triggered, this, [this] { run(int(InstanceAction::Resume)); });
    connect(m_console, &QAction::triggered, this, &InstanceActions::openConsole);

    // Searching PATH stats files: on a worker, once. virt-viewer, not remote-viewer: only
    // virt-viewer finds a domain's display through libvirt (and its SSH tunnel) by itself.
    task::whenFinished(QtConcurrent::run([] { return QStandardPaths::findExecutable(QStringLiteral("virt-viewer")); }),
        this, [this](const QString &found) {
            m_viewer = found;
            updateEnabled();
        });
    updateEnabled();
}

QList<QAction *> InstanceActions::actions() const
{
    return {m_start, m_pause, m_resume, m_shutdown, m_reboot, m_terminate, m_console};
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
    const bool paused = defined && m_instance->state == u"paused";
    m_start->setEnabled(defined && !running && !paused);
    m_pause->setEnabled(running);
    m_resume->setEnabled(paused);
    m_shutdown->setEnabled(running || paused);
    m_reboot->setEnabled(running);
    m_terminate->setEnabled(m_instance.has_value());
    // Enabled without a viewer too: it then says how to install one.
    m_console->setEnabled(running || paused);
    m_console->setToolTip(m_viewer.isEmpty()
            ? tr("Open the instance's graphical console; needs virt-viewer (apt install virt-viewer) (Ctrl+Shift+O)")
            : tr("Open the instance's graphical console in %1 (Ctrl+Shift+O)").arg(m_viewer));
}

void InstanceActions::run(int which)
{
    if (!m_instance)
        return;
    const auto action = InstanceAction(which);
    const QString shown = m_instance->name.isEmpty() ? m_instance->uuid : m_instance->name;
    if (action == InstanceAction::Terminate) {
        const QString text
            = tr("Terminate %1 on %2?\n\nThe instance is stopped, undefined and its directory "
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
    const quint64 id = m_tasks->submit(
        InstanceTasks::title(action, shown), m_host.name, InstanceTasks::action(m_host, action, m_instance->uuid));
    Q_EMIT taskSubmitted(id);
}

QString InstanceActions::viewerMissingText()
{
    return tr("The graphical console opens in virt-viewer, which is not installed on this machine.\n\n"
              "Install it with:\n    sudo apt install virt-viewer\n\n"
              "It reaches remote hosts itself, over the same SSH connection as libvirt.");
}

std::pair<QString, QStringList> InstanceActions::viewerCommand() const
{
    if (!m_instance || m_viewer.isEmpty())
        return {};
    const QString domain = m_instance->name.isEmpty() ? m_instance->uuid : m_instance->name;
    return {m_viewer, QStringList{QStringLiteral("--connect"), m_host.uri, QStringLiteral("--wait"), domain}};
}

void InstanceActions::openConsole()
{
    if (!m_instance)
        return;
    const auto [program, arguments] = viewerCommand();
    if (program.isEmpty()) {
        if (m_message)
            m_message(viewerMissingText());
        else
            QMessageBox::information(m_dialogParent, tr("virt-viewer is not installed"), viewerMissingText());
        return;
    }
    if (!QProcess::startDetached(program, arguments)) {
        const QString text = tr("Cannot start %1 for %2 on %3.").arg(program, m_instance->name, m_host.name);
        if (m_message)
            m_message(text);
        else
            QMessageBox::warning(m_dialogParent, tr("Graphical console"), text);
    }
}

} // namespace cowherd::ui
