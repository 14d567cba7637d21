#include "tasks/taskdock.h"

#include "common/columnwidth.h"
#include "task/taskmanager.h"
#include "tasks/taskmodel.h"

#include <QAction>
#include <QApplication>
#include <QFontDatabase>
#include <QHeaderView>
#include <QPainter>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace cowherd::ui {

namespace {

// Draws the Progress column as a progress bar with the byte counts as its text.
class ProgressDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const auto state = task::TaskState(index.data(TaskModel::StateRole).toInt());
        // A bar for work under way or done; a failed or cancelled task has no progress to show.
        if (state != task::TaskState::Running && state != task::TaskState::Succeeded) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        QStyleOptionViewItem background = option;
        initStyleOption(&background, index);
        background.text.clear();
        QApplication::style()->drawControl(QStyle::CE_ItemViewItem, &background, painter, option.widget);

        QStyleOptionProgressBar bar;
        bar.rect = option.rect.adjusted(2, 2, -2, -2);
        bar.state = option.state | QStyle::State_Horizontal;
        bar.minimum = 0;
        const int percent = index.data(TaskModel::PercentRole).toInt();
        bar.maximum = percent < 0 ? 0 : 100; // 0..0: busy
        bar.progress = std::max(0, percent);
        bar.text = index.data().toString();
        if (bar.text.isEmpty() && percent >= 0)
            bar.text = TaskModel::tr("%1%").arg(percent);
        bar.textVisible = true;
        bar.textAlignment = Qt::AlignCenter;
        QApplication::style()->drawControl(QStyle::CE_ProgressBar, &bar, painter, option.widget);
    }
};

} // namespace

TaskDock::TaskDock(task::TaskManager *manager, QWidget *parent)
    : QDockWidget(tr("Tasks"), parent)
    , m_manager(manager)
    , m_model(new TaskModel(manager, this))
    , m_view(new QTreeView(this))
    , m_log(new QPlainTextEdit(this))
    , m_cancel(new QAction(QApplication::style()->standardIcon(QStyle::SP_BrowserStop), tr("&Cancel task"), this))
    , m_retry(new QAction(QApplication::style()->standardIcon(QStyle::SP_BrowserReload), tr("&Retry task"), this))
    , m_clear(
          new QAction(QApplication::style()->standardIcon(QStyle::SP_DialogResetButton), tr("C&lear finished"), this))
{
    setObjectName(QStringLiteral("taskDock"));
    setAccessibleName(tr("Task centre"));
    setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetFloatable);

    m_view->setObjectName(QStringLiteral("taskView"));
    m_view->setAccessibleName(tr("Tasks"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setItemDelegateForColumn(TaskModel::Progress, new ProgressDelegate(m_view));
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(TaskModel::Title, QHeaderView::Stretch);
    resizeSectionToFitHeader(m_view->header(), TaskModel::Host, 120);
    resizeSectionToFitHeader(m_view->header(), TaskModel::State, 100);
    resizeSectionToFitHeader(m_view->header(), TaskModel::Progress, 190);
    resizeSectionToFitHeader(m_view->header(), TaskModel::Speed, 90);
    resizeSectionToFitHeader(m_view->header(), TaskModel::Eta, 80);

    m_log->setObjectName(QStringLiteral("taskLog"));
    m_log->setAccessibleName(tr("Log of the selected task"));
    m_log->setReadOnly(true);
    m_log->setPlaceholderText(tr("Select a task to see its log."));
    m_log->setMaximumBlockCount(5000);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    m_cancel->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
    m_cancel->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_cancel->setToolTip(tr("Stop the selected task (Ctrl+.)"));
    m_retry->setToolTip(tr("Run the selected failed or cancelled task again"));
    m_clear->setToolTip(tr("Remove finished tasks from the list"));
    connect(m_cancel, &QAction::triggered, this, [this] { m_manager->cancel(currentId()); });
    connect(m_retry, &QAction::triggered, this, [this] {
        if (const quint64 id = m_manager->retry(currentId()))
            selectTask(id);
    });
    connect(m_clear, &QAction::triggered, m_manager, &task::TaskManager::clearFinished);

    auto *toolBar = new QToolBar(this);
    toolBar->setIconSize(QSize(16, 16));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addAction(m_cancel);
    toolBar->addAction(m_retry);
    toolBar->addSeparator();
    toolBar->addAction(m_clear);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_log);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 0, 4, 4);
    layout->setSpacing(2);
    layout->addWidget(toolBar);
    layout->addWidget(splitter, 1);
    setWidget(content);
    content->addAction(m_cancel);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        updateActions();
        updateLog();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &topLeft) {
        if (topLeft.row() == m_view->currentIndex().row()) {
            updateActions();
            updateLog();
        }
        updateSummary();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &TaskDock::updateSummary);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this] {
        updateSummary();
        updateActions();
        updateLog();
    });
    updateActions();
}

quint64 TaskDock::currentId() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(TaskModel::IdRole).toULongLong() : 0;
}

void TaskDock::selectTask(quint64 id)
{
    const QModelIndex index = m_model->indexOf(id);
    if (index.isValid())
        m_view->setCurrentIndex(index);
}

void TaskDock::updateActions()
{
    const task::TaskInfo *info = m_model->taskAt(m_view->currentIndex().row());
    m_cancel->setEnabled(info && !task::isFinished(info->state));
    m_retry->setEnabled(info && (info->state == task::TaskState::Failed || info->state == task::TaskState::Cancelled));
}

void TaskDock::updateLog()
{
    const task::TaskInfo *info = m_model->taskAt(m_view->currentIndex().row());
    const QString text = info ? info->log.join(u'\n') : QString();
    if (text == m_log->toPlainText())
        return;
    // Logs only grow: append the new lines so a reader's scroll position survives.
    const QString shown = m_log->toPlainText();
    if (!shown.isEmpty() && text.startsWith(shown + u'\n')) {
        m_log->appendPlainText(text.mid(shown.size() + 1));
        return;
    }
    m_log->setPlainText(text);
    m_log->verticalScrollBar()->setValue(m_log->verticalScrollBar()->maximum());
}

QString TaskDock::summary() const
{
    return m_summary;
}

void TaskDock::updateSummary()
{
    int running = 0, queued = 0, failed = 0, done = 0;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        switch (m_model->taskAt(row)->state) {
        case task::TaskState::Running:
            ++running;
            break;
        case task::TaskState::Queued:
            ++queued;
            break;
        case task::TaskState::Failed:
            ++failed;
            break;
        default:
            ++done;
            break;
        }
    }
    QStringList parts;
    if (running)
        parts.append(tr("%n running", nullptr, running));
    if (queued)
        parts.append(tr("%n queued", nullptr, queued));
    if (failed)
        parts.append(tr("%n failed", nullptr, failed));
    if (parts.isEmpty() && done)
        parts.append(tr("%n finished", nullptr, done));
    const QString summary = parts.join(tr(", "));
    if (summary == m_summary)
        return;
    m_summary = summary;
    setWindowTitle(summary.isEmpty() ? tr("Tasks") : tr("Tasks — %1").arg(summary));
    Q_EMIT summaryChanged(summary);
}

} // namespace cowherd::ui
