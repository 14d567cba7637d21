#include "tablefiltermodel.h"

#include <QCollator>

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

void TableFilterModel::sort(int column, Qt::SortOrder order)
{
    const QAbstractItemModel *source = sourceModel();
    if (source && column >= 0 && column < source->columnCount()) {
        QCollator collator;
        collator.setCaseSensitivity(sortCaseSensitivity());
        const int rows = source->rowCount();
        m_keys.clear();
        m_keys.reserve(rows);
        for (int row = 0; row < rows; ++row) {
            QVariant value = source->index(row, column).data(sortRole());
            if (value.typeId() != QMetaType::QString) {
                m_keys.emplace_back(std::move(value));
                continue;
            }
            // Names, uuids and hashes are ASCII: a case-insensitive compare orders them as the
            // collator would, at a fraction of the cost of building ICU keys.
            QString text = value.toString();
            const bool ascii = std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 128; });
            if (ascii)
                m_keys.emplace_back(sortCaseSensitivity() == Qt::CaseInsensitive ? text.toLower() : std::move(text));
            else
                m_keys.emplace_back(collator.sortKey(text));
        }
        m_keyColumn = column;
    }
    QSortFilterProxyModel::sort(column, order);
    m_keyColumn = -1;
    m_keys.clear();
}

bool TableFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const auto l = size_t(left.row()), r = size_t(right.row());
    if (left.column() != m_keyColumn || l >= m_keys.size() || r >= m_keys.size())
        return QSortFilterProxyModel::lessThan(left, right);
    const auto &a = m_keys[l];
    const auto &b = m_keys[r];
    if (a.index() == 1 && b.index() == 1)
        return std::get<1>(a).compare(std::get<1>(b)) < 0;
    if (a.index() == 2 && b.index() == 2)
        return std::get<2>(a) < std::get<2>(b);
    if (a.index() == 0 && b.index() == 0)
        return QVariant::compare(std::get<0>(a), std::get<0>(b)) == QPartialOrdering::Less;
    return a.index() < b.index(); // numbers, then text; only in mixed columns
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
