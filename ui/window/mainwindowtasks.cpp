// The MainWindow's task features, kept apart from the cache views: the task centre, instance and
// cache actions, the launch wizard, the serial console and the demo lab.
#include "window/mainwindow.h"

#include "tables/basecachemodel.h"
#include "cachepass/cacheactions.h"
#include "cachepass/cachepassscheduler.h"
#include "common/columnwidth.h"
#include "instances/consolepane.h"
#include "hosts/demolab.h"
#include "common/filteredtableview.h"
#include "hosts/hostbanner.h"
#include "hosts/hostsetup.h"
#include "hosts/hostsidebar.h"
#include "instances/instanceactions.h"
#include "tables/instancemodel.h"
#include "instances/launchwizard.h"
#include "window/menus.h"
#include "tables/scanscheduler.h"
#include "tasks/taskdock.h"
#include "tasks/tasknotifier.h"
#include "task/taskmanager.h"
#include "task/whenfinished.h"

#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace cowherd::ui {

void MainWindow::createTaskFeatures()
{
    m_tasks = new task::TaskManager(this);
    // Fetches, conversions and verifies may keep both cores busy; the window stays responsive.
    m_tasks->setWorkerNice(BackgroundNice);
    m_taskDock = new TaskDock(m_tasks, this);
    addDockWidget(Qt::BottomDockWidgetArea, m_taskDock);

    m_console = new ConsolePane(this);
    m_consoleDock = new QDockWidget(tr("Serial console"), this);
    m_consoleDock->setObjectName(QStringLiteral("consoleDock"));
    m_consoleDock->setWidget(m_console);
    addDockWidget(Qt::BottomDockWidgetArea, m_consoleDock);
    tabifyDockWidget(m_consoleDock, m_taskDock);
    m_taskDock->raise();
    resizeDocks({m_taskDock}, {170}, Qt::Vertical); // the tables keep most of the height

    m_taskNotifier = new TaskNotifier(m_tasks, this);
    m_instanceActions = new InstanceActions(m_tasks, this);
    m_cacheActions = new CacheActions(m_tasks, this);
    m_cachePassScheduler = new CachePassScheduler(m_tasks, this);

    // The notifier and the corrupt-file banner sit with the host banner above the tables.
    if (auto *center = qobject_cast<QVBoxLayout *>(m_banner->parentWidget()->layout())) {
        center->insertWidget(0, m_taskNotifier);
        center->insertWidget(center->indexOf(m_banner) + 1, m_cacheActions->corruptBanner());
    }
    m_taskSummary = new QLabel(this);
    m_taskSummary->setObjectName(QStringLiteral("taskSummary"));
    statusBar()->addPermanentWidget(m_taskSummary);

    connect(m_taskDock, &TaskDock::summaryChanged, m_taskSummary, &QLabel::setText);
    connect(m_taskNotifier, &TaskNotifier::showTaskRequested, this, [this](quint64 id) {
        m_taskDock->show();
        m_taskDock->raise();
        m_taskDock->selectTask(id);
    });
    // A finished task may have changed its host: show the change without waiting for the timer.
    connect(m_tasks, &task::TaskManager::taskFinished, this, [this](quint64 id) {
        if (const auto info = m_tasks->task(id))
            m_scheduler->scan(info->host);
    });
    connect(m_sidebar, &HostSidebar::currentHostChanged, this, &MainWindow::updateTaskTargets);
    connect(this, &MainWindow::snapshotShown, this, &MainWindow::updateTaskTargets);
    connect(m_baseView, &FilteredTableView::currentKeyChanged, this, &MainWindow::updateTaskTargets);
    connect(m_instanceView, &FilteredTableView::currentKeyChanged, this, &MainWindow::updateTaskTargets);

    connect(m_cachePassScheduler, &CachePassScheduler::policiesLoaded, this, &MainWindow::updateTaskTargets);

    QTableView *baseTable = m_baseView->tableView();
    resizeSectionToFitHeader(baseTable->horizontalHeader(), BaseCacheModel::LastUsed, 80);
    resizeSectionToFitHeader(baseTable->horizontalHeader(), BaseCacheModel::RemovableIn, 96);
    resizeSectionToFitHeader(baseTable->horizontalHeader(), BaseCacheModel::Checksum, 84);

    createTaskMenus();
    updateTaskTargets();
}

