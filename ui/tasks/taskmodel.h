#pragma once

#include "task/task.h"

#include <QAbstractTableModel>
#include <QList>

namespace cowherd::task {
class TaskManager;
}

namespace cowherd::ui {

// Every task of the TaskManager, in the order they were submitted. Follows the manager's
// signals row by row (insert, dataChanged, remove); never resets.
class TaskModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Title,
        Host,
        State,
        Progress,
        Speed,
        Eta,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role
    {
        IdRole = Qt::UserRole,
        StateRole, // task::TaskState as int
        PercentRole, // 0..100, -1 when the total is unknown
        LogRole, // the whole log as text
        ErrorRole,
    };

    explicit TaskModel(task::TaskManager *manager, QObject *parent = nullptr);

    const task::TaskInfo *taskAt(int row) const;
    QModelIndex indexOf(quint64 id, int column = Title) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString stateName(task::TaskState state);

private:
    void onAdded(quint64 id);
    void onChanged(quint64 id);
    void onRemoved(quint64 id);
    int rowOf(quint64 id) const;
    QVariant displayData(const task::TaskInfo &info, int column) const;

    task::TaskManager *m_manager;
    QList<task::TaskInfo> m_rows;
};

} // namespace cowherd::ui
