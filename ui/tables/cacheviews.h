#pragma once

#include "cache/cachesnapshot.h"

#include <QObject>
#include <QString>

class QTabWidget;
class QWidget;

namespace cowherd::ui {

class BaseCacheModel;
class DetailsPane;
class FilteredTableView;
class InstanceModel;
class ScanScheduler;

// The base cache and instance tables of the host shown, in the first two tabs, and the details
// pane beside them. Follows the scheduler's snapshots of that host (big ones are diffed on a
// worker), keeps the tab titles counting the rows and tells the details pane what is selected.
class CacheViews final : public QObject
{
    Q_OBJECT

public:
    CacheViews(ScanScheduler *scheduler, QTabWidget *tabs, QWidget *window);

    FilteredTableView *baseView() const { return m_baseView; }
    FilteredTableView *instanceView() const { return m_instanceView; }
    DetailsPane *details() const { return m_details; }
    BaseCacheModel *baseModel() const { return m_baseModel; }
    InstanceModel *instanceModel() const { return m_instanceModel; }

    // Shows this host's latest snapshot, or empty tables until it has one.
    void showHost(const QString &hostName);
    // A new snapshot of the host shown: snapshotShown follows once both tables have its rows.
    void showSnapshot(const cache::CacheSnapshot &snapshot);
    // The scheduler's snapshot of the host shown changed between scans (a domain event).
    void refreshInstances();
    void updateDetails();
    // Brings that tab to the front and selects the row.
    void showBase(const QString &name);
    void showInstance(const QString &uuid);

    // The keys of the selected rows, empty when none.
    QString currentBase() const;
    QString currentInstance() const;

Q_SIGNALS:
    // The host's snapshot is now in both tables.
    void snapshotShown(const QString &hostName);
    // Another row was selected in either table.
    void selectionChanged();

private:
    void createViews(QWidget *window);
    void onModelApplied();
    void updateTabTitles();

    ScanScheduler *m_scheduler;
    QTabWidget *m_tabs;
    BaseCacheModel *m_baseModel;
    InstanceModel *m_instanceModel;
    FilteredTableView *m_baseView = nullptr;
    FilteredTableView *m_instanceView = nullptr;
    DetailsPane *m_details = nullptr;
    QString m_host;
    QString m_shownPending; // a scanned host whose rows are still being diffed on a worker
};

} // namespace cowherd::ui
