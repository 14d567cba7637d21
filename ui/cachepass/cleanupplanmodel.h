#pragma once

#include "cache/cacheplanner.h"

#include <QAbstractTableModel>

namespace cowherd::ui {

// One row per base file of a cleanup plan (or of what a pass did).
class CleanupPlanModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    // Advice: under Nova's rules, what Cowherd's own rules would do instead (empty when the same).
    enum Column
    {
        Name,
        Kind,
        Action,
        Size,
        Reason,
        Advice,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role
    {
        SortRole = Qt::UserRole, // raw bytes for Size
        NameRole,
        ActionRole, // "keep", "touch", "remove"
    };

    explicit CleanupPlanModel(QObject *parent = nullptr);

    // Rows are matched by name: unchanged rows stay, changed ones emit dataChanged only.
    void setPlan(const cache::CleanupPlan &plan);
    const cache::CleanupPlan &plan() const { return m_plan; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    cache::CleanupPlan m_plan;
};

} // namespace cowherd::ui
