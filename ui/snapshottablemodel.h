#pragma once

#include "snapshotdiff.h"

#include <QAbstractTableModel>
#include <QList>

#include <utility>

namespace cowherd::ui {

// Base of the models fed by snapshots: a new snapshot is applied as a diff keyed by name or
// uuid, so rows that survive keep their identity (selection, scroll position, persistent
// indexes) and views only repaint what changed.
class SnapshotTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    using QAbstractTableModel::QAbstractTableModel;

protected:
    // Replaces rows by next at once, as a diff: see diffRows().
    template<typename Row, typename KeyFn, typename SameFn>
    void updateRows(QList<Row> &rows, QList<Row> next, KeyFn key, SameFn same)
    {
        applyDiff(rows, diffRows(rows, std::move(next), key, same));
    }

private:
    template<typename Row>
    void applyDiff(QList<Row> &rows, RowDiff<Row> diff)
    {
        for (const auto &run : std::as_const(diff.removed)) {
            beginRemoveRows({}, int(run.first), int(run.last));
            rows.remove(run.first, run.last - run.first + 1);
            endRemoveRows();
        }
        for (auto &run : diff.changed) {
            for (qsizetype i = 0; i < run.rows.size(); ++i)
                rows[run.first + i] = std::move(run.rows[i]);
            Q_EMIT dataChanged(index(int(run.first), 0), index(int(run.first + run.rows.size() - 1), columnCount() - 1));
        }
        if (!diff.added.isEmpty()) {
            beginInsertRows({}, int(rows.size()), int(rows.size() + diff.added.size() - 1));
            if (rows.isEmpty())
                rows = std::move(diff.added);
            else
                rows.append(std::move(diff.added));
            endInsertRows();
        }
    }
};

} // namespace cowherd::ui
