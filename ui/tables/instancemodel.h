#pragma once

#include "cache/cachesnapshot.h"
#include "host/domainstats.h"
#include "tables/snapshottablemodel.h"

#include <QIcon>
#include <QStringList>

namespace cowherd::ui {

struct InstanceRow
{
    cache::Instance instance;
    QStringList baseFiles; // from the snapshot's reference graph

    const QString &key() const { return instance.uuid; }
};

// One row per instance: defined in libvirt, found on disk, or both.
class InstanceModel final : public SnapshotTableModel<InstanceRow>
{
    Q_OBJECT

public:
    enum Column
    {
        Uuid,
        Name,
        State,
        Directory,
        Disks,
        BaseFiles,
        Cpu, // live figures (setLiveFigures): empty for an instance that is not running
        Memory,
        DiskRead,
        DiskWrite,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role
    {
        SortRole = Qt::UserRole,
        UuidRole, // the row's key
        BaseFilesRole, // QStringList of base file names
    };

    explicit InstanceModel(QObject *parent = nullptr);

    void setSnapshot(const cache::CacheSnapshot &snapshot);
    void clear();

    const cache::Instance *instanceAt(int row) const;
    // The live figures of the running instances by uuid (host::DomainStatsPoller); changes the
    // figure columns only.
    void setLiveFigures(const QHash<QString, host::LiveFigures> &figures);
    host::LiveFigures liveFigures(const QString &uuid) const { return m_figures.value(uuid); }
    // indexOf(uuid, column): the row of the instance.

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    using Row = InstanceRow;

    QVariant displayData(const Row &row, int column) const;

    QVariant figureData(const Row &row, int column, int role) const;

    mutable QIcon m_warningIcon;
    QHash<QString, host::LiveFigures> m_figures;
};

} // namespace cowherd::ui
