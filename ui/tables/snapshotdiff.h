#pragma once

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <utility>

namespace cowherd::ui {

// What turns a model's current rows into the rows of a new snapshot, keyed by name or uuid.
// Computed by diffRows() from plain lists, without the model, so that it can run on a worker
// thread; SnapshotTableModel applies it on the model's thread.
//
// Applied in this order: the removed runs (each one remove), then the changed runs (each one
// dataChanged), then the added rows appended at the end. Order of surviving rows is kept.
template<typename Row> struct RowDiff
{
    struct Run
    {
        qsizetype first = 0;
        qsizetype last = 0;
    };
    struct Changed
    {
        qsizetype first = 0; // row index after the removals
        QList<Row> rows; // the new contents of rows first, first + 1, …
    };

    QList<Run> removed; // indexes into the current rows, the last run first
    QList<Changed> changed; // ascending
    QList<Row> added;

    bool isEmpty() const { return removed.isEmpty() && changed.isEmpty() && added.isEmpty(); }
};

// The diff from rows to next. A key that appears twice in next keeps its last row. Changed rows
// come in runs of adjacent rows, so that a sorted proxy places them in one pass instead of one
// layout change per row. Into empty rows (a first load) every row of next is added, without
// comparing anything.
template<typename Row, typename KeyFn, typename SameFn>
RowDiff<Row> diffRows(const QList<Row> &rows, QList<Row> next, KeyFn key, SameFn same)
{
    RowDiff<Row> diff;
    if (rows.isEmpty()) {
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
        diff.added = std::move(next);
        return diff;
    }

    QHash<QString, qsizetype> nextIndex;
    nextIndex.reserve(next.size());
    for (qsizetype i = 0; i < next.size(); ++i)
        nextIndex.insert(key(next[i]), i);

    // One pass over the current rows: runs of vanished keys, and runs of changed survivors
    // (numbered as they will be once the removals are applied).
    QList<bool> taken(next.size(), false); // rows of next that replace a current row
    qsizetype removedStart = -1;
    qsizetype survivor = 0;
    bool inChangedRun = false;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const auto found = nextIndex.constFind(key(rows[i]));
        if (found == nextIndex.constEnd()) {
            if (removedStart < 0)
                removedStart = i;
            continue; // the rows on either side become adjacent: a changed run goes on
        }
        if (removedStart >= 0) {
            diff.removed.prepend(typename RowDiff<Row>::Run{removedStart, i - 1});
            removedStart = -1;
        }
        taken[found.value()] = true;
        Row &candidate = next[found.value()];
        if (!same(rows[i], candidate)) {
            if (!inChangedRun)
                diff.changed.append(typename RowDiff<Row>::Changed{survivor, {}});
            diff.changed.last().rows.append(std::move(candidate));
            inChangedRun = true;
        } else {
            inChangedRun = false;
        }
        ++survivor;
    }
    if (removedStart >= 0)
        diff.removed.prepend(typename RowDiff<Row>::Run{removedStart, rows.size() - 1});

    // Rows of next that were taken may have been moved from: their keys are not read again.
    for (qsizetype i = 0; i < next.size(); ++i) {
        if (!taken[i] && nextIndex.value(key(next[i])) == i)
            diff.added.append(std::move(next[i]));
    }
    return diff;
}

} // namespace cowherd::ui
