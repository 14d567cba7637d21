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

// What SnapshotTableModel<Row> has that needs no row type: its signal and the generation
// counters that say whether the rows are the latest snapshot's.
class SnapshotTableModelBase : public QAbstractTableModel
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
    qsizetype m_asyncThreshold = DefaultAsyncThreshold;
    quint64 m_generation = 0; // of the latest updateRows() call
    quint64 m_appliedGeneration = 0; // of the call whose rows are shown
    bool m_inFlight = false;
    std::function<void()> m_pendingStart; // the latest call, waiting for the worker in flight
};

// Base of the models fed by snapshots: holds the rows (a Row has `const QString &key() const`,
// a name or uuid), counts them and finds them by key. A new snapshot is applied as a diff keyed
// by key(), so rows that survive keep their identity (selection, scroll position, persistent
// indexes) and views only repaint what changed.
//
// Big snapshots (or big current rows) are turned into rows and diffed on a worker thread; the
// model's thread only applies the diff. Until then the model shows its previous rows.
// snapshotApplied() says when the rows are those of the latest snapshot (or clear()).
template<typename Row> class SnapshotTableModel : public SnapshotTableModelBase
{
public:
    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : m_columnCount; }

    // The row whose key is key, at column; invalid when there is none.
    QModelIndex indexOf(const QString &key, int column = 0) const
    {
        for (qsizetype i = 0; i < m_rows.size(); ++i)
            if (m_rows[i].key() == key)
                return index(int(i), column);
        return {};
    }

protected:
    SnapshotTableModel(int columnCount, QObject *parent)
        : SnapshotTableModelBase(parent)
        , m_columnCount(columnCount)
    { }

    const QList<Row> &rows() const { return m_rows; }
    const Row *rowAt(int row) const { return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr; }
    // For a change in place; the caller emits dataChanged.
    Row &editRow(int row) { return m_rows[row]; }

    // Replaces the rows by next at once, as a diff: see diffRows(). For models whose rows are few.
    template<typename SameFn> void updateRows(QList<Row> next, SameFn same)
    {
        applyDiff(diffRows(m_rows, std::move(next), KeyOf{}, same));
    }

    // Replaces the rows by makeRows() (called on a worker for big inputs, so it must own what it
    // reads), as a diff: see diffRows(). expectedRows is the size makeRows() will return, about.
    // The latest call wins: a diff computed for older rows or for an older snapshot is dropped.
    template<typename MakeFn, typename SameFn> void updateRows(qsizetype expectedRows, MakeFn makeRows, SameFn same)
    {
        const quint64 generation = ++m_generation;
        m_pendingStart = nullptr;
        if (expectedRows < m_asyncThreshold && m_rows.size() < m_asyncThreshold) {
            applyDiff(diffRows(m_rows, makeRows(), KeyOf{}, same));
            m_appliedGeneration = generation;
            Q_EMIT snapshotApplied();
            return;
        }
        auto start = [this, generation, makeRows = std::move(makeRows), same] {
            // The worker gets its own reference to the rows and lets go of it before it returns,
            // so that applying the diff here does not copy 100,000 rows on a detach.
            auto future = runInBackground([current = m_rows, make = makeRows, s = same]() mutable {
                auto diff = std::make_shared<RowDiff<Row>>(diffRows(current, make(), KeyOf{}, s));
                current = {};
                return diff;
            });
            m_inFlight = true;
            task::whenFinished(future, this, [this, generation](const std::shared_ptr<RowDiff<Row>> &diff) {
                m_inFlight = false;
                if (m_pendingStart) {
                    // A newer snapshot waited for this worker: diff that one instead.
                    std::exchange(m_pendingStart, nullptr)();
                    return;
                }
                if (generation != m_generation)
                    return; // rows or snapshot changed since: a newer call has applied or will
                applyDiff(std::move(*diff));
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
    void clearRows()
    {
        const quint64 generation = ++m_generation;
        m_pendingStart = nullptr;
        if (!m_rows.isEmpty()) {
            beginRemoveRows({}, 0, int(m_rows.size() - 1));
            m_rows.clear();
            endRemoveRows();
        }
        m_appliedGeneration = generation;
        Q_EMIT snapshotApplied();
    }

private:
    // Beyond this many runs of removed rows, they are gathered at the end first (see below).
    static constexpr qsizetype GatherRemovedRuns = 32;

    struct KeyOf
    {
        const QString &operator()(const Row &row) const { return row.key(); }
    };

    void applyDiff(RowDiff<Row> diff)
    {
        if (diff.removed.size() > GatherRemovedRuns) {
            gatherRemoved(diff.removed);
        } else {
            for (const auto &run : std::as_const(diff.removed)) {
                beginRemoveRows({}, int(run.first), int(run.last));
                m_rows.remove(run.first, run.last - run.first + 1);
                endRemoveRows();
            }
        }
        for (auto &run : diff.changed) {
            for (qsizetype i = 0; i < run.rows.size(); ++i)
                m_rows[run.first + i] = std::move(run.rows[i]);
            Q_EMIT dataChanged(
                index(int(run.first), 0), index(int(run.first + run.rows.size() - 1), m_columnCount - 1));
        }
        if (!diff.added.isEmpty()) {
            beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + diff.added.size() - 1));
            if (m_rows.isEmpty())
                m_rows = std::move(diff.added);
            else
                m_rows.append(std::move(diff.added));
            endInsertRows();
        }
    }

    // Each removal moves every row after it, here, in the sorted proxy and in its sort keys:
    // 1,000 scattered runs in 100,000 rows took seconds. Instead, one layout change moves the
    // removed rows behind the survivors (whose order is kept; persistent indexes, selection
    // included, follow), and one removal drops them all.
    void gatherRemoved(const QList<typename RowDiff<Row>::Run> &removed)
    {
        Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
        const qsizetype firstRemoved = m_rows.size() - removedCount(removed);
        QList<int> newRow(m_rows.size());
        QList<Row> gathered;
        gathered.reserve(m_rows.size());
        QList<Row> tail;
        qsizetype next = 0; // runs come last run first
        for (auto run = removed.crbegin(); run != removed.crend(); ++run) {
            for (; next < run->first; ++next) {
                newRow[next] = int(gathered.size());
                gathered.append(std::move(m_rows[next]));
            }
            for (; next <= run->last; ++next) {
                newRow[next] = int(firstRemoved + tail.size());
                tail.append(std::move(m_rows[next]));
            }
        }
        for (; next < m_rows.size(); ++next) {
            newRow[next] = int(gathered.size());
            gathered.append(std::move(m_rows[next]));
        }
        gathered.append(std::move(tail));
        m_rows = std::move(gathered);
        const QModelIndexList from = persistentIndexList();
        QModelIndexList to;
        to.reserve(from.size());
        for (const QModelIndex &index : from)
            to.append(this->index(newRow[index.row()], index.column()));
        changePersistentIndexList(from, to);
        Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);

        beginRemoveRows({}, int(firstRemoved), int(m_rows.size() - 1));
        m_rows.resize(firstRemoved);
        endRemoveRows();
    }

    static qsizetype removedCount(const QList<typename RowDiff<Row>::Run> &removed)
    {
        qsizetype count = 0;
        for (const auto &run : removed)
            count += run.last - run.first + 1;
        return count;
    }

    QList<Row> m_rows;
    int m_columnCount;
};

} // namespace cowherd::ui
