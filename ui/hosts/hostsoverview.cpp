#include "hosts/hostsoverview.h"

#include "common/columnwidth.h"
#include "common/filteredtableview.h"
#include "hosts/hostlistmodel.h"
#include "hosts/hosttransport.h"

#include "cache/auditlog.h"
#include "cache/cacheplanner.h"
#include "cache/cachepolicy.h"
#include "cache/sharinggroup.h"
#include "host/hostcallpool.h"
#include "task/whenfinished.h"

#include <QHeaderView>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace cowherd::ui {

namespace {

// Enough of the log's tail for the last pass of every host of a lab.
constexpr int AuditEntries = 5000;

struct Reclaimable
{
    qint64 bytes = 0;
    int files = 0;
};

} // namespace

HostsOverview::HostsOverview(HostListModel *model, const QString &configFile, const QString &auditLogPath,
    QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_view(new FilteredTableView(model,
          {HostListModel::SortRole, HostListModel::HostNameRole,
              {HostListModel::Name, HostListModel::State, HostListModel::Uri, HostListModel::LastPass,
                  HostListModel::ManagedBy},
              tr("Filter by host, state, URI, last pass or manager")},
          this))
    , m_configFile(configFile)
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
}

void HostsOverview::planSnapshot(const cache::CacheSnapshot &snapshot)
{
    const QString host = snapshot.host.name;
    m_snapshots.insert(host, snapshot);
    const quint64 generation = ++m_keyGeneration[host];
    // Which _base the host sees is read from the host (the storage-id marker): a round trip to a
    // host that may have gone away since its scan, so on the pool for such calls.
    task::whenFinished(QtConcurrent::run(host::hostCallPool(), [config = snapshot.host, configFile = m_configFile] {
        return cache::knownSharingGroupKey(config, configFile, transportFactory());
    }), this, [this, host, generation](const QString &key) {
        if (generation != m_keyGeneration.value(host))
            return;
        const QString before = m_groupKeys.value(host);
        m_groupKeys.insert(host, key);
        if (!before.isEmpty() && before != key)
            planGroup(before); // the group it left
        planGroup(key);
    });
}

void HostsOverview::planGroup(const QString &key)
{
    // Every member with a snapshot, planned together: a file unused on one host may be in use
    // on another, and a file both see is counted once.
    cache::SharingGroupState group;
    QStringList members;
    for (const host::HostConfig &host : m_model->hosts()) {
        const auto snapshot = m_snapshots.constFind(host.name);
        if (m_groupKeys.value(host.name) == key && snapshot != m_snapshots.constEnd()) {
            group.hosts.append({snapshot->host, *snapshot, {}});
            members.append(host.name);
        }
    }
    if (members.isEmpty())
        return;
    const quint64 generation = ++m_planGeneration[key];
    // The policy is in the settings file and planning a large cache is not free: off this thread.
    task::whenFinished(QtConcurrent::run([group, policyHost = members.constFirst(), configFile = m_configFile] {
        const cache::CleanupPlan plan = cache::planCleanup(group, cache::loadCachePolicy(configFile, policyHost),
            QDateTime::currentDateTimeUtc());
        // A blocked plan removes nothing: its totals are zero.
        return Reclaimable{plan.reclaimableBytes, plan.removeCount};
    }), this, [this, key, members, generation](const Reclaimable &r) {
        if (generation != m_planGeneration.value(key))
            return;
        for (const QString &host : members) {
            if (m_groupKeys.value(host) != key)
                continue; // moved to another group meanwhile: that group's plan says
            QStringList others = members;
            others.removeOne(host);
            m_model->setReclaimable(host, r.bytes, r.files, others);
            Q_EMIT figuresChanged(host);
        }
    });
}

void HostsOverview::refreshPasses()
{
    const quint64 generation = ++m_passGeneration;
    task::whenFinished(QtConcurrent::run([path = m_auditLogPath] { return LastPasses::fromAudit(readRecentAudit(path, AuditEntries)); }),
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
