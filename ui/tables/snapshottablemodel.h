#pragma once

#include "common/backgroundpool.h"
#include "tables/snapshotdiff.h"
#include "task/whenfinished.h"

#include <QAbstractTableModel>
#include <QList>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>
#include <memory>
#include <utility>

namespace cowherd::ui {

// Base of the models fed by snapshots: a new snapshot is applied as a diff keyed by name or
// uuid, so rows that survive keep their identity (selection, scroll position, persistent
// indexes) and views only repaint what changed.
//
// Big snapshots (or big current rows) are turned into rows and diffed on a worker thread; the
// model's thread only applies the diff. Until then the model shows its previous rows.
// snapshotApplied() says when the rows are those of the latest snapshot (or clear()).
class SnapshotTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    // Below this many rows, new and current, a snapshot is applied at once, in the call.
    static constexpr qsizetype DefaultAsyncThreshold = 2000;

    using QAbstractTableModel::QAbstractTableModel;

    void setAsyncThreshold(qsizetype rows) { m_asyncThreshold = rows; }
    // A snapshot is being diffed on a worker and not applied yet.
    bool isUpdating() const { return m_appliedGeneration != m_generation; }

Q_SIGNALS:
    // The rows are those of the latest setSnapshot() or clear(), whether applied at once or
    // after a worker's diff.
    void snapshotApplied();

protected:
    // Replaces rows by next at once, as a diff: see diffRows(). For models whose rows are few.
    template<typename Row, typename KeyFn, typename SameFn>
    void updateRows(QList<Row> &rows, QList<Row> next, KeyFn key, SameFn same)
    {
        applyDiff(rows, diffRows(rows, std::move(next), key, same));
    }

    // Replaces rows by makeRows() (called on a worker for big inputs, so it must own what it
    // reads), as a diff: see diffRows(). expectedRows is the size makeRows() will return, about.
    // The latest call wins: a diff computed for older rows or for an older snapshot is dropped.
    template<typename Row, typename MakeFn, typename KeyFn, typename SameFn>
    void updateRows(QList<Row> &rows, qsizetype expectedRows, MakeFn makeRows, KeyFn key, SameFn same)
    {
        const quint64 generation = ++m_generation;
        m_pendingStart = nullptr;
        if (expectedRows < m_asyncThreshold && rows.size() < m_asyncThreshold) {
            applyDiff(rows, diffRows(rows, makeRows(), key, same));
            m_appliedGeneration = generation;
            Q_EMIT snapshotApplied();
            return;
        }
        auto start = [this, &rows, generation, makeRows = std::move(makeRows), key, same] {
            // The worker gets its own reference to the rows and lets go of it before it returns,
            // so that applying the diff here does not copy 100,000 rows on a detach.
            auto future = runInBackground([current = rows, make = makeRows, key, same]() mutable {
                auto diff = std::make_shared<RowDiff<Row>>(diffRows(current, make(), key, same));
                current = {};
                return diff;
            });
            m_inFlight = true;
            task::whenFinished(future, this, [this, &rows, generation](const std::shared_ptr<RowDiff<Row>> &diff) {
                m_inFlight = false;
                if (m_pendingStart) {
                    // A newer snapshot waited for this worker: diff that one instead.
                    std::exchange(m_pendingStart, nullptr)();
                    return;
                }
                if (generation != m_generation)
                    return; // rows or snapshot changed since: a newer call has applied or will
                applyDiff(rows, std::move(*diff));
                m_appliedGeneration = generation;
                Q_EMIT snapshotApplied();
            });
        };
        // One worker per model at a time; rescans faster than the diff only diff the latest.
        if (m_inFlight)
            m_pendingStart = std::move(start);
        else
            start();
    }

    // Removes every row at once (in one run) and drops any diff on its way.
    template<typename Row>
    void clearRows(QList<Row> &rows)
    {
        const quint64 generation = ++m_generation;
        m_pendingStart = nullptr;
        if (!rows.isEmpty()) {
            beginRemoveRows({}, 0, int(rows.size() - 1));
            rows.clear();
            endRemoveRows();
        }
        m_appliedGeneration = generation;
        Q_EMIT snapshotApplied();
    }

private:
    // Beyond this many runs of removed rows, they are gathered at the end first (see below).
    static constexpr qsizetype GatherRemovedRuns = 32;

    template<typename Row>
    void applyDiff(QList<Row> &rows, RowDiff<Row> diff)
    {
        if (diff.removed.size() > GatherRemovedRuns) {
            gatherRemoved(rows, diff.removed);
        } else {
            for (const auto &run : std::as_const(diff.removed)) {
                beginRemoveRows({}, int(run.first), int(run.last));
                rows.remove(run.first, run.last - run.first + 1);
                endRemoveRows();
            }
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

    // Each removal moves every row after it, here, in the sorted proxy and in its sort keys:
    // 1,000 scattered runs in 100,000 rows took seconds. Instead, one layout change moves the
    // removed rows behind the survivors (whose order is kept; persistent indexes, selection
    // included, follow), and one removal drops them all.
    template<typename Row>
    void gatherRemoved(QList<Row> &rows, const QList<typename RowDiff<Row>::Run> &removed)
    {
        Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
        const qsizetype firstRemoved = rows.size() - removedCount(removed);
        QList<int> newRow(rows.size());
        QList<Row> gathered;
        gathered.reserve(rows.size());
        QList<Row> tail;
        qsizetype next = 0; // runs come last run first
        for (auto run = removed.crbegin(); run != removed.crend(); ++run) {
            for (; next < run->first; ++next) {
                newRow[next] = int(gathered.size());
                gathered.append(std::move(rows[next]));
            }
            for (; next <= run->last; ++next) {
                newRow[next] = int(firstRemoved + tail.size());
                tail.append(std::move(rows[next]));
            }
        }
        for (; next < rows.size(); ++next) {
            newRow[next] = int(gathered.size());
            gathered.append(std::move(rows[next]));
        }
        gathered.append(std::move(tail));
        rows = std::move(gathered);
        const QModelIndexList from = persistentIndexList();
        QModelIndexList to;
        to.reserve(from.size());
        for (const QModelIndex &index : from)
            to.append(this->index(newRow[index.row()], index.column()));
        changePersistentIndexList(from, to);
        Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);

        beginRemoveRows({}, int(firstRemoved), int(rows.size() - 1));
        rows.resize(firstRemoved);
        endRemoveRows();
    }

    template<typename Run>
    static qsizetype removedCount(const QList<Run> &removed)
    {
        qsizetype count = 0;
        for (const auto &run : removed)
            count += run.last - run.first + 1;
        return count;
    }

    qsizetype m_asyncThreshold = DefaultAsyncThreshold;
    quint64 m_generation = 0; // of the latest updateRows() call
    quint64 m_appliedGeneration = 0; // of the call whose rows are shown
    bool m_inFlight = false;
    std::function<void()> m_pendingStart; // the latest call, waiting for the worker in flight
};

} // namespace cowherd::ui
