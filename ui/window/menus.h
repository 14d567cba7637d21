#pragma once

#include <QMenu>
#include <QMenuBar>

namespace cowherd::ui {

// The menu bar's menu with this title, made when missing: features that each add actions to
// "View" or "File" share one menu instead of growing a second one.
inline QMenu *menuNamed(QMenuBar *bar, const QString &title)
{
    for (QAction *action : bar->actions())
        if (action->menu() && action->text() == title)
            return action->menu();
    return bar->addMenu(title);
}

} // namespace cowherd::ui
