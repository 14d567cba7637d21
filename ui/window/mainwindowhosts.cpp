// The MainWindow's live hosts, kept apart from the cache views: one libvirt connection per host
// (state in the sidebar, the overview and the banner; domain events patch the instance views
// without a scan) and the overview table of all hosts.
#include "window/mainwindow.h"

#include "tables/detailspane.h"
#include "common/filteredtableview.h"
#include "hosts/hostconnections.h"
#include "hosts/hostlistmodel.h"
#include "hosts/hostsetup.h"
#include "hosts/hostsidebar.h"
#include "hosts/hostsoverview.h"
#include "common/icons.h"
#include "tables/instancemodel.h"
#include "window/menus.h"
#include "overview/groupplanner.h"
#include "overview/overviewtabs.h"
#include "tables/scanscheduler.h"
#include "cachepass/cachepassscheduler.h"
#include "task/taskmanager.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>

#include <utility>

namespace cowherd::ui {

using State = host::HostConnection::State;

void MainWindow::createHostFeatures()
{
    m_connections = new HostConnections(this);
    m_hostsOverview = new HostsOverview(m_hostModel, m_groupPlanner, {}, m_tabs);
    m_tabs->addTab(m_hostsOverview, themedIcon(QStringLiteral("network-server")), tr("All hosts"));

    m_showHosts = new QAction(themedIcon(QStringLiteral("network-server")), tr("All &hosts"), this);
    m_showHosts->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    m_showHosts->setToolTip(tr("Every host at a glance: connection, cache size, reclaimable bytes, last cache pass"));
    connect(m_showHosts, &QAction::triggered, this, [this] {
        m_tabs->setCurrentWidget(m_hostsOverview);
        m_hostsOverview->view()->tableView()->setFocus(Qt::ShortcutFocusReason);
    });
    menuNamed(menuBar(), tr("&View"))->addAction(m_showHosts);

    // Events come in bursts (a launch defines and starts; a host restart stops many domains):
    // repaint the map, dashboard and details and rescan unknown domains once per burst.
    m_liveUpdate = new QTimer(this);
    m_liveUpdate->setSingleShot(true);
    m_liveUpdate->setInterval(250);
    connect(m_liveUpdate, &QTimer::timeout, this, [this] {
        for (const QString &host : std::exchange(m_rescanDue, {}))
            m_scheduler->scan(host);
        m_groupPlanner->refresh();
        updateDetails();
    });

    // The details pane has nothing to say about a whole host: the overview gets its width.
    connect(m_tabs, &QTabWidget::currentChanged, this,
        [this] { m_details->setVisible(m_tabs->currentWidget() != m_hostsOverview); });
    connect(m_hostsOverview, &HostsOverview::hostActivated, this, [this](const QString &hostName) {
        m_sidebar->setCurrentHost(hostName);
        m_tabs->setCurrentWidget(m_baseView);
    });
    connect(m_connections, &HostConnections::stateChanged, this,
        [this](const QString &hostName, State state, const QString &reason, int attempt) {
            const int before = m_hostModel->indexOf(hostName).data(HostListModel::ConnectionStateRole).toInt();
            m_hostModel->setConnectionState(hostName, state, reason, attempt);
            // Domains may have come and gone while the host was away.
            if (state == State::Connected && (before == int(State::Reconnecting) || before == int(State::Failed)))
                m_scheduler->scan(hostName);
            if (hostName == m_currentHost)
                updateBanner();
        });
    connect(m_connections, &HostConnections::domainEvent, this, &MainWindow::onDomainEvent);

    // The last pass of every host: from the audit log once a task ends (passes write it), and
    // a scheduled pass that failed without writing it.
    connect(m_tasks, &task::TaskManager::taskFinished, this, [this](quint64 id, task::TaskState state) {
        const auto pass = m_passTasks.constFind(id);
        if (pass != m_passTasks.constEnd() && state == task::TaskState::Failed)
            if (const auto info = m_tasks->task(id))
                m_hostsOverview->passFailed(pass.value(), info->finished, info->error);
        m_passTasks.remove(id);
        m_hostsOverview->refreshPasses();
    });
    connect(m_cachePassScheduler, &CachePassScheduler::passSubmitted, this,
        [this](const QString &hostName, quint64 id) { m_passTasks.insert(id, hostName); });
}

void MainWindow::applyHostSetupToHosts(const HostSetup &setup)
{
    m_connections->setHosts(setup.hosts);
    m_groupPlanner->setConfigFile(m_configFile);
    m_hostsOverview->refreshPasses();
}

void MainWindow::onDomainEvent(const QString &hostName, const QString &uuid, const QString &state, const QString &event)
{
    // Defining or undefining changes more than the state (the name, whether a domain exists):
    // the state is shown at once, a rescan fills in the rest.
    const bool known = m_scheduler->updateInstanceState(hostName, uuid, state);
    if (!known || event == QLatin1String("defined") || event == QLatin1String("undefined"))
        m_rescanDue.insert(hostName);
    if (known && hostName == m_currentHost)
        if (const cache::CacheSnapshot *snapshot = m_scheduler->snapshot(hostName))
            m_instanceModel->setSnapshot(*snapshot); // a diff: only that row changes
    m_liveUpdate->start();
}

QString MainWindow::connectionProblem(const QString &hostName) const
{
    const QModelIndex index = m_hostModel->indexOf(hostName);
    const int state = index.data(HostListModel::ConnectionStateRole).toInt();
    const QString reason = index.data(HostListModel::MessageRole).toString();
    if (state == int(State::Reconnecting))
        return tr("%1 — %2").arg(reason, m_hostModel->index(index.row(), HostListModel::State).data().toString());
    if (state == int(State::Failed))
        return tr("libvirt on %1 cannot be followed: %2").arg(index.data().toString(), reason);
    return {};
}

} // namespace cowherd::ui
