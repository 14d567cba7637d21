#include "window/mainwindow.h"

#include "window/aboutdialog.h"
#include "hosts/addhostdialog.h"
#include "window/menus.h"

#include "host/hostregistry.h"

#include "tables/basecachemodel.h"
#include "common/columnwidth.h"
#include "tables/detailspane.h"
#include "common/displayformat.h"
#include "common/filteredtableview.h"
#include "hosts/hostbanner.h"
#include "hosts/hostlistmodel.h"
#include "hosts/hostsetup.h"
#include "hosts/hostsidebar.h"
#include "common/icons.h"
#include "tables/instancemodel.h"
#include "overview/mapview.h"
#include "overview/groupplanner.h"
#include "overview/overviewtabs.h"
#include "tables/scanscheduler.h"
#include "window/windowstate.h"
#include "task/whenfinished.h"

#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <chrono>

using namespace std::chrono_literals;

namespace cowherd::ui {

namespace {

constexpr auto RefreshInterval = 60s;

void setColumnWidths(QTableView *table, std::initializer_list<int> widths)
{
    int column = 0;
    for (const int width : widths)
        resizeSectionToFitHeader(table->horizontalHeader(), column++, width);
}

} // namespace

MainWindow::MainWindow(const QString &configFile, QWidget *parent)
    : QMainWindow(parent)
    , m_hostModel(new HostListModel(this))
    , m_baseModel(new BaseCacheModel(this))
    , m_instanceModel(new InstanceModel(this))
    , m_scheduler(new ScanScheduler(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    createActions();
    createLayout();
    createTaskFeatures();
    updateTitles();
    resize(1280, 800);
    createOverview(configFile);
    createHostFeatures();
    createImageFeatures();
    createHelpMenu();
    // Big snapshots are diffed on a worker: titles and snapshotShown follow the applied rows.
    connect(m_baseModel, &BaseCacheModel::snapshotApplied, this, &MainWindow::onModelApplied);
    connect(m_instanceModel, &InstanceModel::snapshotApplied, this, &MainWindow::onModelApplied);

    connect(m_scheduler, &ScanScheduler::scanStarted, this, [this](const QString &hostName) {
        m_hostModel->setScanning(hostName);
        if (hostName == m_currentHost)
            m_statusLabel->setText(tr("Scanning %1…").arg(m_hostModel->indexOf(hostName).data().toString()));
    });
    connect(m_scheduler, &ScanScheduler::snapshotReady, this, &MainWindow::onSnapshotReady);
    connect(m_scheduler, &ScanScheduler::scanFailed, this, &MainWindow::onScanFailed);
    connect(m_sidebar, &HostSidebar::currentHostChanged, this, &MainWindow::showHost);
    connect(m_baseView, &FilteredTableView::currentKeyChanged, this, &MainWindow::updateDetails);
    connect(m_instanceView, &FilteredTableView::currentKeyChanged, this, &MainWindow::updateDetails);
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::updateDetails);
    connect(m_details, &DetailsPane::instanceActivated, this, &MainWindow::showInstanceFromDetails);
    connect(m_details, &DetailsPane::baseActivated, this, &MainWindow::showBaseFromDetails);

    // Queued, so that whoever constructs the window can connect to hostsLoaded() first even
    // when the host list is read faster than the constructor returns.
    QMetaObject::invokeMethod(this, [this, configFile] { loadHosts(configFile); }, Qt::QueuedConnection);
}

MainWindow::~MainWindow() = default;

void MainWindow::addHost()
{
    AddHostDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const host::HostConfig added = dialog.host();
    // The registry is a file: write it off this thread, then read the host list again.
    task::whenFinished(QtConcurrent::run([configFile = m_configFile, added] { return host::HostRegistry(configFile).add(added); }),
        this, [this](const Status &result) {
            if (!result) {
                QMessageBox::warning(this, tr("Add host"), result.error().message);
                return;
            }
            loadHosts(m_configFile);
        });
}

void MainWindow::createHelpMenu()
{
    auto *about = new QAction(tr("&About Cowherd"), this);
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, [this] { AboutDialog(this).exec(); });
    menuNamed(menuBar(), tr("&Help"))->addAction(about);
}

