#include "tasks/taskmodel.h"

#include "common/displayformat.h"
#include "task/taskmanager.h"

#include <QApplication>

#include <QStyle>
#include <algorithm>

namespace cowherd::ui {

using task::TaskState;

TaskModel::TaskModel(task::TaskManager *manager, QObject *parent)
    : QAbstractTableModel(parent)
    , m_manager(manager)
{
    m_rows = manager->tasks();
    connect(manager, &task::TaskManager::taskAdded, this, &TaskModel::onAdded);
    connect(manager, &task::TaskManager::taskChanged, this, &TaskModel::onChanged);
    connect(manager, &task::TaskManager::taskRemoved, this, &TaskModel::onRemoved);
}

QString TaskModel::stateName(TaskState state)
{
    switch (state) {
    case TaskState::Queued:
        return tr("Queued");
    case TaskState::Running:
        return tr("Running");
    case TaskState::Succeeded:
        return tr("Done");
    case TaskState::Failed:
        return tr("Failed");
    case TaskState::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

const task::TaskInfo *TaskModel::taskAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

int TaskModel::rowOf(quint64 id) const
{
    // Ids grow with submission order, so the rows are sorted by id.
    const auto it = std::lower_bound(
        m_rows.cbegin(), m_rows.cend(), id, [](const task::TaskInfo &info, quint64 value) { return info.id < value; });
    return it != m_rows.cend() && it->id == id ? int(it - m_rows.cbegin()) : -1;
}

QModelIndex TaskModel::indexOf(quint64 id, int column) const
{
    const int row = rowOf(id);
    return row < 0 ? QModelIndex() : index(row, column);
}

void TaskModel::onAdded(quint64 id)
{
    const auto info = m_manager->task(id);
    if (!info || rowOf(id) >= 0)
        return;
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.append(*info);
    endInsertRows();
}

void TaskModel::onChanged(quint64 id)
{
    const int row = rowOf(id);
    const auto info = m_manager->task(id);
    if (row < 0 || !info)
        return;
    m_rows[row] = *info;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void TaskModel::onRemoved(quint64 id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

int TaskModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TaskModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TaskModel::displayData(const task::TaskInfo &info, int column) const
{
    switch (column) {
    case Title:
        return info.title;
    case Host:
        return info.host;
    case State:
        if (info.state == TaskState::Running && !info.stage.isEmpty())
            return info.stage;
        return stateName(info.state);
    case Progress:
        if (info.countsBytes && info.total > 0)
            return tr("%1 of %2").arg(DisplayFormat::size(info.done), DisplayFormat::size(info.total));
        if (info.countsBytes && info.done > 0)
            return DisplayFormat::size(info.done);
        if (info.total > 0)
            return tr("%1 of %2").arg(info.done).arg(info.total);
        return QString();
    case Speed:
        if (info.state != TaskState::Running || !info.countsBytes || info.bytesPerSecond <= 0)
            return QString();
        return tr("%1/s").arg(DisplayFormat::size(qint64(info.bytesPerSecond)));
    case Eta:
        if (info.state != TaskState::Running || info.etaSeconds < 0)
            return QString();
        return DisplayFormat::age(info.etaSeconds);
    }
    return {};
}

QVariant TaskModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const task::TaskInfo &info = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return displayData(info, index.column());
    case IdRole:
        return info.id;
    case StateRole:
        return int(info.state);
    case PercentRole:
        if (info.state == TaskState::Succeeded)
            return 100;
        return info.total > 0 ? int(std::min<qint64>(100, info.done * 100 / info.total)) : -1;
    case LogRole:
        return info.log.join(u'\n');
    case ErrorRole:
        return info.error;
    case Qt::ToolTipRole:
        return info.error.isEmpty() ? QVariant() : QVariant(info.error);
    case Qt::DecorationRole:
        if (index.column() != Title)
            return {};
        switch (info.state) {
        case TaskState::Failed:
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxCritical);
        case TaskState::Succeeded:
            return QApplication::style()->standardIcon(QStyle::SP_DialogApplyButton);
        case TaskState::Cancelled:
            return QApplication::style()->standardIcon(QStyle::SP_DialogCancelButton);
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        if (index.column() == Speed || index.column() == Eta)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant TaskModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Title:
        return tr("Task");
    case Host:
        return tr("Host");
    case State:
        return tr("State");
    case Progress:
        return tr("Progress");
    case Speed:
        return tr("Speed");
    case Eta:
        return tr("Remaining");
    }
    return {};
}

} // namespace cowherd::ui
