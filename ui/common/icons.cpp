#include "common/icons.h"

namespace cowherd::ui {

using namespace Qt::StringLiterals;

QIcon themedIcon(const QString &name)
{
    return QIcon::fromTheme(name, QIcon(u":/icons/"_s + name + u".svg"_s));
}

QIcon applicationIcon()
{
    return QIcon(u":/icons/cowherd.svg"_s);
}

} // namespace cowherd::ui
