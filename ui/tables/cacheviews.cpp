#include "tables/cacheviews.h"

#include "common/columnwidth.h"
#include "common/displayformat.h"
#include "common/filteredtableview.h"
#include "tables/basecachemodel.h"
#include "tables/detailspane.h"
#include "tables/instancemodel.h"
#include "tables/scanscheduler.h"

#include <QHeaderView>
#include <QTabWidget>
#include <QTableView>

#include <utility>

namespace cowherd::ui {

namespace {

void setColumnWidths(QTableView *table, std::initializer_list<int> widths)
{
    int column = 0;
    for (const int width : widths)
        resizeSectionToFitHeader(table->horizontalHeader(), column++, width);
}

} // namespace

CacheViews::CacheViews(ScanScheduler *scheduler, QTabWidget *tabs, QWidget *window)
    : QObject(window)
    , m_scheduler(scheduler)
    , m_tabs(tabs)
    , m_baseModel(new BaseCacheModel(this))
    , m_instanceModel(new InstanceModel(this))
{
    setObjectName(QStringLiteral("cacheViews"));
    m_baseModel->setObjectName(QStringLiteral("baseCacheModel"));
    m_instanceModel->setObjectName(QStringLiteral("instanceModel"));
    createViews(window);
    // Big snapshots are diffed on a worker: titles and snapshotShown follow the applied rows.
    connect(m_baseModel, &BaseCacheModel::snapshotApplied, this, &CacheViews::onModelApplied);
    connect(m_instanceModel, &InstanceModel::snapshotApplied, this, &CacheViews::onModelApplied);
    for (FilteredTableView *view : {m_baseView, m_instanceView}) {
        connect(view, &FilteredTableView::currentKeyChanged, this, &CacheViews::updateDetails);
        connect(view, &FilteredTableView::currentKeyChanged, this, &CacheViews::selectionChanged);
    }
    connect(m_tabs, &QTabWidget::currentChanged, this, &CacheViews::updateDetails);
    connect(m_details, &DetailsPane::instanceActivated, this, &CacheViews::showInstance);
    connect(m_details, &DetailsPane::baseActivated, this, &CacheViews::showBase);
    updateTabTitles();
}

void CacheViews::createViews(QWidget *window)
{
    m_baseView = new FilteredTableView(m_baseModel,
        {BaseCacheModel::SortRole, BaseCacheModel::NameRole,
            {BaseCacheModel::Name, BaseCacheModel::Kind, BaseCacheModel::Format}, tr("Filter by name, kind or format")},
        window);
    m_baseView->setObjectName(QStringLiteral("baseCacheView"));
    m_baseView->setAccessibleName(tr("Base cache"));
    // Wide enough for a resized Nova name (<sha1>_<GiB>) and its warning icon.
    const QFontMetrics metrics = window->fontMetrics();
    const int nameWidth = metrics.horizontalAdvance(QStringLiteral("0ba279229cf8041eb867aa75bd09facb574c3532_10")) + 16;
    int kindWidth = 68;
    for (const auto kind : {cache::BaseKind::Original, cache::BaseKind::Resized, cache::BaseKind::Swap,
             cache::BaseKind::Ephemeral, cache::BaseKind::Unknown, cache::BaseKind::Partial})
        kindWidth = std::max(kindWidth, metrics.horizontalAdvance(DisplayFormat::kindName(kind)) + 12);
    QTableView *baseTable = m_baseView->tableView();
    setColumnWidths(baseTable, {nameWidth, kindWidth, 56, 78, 78, 72, 60});
    resizeSectionToFitHeader(baseTable->horizontalHeader(), BaseCacheModel::LastUsed, 80);
    resizeSectionToFitHeader(baseTable->horizontalHeader(), BaseCacheModel::RemovableIn, 96);
    resizeSectionToFitHeader(baseTable->horizontalHeader(), BaseCacheModel::Checksum, 84);

    m_instanceView = new FilteredTableView(m_instanceModel,
        {InstanceModel::SortRole, InstanceModel::UuidRole,
            {InstanceModel::Uuid, InstanceModel::Name, InstanceModel::State, InstanceModel::BaseFiles},
            tr("Filter by uuid, name, state or base file")},
        window);
    m_instanceView->setObjectName(QStringLiteral("instanceView"));
    m_instanceView->setAccessibleName(tr("Instances"));
    setColumnWidths(m_instanceView->tableView(),
        {metrics.horizontalAdvance(QStringLiteral("3c5e7f10-8a2b-4d6c-9e1f-2a3b4c5d6e70")) + 16, 100, 80, 170, 45});

    m_tabs->addTab(m_baseView, tr("Base cache"));
    m_tabs->addTab(m_instanceView, tr("Instances"));

    m_details = new DetailsPane(window);
    m_details->setAccessibleName(tr("Details"));
}

void CacheViews::showHost(const QString &hostName)
{
    // Another host's rows are not diffed against these (no key is shared): they go at once, and
    // a big host does not show the previous host's rows while its own are made on a worker.
    if (hostName != m_host) {
        m_baseModel->clear();
        m_instanceModel->clear();
    }
    m_host = hostName;
    m_shownPending.clear();
    if (const cache::CacheSnapshot *snapshot = m_scheduler->snapshot(hostName)) {
        m_baseModel->setSnapshot(*snapshot);
        m_instanceModel->setSnapshot(*snapshot);
    } else {
        m_baseModel->clear();
        m_instanceModel->clear();
    }
    updateTabTitles();
    updateDetails();
}

void CacheViews::showSnapshot(const cache::CacheSnapshot &snapshot)
{
    m_baseModel->setSnapshot(snapshot);
    m_instanceModel->setSnapshot(snapshot);
    updateTabTitles();
    updateDetails();
    m_shownPending = m_host;
    onModelApplied();
}

void CacheViews::refreshInstances()
{
    if (const cache::CacheSnapshot *snapshot = m_scheduler->snapshot(m_host))
        m_instanceModel->setSnapshot(*snapshot); // a diff: only the changed rows change
}

void CacheViews::onModelApplied()
{
    updateTabTitles();
    if (m_shownPending.isEmpty() || m_baseModel->isUpdating() || m_instanceModel->isUpdating())
        return;
    Q_EMIT snapshotShown(std::exchange(m_shownPending, {}));
}

void CacheViews::updateTabTitles()
{
    m_tabs->setTabText(m_tabs->indexOf(m_baseView), tr("Base cache (%1)").arg(m_baseModel->rowCount()));
    m_tabs->setTabText(m_tabs->indexOf(m_instanceView), tr("Instances (%1)").arg(m_instanceModel->rowCount()));
}

void CacheViews::updateDetails()
{
    const cache::CacheSnapshot *snapshot = m_scheduler->snapshot(m_host);
    if (!snapshot) {
        m_details->showNothing();
        return;
    }
    if (m_tabs->currentWidget() == m_baseView && !m_baseView->currentKey().isEmpty())
        m_details->showBase(*snapshot, m_baseView->currentKey());
    else if (m_tabs->currentWidget() == m_instanceView && !m_instanceView->currentKey().isEmpty())
        m_details->showInstance(*snapshot, m_instanceView->currentKey());
    else
        m_details->showNothing();
}

void CacheViews::showBase(const QString &name)
{
    m_tabs->setCurrentWidget(m_baseView);
    m_baseView->selectKey(name);
}

void CacheViews::showInstance(const QString &uuid)
{
    m_tabs->setCurrentWidget(m_instanceView);
    m_instanceView->selectKey(uuid);
}

QString CacheViews::currentBase() const
{
    return m_baseView->currentKey();
}

QString CacheViews::currentInstance() const
{
    return m_instanceView->currentKey();
}

} // namespace cowherd::ui
