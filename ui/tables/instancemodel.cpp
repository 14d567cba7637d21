#include "tables/instancemodel.h"

#include "common/displayformat.h"
#include "tables/snapshotcompare.h"

#include <QApplication>
#include <QHash>
#include <QLocale>
#include <QPalette>
#include <QStyle>

namespace cowherd::ui {

InstanceModel::InstanceModel(QObject *parent)
    : SnapshotTableModel(ColumnCount, parent)
{ }

void InstanceModel::setSnapshot(const cache::CacheSnapshot &snapshot)
{
    auto makeRows = [snapshot] {
        QList<Row> next;
        next.reserve(snapshot.instances.size());
        QHash<QString, qsizetype> rowOf;
        rowOf.reserve(snapshot.instances.size());
        for (const auto &instance : snapshot.instances) {
            rowOf.insert(instance.uuid, next.size());
            next.append({instance, {}});
        }
        // The scanner already joined disks to base files; read the join back per instance. A
        // uuid listed twice keeps its last row only (see diffRows), which is the one that gets them.
        for (const auto &base : snapshot.bases) {
            for (const auto &uuid : base.references) {
                if (const auto row = rowOf.constFind(uuid); row != rowOf.constEnd())
                    next[row.value()].baseFiles.append(base.name);
            }
        }
        return next;
    };
    updateRows(snapshot.instances.size(), std::move(makeRows),
        [](const Row &a, const Row &b) { return a.baseFiles == b.baseFiles && sameInstance(a.instance, b.instance); });
}

void InstanceModel::clear()
{
    clearRows();
}

const cache::Instance *InstanceModel::instanceAt(int row) const
{
    const Row *found = rowAt(row);
    return found ? &found->instance : nullptr;
}

void InstanceModel::setLiveFigures(const QHash<QString, host::LiveFigures> &figures)
{
    if (figures.isEmpty() && m_figures.isEmpty())
        return;
    m_figures = figures;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, Cpu), index(rowCount() - 1, DiskWrite), {Qt::DisplayRole, SortRole});
}

QVariant InstanceModel::figureData(const Row &row, int column, int role) const
{
    const auto found = m_figures.constFind(row.instance.uuid);
    if (found == m_figures.constEnd())
        return role == SortRole ? QVariant(-1.0) : QVariant();
    const host::LiveFigures &f = *found;
    const double value = column == Cpu ? f.cpuPercent
        : column == Memory             ? double(f.memoryBytes)
        : column == DiskRead           ? f.readBytesPerSecond
                                       : f.writeBytesPerSecond;
    if (role == SortRole)
        return value;
    if (value < 0)
        return QString();
    if (column == Cpu)
        return tr("%1 %").arg(QLocale().toString(value, 'f', 1));
    if (column == Memory)
        return DisplayFormat::size(qint64(value));
    return tr("%1/s").arg(DisplayFormat::size(qint64(value)));
}

QVariant InstanceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = rows()[index.row()];
    if (index.column() >= Cpu && (role == Qt::DisplayRole || role == SortRole))
        return figureData(row, index.column(), role);
    const auto &instance = row.instance;
    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, index.column());
    case SortRole:
        if (index.column() == Disks)
            return instance.disks.size();
        return displayData(row, index.column());
    case UuidRole:
        return instance.uuid;
    case BaseFilesRole:
        return row.baseFiles;
    case Qt::DecorationRole:
        if (index.column() == Uuid && !instance.problems.isEmpty()) {
            if (m_warningIcon.isNull())
                m_warningIcon = QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
            return m_warningIcon;
        }
        return {};
    case Qt::ToolTipRole:
        if (!instance.problems.isEmpty())
            return tr("Problems:\n%1").arg(DisplayFormat::problems(instance.problems));
        if (index.column() == BaseFiles)
            return row.baseFiles.join(u'\n');
        if (index.column() == Name && instance.nova)
            return tr("Server %1 of project %2\nFlavor: %3\nImage: %4")
                .arg(instance.nova->name, instance.nova->projectName, DisplayFormat::flavor(*instance.nova),
                    instance.nova->imageId.isEmpty() ? tr("none (booted from a volume)") : instance.nova->imageId);
        return {};
    case Qt::ForegroundRole:
        if (index.column() == Name && instance.name.isEmpty() && !instance.nova)
            return QApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Disks || index.column() >= Cpu)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant InstanceModel::displayData(const Row &row, int column) const
{
    const auto &instance = row.instance;
    switch (column) {
    case Uuid:
        return instance.uuid;
    case Name:
        return instance.name.isEmpty() && !instance.nova ? tr("(not defined)") : DisplayFormat::instanceName(instance);
    case State:
        return DisplayFormat::instanceState(instance.state);
    case Directory:
        return instance.directory;
    case Disks:
        return instance.disks.size();
    case BaseFiles:
        return row.baseFiles.join(QStringLiteral(", "));
    }
    return {};
}

QVariant InstanceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Uuid:
        return tr("UUID");
    case Name:
        return tr("Name");
    case State:
        return tr("State");
    case Directory:
        return tr("Directory");
    case Disks:
        return tr("Disks");
    case BaseFiles:
        return tr("Base files");
    case Cpu:
        return tr("CPU");
    case Memory:
        return tr("Memory");
    case DiskRead:
        return tr("Disk read");
    case DiskWrite:
        return tr("Disk write");
    }
    return {};
}

} // namespace cowherd::ui
