#include "hosts/hostsfeature.h"

#include "cachepass/cachepassscheduler.h"
#include "common/displayformat.h"
#include "common/filteredtableview.h"
#include "common/icons.h"
#include "hosts/addhostdialog.h"
#include "hosts/hostbanner.h"
#include "hosts/hostconnections.h"
#include "hosts/hostlistmodel.h"
#include "hosts/hostsidebar.h"
#include "hosts/hostsoverview.h"
#include "overview/groupplanner.h"
#include "tables/scanscheduler.h"

#include "host/hostregistry.h"
#include "task/taskmanager.h"
#include "task/whenfinished.h"

#include <QAction>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QtConcurrent>

#include <chrono>
#include <utility>

using namespace std::chrono_literals;

namespace cowherd::ui {

namespace {

constexpr auto RefreshInterval = 60s;

using State = host::HostConnection::State;

} // namespace

HostsFeature::HostsFeature(const QString &configFile, QWidget *window)
    : QObject(window)
    , m_window(window)
    , m_configFile(configFile)
    , m_model(new HostListModel(this))
    , m_scheduler(new ScanScheduler(this))
    , m_planner(new GroupPlanner(m_scheduler, configFile, this))
    , m_connections(new HostConnections(this))
    , m_sidebar(new HostSidebar(m_model, window))
    , m_banner(new HostBanner(window))
    , m_liveUpdate(new QTimer(this))
{
    setObjectName(QStringLiteral("hostsFeature"));
    m_model->setObjectName(QStringLiteral("hostListModel"));
    m_scheduler->setObjectName(QStringLiteral("scanScheduler"));
    m_connections->setObjectName(QStringLiteral("hostConnections"));
    m_sidebar->setObjectName(QStringLiteral("hostSidebar"));
    m_sidebar->setAccessibleName(tr("Hosts"));
    createActions(window);

    connect(m_sidebar, &HostSidebar::currentHostChanged, this, &HostsFeature::onCurrentHostChanged);
    connect(m_scheduler, &ScanScheduler::scanStarted, this, [this](const QString &hostName) {
        m_model->setScanning(hostName);
        if (hostName == m_currentHost)
            Q_EMIT statusChanged(tr("Scanning %1…").arg(displayName(hostName)));
    });
    connect(m_scheduler, &ScanScheduler::snapshotReady, this, &HostsFeature::onSnapshotReady);
    connect(m_scheduler, &ScanScheduler::scanFailed, this,
        [this](const QString &hostName, const Error &error) { onScanFailed(hostName, error.message); });

    // Events come in bursts (a launch defines and starts; a host restart stops many domains):
    // rescan unknown domains and let the views repaint once per burst.
    m_liveUpdate->setSingleShot(true);
    m_liveUpdate->setInterval(250);
    connect(m_liveUpdate, &QTimer::timeout, this, [this] {
        for (const QString &host : std::exchange(m_rescanDue, {}))
            m_scheduler->scan(host);
        m_planner->refresh(); // instance states in the map
        Q_EMIT liveChangesSettled();
    });
    connect(m_connections, &HostConnections::stateChanged, this,
        [this](const QString &hostName, State state, const QString &reason, int attempt) {
            const int before = m_model->indexOf(hostName).data(HostListModel::ConnectionStateRole).toInt();
            m_model->setConnectionState(hostName, state, reason, attempt);
            // Domains may have come and gone while the host was away.
            if (state == State::Connected && (before == int(State::Reconnecting) || before == int(State::Failed)))
                m_scheduler->scan(hostName);
            if (hostName == m_currentHost)
                updateBanner();
        });
    connect(m_connections, &HostConnections::domainEvent, this, &HostsFeature::onDomainEvent);
}

HostsFeature::~HostsFeature() = default;

void HostsFeature::createActions(QWidget *window)
{
    m_refresh = new QAction(themedIcon(QStringLiteral("view-refresh")), tr("&Refresh"), window);
    m_refresh->setObjectName(QStringLiteral("refreshAction"));
    m_refresh->setShortcut(QKeySequence::Refresh);
    m_refresh->setToolTip(tr("Scan every host again (F5)"));
    m_refresh->setEnabled(false);
    connect(m_refresh, &QAction::triggered, m_scheduler, &ScanScheduler::scanAll);

    m_addHost = new QAction(tr("&Add host…"), window);
    m_addHost->setObjectName(QStringLiteral("addHostAction"));
    m_addHost->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    m_addHost->setToolTip(tr("Add a hypervisor by its libvirt URI and test what works"));
    connect(m_addHost, &QAction::triggered, this, &HostsFeature::addHost);
}

void HostsFeature::addOverviewTab(QTabWidget *tabs, QMenu *viewMenu)
{
    m_overview = new HostsOverview(m_model, m_planner, {}, tabs);
    tabs->addTab(m_overview, themedIcon(QStringLiteral("network-server")), tr("All hosts"));

    auto *showHosts = new QAction(themedIcon(QStringLiteral("network-server")), tr("All &hosts"), m_window);
    showHosts->setObjectName(QStringLiteral("showHostsAction"));
    showHosts->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    showHosts->setToolTip(tr("Every host at a glance: connection, cache size, reclaimable bytes, last cache pass"));
    connect(showHosts, &QAction::triggered, this, [this, tabs] {
        tabs->setCurrentWidget(m_overview);
        m_overview->view()->tableView()->setFocus(Qt::ShortcutFocusReason);
    });
    viewMenu->addAction(showHosts);
}

void HostsFeature::followPasses(task::TaskManager *tasks, CachePassScheduler *passes)
{
    // The last pass of every host: from the audit log once a task ends (passes write it), and
    // a scheduled pass that failed without writing it.
    connect(tasks, &task::TaskManager::taskFinished, this, [this, tasks](quint64 id, task::TaskState state) {
        const auto pass = m_passTasks.constFind(id);
        if (pass != m_passTasks.constEnd() && state == task::TaskState::Failed)
            if (const auto info = tasks->task(id))
                m_overview->passFailed(pass.value(), info->finished, info->error);
        m_passTasks.remove(id);
        m_overview->refreshPasses();
    });
    connect(passes, &CachePassScheduler::passSubmitted, this,
        [this](const QString &hostName, quint64 id) { m_passTasks.insert(id, hostName); });
}

void HostsFeature::load()
{
    // The registry is a file and the demo lab may ask libvirt: neither belongs on this thread.
    const quint64 generation = ++m_loadGeneration;
    task::whenFinished(QtConcurrent::run([configFile = m_configFile] { return loadHostSetup(configFile); }), this,
        [this, generation](const HostSetup &setup) {
            if (generation == m_loadGeneration)
                applySetup(setup);
        });
}

void HostsFeature::addHost()
{
    AddHostDialog dialog(m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const host::HostConfig added = dialog.host();
    // The registry is a file: write it off this thread, then read the host list again.
    task::whenFinished(
        QtConcurrent::run([configFile = m_configFile, added] { return host::HostRegistry(configFile).add(added); }),
        this, [this](const Status &result) {
            if (!result) {
                QMessageBox::warning(m_window, tr("Add host"), result.error().message);
                return;
            }
            load();
        });
}

void HostsFeature::applySetup(const HostSetup &setup)
{
    m_demoLab = setup.demoLab;
    m_model->setHosts(setup.hosts, setup.demoLab);
    m_scheduler->setHosts(setup.hosts);
    m_planner->refresh(); // without the hosts that went
    m_refresh->setEnabled(!setup.hosts.isEmpty());
    if (!setup.hosts.isEmpty())
        m_sidebar->setCurrentHost(setup.hosts.constFirst().name);
    m_scheduler->scanAll();
    m_scheduler->setInterval(RefreshInterval);
    m_connections->setHosts(setup.hosts);
    if (m_overview)
        m_overview->refreshPasses();
    Q_EMIT hostsLoaded(setup);
}

void HostsFeature::selectHost(const QString &hostName)
{
    m_sidebar->setCurrentHost(hostName);
}

std::optional<host::HostConfig> HostsFeature::currentHostConfig() const
{
    for (const host::HostConfig &h : m_scheduler->hosts())
        if (h.name == m_currentHost)
            return h;
    return std::nullopt;
}

void HostsFeature::onCurrentHostChanged(const QString &hostName)
{
    m_currentHost = hostName;
    updateBanner();
    Q_EMIT currentHostChanged(hostName);
}

void HostsFeature::onSnapshotReady(const QString &hostName, const cache::CacheSnapshot &snapshot, qint64 elapsedMs)
{
    m_failures.remove(hostName);
    m_model->setScanned(hostName, snapshot);
    if (hostName != m_currentHost)
        return;
    Q_EMIT statusChanged(
        tr("Scanned %1 at %2 in %3 s — %4 in %n base file(s)", nullptr, int(snapshot.bases.size()))
            .arg(displayName(hostName), QLocale().toString(snapshot.takenAt.toLocalTime().time(), QLocale::ShortFormat),
                QLocale().toString(double(elapsedMs) / 1000.0, 'f', 1),
                DisplayFormat::size(snapshot.totalAllocated())));
    updateBanner();
}

void HostsFeature::onScanFailed(const QString &hostName, const QString &message)
{
    m_failures.insert(hostName, message);
    m_model->setFailed(hostName, message);
    if (hostName != m_currentHost)
        return;
    Q_EMIT statusChanged(tr("Scanning %1 failed").arg(displayName(hostName)));
    updateBanner();
}

void HostsFeature::onDomainEvent(
    const QString &hostName, const QString &uuid, const QString &state, const QString &event)
{
    // Defining or undefining changes more than the state (the name, whether a domain exists):
    // the state is shown at once, a rescan fills in the rest.
    const bool known = m_scheduler->updateInstanceState(hostName, uuid, state);
    if (!known || event == QLatin1String("defined") || event == QLatin1String("undefined"))
        m_rescanDue.insert(hostName);
    if (known)
        Q_EMIT instanceStateChanged(hostName);
    m_liveUpdate->start();
}

void HostsFeature::updateBanner()
{
    const QModelIndex hostIndex = m_model->indexOf(m_currentHost);
    const auto host = m_model->hostAt(hostIndex.row());
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
        lines.prepend(tr("%1. No host is configured; add one with File › Add host… or on the command line with "
                         "“cowherdctl hosts add NAME URI --instances-path PATH”.")
                          .arg(DisplayFormat::demoLabTitle(host->uri)));
    }
    if (lines.isEmpty())
        m_banner->clearMessage();
    else
        m_banner->showMessage(level, lines.join(u'\n'));
}

QString HostsFeature::displayName(const QString &hostName) const
{
    return m_model->indexOf(hostName).data().toString();
}

QString HostsFeature::connectionProblem(const QString &hostName) const
{
    const QModelIndex index = m_model->indexOf(hostName);
    const int state = index.data(HostListModel::ConnectionStateRole).toInt();
    const QString reason = index.data(HostListModel::MessageRole).toString();
    if (state == int(State::Reconnecting))
        return tr("%1 — %2").arg(reason, m_model->index(index.row(), HostListModel::State).data().toString());
    if (state == int(State::Failed))
        return tr("libvirt on %1 cannot be followed: %2").arg(index.data().toString(), reason);
    return {};
}

} // namespace cowherd::ui
