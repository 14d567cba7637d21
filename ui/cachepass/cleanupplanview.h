#pragma once

#include "cache/cacheplanner.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTreeView;

namespace cowherd::ui {

class CleanupPlanModel;

// Shows a cache pass plan (or its result): a banner when the sharing group blocks removal,
// one row per base file with its action and reason, and the totals. It does no work itself:
// the owner runs the pass off the UI thread and answers the two requests with setPlan().
class CleanupPlanView final : public QWidget
{
    Q_OBJECT

public:
    explicit CleanupPlanView(QWidget *parent = nullptr);

    void setPlan(const cache::CleanupPlan &plan, bool executed);
    void setBusy(bool busy);

    CleanupPlanModel *model() const { return m_model; }
    QString bannerText() const;
    QString summaryText() const;

Q_SIGNALS:
    void dryRunRequested();
    void runRequested();

private:
    CleanupPlanModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTreeView *m_view;
    QLabel *m_banner;
    QLabel *m_summary;
    QPushButton *m_dryRun;
    QPushButton *m_run;
};

} // namespace cowherd::ui