void MainWindow::createActions()
{
    m_refresh = new QAction(themedIcon(QStringLiteral("view-refresh")), tr("&Refresh"), this);
    m_refresh->setShortcut(QKeySequence::Refresh);
    m_refresh->setToolTip(tr("Scan every host again (F5)"));
    m_refresh->setEnabled(false);
    connect(m_refresh, &QAction::triggered, this, &MainWindow::refresh);

    auto *quit = new QAction(themedIcon(QStringLiteral("application-exit")), tr("&Quit"), this);
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    auto *addHost = new QAction(tr("&Add host…"), this);
    addHost->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    addHost->setToolTip(tr("Add a hypervisor by its libvirt URI and test what works"));
    connect(addHost, &QAction::triggered, this, &MainWindow::addHost);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(addHost);
    file->addAction(m_refresh);
    file->addSeparator();
    file->addAction(quit);

    QToolBar *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addAction(m_refresh);
}

void MainWindow::createLayout()
{
    m_sidebar = new HostSidebar(m_hostModel, this);
    m_banner = new HostBanner(this);

    m_baseView = new FilteredTableView(m_baseModel,
        {BaseCacheModel::SortRole, BaseCacheModel::NameRole,
            {BaseCacheModel::Name, BaseCacheModel::Kind, BaseCacheModel::Format},
            tr("Filter by name, kind or format")},
        this);
    m_baseView->setObjectName(QStringLiteral("baseCacheView"));
    // Wide enough for a resized Nova name (<sha1>_<GiB>) and its warning icon.
    const QString sampleName = QStringLiteral("0ba279229cf8041eb867aa75bd09facb574c3532_10");
    const int nameWidth = fontMetrics().horizontalAdvance(sampleName) + 16;
    int kindWidth = 68;
    for (const auto kind : {cache::BaseKind::Original, cache::BaseKind::Resized, cache::BaseKind::Swap,
             cache::BaseKind::Ephemeral, cache::BaseKind::Unknown, cache::BaseKind::Partial})
        kindWidth = std::max(kindWidth, fontMetrics().horizontalAdvance(DisplayFormat::kindName(kind)) + 12);
    setColumnWidths(m_baseView->tableView(), {nameWidth, kindWidth, 56, 78, 78, 72, 60});

    m_instanceView = new FilteredTableView(m_instanceModel,
        {InstanceModel::SortRole, InstanceModel::UuidRole,
            {InstanceModel::Uuid, InstanceModel::Name, InstanceModel::State, InstanceModel::BaseFiles},
            tr("Filter by uuid, name, state or base file")},
        this);
    m_instanceView->setObjectName(QStringLiteral("instanceView"));
    setColumnWidths(m_instanceView->tableView(), {fontMetrics().horizontalAdvance(QStringLiteral("3c5e7f10-8a2b-4d6c-9e1f-2a3b4c5d6e70")) + 16, 100, 80, 170, 45});

    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_baseView, tr("Base cache"));
    m_tabs->addTab(m_instanceView, tr("Instances"));

    auto *center = new QWidget(this);
    auto *centerLayout = new QVBoxLayout(center);
    centerLayout->setContentsMargins(0, 0, 0, 0);
    centerLayout->addWidget(m_banner);
    centerLayout->addWidget(m_tabs, 1);

    m_details = new DetailsPane(this);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_sidebar);
    m_splitter->addWidget(center);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({190, 770, 320});
    m_splitter->setContentsMargins(6, 6, 6, 6);
    setCentralWidget(m_splitter);

    m_statusLabel = new QLabel(tr("Reading the host list…"), this);
    statusBar()->addWidget(m_statusLabel, 1);
}

void MainWindow::loadHosts(const QString &configFile)
{
    // The registry is a file and the demo lab may ask libvirt: neither belongs on this thread.
    const quint64 generation = ++m_loadGeneration;
    m_configFile = configFile;
    task::whenFinished(QtConcurrent::run([configFile] { return loadHostSetup(configFile); }),
        this, [this, generation](const HostSetup &setup) {
            if (generation == m_loadGeneration)
                applyHostSetup(setup);
        });
}

