#pragma once

#include "cache/cachesnapshot.h"
#include "cachepass/lastpass.h"

#include <QHash>
#include <QWidget>

namespace cowherd::ui {

class FilteredTableView;
class HostListModel;

// The overview of all hosts: one row per configured host with its connection state, cache
// size, what a cache pass would reclaim, instances, base files and the last cache pass. A
// view of the sidebar's HostListModel; this widget adds the figures that cost work: the
// cleanup plan of each new snapshot and the last passes from the audit log, both computed
// off the UI thread. Enter or a double click on a row asks for that host (hostActivated).
class HostsOverview final : public QWidget
{
    Q_OBJECT

public:
    HostsOverview(HostListModel *model, const QString &configFile, const QString &auditLogPath = {},
        QWidget *parent = nullptr);

    FilteredTableView *view() const { return m_view; }
    void setConfigFile(const QString &configFile) { m_configFile = configFile; }

    // Plans a cache pass on the snapshot the scan produced (no second scan) for Reclaimable:
    // for the host's whole sharing group (hosts seeing one _base), on the latest snapshot of
    // each member, and shows the group's figure on every member.
    void planSnapshot(const cache::CacheSnapshot &snapshot);
    // Reads the last pass of every host from the audit log again.
    void refreshPasses();
    // A cache pass task of this session ended without leaving its outcome in the audit log
    // (it failed before acting, for example): shown until a newer pass is recorded.
    void passFailed(const QString &hostName, const QDateTime &when, const QString &error);

Q_SIGNALS:
    void hostActivated(const QString &hostName);
    // For tests and the screenshot hook: the figures of a host changed.
    void figuresChanged(const QString &hostName);

private:
    void showPasses(const QHash<QString, LastPass> &fromAudit);
    void planGroup(const QString &key);

    HostListModel *m_model;
    FilteredTableView *m_view;
    QString m_configFile;
    QString m_auditLogPath;
    QHash<QString, cache::CacheSnapshot> m_snapshots; // the latest of each host
    QHash<QString, QString> m_groupKeys; // host -> sharing group key
    QHash<QString, quint64> m_keyGeneration; // by host
    QHash<QString, quint64> m_planGeneration; // by group key
    quint64 m_passGeneration = 0;
    QHash<QString, LastPass> m_failedPasses;
    QHash<QString, LastPass> m_auditPasses;
};

} // namespace cowherd::ui
