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
    template<typename Row, typename KeyFn, typename SameFn>
    void updateRows(QList<Row> &rows, QList<Row> next, KeyFn key, SameFn same)
    {
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

        for (qsizetype i = 0; i < rows.size(); ++i) {
            Row &candidate = next[nextIndex.value(key(rows[i]))];
            if (!same(rows[i], candidate)) {
                rows[i] = std::move(candidate);
                Q_EMIT dataChanged(index(int(i), 0), index(int(i), columnCount() - 1));
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
};

} // namespace cowherd::ui
