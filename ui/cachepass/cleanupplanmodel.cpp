#include "cachepass/cleanupplanmodel.h"

#include "common/displayformat.h"

#include <QBrush>
#include <QLocale>
#include <QPalette>

using namespace Qt::StringLiterals;

namespace cowherd::ui {

namespace {

bool sameRows(const QList<cache::PlannedAction> &a, const QList<cache::PlannedAction> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i)
        if (a.at(i).name != b.at(i).name)
            return false;
    return true;
}

} // namespace

CleanupPlanModel::CleanupPlanModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void CleanupPlanModel::setPlan(const cache::CleanupPlan &plan)
{
    // Same files in the same order (the planner sorts by name): update in place.
    if (sameRows(m_plan.actions, plan.actions)) {
        m_plan = plan;
        if (!m_plan.actions.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_plan = plan;
    endResetModel();
}

int CleanupPlanModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_plan.actions.size());
}

int CleanupPlanModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CleanupPlanModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const cache::PlannedAction &a = m_plan.actions.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case Name:
            return a.name;
        case Kind:
            return DisplayFormat::kindName(a.kind);
        case Action:
            return DisplayFormat::actionName(a.action);
        case Size:
            return QLocale().formattedDataSize(a.bytes);
        case Reason:
            return a.reason;
        case Advice:
            return a.advice;
        case ColumnCount:
            break;
        }
        return {};
    case SortRole:
        return index.column() == Size ? QVariant(a.bytes) : data(index, Qt::DisplayRole);
    case NameRole:
        return a.name;
    case ActionRole:
        return cache::toString(a.action);
    case Qt::ToolTipRole:
        return a.references.isEmpty() ? a.path : a.path + u"\n"_s + a.references.join(u"\n"_s);
    case Qt::ForegroundRole:
        if (index.column() == Action && a.action == cache::PlannedAction::Action::Remove)
            return QBrush(QPalette().color(QPalette::Link));
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == Size ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    default:
        return {};
    }
}

QVariant CleanupPlanModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Name:
        return tr("Base file");
    case Kind:
        return tr("Kind");
    case Action:
        return tr("Action");
    case Size:
        return tr("Size");
    case Reason:
        return tr("Reason");
    case Advice:
        return tr("Cowherd's advice");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace cowherd::ui