void MainWindow::applyHostSetup(const HostSetup &setup)
{
    m_demoLab = setup.demoLab;
    m_hostModel->setHosts(setup.hosts, setup.demoLab);
    m_scheduler->setHosts(setup.hosts);
    m_refresh->setEnabled(!setup.hosts.isEmpty());
    if (!setup.hosts.isEmpty())
        m_sidebar->setCurrentHost(setup.hosts.constFirst().name);
    m_scheduler->scanAll();
    m_scheduler->setInterval(RefreshInterval);
    applyHostSetupToTasks(setup);
    applyHostSetupToHosts(setup);
    Q_EMIT hostsLoaded();
}

void MainWindow::refresh()
{
    m_scheduler->scanAll();
}

void MainWindow::showHost(const QString &hostName)
{
    // Another host's rows are not diffed against these (no key is shared): they go at once, and
    // a big host does not show the previous host's rows while its own are made on a worker.
    if (hostName != m_currentHost) {
        m_baseModel->clear();
        m_instanceModel->clear();
    }
    m_currentHost = hostName;
    m_shownPending.clear();
    if (const cache::CacheSnapshot *snapshot = m_scheduler->snapshot(hostName)) {
        m_baseModel->setSnapshot(*snapshot);
        m_instanceModel->setSnapshot(*snapshot);
    } else {
        m_baseModel->clear();
        m_instanceModel->clear();
    }
    m_overview->setCurrentHost(hostName);
    updateTitles();
    updateBanner();
    updateDetails();
}

void MainWindow::onSnapshotReady(const QString &hostName, const cache::CacheSnapshot &snapshot, qint64 elapsedMs)
{
    m_failures.remove(hostName);
    m_hostModel->setScanned(hostName, snapshot);
    if (hostName != m_currentHost)
        return;
    m_baseModel->setSnapshot(snapshot);
    m_instanceModel->setSnapshot(snapshot);
    m_statusLabel->setText(tr("Scanned %1 at %2 in %3 s — %4 in %n base file(s)", nullptr, int(snapshot.bases.size()))
            .arg(m_hostModel->indexOf(hostName).data().toString(),
                QLocale().toString(snapshot.takenAt.toLocalTime().time(), QLocale::ShortFormat),
                QLocale().toString(double(elapsedMs) / 1000.0, 'f', 1),
                DisplayFormat::size(snapshot.totalAllocated())));
    updateTitles();
    updateBanner();
    updateDetails();
    m_shownPending = hostName;
    onModelApplied();
}

void MainWindow::onModelApplied()
{
    updateTitles();
    if (m_shownPending.isEmpty() || m_baseModel->isUpdating() || m_instanceModel->isUpdating())
        return;
    Q_EMIT snapshotShown(std::exchange(m_shownPending, {}));
}

void MainWindow::onScanFailed(const QString &hostName, const Error &error)
{
    m_failures.insert(hostName, error.message);
    m_hostModel->setFailed(hostName, error.message);
    if (hostName != m_currentHost)
        return;
    m_statusLabel->setText(tr("Scanning %1 failed").arg(m_hostModel->indexOf(hostName).data().toString()));
    updateBanner();
}

void MainWindow::updateDetails()
{
    const cache::CacheSnapshot *snapshot = m_scheduler->snapshot(m_currentHost);
    if (!snapshot) {
        m_details->showNothing();
        return;
    }
    if (m_tabs->currentWidget() == m_baseView && !m_baseView->currentKey().isEmpty())
        m_details->showBase(*snapshot, m_baseView->currentKey());
    else if (m_tabs->currentWidget() == m_instanceView && !m_instanceView->currentKey().isEmpty())
        m_details->showInstance(*snapshot, m_instanceView->currentKey());
    else
        m_details->showNothing();
}

