#include "window/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLoggingCategory>
#include <QPointer>
#include <QTranslator>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcTranslations, "cowherd.ui.translations")

namespace cowherd::ui {

namespace {

// Owned by the application; kept here so that a second install() replaces them.
QPointer<QTranslator> qtTranslator;
QPointer<QTranslator> cowherdTranslator;

void replace(QPointer<QTranslator> &slot, QTranslator *translator)
{
    delete slot; // a translator removes itself from the application
    slot = translator;
    if (translator)
        QCoreApplication::installTranslator(translator);
}

} // namespace

bool Translations::install(const QLocale &locale)
{
    QLocale::setDefault(locale);

    auto *qt = new QTranslator(QCoreApplication::instance());
    if (!qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        delete qt;
        qt = nullptr;
    }
    replace(qtTranslator, qt);

    auto *own = new QTranslator(QCoreApplication::instance());
    if (!own->load(locale, u"cowherd"_s, u"_"_s, u":/i18n"_s)) {
        qCDebug(lcTranslations) << "no translation for" << locale.uiLanguages();
        delete own;
        own = nullptr;
    }
    replace(cowherdTranslator, own);
    return own != nullptr;
}

QLocale Translations::localeFor(const QString &language)
{
    return language.isEmpty() ? QLocale::system() : QLocale(language);
}

} // namespace cowherd::ui
