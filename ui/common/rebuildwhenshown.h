#pragma once

#include <QObject>

#include <functional>

class QWidget;

namespace cowherd::ui {

// Rebuilds a costly view only when it can be seen. A request while the window is on screen but
// the view is not (another tab is in front) only marks the view stale; the rebuild runs when the
// view is shown, once, however many requests came meanwhile. Before the window is shown the
// rebuild runs at once, so the view is ready when it first appears.
class RebuildWhenShown final : public QObject
{
public:
    RebuildWhenShown(QWidget *view, std::function<void()> rebuild);

    void request();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *m_view;
    std::function<void()> m_rebuild;
    bool m_stale = false;
};

} // namespace cowherd::ui
