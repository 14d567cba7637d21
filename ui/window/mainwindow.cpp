#include "window/mainwindow.h"

#include "window/aboutdialog.h"
#include "window/menus.h"
#include "window/windowstate.h"

#include "common/displayformat.h"
#include "common/filteredtableview.h"
#include "common/icons.h"
#include "hosts/hostbanner.h"
#include "hosts/hostlistmodel.h"
#include "hosts/hostsfeature.h"
#include "hosts/hostsidebar.h"
#include "hosts/hostsoverview.h"
#include "images/imagespanel.h"
#include "instances/launchwizard.h"
#include "overview/groupplanner.h"
#include "overview/mapview.h"
#include "overview/overviewtabs.h"
#include "tables/basecachemodel.h"
#include "tables/cacheviews.h"
#include "tables/detailspane.h"
#include "tables/scanscheduler.h"
#include "tasks/taskdock.h"
#include "tasks/tasknotifier.h"
#include "tasks/tasksfeature.h"

#include <QAction>
#include <QDockWidget>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace cowherd::ui {

MainWindow::MainWindow(const QString &configFile, QWidget *parent)
    : QMainWindow(parent)
    , m_tabs(new QTabWidget(this))
    , m_hosts(new HostsFeature(configFile, this))
    , m_views(new CacheViews(m_hosts->scheduler(), m_tabs, this))
    , m_tasks(new TasksFeature(m_hosts, m_views, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    m_tabs->setObjectName(QStringLiteral("mainTabs"));
    m_tabs->setDocumentMode(true);
    createMenus();
    createLayout();
    updateTitle();
    resize(1280, 800);
    m_overview = new OverviewTabs(this, m_tabs, m_hosts->groupPlanner());
    restoreWindowState();
    m_hosts->addOverviewTab(m_tabs, menuNamed(menuBar(), tr("&View")));
    m_hosts->followPasses(m_tasks->manager(), m_tasks->passScheduler());
    createImagesTab();
    createHelpMenu();
    connectFeatures();

    // Queued, so that whoever constructs the window can connect to hostsLoaded() first even
    // when the host list is read faster than the constructor returns.
    QMetaObject::invokeMethod(m_hosts, &HostsFeature::load, Qt::QueuedConnection);
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    auto *quit = new QAction(themedIcon(QStringLiteral("application-exit")), tr("&Quit"), this);
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_hosts->addHostAction());
    file->addAction(m_hosts->refreshAction());
    file->addSeparator();
    file->addAction(m_tasks->resetDemoLabAction());
    file->addAction(quit);

    QMenu *instances = menuNamed(menuBar(), tr("&Instance"));
    instances->addAction(m_tasks->launchAction());
    instances->addSeparator();
    instances->addActions(m_tasks->instanceActions());

    QMenu *cacheMenu = menuNamed(menuBar(), tr("&Cache"));
    cacheMenu->addActions(m_tasks->cacheActions());

    QMenu *view = menuNamed(menuBar(), tr("&View"));
    view->addAction(m_tasks->dock()->toggleViewAction());
    view->addAction(m_tasks->consoleDock()->toggleViewAction());

    QToolBar *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addAction(m_hosts->refreshAction());
    toolBar->addAction(m_tasks->launchAction());
    toolBar->addAction(m_tasks->cachePassAction());
    // The instance actions, icons only (each has a tool tip with its shortcut).
    QToolBar *instanceBar = addToolBar(tr("Instance"));
    instanceBar->setObjectName(QStringLiteral("instanceToolBar"));
    instanceBar->setMovable(false);
    instanceBar->setToolButtonStyle(Qt::ToolButtonIconOnly);
    instanceBar->addActions(m_tasks->instanceActions());

    QTableView *instanceTable = m_views->instanceView()->tableView();
    instanceTable->setContextMenuPolicy(Qt::ActionsContextMenu);
    instanceTable->addActions(m_tasks->instanceActions());
    QTableView *baseTable = m_views->baseView()->tableView();
    baseTable->setContextMenuPolicy(Qt::ActionsContextMenu);
    baseTable->addActions(m_tasks->cacheActions());
}

