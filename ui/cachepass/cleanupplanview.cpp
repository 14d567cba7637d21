#include "cachepass/cleanupplanview.h"

#include "cachepass/cleanupplanmodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace cowherd::ui {

CleanupPlanView::CleanupPlanView(QWidget *parent)
    : QWidget(parent)
    , m_model(new CleanupPlanModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_view(new QTreeView(this))
    , m_banner(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_dryRun(new QPushButton(tr("&Plan"), this))
    , m_run(new QPushButton(tr("&Clean up now"), this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(CleanupPlanModel::SortRole);
    m_view->setModel(m_proxy);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true); // thousands of rows stay cheap to lay out
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(CleanupPlanModel::Name, Qt::AscendingOrder);
    m_view->header()->setSectionResizeMode(CleanupPlanModel::Reason, QHeaderView::Stretch);
    // Wide enough for a resized Nova name (<sha1>_<GiB>).
    m_view->header()->resizeSection(CleanupPlanModel::Name,
        fontMetrics().horizontalAdvance(QStringLiteral("0ba279229cf8041eb867aa75bd09facb574c3532_10")) + 24);
    m_view->header()->resizeSection(CleanupPlanModel::Kind, 80);
    m_view->header()->resizeSection(CleanupPlanModel::Action, 70);
    m_view->header()->resizeSection(CleanupPlanModel::Size, 90);

    m_banner->setWordWrap(true);
    m_summary->setWordWrap(true);
    m_banner->setVisible(false);
    m_banner->setAutoFillBackground(true);
    QPalette warning = m_banner->palette();
    warning.setColor(QPalette::Window, warning.color(QPalette::ToolTipBase));
    m_banner->setPalette(warning);

    m_dryRun->setToolTip(tr("Scan the sharing group and show what a pass would do, changing nothing."));
    m_run->setToolTip(tr("Touch base files in use and remove the unused ones under their locks."));
    connect(m_dryRun, &QPushButton::clicked, this, &CleanupPlanView::dryRunRequested);
    connect(m_run, &QPushButton::clicked, this, &CleanupPlanView::runRequested);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_summary, 1);
    buttons->addWidget(m_dryRun);
    buttons->addWidget(m_run);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);
}

void CleanupPlanView::setPlan(const cache::CleanupPlan &plan, bool executed)
{
    m_model->setPlan(plan);
    m_banner->setText(
        plan.blocked ? tr("Nothing is removed in this sharing group: %1").arg(plan.blockedReason) : QString());
    m_banner->setVisible(plan.blocked);
    const QString bytes = QLocale().formattedDataSize(plan.reclaimableBytes);
    QString summary = executed ? tr("Removed %1 files (%2), touched %3, kept %4.")
                                     .arg(plan.removeCount)
                                     .arg(bytes)
                                     .arg(plan.touchCount)
                                     .arg(plan.keepCount)
                               : tr("Would remove %1 files (%2), touch %3, keep %4.")
                                     .arg(plan.removeCount)
                                     .arg(bytes)
                                     .arg(plan.touchCount)
                                     .arg(plan.keepCount);
    if (plan.rules == cache::PlanRules::Nova)
        summary = tr("Nova manages this cache: the plan follows Nova's image cache manager, ages from %1.")
                      .arg(plan.policy.source)
            + u' ' + summary;
    for (const QString &note : plan.notes)
        summary += u'\n' + note;
    m_summary->setText(summary);
    // The advice column only speaks under Nova's rules.
    m_view->setColumnHidden(CleanupPlanModel::Advice, plan.rules != cache::PlanRules::Nova);
}

void CleanupPlanView::setBusy(bool busy)
{
    m_dryRun->setEnabled(!busy);
    m_run->setEnabled(!busy);
}

QString CleanupPlanView::bannerText() const
{
    return m_banner->isVisibleTo(this) ? m_banner->text() : QString();
}

QString CleanupPlanView::summaryText() const
{
    return m_summary->text();
}

} // namespace cowherd::ui