void MainWindow::updateBanner()
{
    const QModelIndex hostIndex = m_hostModel->indexOf(m_currentHost);
    const auto host = m_hostModel->hostAt(hostIndex.row());
    if (!host) {
        m_banner->clearMessage();
        return;
    }
    QStringList lines;
    auto level = HostBanner::Level::Information;
    if (const QString problem = connectionProblem(m_currentHost); !problem.isEmpty()) {
        level = HostBanner::Level::Error;
        lines.append(problem);
    }
    if (const auto failure = m_failures.constFind(m_currentHost); failure != m_failures.constEnd()) {
        level = HostBanner::Level::Error;
        lines.append(tr("Cannot scan %1: %2").arg(hostIndex.data().toString(), failure.value()));
    } else if (const cache::CacheSnapshot *snapshot = m_scheduler->snapshot(m_currentHost)) {
        QList<Problem> problems = snapshot->problems;
        if (!snapshot->libvirtStatus.isEmpty())
            problems.append({QStringLiteral("libvirt"), tr("libvirt: %1").arg(snapshot->libvirtStatus)});
        if (!problems.isEmpty()) {
            level = std::max(level, HostBanner::Level::Warning);
            lines.append(DisplayFormat::problems(problems));
        }
    }
    if (m_demoLab) {
        lines.prepend(tr("%1. No host is configured; add one with “cowherdctl hosts add NAME URI --instances-path PATH”.")
                .arg(DisplayFormat::demoLabTitle(host->uri)));
    }
    if (lines.isEmpty())
        m_banner->clearMessage();
    else
        m_banner->showMessage(level, lines.join(u'\n'));
}

void MainWindow::updateTitles()
{
    m_tabs->setTabText(0, tr("Base cache (%1)").arg(m_baseModel->rowCount()));
    m_tabs->setTabText(1, tr("Instances (%1)").arg(m_instanceModel->rowCount()));
    const auto host = m_hostModel->hostAt(m_hostModel->indexOf(m_currentHost).row());
    if (!host)
        setWindowTitle(tr("Cowherd"));
    else if (m_demoLab)
        setWindowTitle(tr("%1 — Cowherd").arg(DisplayFormat::demoLabTitle(host->uri)));
    else
        setWindowTitle(tr("%1 (%2) — Cowherd").arg(host->name, host->uri));
}

void MainWindow::showInstanceFromDetails(const QString &uuid)
{
    m_tabs->setCurrentWidget(m_instanceView);
    m_instanceView->selectKey(uuid);
}

void MainWindow::showBaseFromDetails(const QString &name)
{
    m_tabs->setCurrentWidget(m_baseView);
    m_baseView->selectKey(name);
}

void MainWindow::createOverview(const QString &configFile)
{
    m_groupPlanner = new GroupPlanner(m_scheduler, configFile, this);
    m_overview = new OverviewTabs(this, m_tabs, m_groupPlanner);
    connect(m_overview->mapView(), &MapView::baseActivated, this,
        [this](const QString &hostName, const QString &name) { showFromMap(hostName, name, false); });
    connect(m_overview->mapView(), &MapView::instanceActivated, this,
        [this](const QString &hostName, const QString &uuid) { showFromMap(hostName, uuid, true); });
    // A click in the map tells the details pane, as a click in a table does.
    connect(m_overview->mapView(), &MapView::baseSelected, this, [this](const QString &hostName, const QString &name) {
        if (const cache::CacheSnapshot *snapshot = m_scheduler->snapshot(hostName))
            m_details->showBase(*snapshot, name);
    });
    connect(m_overview->mapView(), &MapView::instanceSelected, this, [this](const QString &hostName, const QString &uuid) {
        if (const cache::CacheSnapshot *snapshot = m_scheduler->snapshot(hostName))
            m_details->showInstance(*snapshot, uuid);
    });

    m_baseView->setAccessibleName(tr("Base cache"));
    m_instanceView->setAccessibleName(tr("Instances"));
    m_sidebar->setAccessibleName(tr("Hosts"));
    m_details->setAccessibleName(tr("Details"));

    m_windowState = new WindowState(this);
    m_windowState->trackSplitter(m_splitter, QStringLiteral("main"));
    m_windowState->trackHeader(m_baseView->tableView()->horizontalHeader(), QStringLiteral("baseCache"));
    m_windowState->trackHeader(m_instanceView->tableView()->horizontalHeader(), QStringLiteral("instances"));
    m_windowState->restore();
}

void MainWindow::showFromMap(const QString &hostName, const QString &key, bool instance)
{
    if (hostName != m_currentHost)
        m_sidebar->setCurrentHost(hostName);
    if (instance)
        showInstanceFromDetails(key);
    else
        showBaseFromDetails(key);
}

} // namespace cowherd::ui
