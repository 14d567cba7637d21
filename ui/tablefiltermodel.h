#pragma once

#include <QList>
#include <QSortFilterProxyModel>

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

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QList<int> m_filterColumns;
    QString m_filterText;
};

} // namespace cowherd::ui
