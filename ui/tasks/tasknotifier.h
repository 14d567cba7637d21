#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace cowherd::task {
class TaskManager;
}

namespace cowherd::ui {

// A red strip in the window that says a task failed, and stays until dismissed: in a demo
// nobody watches the task list, and a failure that scrolls away is a failure nobody saw.
class TaskNotifier final : public QFrame
{
    Q_OBJECT

public:
    explicit TaskNotifier(task::TaskManager *manager, QWidget *parent = nullptr);

    QString text() const;
    int failureCount() const { return m_failures; }
    void dismiss();

Q_SIGNALS:
    void showTaskRequested(quint64 id);

private:
    void onFailed(quint64 id);

    task::TaskManager *m_manager;
    QLabel *m_text;
    QPushButton *m_show;
    QPushButton *m_dismiss;
    int m_failures = 0;
    quint64 m_lastId = 0;
};

} // namespace cowherd::ui
