#include "cachepass/cachepassdialog.h"

#include "cachepass/cleanupplanview.h"
#include "task/taskmanager.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace cowherd::ui {

CachePassDialog::CachePassDialog(task::TaskManager *tasks, const CacheTarget &target, QWidget *parent)
    : QDialog(parent)
    , m_tasks(tasks)
    , m_target(target)
    , m_view(new CleanupPlanView(this))
{
    setObjectName(QStringLiteral("cachePassDialog"));
    setWindowTitle(tr("Cache pass on %1").arg(target.host.name));
    auto *intro = new QLabel(tr("What a cache pass would do in the sharing group of %1: base files in use are "
                                "touched, unused ones older than the minimum age are removed under their lock.")
                                 .arg(target.host.name),
        this);
    intro->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("Cancel"));
    buttons->button(QDialogButtonBox::Close)->setToolTip(tr("Close, and stop a plan or pass that is still running"));
    connect(buttons, &QDialogButtonBox::rejected, this, &CachePassDialog::reject);
    connect(m_view, &CleanupPlanView::dryRunRequested, this, &CachePassDialog::plan);
    connect(m_view, &CleanupPlanView::runRequested, this, &CachePassDialog::run);
    connect(tasks, &task::TaskManager::taskFinished, this, [this](quint64 id, task::TaskState) {
        if (id == m_task)
            m_view->setBusy(false);
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
    resize(1000, 440);
    m_view->setBusy(true);
}

void CachePassDialog::plan()
{
    submit(CacheTasks::PassMode::Plan);
}

void CachePassDialog::run()
{
    submit(CacheTasks::PassMode::Clean);
}

void CachePassDialog::submit(CacheTasks::PassMode mode)
{
    const bool executing = mode == CacheTasks::PassMode::Clean;
    auto result = std::make_shared<cache::CleanupPlan>();
    m_view->setBusy(true);
    m_task = m_tasks->submit(executing ? tr("Cache pass on %1").arg(m_target.host.name)
                                       : tr("Plan a cache pass on %1").arg(m_target.host.name),
        m_target.host.name, CacheTasks::pass(m_target, mode, result));
    const quint64 id = m_task;
    connect(m_tasks, &task::TaskManager::taskFinished, this,
        [this, id, result, executing](quint64 finished, task::TaskState state) {
            if (finished != id)
                return;
            // A blocked pass still carries the plan that says why nothing was removed.
            if (state == task::TaskState::Succeeded
                || (state == task::TaskState::Failed && result->plannedAt.isValid())) {
                m_executed = executing;
                m_view->setPlan(*result, executing);
                Q_EMIT planShown(executing);
            }
        });
}

void CachePassDialog::reject()
{
    // Cancel stops a plan nobody will read; a pass that already removes files finishes its file.
    if (m_task) {
        if (const auto info = m_tasks->task(m_task); info && !task::isFinished(info->state))
            m_tasks->cancel(m_task);
    }
    QDialog::reject();
}

} // namespace cowherd::ui
