#pragma once

#include "cachepass/cachetasks.h"

#include <QDialog>

#include <memory>

namespace cowherd::task {
class TaskManager;
}

namespace cowherd::ui {

class CleanupPlanView;

// The cache pass preview: opens with a dry-run plan computed as a task, shows what each base
// file would undergo and why, and runs the pass as a task on request.
class CachePassDialog final : public QDialog
{
    Q_OBJECT

public:
    CachePassDialog(task::TaskManager *tasks, const CacheTarget &target, QWidget *parent = nullptr);

    CleanupPlanView *planView() const { return m_view; }
    quint64 currentTask() const { return m_task; }
    bool hasExecuted() const { return m_executed; }

    void plan();
    void run();
    void reject() override;

Q_SIGNALS:
    // The plan (or the result of the run) is shown.
    void planShown(bool executed);

private:
    void submit(CacheTasks::PassMode mode);

    task::TaskManager *m_tasks;
    CacheTarget m_target;
    CleanupPlanView *m_view;
    quint64 m_task = 0;
    bool m_executed = false;
};

} // namespace cowherd::ui
