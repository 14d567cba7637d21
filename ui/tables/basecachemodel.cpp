#include "tables/basecachemodel.h"

#include "common/displayformat.h"
#include "tables/snapshotcompare.h"

#include <QApplication>
#include <QLocale>
#include <QStyle>

#include <limits>

namespace cowherd::ui {

BaseCacheModel::BaseCacheModel(QObject *parent)
    : SnapshotTableModel(ColumnCount, parent)
{ }

void BaseCacheModel::setSnapshot(const cache::CacheSnapshot &snapshot)
{
    auto makeRows = [snapshot] {
        const QDateTime now = snapshot.takenAt.isValid() ? snapshot.takenAt : QDateTime::currentDateTimeUtc();
        QList<Row> next;
        next.reserve(snapshot.bases.size());
        for (const auto &base : snapshot.bases)
            next.append({base, base.mtime.isValid() ? base.mtime.secsTo(now) : 0});
        return next;
    };
    updateRows(snapshot.bases.size(), std::move(makeRows),
        [](const Row &a, const Row &b) { return a.ageSeconds == b.ageSeconds && sameBaseFile(a.file, b.file); });
}

void BaseCacheModel::clear()
{
    clearRows();
}

void BaseCacheModel::setPlan(const cache::CleanupPlan &plan)
{
    m_plan = plan;
    m_planIndex.clear();
    m_planIndex.reserve(m_plan.actions.size());
    for (qsizetype i = 0; i < m_plan.actions.size(); ++i)
        m_planIndex.insert(m_plan.actions.at(i).name, i);
    if (!rows().isEmpty())
        Q_EMIT dataChanged(index(0, RemovableIn), index(rowCount() - 1, RemovableIn));
}

const cache::PlannedAction *BaseCacheModel::plannedAction(const Row &row) const
{
    const auto found = m_planIndex.constFind(row.file.name);
    return found == m_planIndex.cend() ? nullptr : &m_plan.actions.at(*found);
}

qint64 BaseCacheModel::removableIn(const Row &row) const
{
    const auto &f = row.file;
    if (!f.references.isEmpty() || f.pinned || f.checksumState == u"mismatch")
        return -1;
    const cache::PlannedAction *planned = plannedAction(row);
    return planned ? planned->removableInSeconds : -1;
}

const cache::BaseFile *BaseCacheModel::baseAt(int row) const
{
    const Row *found = rowAt(row);
    return found ? &found->file : nullptr;
}

QVariant BaseCacheModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = rows()[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, index.column());
    case SortRole:
        return sortData(row, index.column());
    case NameRole:
        return row.file.name;
    case HasProblemsRole:
        return !row.file.problems.isEmpty();
    case PinnedRole:
        return row.file.pinned;
    case Qt::DecorationRole:
        if (index.column() == Name && !row.file.problems.isEmpty()) {
            if (m_warningIcon.isNull())
                m_warningIcon = QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
            return m_warningIcon;
        }
        return {};
    case Qt::ToolTipRole:
        if (!row.file.problems.isEmpty())
            return tr("%1\n\nProblems:\n%2").arg(row.file.path, DisplayFormat::problems(row.file.problems));
        if (index.column() == RemovableIn)
            if (const cache::PlannedAction *planned = plannedAction(row))
                return planned->advice.isEmpty() ? planned->reason
                                                 : planned->reason + QStringLiteral("\n\n") + planned->advice;
        if (index.column() == Checksum && row.file.verifiedAt.isValid())
            return tr("Last verified %1")
                .arg(QLocale().toString(row.file.verifiedAt.toLocalTime(), QLocale::ShortFormat));
        return index.column() == Name ? QVariant(row.file.path) : QVariant();
    case Qt::TextAlignmentRole:
        if (index.column() >= VirtualSize && index.column() <= References)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant BaseCacheModel::displayData(const Row &row, int column) const
{
    const auto &f = row.file;
    switch (column) {
    case Name:
        return f.name;
    case Kind:
        return DisplayFormat::kindName(f.kind);
    case Format:
        return f.format.isEmpty() ? tr("unreadable") : f.format;
    case VirtualSize:
        return DisplayFormat::size(f.virtualSize);
    case AllocatedSize:
        return DisplayFormat::size(f.allocatedSize);
    case Age:
        return f.mtime.isValid() ? DisplayFormat::age(row.ageSeconds) : QString();
    case References:
        return f.references.size();
    case LastUsed:
        if (!f.references.isEmpty())
            return tr("in use");
        return f.mtime.isValid() ? tr("%1 ago").arg(DisplayFormat::age(row.ageSeconds)) : QString();
    case RemovableIn: {
        if (f.pinned)
            return tr("pinned");
        if (!f.references.isEmpty())
            return tr("in use");
        if (f.checksumState == u"mismatch")
            return tr("never (corrupt)");
        const cache::PlannedAction *planned = plannedAction(row);
        if (!planned)
            return QString(); // planned shortly after the scan
        if (planned->action == cache::PlannedAction::Action::Touch)
            return tr("in use"); // by another host of its sharing group, or an image Nova uses
        if (planned->removableInSeconds < 0)
            return tr("never");
        if (planned->removableInSeconds == 0)
            return planned->blocked ? tr("blocked") : tr("now");
        return DisplayFormat::age(planned->removableInSeconds);
    }
    case Checksum:
        if (f.checksumState == u"ok")
            return tr("ok");
        if (f.checksumState == u"mismatch")
            return tr("MISMATCH");
        return f.kind == cache::BaseKind::Partial ? QString() : tr("unverified");
    }
    return {};
}

QVariant BaseCacheModel::sortData(const Row &row, int column) const
{
    const auto &f = row.file;
    switch (column) {
    case VirtualSize:
        return f.virtualSize;
    case AllocatedSize:
        return f.allocatedSize;
    case Age:
        return row.ageSeconds;
    case References:
        return f.references.size();
    case LastUsed:
        return f.references.isEmpty() ? row.ageSeconds : qint64(-1);
    case RemovableIn: {
        const qint64 seconds = removableIn(row);
        return seconds < 0 ? std::numeric_limits<qint64>::max() : seconds;
    }
    default:
        return displayData(row, column);
    }
}

QVariant BaseCacheModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Kind:
        return tr("Kind");
    case Format:
        return tr("Format");
    case VirtualSize:
        return tr("Virtual size");
    case AllocatedSize:
        return tr("Allocated");
    case Age:
        return tr("Age");
    case References:
        return tr("Used by");
    case LastUsed:
        return tr("Last used");
    case RemovableIn:
        return tr("Removable in");
    case Checksum:
        return tr("Checksum");
    }
    return {};
}

} // namespace cowherd::ui
