#pragma once

#include <QList>
#include <QWidget>

class QAbstractItemModel;
class QLineEdit;
class QTableView;

namespace cowherd::ui {

class TableFilterModel;

// A sortable table of one snapshot model with a filter line above it. Rows are identified by
// keyRole (a base file's name, an instance's uuid), which survives sorting and filtering.
class FilteredTableView final : public QWidget
{
    Q_OBJECT

public:
    struct Options
    {
        int sortRole = Qt::UserRole;
        int keyRole = Qt::UserRole + 1;
        QList<int> filterColumns;
        QString filterPlaceholder;
    };

    FilteredTableView(QAbstractItemModel *model, Options options, QWidget *parent = nullptr);

    QString currentKey() const;
    // Selects and scrolls to the row, clearing a filter that hides it. False when it is unknown.
    bool selectKey(const QString &key);

    QTableView *tableView() const { return m_table; }
    QLineEdit *filterEdit() const { return m_filter; }
    TableFilterModel *proxyModel() const { return m_proxy; }

Q_SIGNALS:
    void currentKeyChanged(const QString &key);

private:
    QModelIndex findKey(const QString &key) const;

    QAbstractItemModel *m_model;
    Options m_options;
    TableFilterModel *m_proxy;
    QLineEdit *m_filter;
    QTableView *m_table;
};

} // namespace cowherd::ui
