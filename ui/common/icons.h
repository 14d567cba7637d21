#pragma once

#include <QIcon>
#include <QString>

namespace cowherd::ui {

// A freedesktop theme icon, or Cowherd's bundled SVG of the same name when the desktop has no
// theme (or no such icon): :/icons/<name>.svg.
QIcon themedIcon(const QString &name);

// The application icon, drawn for Cowherd.
QIcon applicationIcon();

} // namespace cowherd::ui
