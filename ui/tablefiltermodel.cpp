#include "tablefiltermodel.h"

namespace cowherd::ui {

TableFilterModel::TableFilterModel(int sortRole, QList<int> filterColumns, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_filterColumns(std::move(filterColumns))
{
    setSortRole(sortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
    // Rows that change while sorted move to their new place.
    setDynamicSortFilter(true);
}

void TableFilterModel::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_filterText)
        return;
    m_filterText = trimmed;
    invalidateFilter();
}

bool TableFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_filterText.isEmpty())
        return true;
    for (const int column : m_filterColumns) {
        const QString text = sourceModel()->index(sourceRow, column, sourceParent).data(Qt::DisplayRole).toString();
        if (text.contains(m_filterText, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace cowherd::ui
