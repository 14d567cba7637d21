#pragma once

#include "cachepass/lastpass.h"

#include <QHash>
#include <QWidget>

namespace cowherd::ui {

class FilteredTableView;
class GroupPlanner;
class HostListModel;

// The overview of all hosts: one row per configured host with its connection state, cache
// size, what a cache pass would reclaim, instances, base files and the last cache pass. A
// view of the sidebar's HostListModel; this widget adds the figures that cost work: what the
// GroupPlanner's plan of each host's sharing group would reclaim (the group's figure on every
// member) and the last passes from the audit log, read off the UI thread. Enter or a double
// click on a row asks for that host (hostActivated).
class HostsOverview final : public QWidget
{
    Q_OBJECT

public:
    HostsOverview(
        HostListModel *model, GroupPlanner *plans, const QString &auditLogPath = {}, QWidget *parent = nullptr);

    FilteredTableView *view() const { return m_view; }
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
    void showPlans();

    HostListModel *m_model;
    GroupPlanner *m_plans;
    FilteredTableView *m_view;
    QString m_auditLogPath;
    quint64 m_passGeneration = 0;
    QHash<QString, LastPass> m_failedPasses;
    QHash<QString, LastPass> m_auditPasses;
};

} // namespace cowherd::ui
