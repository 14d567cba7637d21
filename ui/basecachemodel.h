#pragma once

#include "cache/cachesnapshot.h"
#include "snapshottablemodel.h"

#include <QIcon>

namespace cowherd::ui {

// One row per file in a host's _base.
class BaseCacheModel final : public SnapshotTableModel
{
    Q_OBJECT

public:
    enum Column {
        Name,
        Kind,
        Format,
        VirtualSize,
        AllocatedSize,
        Age,
        References,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        SortRole = Qt::UserRole, // raw numbers for sizes, age and counts
        NameRole, // the base file's name, the row's key
        HasProblemsRole,
    };

    explicit BaseCacheModel(QObject *parent = nullptr);

    // Age is measured against the snapshot's time, so rows only change with a new snapshot.
    void setSnapshot(const cache::CacheSnapshot &snapshot);
    void clear();

    const cache::BaseFile *baseAt(int row) const;
    QModelIndex indexOf(const QString &name, int column = Name) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        cache::BaseFile file;
        qint64 ageSeconds = 0;
    };

    QVariant displayData(const Row &row, int column) const;
    QVariant sortData(const Row &row, int column) const;

    QList<Row> m_rows;
    mutable QIcon m_warningIcon;
};

} // namespace cowherd::ui
