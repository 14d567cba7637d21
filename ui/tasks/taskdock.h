#pragma once

#include <QDockWidget>

class QAction;
class QLabel;
class QPlainTextEdit;
class QTreeView;

namespace cowherd::task {
class TaskManager;
}

namespace cowherd::ui {

class TaskModel;

// The task centre: every task on every host with its progress, speed, ETA and log; Cancel,
// Retry and Clear finished. Finished tasks stay until cleared.
class TaskDock final : public QDockWidget
{
    Q_OBJECT

public:
    explicit TaskDock(task::TaskManager *manager, QWidget *parent = nullptr);

    TaskModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    QPlainTextEdit *logView() const { return m_log; }
    QAction *cancelAction() const { return m_cancel; }
    QAction *retryAction() const { return m_retry; }
    QAction *clearAction() const { return m_clear; }
    // "2 running, 1 queued, 1 failed", for the status bar; empty when there are no tasks.
    QString summary() const;
    void selectTask(quint64 id);

Q_SIGNALS:
    void summaryChanged(const QString &summary);

private:
    quint64 currentId() const;
    void updateActions();
    void updateLog();
    void updateSummary();

    task::TaskManager *m_manager;
    TaskModel *m_model;
    QTreeView *m_view;
    QPlainTextEdit *m_log;
    QAction *m_cancel;
    QAction *m_retry;
    QAction *m_clear;
    QString m_summary;
};

} // namespace cowherd::ui
