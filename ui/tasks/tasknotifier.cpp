#include "tasks/tasknotifier.h"

#include "task/taskmanager.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

namespace cowherd::ui {

TaskNotifier::TaskNotifier(task::TaskManager *manager, QWidget *parent)
    : QFrame(parent)
    , m_manager(manager)
    , m_text(new QLabel(this))
    , m_show(new QPushButton(tr("Show task"), this))
    , m_dismiss(new QPushButton(tr("Dismiss"), this))
{
    setObjectName(QStringLiteral("taskNotifier"));
    setAccessibleName(tr("Task failure notification"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette p = palette();
    p.setColor(QPalette::Window, QColor(0xf8, 0xd7, 0xd7));
    p.setColor(QPalette::WindowText, QColor(0x20, 0x20, 0x20));
    setPalette(p);

    auto *icon = new QLabel(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxCritical).pixmap(iconSize, iconSize));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_show->setAccessibleName(tr("Show the failed task"));
    m_dismiss->setAccessibleName(tr("Dismiss the failure notification"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_show);
    layout->addWidget(m_dismiss);
    hide();

    connect(m_show, &QPushButton::clicked, this, [this] { Q_EMIT showTaskRequested(m_lastId); });
    connect(m_dismiss, &QPushButton::clicked, this, &TaskNotifier::dismiss);
    connect(manager, &task::TaskManager::taskFinished, this, [this](quint64 id, task::TaskState state) {
        if (state == task::TaskState::Failed)
            onFailed(id);
    });
}

void TaskNotifier::onFailed(quint64 id)
{
    const auto info = m_manager->task(id);
    if (!info)
        return;
    ++m_failures;
    m_lastId = id;
    const QString what = tr("%1 on %2 failed: %3").arg(info->title, info->host, info->error);
    m_text->setText(m_failures == 1 ? what : tr("%n tasks failed. Last: %1", nullptr, m_failures).arg(what));
    show();
}

void TaskNotifier::dismiss()
{
    m_failures = 0;
    m_lastId = 0;
    m_text->clear();
    hide();
}

QString TaskNotifier::text() const
{
    return m_text->text();
}

} // namespace cowherd::ui
