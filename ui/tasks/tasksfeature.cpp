#include "tasks/tasksfeature.h"

#include "cachepass/cacheactions.h"
#include "cachepass/cachepassscheduler.h"
#include "common/filteredtableview.h"
#include "hosts/demolab.h"
#include "hosts/hostsetup.h"
#include "hosts/hostsfeature.h"
#include "hosts/hosttransport.h"
#include "instance/consolelog.h"
#include "instances/consolepane.h"
#include "instances/instanceactions.h"
#include "instances/instancefigures.h"
#include "instances/launchwizard.h"
#include "tables/basecachemodel.h"
#include "tables/cacheviews.h"
#include "tables/detailspane.h"
#include "tables/instancemodel.h"
#include "tables/scanscheduler.h"
#include "tasks/taskdock.h"
#include "tasks/tasknotifier.h"

#include "task/taskmanager.h"
#include "task/whenfinished.h"

#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QMessageBox>
#include <QStyle>
#include <QtConcurrent>

namespace cowherd::ui {

TasksFeature::TasksFeature(HostsFeature *hosts, CacheViews *views, QWidget *window)
    : QObject(window)
    , m_hosts(hosts)
    , m_views(views)
    , m_window(window)
    , m_tasks(new task::TaskManager(this))
    , m_dock(new TaskDock(m_tasks, window))
    , m_console(new ConsolePane(window))
    , m_consoleDock(new QDockWidget(tr("Serial console"), window))
    , m_notifier(new TaskNotifier(m_tasks, window))
    , m_instanceActions(new InstanceActions(m_tasks, window))
    , m_cacheActions(new CacheActions(m_tasks, window))
    , m_passScheduler(new CachePassScheduler(m_tasks, window))
    , m_summary(new QLabel(window))
{
    setObjectName(QStringLiteral("tasksFeature"));
    m_tasks->setObjectName(QStringLiteral("taskManager"));
    // Fetches, conversions and verifies may keep both cores busy; the window stays responsive.
    m_tasks->setWorkerNice(BackgroundNice);
    m_instanceActions->setObjectName(QStringLiteral("instanceActions"));
    m_cacheActions->setObjectName(QStringLiteral("cacheActions"));
    m_passScheduler->setObjectName(QStringLiteral("cachePassScheduler"));
    m_consoleDock->setObjectName(QStringLiteral("consoleDock"));
    m_consoleDock->setWidget(m_console);
    m_summary->setObjectName(QStringLiteral("taskSummary"));
    createActions(window);
    auto *plot = new FiguresPlot(window);
    m_views->details()->addInstanceWidget(plot);
    m_figures = new InstanceFigures(m_views->instanceModel(), m_views->instanceView(), plot, this);
    m_figures->setObjectName(QStringLiteral("instanceFigures"));

    connect(m_dock, &TaskDock::summaryChanged, m_summary, &QLabel::setText);
    connect(m_notifier, &TaskNotifier::showTaskRequested, this, &TasksFeature::showTask);
    // A finished task may have changed its host: show the change without waiting for the timer.
    connect(m_tasks, &task::TaskManager::taskFinished, this, [this](quint64 id) {
        if (const auto info = m_tasks->task(id))
            m_hosts->scheduler()->scan(info->host);
    });
    connect(m_hosts, &HostsFeature::hostsLoaded, this, &TasksFeature::applyHostSetup);
    connect(m_hosts, &HostsFeature::currentHostChanged, this, &TasksFeature::updateTargets);
    connect(m_views, &CacheViews::snapshotShown, this, &TasksFeature::updateTargets);
    connect(m_views, &CacheViews::selectionChanged, this, &TasksFeature::updateTargets);
    connect(m_passScheduler, &CachePassScheduler::policiesLoaded, this, &TasksFeature::updateTargets);
    updateTargets();
}

void TasksFeature::createActions(QWidget *window)
{
    m_launch = new QAction(window->style()->standardIcon(QStyle::SP_MediaPlay), tr("&Launch…"), window);
    m_launch->setObjectName(QStringLiteral("launchAction"));
    m_launch->setShortcut(QKeySequence::New);
    m_launch->setToolTip(tr("Launch an instance on the current host (Ctrl+N)"));
    m_launch->setEnabled(false);
    connect(m_launch, &QAction::triggered, this, &TasksFeature::openLaunchWizard);

    m_resetDemoLab = new QAction(tr("Reset &demo lab…"), window);
    m_resetDemoLab->setObjectName(QStringLiteral("resetDemoLabAction"));
    m_resetDemoLab->setToolTip(tr("Terminate the demo instances, remove the lab and fill it again"));
    m_resetDemoLab->setEnabled(false);
    connect(m_resetDemoLab, &QAction::triggered, this, &TasksFeature::resetDemoLab);

    QAction *showTasks = m_dock->toggleViewAction();
    showTasks->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
}

HostBanner *TasksFeature::corruptBanner() const
{
    return m_cacheActions->corruptBanner();
}

QAction *TasksFeature::cachePassAction() const
{
    return m_cacheActions->cachePassAction();
}

QList<QAction *> TasksFeature::instanceActions() const
{
    return m_instanceActions->actions();
}

QList<QAction *> TasksFeature::cacheActions() const
{
    return m_cacheActions->actions();
}

void TasksFeature::applyHostSetup(const HostSetup &setup)
{
    m_passScheduler->setHosts(setup.hosts, m_hosts->configFile());
    m_resetDemoLab->setEnabled(setup.demoLab);
    updateTargets();
    if (!setup.demoLab || setup.hosts.isEmpty())
        return;
    // First run: fill the embedded lab so there is something to launch. Listing _base is I/O.
    const host::HostConfig lab = setup.hosts.constFirst();
    task::whenFinished(QtConcurrent::run([lab] { return DemoLab::needsFill(lab); }), this, [this, lab](bool needed) {
        if (!needed)
            return;
        Q_EMIT demoLabFillSubmitted(m_tasks->submit(tr("Fill the demo lab"), lab.name, DemoLab::fill(lab)));
    });
}

void TasksFeature::updateTargets()
{
    const auto host = m_hosts->currentHostConfig();
    const ScanScheduler *scheduler = m_hosts->scheduler();
    const cache::CacheSnapshot *snapshot = host ? scheduler->snapshot(host->name) : nullptr;
    m_launch->setEnabled(host.has_value());
    m_cacheActions->setTarget(host ? CacheTarget{*host, scheduler->hosts(), m_hosts->configFile()} : CacheTarget{});
    m_cacheActions->setSnapshot(snapshot);
    m_cacheActions->setSelectedBase(snapshot ? snapshot->base(m_views->currentBase()) : nullptr);
    const cache::Instance *instance = snapshot ? snapshot->instance(m_views->currentInstance()) : nullptr;
    m_instanceActions->setTarget(host.value_or(host::HostConfig{}), instance);
    m_figures->setHostUri(host ? host->uri : QString());
    m_figures->setShownInstance(instance ? instance->uuid : QString());
    if (host && instance && !instance->directory.isEmpty()) {
        const QString log = cowherd::instance::consoleLogPath(instance->directory);
        // The transport is made once per followed log: an SSH transport only names its master.
        if (log != m_console->path())
            m_console->follow(std::shared_ptr<host::Transport>(hostTransport(*host)), log,
                instance->name.isEmpty() ? instance->uuid : instance->name);
    } else {
        m_console->follow({}, {});
    }
}

void TasksFeature::showTask(quint64 id)
{
    m_dock->show();
    m_dock->raise();
    m_dock->selectTask(id);
}

LaunchWizard *TasksFeature::openLaunchWizard()
{
    const auto host = m_hosts->currentHostConfig();
    if (!host)
        return nullptr;
    auto *wizard = new LaunchWizard(m_tasks, *host, m_hosts->scheduler()->snapshot(host->name), m_window);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &LaunchWizard::launchSubmitted, this, &TasksFeature::showTask);
    wizard->show();
    return wizard;
}

void TasksFeature::resetDemoLab()
{
    const auto host = m_hosts->currentHostConfig();
    if (!host || !m_resetDemoLab->isEnabled())
        return;
    const auto answer = QMessageBox::question(m_window, tr("Reset the demo lab"),
        tr("Terminate every instance of the demo lab, remove %1 with its base files, and fill it again "
           "with the two demo images?")
            .arg(host->instancesPath),
        QMessageBox::Reset | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Reset)
        return;
    m_dock->selectTask(m_tasks->submit(tr("Reset the demo lab"), host->name, DemoLab::reset(*host)));
}

} // namespace cowherd::ui
