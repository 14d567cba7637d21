#pragma once

#include "cache/cachesnapshot.h"
#include "tables/snapshottablemodel.h"

#include <QIcon>
#include <QStringList>

namespace cowherd::ui {

// One row per instance: defined in libvirt, found on disk, or both.
class InstanceModel final : public SnapshotTableModel
{
    Q_OBJECT

public:
    enum Column {
        Uuid,
        Name,
        State,
        Directory,
        Disks,
        BaseFiles,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        SortRole = Qt::UserRole,
        UuidRole, // the row's key
        BaseFilesRole, // QStringList of base file names
    };

    explicit InstanceModel(QObject *parent = nullptr);

    void setSnapshot(const cache::CacheSnapshot &snapshot);
    void clear();

    const cache::Instance *instanceAt(int row) const;
    QModelIndex indexOf(const QString &uuid, int column = Uuid) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        cache::Instance instance;
        QStringList baseFiles; // from the snapshot's reference graph
    };

    QVariant displayData(const Row &row, int column) const;

    QList<Row> m_rows;
    mutable QIcon m_warningIcon;
};

} // namespace cowherd::ui
