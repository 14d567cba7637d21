#pragma once

#include <QLocale>
#include <QString>

namespace cowherd::ui {

// Qt's own translation (qtbase_<lang>, from Qt's translations directory when installed) and
// Cowherd's (embedded under :/i18n, so a build-tree run needs no installation).
class Translations
{
public:
    // Makes locale the default (numbers, sizes, dates) and installs the translators on the
    // application, replacing those an earlier call installed. Returns false when Cowherd has
    // no translation for the locale; the texts then stay English.
    static bool install(const QLocale &locale);

    // The locale for a --lang value ("de", "zh_CN"); the system locale when it is empty.
    static QLocale localeFor(const QString &language);
};

} // namespace cowherd::ui
