#include "common/tablefiltermodel.h"

#include <algorithm>

namespace cowherd::ui {

TableFilterModel::TableFilterModel(int sortRole, QList<int> filterColumns, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_filterColumns(std::move(filterColumns))
{
    setSortRole(sortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
    m_collator.setCaseSensitivity(sortCaseSensitivity());
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

void TableFilterModel::setSourceModel(QAbstractItemModel *source)
{
    for (const auto &connection : std::as_const(m_sourceConnections))
        disconnect(connection);
    m_sourceConnections.clear();
    m_keys.clear();
    // Connected before the base class connects its own handlers, so that the keys already
    // describe the source when the proxy places inserted or changed rows.
    if (source) {
        m_sourceConnections = {
            connect(source, &QAbstractItemModel::rowsInserted, this, &TableFilterModel::insertKeys),
            connect(source, &QAbstractItemModel::rowsRemoved, this, &TableFilterModel::removeKeys),
            connect(source, &QAbstractItemModel::dataChanged, this, &TableFilterModel::updateKeys),
            connect(source, &QAbstractItemModel::modelReset, this, [this] { rebuildKeys(m_keyColumn); }),
            connect(source, &QAbstractItemModel::layoutChanged, this, [this] { rebuildKeys(m_keyColumn); }),
            connect(source, &QAbstractItemModel::rowsMoved, this, [this] { rebuildKeys(m_keyColumn); }),
            connect(source, &QAbstractItemModel::columnsInserted, this, &TableFilterModel::dropKeys),
            connect(source, &QAbstractItemModel::columnsRemoved, this, &TableFilterModel::dropKeys),
            connect(source, &QObject::destroyed, this, &TableFilterModel::dropKeys),
        };
    }
    QSortFilterProxyModel::setSourceModel(source);
    rebuildKeys(m_keyColumn);
}

void TableFilterModel::sort(int column, Qt::SortOrder order)
{
    if (column != m_keyColumn || m_keys.empty())
        rebuildKeys(column);
    QSortFilterProxyModel::sort(column, order);
}

TableFilterModel::SortKey TableFilterModel::makeKey(int sourceRow) const
{
    QVariant value = sourceModel()->index(sourceRow, m_keyColumn).data(sortRole());
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::LongLong:
        return value.toLongLong();
    case QMetaType::QString:
        break;
    default:
        return value;
    }
    // Names, uuids and hashes are ASCII: a case-insensitive compare orders them as the
    // collator would, at a fraction of the cost of building ICU keys.
    QString text = value.toString();
    const bool ascii = std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 128; });
    if (!ascii)
        return m_collator.sortKey(text);
    AsciiKey key{0, sortCaseSensitivity() == Qt::CaseInsensitive ? text.toLower() : std::move(text)};
    for (qsizetype i = 0; i < 8; ++i)
        key.prefix = key.prefix << 8 | (i < key.text.size() ? key.text.at(i).unicode() : 0u);
    return key;
}

void TableFilterModel::rebuildKeys(int column)
{
    m_keys.clear();
    const QAbstractItemModel *source = sourceModel();
    if (!source || column < 0 || column >= source->columnCount()) {
        m_keyColumn = -1;
        return;
    }
    m_keyColumn = column;
    const int rows = source->rowCount();
    m_keys.reserve(size_t(rows));
    for (int row = 0; row < rows; ++row)
        m_keys.push_back(makeKey(row));
}

void TableFilterModel::dropKeys()
{
    m_keys.clear();
    m_keyColumn = -1;
}

void TableFilterModel::insertKeys(const QModelIndex &parent, int first, int last)
{
    if (m_keyColumn < 0 || parent.isValid())
        return;
    if (size_t(first) > m_keys.size()) {
        rebuildKeys(m_keyColumn);
        return;
    }
    std::vector<SortKey> added;
    added.reserve(size_t(last - first + 1));
    for (int row = first; row <= last; ++row)
        added.push_back(makeKey(row));
    m_keys.insert(m_keys.begin() + first, std::make_move_iterator(added.begin()), std::make_move_iterator(added.end()));
}

void TableFilterModel::removeKeys(const QModelIndex &parent, int first, int last)
{
    if (m_keyColumn < 0 || parent.isValid())
        return;
    if (size_t(last) >= m_keys.size()) {
        rebuildKeys(m_keyColumn);
        return;
    }
    m_keys.erase(m_keys.begin() + first, m_keys.begin() + last + 1);
}

void TableFilterModel::updateKeys(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles)
{
    if (m_keyColumn < 0 || topLeft.parent().isValid() || topLeft.column() > m_keyColumn
        || bottomRight.column() < m_keyColumn || (!roles.isEmpty() && !roles.contains(sortRole())))
        return;
    if (size_t(bottomRight.row()) >= m_keys.size()) {
        rebuildKeys(m_keyColumn);
        return;
    }
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row)
        m_keys[size_t(row)] = makeKey(row);
}

bool TableFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const auto l = size_t(left.row()), r = size_t(right.row());
    if (left.column() != m_keyColumn || left.parent().isValid() || l >= m_keys.size() || r >= m_keys.size())
        return QSortFilterProxyModel::lessThan(left, right);
    const auto &a = m_keys[l];
    const auto &b = m_keys[r];
    if (a.index() != b.index())
        return a.index() < b.index(); // numbers, then text; only in mixed columns
    switch (a.index()) {
    case 0:
        return std::get<0>(a) < std::get<0>(b);
    case 1:
        return QVariant::compare(std::get<1>(a), std::get<1>(b)) == QPartialOrdering::Less;
    case 2:
        return std::get<2>(a).compare(std::get<2>(b)) < 0;
    default:
        return std::get<3>(a) < std::get<3>(b);
    }
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
