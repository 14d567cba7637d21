#pragma once

#include "cache/cacheplanner.h"
#include "cache/cachesnapshot.h"
#include "tables/snapshottablemodel.h"

#include <QIcon>

namespace cowherd::ui {

struct BaseCacheRow
{
    cache::BaseFile file;
    qint64 ageSeconds = 0;

    const QString &key() const { return file.name; }
};

// One row per file in a host's _base.
class BaseCacheModel final : public SnapshotTableModel<BaseCacheRow>
{
    Q_OBJECT

public:
    enum Column
    {
        Name,
        Kind,
        Format,
        VirtualSize,
        AllocatedSize,
        Age,
        References,
        LastUsed, // in use now, or how long ago it was last seen in use (Nova touches files in use)
        RemovableIn, // when a cache pass may remove it: from the plan of the host's sharing group
        Checksum,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role
    {
        SortRole = Qt::UserRole, // raw numbers for sizes, age and counts
        NameRole, // the base file's name, the row's key
        HasProblemsRole,
        PinnedRole,
    };

    explicit BaseCacheModel(QObject *parent = nullptr);

    // Age is measured against the snapshot's time, so rows only change with a new snapshot.
    void setSnapshot(const cache::CacheSnapshot &snapshot);
    void clear();
    // The plan of the shown host's sharing group (by Nova's rules on a cache Nova manages), for
    // the Removable in column; an empty plan until one is known.
    void setPlan(const cache::CleanupPlan &plan);

    const cache::BaseFile *baseAt(int row) const;
    // indexOf(name, column): the row of the base file of that name.

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    using Row = BaseCacheRow;

    QVariant displayData(const Row &row, int column) const;
    QVariant sortData(const Row &row, int column) const;
    // What the plan says of the row's file; nullptr when it is not planned (yet).
    const cache::PlannedAction *plannedAction(const Row &row) const;
    // Seconds until a pass may remove the file; -1 never or not planned.
    qint64 removableIn(const Row &row) const;

    cache::CleanupPlan m_plan;
    QHash<QString, qsizetype> m_planIndex; // base file name -> its action in m_plan
    mutable QIcon m_warningIcon;
};

} // namespace cowherd::ui
