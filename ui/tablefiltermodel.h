#pragma once

#include <QCollatorSortKey>
#include <QList>
#include <QSortFilterProxyModel>
#include <QVariant>

#include <variant>
#include <vector>

namespace cowherd::ui {

// Sorts by the source model's raw sort role (bytes, seconds, counts rather than their text)
// and keeps rows where any of the chosen columns contains the filter text.
class TableFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    TableFilterModel(int sortRole, QList<int> filterColumns, QObject *parent = nullptr);

    void setFilterText(const QString &text);
    QString filterText() const { return m_filterText; }

    // Fetches each row's sort value once before sorting (with an ICU collation key for text
    // that is not plain ASCII), so a sort of 100,000 rows compares prepared keys instead of
    // calling data() and the collator n log n times.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QList<int> m_filterColumns;
    QString m_filterText;
    // Valid only inside sort(); rows that change later are placed by the ordinary lessThan.
    int m_keyColumn = -1;
    std::vector<std::variant<QVariant, QCollatorSortKey, QString>> m_keys;
};

} // namespace cowherd::ui
