#pragma once

#include <QCollator>
#include <QCollatorSortKey>
#include <QList>
#include <QSortFilterProxyModel>
#include <QVariant>

#include <variant>
#include <vector>

namespace cowherd::ui {

// Sorts by the source model's raw sort role (bytes, seconds, counts rather than their text)
// and keeps rows where any of the chosen columns contains the filter text.
//
// Each source row's sort value is fetched once and kept as a prepared key (a plain case-folded
// string for ASCII text, an ICU collation key otherwise, the number itself for numbers) for as
// long as the proxy is sorted by that column. The keys follow the source's inserts, removals and
// changes, so a sort of 100,000 rows, or 10,000 rows arriving in a sorted table, compares
// prepared keys instead of calling data() and the collator n log n times.
class TableFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    TableFilterModel(int sortRole, QList<int> filterColumns, QObject *parent = nullptr);

    void setFilterText(const QString &text);
    QString filterText() const { return m_filterText; }

    void setSourceModel(QAbstractItemModel *source) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    // ASCII text with its first eight characters packed big-endian into a number: most
    // comparisons are decided by the number, inside the key array, without reading the strings.
    struct AsciiKey
    {
        quint64 prefix = 0;
        QString text;
        bool operator<(const AsciiKey &other) const
        {
            return prefix != other.prefix ? prefix < other.prefix : text < other.text;
        }
    };
    // Whole numbers first, so that mixed columns put numbers before text.
    using SortKey = std::variant<qint64, QVariant, QCollatorSortKey, AsciiKey>;

    SortKey makeKey(int sourceRow) const;
    void rebuildKeys(int column);
    void dropKeys();
    void insertKeys(const QModelIndex &parent, int first, int last);
    void removeKeys(const QModelIndex &parent, int first, int last);
    void updateKeys(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles);

    QList<int> m_filterColumns;
    QString m_filterText;
    QCollator m_collator;
    // The column the keys are for (-1: none); m_keys[i] belongs to source row i.
    int m_keyColumn = -1;
    std::vector<SortKey> m_keys;
    QList<QMetaObject::Connection> m_sourceConnections;
};

} // namespace cowherd::ui
