#include "common/filteredtableview.h"

#include "common/tablefiltermodel.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

namespace cowherd::ui {

FilteredTableView::FilteredTableView(QAbstractItemModel *model, Options options, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_options(std::move(options))
    , m_proxy(new TableFilterModel(m_options.sortRole, m_options.filterColumns, this))
    , m_filter(new QLineEdit(this))
    , m_table(new QTableView(this))
{
    m_proxy->setSourceModel(model);

    m_filter->setPlaceholderText(m_options.filterPlaceholder);
    m_filter->setClearButtonEnabled(true);

    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(0, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setHighlightSections(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_table);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &TableFilterModel::setFilterText);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) { Q_EMIT currentKeyChanged(current.data(m_options.keyRole).toString()); });
}

QString FilteredTableView::currentKey() const
{
    return m_table->currentIndex().data(m_options.keyRole).toString();
}

QModelIndex FilteredTableView::findKey(const QString &key) const
{
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, 0);
        if (index.data(m_options.keyRole).toString() == key)
            return index;
    }
    return {};
}

bool FilteredTableView::selectKey(const QString &key)
{
    QModelIndex index = findKey(key);
    if (!index.isValid() && !m_filter->text().isEmpty()) {
        m_filter->clear();
        index = findKey(key);
    }
    if (!index.isValid())
        return false;
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
    return true;
}

} // namespace cowherd::ui
