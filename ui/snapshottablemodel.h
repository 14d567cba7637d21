#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

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
    // Removes rows whose key vanished, replaces changed rows in place (dataChanged) and appends
    // new ones. Order of surviving rows is kept: sorting is the proxy's business.
    //
    // Changed rows are announced in runs (one dataChanged per run of adjacent rows), so that a
    // sorted proxy places them in one pass instead of one layout change per row. A first load
    // into an empty model skips the diff. A key that appears twice in next keeps its last row.
    template<typename Row, typename KeyFn, typename SameFn>
    void updateRows(QList<Row> &rows, QList<Row> next, KeyFn key, SameFn same)
    {
        if (rows.isEmpty()) {
            insertFirstRows(rows, std::move(next), key);
            return;
        }
        QHash<QString, qsizetype> nextIndex;
        nextIndex.reserve(next.size());
        for (qsizetype i = 0; i < next.size(); ++i)
            nextIndex.insert(key(next[i]), i);

        for (qsizetype i = rows.size() - 1; i >= 0;) {
            if (nextIndex.contains(key(rows[i]))) {
                --i;
                continue;
            }
            const qsizetype last = i;
            while (i >= 0 && !nextIndex.contains(key(rows[i])))
                --i;
            beginRemoveRows({}, int(i + 1), int(last));
            rows.remove(i + 1, last - i);
            endRemoveRows();
        }

        // Collect the new rows before anything in next is moved from.
        QSet<QString> present;
        present.reserve(rows.size());
        for (const auto &row : rows)
            present.insert(key(row));
        QList<qsizetype> addedIndexes;
        for (qsizetype i = 0; i < next.size(); ++i) {
            const QString k = key(next[i]);
            if (!present.contains(k) && nextIndex.value(k) == i)
                addedIndexes.append(i);
        }

        qsizetype runStart = -1;
        for (qsizetype i = 0; i <= rows.size(); ++i) {
            bool changed = false;
            if (i < rows.size()) {
                Row &candidate = next[nextIndex.value(key(rows[i]))];
                changed = !same(rows[i], candidate);
                if (changed)
                    rows[i] = std::move(candidate);
            }
            if (changed && runStart < 0) {
                runStart = i;
            } else if (!changed && runStart >= 0) {
                Q_EMIT dataChanged(index(int(runStart), 0), index(int(i - 1), columnCount() - 1));
                runStart = -1;
            }
        }

        QList<Row> added;
        added.reserve(addedIndexes.size());
        for (const qsizetype i : std::as_const(addedIndexes))
            added.append(std::move(next[i]));
        if (!added.isEmpty()) {
            beginInsertRows({}, int(rows.size()), int(rows.size() + added.size() - 1));
            rows.append(std::move(added));
            endInsertRows();
        }
    }

private:
    template<typename Row, typename KeyFn>
    void insertFirstRows(QList<Row> &rows, QList<Row> next, KeyFn key)
    {
        if (next.isEmpty())
            return;
        // Keys are unique in a scan; only a duplicate costs more than this one pass.
        QSet<QString> seen;
        seen.reserve(next.size());
        QList<qsizetype> earlier; // rows whose key comes again later, in descending order
        for (qsizetype i = next.size() - 1; i >= 0; --i) {
            const qsizetype before = seen.size();
            seen.insert(key(next[i]));
            if (seen.size() == before)
                earlier.append(i);
        }
        for (const qsizetype i : std::as_const(earlier))
            next.removeAt(i);
        beginInsertRows({}, 0, int(next.size() - 1));
        rows = std::move(next);
        endInsertRows();
    }
};

} // namespace cowherd::ui