void MainWindow::createTaskMenus()
{
    m_launch = new QAction(style()->standardIcon(QStyle::SP_MediaPlay), tr("&Launch…"), this);
    m_launch->setShortcut(QKeySequence::New);
    m_launch->setToolTip(tr("Launch an instance on the current host (Ctrl+N)"));
    m_launch->setEnabled(false);
    connect(m_launch, &QAction::triggered, this, &MainWindow::openLaunchWizard);

    m_resetDemoLab = new QAction(tr("Reset &demo lab…"), this);
    m_resetDemoLab->setToolTip(tr("Terminate the demo instances, remove the lab and fill it again"));
    m_resetDemoLab->setEnabled(false);
    connect(m_resetDemoLab, &QAction::triggered, this, &MainWindow::resetDemoLab);

    QMenu *file = menuNamed(menuBar(), tr("&File"));
    file->insertAction(file->actions().value(file->actions().size() - 1), m_resetDemoLab);

    QMenu *instances = menuNamed(menuBar(), tr("&Instance"));
    instances->addAction(m_launch);
    instances->addSeparator();
    instances->addActions(m_instanceActions->actions());

    QMenu *cacheMenu = menuNamed(menuBar(), tr("&Cache"));
    cacheMenu->addActions(m_cacheActions->actions());

    QMenu *view = menuNamed(menuBar(), tr("&View"));
    QAction *showTasks = m_taskDock->toggleViewAction();
    showTasks->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    view->addAction(showTasks);
    view->addAction(m_consoleDock->toggleViewAction());

    if (auto *toolBar = findChild<QToolBar *>(QStringLiteral("mainToolBar"))) {
        toolBar->addAction(m_launch);
        toolBar->addAction(m_cacheActions->cachePassAction());
    }

    QTableView *instanceTable = m_instanceView->tableView();
    instanceTable->setContextMenuPolicy(Qt::ActionsContextMenu);
    instanceTable->addActions(m_instanceActions->actions());
    QTableView *baseTable = m_baseView->tableView();
    baseTable->setContextMenuPolicy(Qt::ActionsContextMenu);
    baseTable->addActions(m_cacheActions->actions());
}

std::optional<host::HostConfig> MainWindow::currentHostConfig() const
{
    for (const host::HostConfig &h : m_scheduler->hosts())
        if (h.name == m_currentHost)
            return h;
    return std::nullopt;
}

void MainWindow::applyHostSetupToTasks(const HostSetup &setup)
{
    m_cachePassScheduler->setHosts(setup.hosts, m_configFile);
    m_resetDemoLab->setEnabled(setup.demoLab);
    updateTaskTargets();
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

void MainWindow::updateTaskTargets()
{
    const auto host = currentHostConfig();
    const cache::CacheSnapshot *snapshot = host ? m_scheduler->snapshot(host->name) : nullptr;
    m_launch->setEnabled(host.has_value());
    m_cacheActions->setTarget(host ? CacheTarget{*host, m_scheduler->hosts(), m_configFile} : CacheTarget{});
    m_cacheActions->setSnapshot(snapshot);
    if (host)
        m_baseModel->setPolicy(m_cachePassScheduler->policy(host->name));
    m_cacheActions->setSelectedBase(snapshot ? snapshot->base(m_baseView->currentKey()) : nullptr);
    const cache::Instance *instance = snapshot ? snapshot->instance(m_instanceView->currentKey()) : nullptr;
    m_instanceActions->setTarget(host.value_or(host::HostConfig{}), instance);
    if (instance && !instance->directory.isEmpty())
        m_console->follow(instance->directory + QStringLiteral("/console.log"),
            instance->name.isEmpty() ? instance->uuid : instance->name);
    else
        m_console->follow({}, {});
}

LaunchWizard *MainWindow::openLaunchWizard()
{
    const auto host = currentHostConfig();
    if (!host)
        return nullptr;
    auto *wizard = new LaunchWizard(m_tasks, *host, m_scheduler->snapshot(host->name), this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &LaunchWizard::launchSubmitted, this, [this](quint64 id) {
        m_taskDock->show();
        m_taskDock->raise();
        m_taskDock->selectTask(id);
    });
    wizard->show();
    return wizard;
}

void MainWindow::resetDemoLab()
{
    const auto host = currentHostConfig();
    if (!host || !m_resetDemoLab->isEnabled())
        return;
    const auto answer = QMessageBox::question(this, tr("Reset the demo lab"),
        tr("Terminate every instance of the demo lab, remove %1 with its base files, and fill it again "
           "with the two demo images?")
            .arg(host->instancesPath),
        QMessageBox::Reset | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Reset)
        return;
    m_taskDock->selectTask(m_tasks->submit(tr("Reset the demo lab"), host->name, DemoLab::reset(*host)));
}

} // namespace cowherd::ui
