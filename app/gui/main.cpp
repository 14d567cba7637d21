// cowherd: the desktop application. A composition root only; everything lives in cowherd_ui
// (and the screenshot hook in cowherd_doctools, when the build links it).
#include "common/backgroundpool.h"
#include "common/icons.h"
#include "window/mainwindow.h"
#include "window/translations.h"
#ifdef COWHERD_SCREENSHOT_HOOK
#include "screenshothook.h"
#endif

#include <QApplication>
#include <QCommandLineParser>
#include <QLoggingCategory>

#include <csignal>
#include <memory>
#include <string_view>

namespace {

// --help and --version print text and need no display, so they must work without one.
bool onlyPrints(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg(argv[i]);
        if (arg == "-h" || arg == "--help" || arg == "--help-all" || arg == "-v" || arg == "--version")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    // libvirt and ssh write to sockets and pipes whose other end may die (libvirtd restarted, a
    // master connection killed): that must be an error to report, not a SIGPIPE that kills us.
    std::signal(SIGPIPE, SIG_IGN);
    // Before any thread starts: big rescans then reuse the memory the last one freed.
    cowherd::ui::limitMallocArenas();
    const std::unique_ptr<QCoreApplication> app(
        onlyPrints(argc, argv) ? new QCoreApplication(argc, argv) : new QApplication(argc, argv));
    // Debug output of Cowherd's categories only when asked for (QT_LOGGING_RULES wins).
    QLoggingCategory::setFilterRules(QStringLiteral("cowherd.*.debug=false"));
    QCoreApplication::setOrganizationName(QStringLiteral("cowherd"));
    QCoreApplication::setApplicationName(QStringLiteral("cowherd"));
    QCoreApplication::setApplicationVersion(QStringLiteral(COWHERD_VERSION));

    // The system locale's texts already for --help; --lang replaces them below.
    cowherd::ui::Translations::install(QLocale::system());

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Watches the image cache (_base) of KVM hosts and the copy-on-write instances built on it."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption configOption(QStringLiteral("config"),
        QCoreApplication::translate("main", "Read the host list from <file> instead of the default location."),
        QCoreApplication::translate("main", "file"));
    parser.addOption(configOption);
    const QCommandLineOption langOption(QStringLiteral("lang"),
        QCoreApplication::translate(
            "main", "Show the user interface in <language> (for example de or zh_CN) instead of the system's."),
        QCoreApplication::translate("main", "language"));
    parser.addOption(langOption);
    parser.process(*app); // exits for --help and --version
    if (parser.isSet(langOption))
        cowherd::ui::Translations::install(cowherd::ui::Translations::localeFor(parser.value(langOption)));

    QApplication::setApplicationDisplayName(QStringLiteral("Cowherd"));
    QApplication::setWindowIcon(cowherd::ui::applicationIcon());
    // Lets desktops match windows to io.github.cowherd.Cowherd.desktop (icon, grouping).
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.cowherd.Cowherd"));
    cowherd::ui::MainWindow window(parser.value(configOption));
    window.show();
#ifdef COWHERD_SCREENSHOT_HOOK
    // For scripts/screenshot.sh: save the window once the first scan is shown, then quit.
    cowherd::ui::installScreenshotHook(window);
#endif
    return QCoreApplication::exec();
}
