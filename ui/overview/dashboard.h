#pragma once

#include "cache/cachesnapshot.h"
#include "cache/groupplanner.h"
#include "overview/dashboardfigures.h"

#include <QWidget>

class QCheckBox;
class QChart;
class QChartView;
class QLabel;
class QTreeWidget;

namespace cowherd::ui {

class RebuildWhenShown;

// The figures an audience asks about: how big the cache is, what a pass would free now, what
// copy-on-write saves, which base files are largest and most used, what recent passes did.
class Dashboard final : public QWidget
{
    Q_OBJECT

public:
    // auditLogPath empty: the default audit log of cache passes.
    explicit Dashboard(const QString &auditLogPath = {}, QWidget *parent = nullptr);
    ~Dashboard() override;

    // Recomputes the figures (off the UI thread) for the current host or every host, with the
    // plans of their sharing groups (GroupPlanner).
    void setSnapshots(
        const QList<cache::CacheSnapshot> &snapshots, const cache::GroupPlans &plans, const QString &currentHost);
    bool isBusy() const { return m_building; }
    const DashboardFigures &figures() const { return m_figures; }

    QCheckBox *allHostsBox() const { return m_allHosts; }
    QLabel *cardValue(int card) const { return m_cardValues.value(card); }
    QChartView *instancesChart() const { return m_instancesChart; }
    QChartView *kindChart() const { return m_kindChart; }
    QTreeWidget *largestBases() const { return m_largest; }
    QTreeWidget *recentPasses() const { return m_passes; }

    enum Card
    {
        CacheSize,
        Reclaimable,
        Savings,
        Counts
    };

Q_SIGNALS:
    void figuresShown();

private:
    struct Computed
    {
        DashboardFigures figures;
        QList<AuditEntry> audit;
    };

    void rebuild();
    void showComputed(const Computed &computed);
    void fillInstancesChart(const DashboardFigures &figures);
    void fillKindChart(const DashboardFigures &figures);

    QString m_auditLogPath;
    QCheckBox *m_allHosts = nullptr;
    QLabel *m_scope = nullptr;
    QList<QLabel *> m_cardValues;
    QList<QLabel *> m_cardNotes;
    QChartView *m_instancesChart = nullptr;
    QChartView *m_kindChart = nullptr;
    QTreeWidget *m_largest = nullptr;
    QTreeWidget *m_passes = nullptr;

    QList<cache::CacheSnapshot> m_snapshots;
    cache::GroupPlans m_plans;
    QString m_currentHost;
    DashboardFigures m_figures;
    quint64 m_generation = 0;
    bool m_building = false;
    RebuildWhenShown *m_rebuild;
};

} // namespace cowherd::ui
