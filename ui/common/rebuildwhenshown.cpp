#include "common/rebuildwhenshown.h"

#include <QEvent>
#include <QWidget>

#include <utility>

namespace cowherd::ui {

RebuildWhenShown::RebuildWhenShown(QWidget *view, std::function<void()> rebuild)
    : QObject(view)
    , m_view(view)
    , m_rebuild(std::move(rebuild))
{
    view->installEventFilter(this);
}

void RebuildWhenShown::request()
{
    if (m_view->window()->isVisible() && !m_view->isVisible()) {
        m_stale = true;
        return;
    }
    m_stale = false;
    m_rebuild();
}

bool RebuildWhenShown::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::Show && std::exchange(m_stale, false))
        m_rebuild();
    return QObject::eventFilter(watched, event);
}

} // namespace cowherd::ui
