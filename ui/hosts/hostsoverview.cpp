#include "hosts/hostsoverview.h"

#include "common/columnwidth.h"
#include "common/filteredtableview.h"
#include "hosts/hostlistmodel.h"
#include "overview/groupplanner.h"

#include "cache/auditlog.h"
#include "task/whenfinished.h"

#include <QHeaderView>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace cowherd::ui {

namespace {

// Enough of the log's tail for the last pass of every host of a lab.
constexpr int AuditEntries = 5000;

} // namespace

HostsOverview::HostsOverview(HostListModel *model, GroupPlanner *plans, const QString &auditLogPath, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_plans(plans)
    , m_view(new FilteredTableView(model,
          {HostListModel::SortRole, HostListModel::HostNameRole,
              {HostListModel::Name, HostListModel::State, HostListModel::Uri, HostListModel::LastPass,
                  HostListModel::ManagedBy},
              tr("Filter by host, state, URI, last pass or manager")},
          this))
    , m_auditLogPath(auditLogPath.isEmpty() ? cache::AuditLog::defaultPath() : auditLogPath)
{
    setObjectName(QStringLiteral("hostsOverview"));
    m_view->setObjectName(QStringLiteral("hostsOverviewTable"));
    m_view->setAccessibleName(tr("All hosts"));
    QTableView *table = m_view->tableView();
    const QFontMetrics metrics = fontMetrics();
    const auto width = [&metrics](const char *sample, int padding) {
        return metrics.horizontalAdvance(QString::fromUtf8(sample)) + padding;
    };
    const QList<int> widths{width("lab-compute-01", 28), width("reconnecting (attempt 10)", 12),
        width("1,023.9 MiB", 12), width("1,023.9 MiB · shared", 12), width("000", 12), width("000", 12),
        width("23 h ago · removed 12 files (10.5 GiB)", 12), width("Nova (advice only)", 12)};
    for (int column = 0; column < widths.size(); ++column)
        resizeSectionToFitHeader(table->horizontalHeader(), column, widths.at(column));
    connect(table, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        if (const QString host = index.data(HostListModel::HostNameRole).toString(); !host.isEmpty())
            Q_EMIT hostActivated(host);
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    connect(plans, &GroupPlanner::planned, this, &HostsOverview::showPlans);
}

void HostsOverview::showPlans()
{
    // A blocked plan removes nothing: its totals are zero.
    const cache::GroupPlans &plans = m_plans->latest().plans;
    for (const cache::CacheSnapshot &snapshot : m_plans->latest().snapshots) {
        const cache::GroupPlan *group = plans.groupOf(snapshot.host.name);
        if (!group)
            continue;
        QStringList others = group->members;
        others.removeOne(snapshot.host.name);
        m_model->setReclaimable(snapshot.host.name, group->plan.reclaimableBytes, group->plan.removeCount, others);
        Q_EMIT figuresChanged(snapshot.host.name);
    }
}

void HostsOverview::refreshPasses()
{
    const quint64 generation = ++m_passGeneration;
    task::whenFinished(QtConcurrent::run([path = m_auditLogPath] {
        return LastPasses::fromAudit(readRecentAudit(path, AuditEntries));
    }),
        this, [this, generation](const QHash<QString, LastPass> &passes) {
            if (generation == m_passGeneration)
                showPasses(passes);
        });
}

void HostsOverview::passFailed(const QString &hostName, const QDateTime &when, const QString &error)
{
    m_failedPasses.insert(hostName, {when.toUTC(), tr("failed: %1").arg(error), true});
    showPasses(m_auditPasses);
}

void HostsOverview::showPasses(const QHash<QString, LastPass> &fromAudit)
{
    m_auditPasses = fromAudit;
    for (const host::HostConfig &host : m_model->hosts()) {
        LastPass pass = fromAudit.value(host.name);
        if (const auto failed = m_failedPasses.constFind(host.name);
            failed != m_failedPasses.constEnd() && (!pass.time.isValid() || failed->time > pass.time))
            pass = failed.value();
        m_model->setLastPass(host.name, pass);
        Q_EMIT figuresChanged(host.name);
    }
}

} // namespace cowherd::ui