void MainWindow::createHelpMenu()
{
    auto *about = new QAction(tr("&About Cowherd"), this);
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, [this] { AboutDialog(this).exec(); });
    menuNamed(menuBar(), tr("&Help"))->addAction(about);
}

void MainWindow::createLayout()
{
    // Task notifications, the host's banner and the corrupt-file banner sit above the tables.
    auto *center = new QWidget(this);
    auto *centerLayout = new QVBoxLayout(center);
    centerLayout->setContentsMargins(0, 0, 0, 0);
    centerLayout->addWidget(m_tasks->notifier());
    centerLayout->addWidget(m_hosts->banner());
    centerLayout->addWidget(m_tasks->corruptBanner());
    centerLayout->addWidget(m_tabs, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(m_hosts->sidebar());
    splitter->addWidget(center);
    splitter->addWidget(m_views->details());
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({190, 770, 320});
    splitter->setContentsMargins(6, 6, 6, 6);
    setCentralWidget(splitter);

    addDockWidget(Qt::BottomDockWidgetArea, m_tasks->dock());
    addDockWidget(Qt::BottomDockWidgetArea, m_tasks->consoleDock());
    tabifyDockWidget(m_tasks->consoleDock(), m_tasks->dock());
    m_tasks->dock()->raise();
    resizeDocks({m_tasks->dock()}, {170}, Qt::Vertical); // the tables keep most of the height

    m_statusLabel = new QLabel(tr("Reading the host list…"), this);
    statusBar()->addWidget(m_statusLabel, 1);
    statusBar()->addPermanentWidget(m_tasks->summary());
}

void MainWindow::restoreWindowState()
{
    auto *state = new WindowState(this);
    state->trackSplitter(qobject_cast<QSplitter *>(centralWidget()), QStringLiteral("main"));
    state->trackHeader(m_views->baseView()->tableView()->horizontalHeader(), QStringLiteral("baseCache"));
    state->trackHeader(m_views->instanceView()->tableView()->horizontalHeader(), QStringLiteral("instances"));
    state->restore();
}

// The Images tab: the Glance images of each configured cloud, with the Images menu (import,
// pre-cache); launching from an image opens the launch wizard.
void MainWindow::createImagesTab()
{
    m_images = new ImagesPanel(m_tasks->manager(), m_hosts->scheduler(), m_tabs);
    const int index = m_tabs->addTab(m_images, style()->standardIcon(QStyle::SP_DriveNetIcon), tr("Images"));
    m_tabs->setTabToolTip(
        index, tr("The Glance images of each configured cloud, and whether the current host has them"));

    auto *showImages = new QAction(m_tabs->tabIcon(index), tr("&Glance images"), this);
    showImages->setToolTip(tr("Show the images of the configured clouds"));
    connect(showImages, &QAction::triggered, this, [this] { m_tabs->setCurrentWidget(m_images); });

    QMenu *menu = menuNamed(menuBar(), tr("I&mages"));
    menu->addAction(showImages);
    menu->addAction(m_images->importAction());
    menu->addSeparator();
    for (QAction *action : m_images->actions())
        if (action != m_images->importAction())
            menu->addAction(action);
    addAction(m_images->importAction()); // Ctrl+I from any tab

    connect(m_images, &ImagesPanel::tasksSubmitted, this, [this](const QList<quint64> &ids) {
        m_tasks->dock()->show();
        m_tasks->dock()->raise();
        if (!ids.isEmpty())
            m_tasks->dock()->selectTask(ids.constFirst());
    });
    m_images->setLaunchHandler(
        [this](std::shared_ptr<source::CloudSession> session, const source::GlanceImage &image, bool cachedHere) {
            LaunchWizard *wizard = m_tasks->openLaunchWizard();
            if (!wizard)
                return;
            if (cachedHere)
                wizard->selectCachedImage(image.id);
            if (!cachedHere || wizard->spec().imageId != image.id)
                wizard->setGlanceImage(std::move(session), image.id, image.name.isEmpty() ? image.id : image.name);
        });
    m_images->reloadClouds();
}

void MainWindow::connectFeatures()
{
    ScanScheduler *scheduler = m_hosts->scheduler();
    connect(m_hosts, &HostsFeature::currentHostChanged, this, &MainWindow::showHost);
    connect(m_hosts, &HostsFeature::currentHostChanged, m_images, &ImagesPanel::setCurrentHost);
    connect(m_hosts, &HostsFeature::hostsLoaded, this, [this] {
        updateTitle();
        m_images->setCurrentHost(m_hosts->currentHost());
        Q_EMIT hostsLoaded();
    });
    connect(m_hosts, &HostsFeature::statusChanged, m_statusLabel, &QLabel::setText);
    // The map and dashboard follow the group planner, which plans on each snapshot.
    connect(scheduler, &ScanScheduler::snapshotReady, this,
        [this](const QString &hostName, const cache::CacheSnapshot &snapshot) {
            if (hostName != m_hosts->currentHost())
                return;
            m_views->showSnapshot(snapshot);
            updateTitle();
        });
    connect(m_views, &CacheViews::snapshotShown, this, &MainWindow::snapshotShown);
    // The Removable in column reads the plan of the shown host's sharing group.
    connect(m_hosts->groupPlanner(), &GroupPlanner::planned, this, &MainWindow::showPlan);

    // Domain events patch the instance views without a scan; the rest repaints once per burst.
    connect(m_hosts, &HostsFeature::instanceStateChanged, this, [this](const QString &hostName) {
        if (hostName == m_hosts->currentHost())
            m_views->refreshInstances();
    });
    connect(m_hosts, &HostsFeature::liveChangesSettled, m_views, &CacheViews::updateDetails);

    // The details pane has nothing to say about a whole host: the overview gets its width.
    connect(m_tabs, &QTabWidget::currentChanged, this,
        [this] { m_views->details()->setVisible(m_tabs->currentWidget() != m_hosts->overview()); });
    connect(m_hosts->overview(), &HostsOverview::hostActivated, this, [this](const QString &hostName) {
        m_hosts->selectHost(hostName);
        m_tabs->setCurrentWidget(m_views->baseView());
    });

    MapView *map = m_overview->mapView();
    connect(map, &MapView::baseActivated, this,
        [this](const QString &hostName, const QString &name) { showFromMap(hostName, name, false); });
    connect(map, &MapView::instanceActivated, this,
        [this](const QString &hostName, const QString &uuid) { showFromMap(hostName, uuid, true); });
    // A click in the map tells the details pane, as a click in a table does.
    connect(map, &MapView::baseSelected, this, [this, scheduler](const QString &hostName, const QString &name) {
        if (const cache::CacheSnapshot *snapshot = scheduler->snapshot(hostName))
            m_views->details()->showBase(*snapshot, name);
    });
    connect(map, &MapView::instanceSelected, this, [this, scheduler](const QString &hostName, const QString &uuid) {
        if (const cache::CacheSnapshot *snapshot = scheduler->snapshot(hostName))
            m_views->details()->showInstance(*snapshot, uuid);
    });
}

void MainWindow::showHost(const QString &hostName)
{
    m_views->showHost(hostName);
    m_overview->setCurrentHost(hostName);
    showPlan();
    updateTitle();
}

void MainWindow::showPlan()
{
    const cache::CleanupPlan *plan = m_hosts->groupPlanner()->latest().plans.planOf(m_hosts->currentHost());
    m_views->baseModel()->setPlan(plan ? *plan : cache::CleanupPlan{});
}

void MainWindow::showFromMap(const QString &hostName, const QString &key, bool instance)
{
    if (hostName != m_hosts->currentHost())
        m_hosts->selectHost(hostName);
    if (instance)
        m_views->showInstance(key);
    else
        m_views->showBase(key);
}

void MainWindow::updateTitle()
{
    const HostListModel *model = m_hosts->model();
    const auto host = model->hostAt(model->indexOf(m_hosts->currentHost()).row());
    if (!host)
        setWindowTitle(tr("Cowherd"));
    else if (m_hosts->isDemoLab())
        setWindowTitle(tr("%1 — Cowherd").arg(DisplayFormat::demoLabTitle(host->uri)));
    else
        setWindowTitle(tr("%1 (%2) — Cowherd").arg(host->name, host->uri));
}

} // namespace cowherd::ui
