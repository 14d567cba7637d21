// cowherdctl: every Cowherd operation on the command line. Exit codes: 0 success,
// 1 failure (message on stderr), 2 usage error, 3 refused.
#include "commands.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>

#include <csignal>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace cowherd::ctl;

namespace {

struct Command
{
    const char *name;
    const char *summary;
    int (*run)(const QStringList &, Context &);
};

const Command commands[] = {
    {"scan", "list base files, instances and references", scanCommand},
    {"hosts", "list, add or remove configured hosts", hostsCommand},
    {"inspect", "inspect an image file and judge whether it is safe", inspectCommand},
    {"fetch", "fetch an image into the host's _base", fetchCommand},
    {"images", "list a cloud's Glance images and whether each is cached", imagesCommand},
    {"launch", "launch an instance on a copy-on-write overlay", launchCommand},
    {"start", "start a defined instance", startCommand},
    {"shutdown", "power an instance off (gracefully, then hard)", shutdownCommand},
    {"reboot", "reboot a running instance", rebootCommand},
    {"pause", "pause a running instance (its memory stays)", pauseCommand},
    {"resume", "resume a paused instance", resumeCommand},
    {"console", "print (or --follow) an instance's serial console log", consoleCommand},
    {"terminate", "stop, undefine and remove an instance; base files stay", terminateCommand},
    {"demo-image", "write a tiny bootable demo disk image", demoImageCommand},
    {"cleanup", "touch base files in use, remove unused ones (--dry-run to plan)", cleanupCommand},
    {"verify", "record or verify sha256 of base files; quarantine corrupt ones", verifyCommand},
    {"pin", "keep a base file forever", pinCommand},
    {"unpin", "let the cache pass remove a base file again", unpinCommand},
};

// Global options come before the command; these take a value.
const QStringList valueOptions{u"--config"_s, u"--host"_s, u"--instances-path"_s};

QString helpText(const QCommandLineParser &parser)
{
    QString text = parser.helpText();
    text += u"\nCommands:\n"_s;
    for (const Command &c : commands)
        text += u"  %1  %2\n"_s.arg(QString::fromLatin1(c.name).leftJustified(10), QString::fromLatin1(c.summary));
    text += u"\nRun 'cowherdctl COMMAND --help' for a command's own options.\n"_s;
    text += u"Exit codes: 0 success, 1 failure, 2 usage error, 3 refused.\n"_s;
    return text;
}

} // namespace

int main(int argc, char *argv[])
{
    // libvirt and ssh write to sockets and pipes whose other end may die (libvirtd restarted, a
    // master connection killed): that must be an error to report, not a SIGPIPE that kills us.
    std::signal(SIGPIPE, SIG_IGN);
    QCoreApplication app(argc, argv);
    // Debug output of Cowherd's categories only when asked for (QT_LOGGING_RULES wins).
    QLoggingCategory::setFilterRules(u"cowherd.*.debug=false"_s);
    QCoreApplication::setApplicationName(u"cowherdctl"_s);
    QCoreApplication::setOrganizationName(u"cowherd"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(COWHERD_VERSION));

    // Split the arguments at the command word: global options before, the command's after.
    const QStringList all = app.arguments();
    qsizetype commandIndex = -1;
    for (qsizetype i = 1; i < all.size(); ++i) {
        const QString &a = all.at(i);
        if (valueOptions.contains(a)) {
            ++i;
            continue;
        }
        if (!a.startsWith(u'-')) {
            commandIndex = i;
            break;
        }
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Manage the image cache and copy-on-write instances of KVM hosts."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(
        {u"config"_s, u"Read and write hosts in FILE instead of ~/.config/cowherd/cowherd.conf."_s, u"FILE"_s});
    parser.addOption({u"host"_s, u"Work on the configured host NAME, or on a libvirt URI."_s, u"NAME|URI"_s});
    parser.addOption({u"instances-path"_s, u"Override the host's instances path."_s, u"PATH"_s});
    parser.addOption({u"json"_s, u"Print machine-readable JSON."_s});
    parser.addPositionalArgument(u"command"_s, u"The command to run (see below)."_s);

    const QStringList globals = commandIndex < 0 ? all : all.first(commandIndex);
    if (!parser.parse(globals))
        return usageError(parser.errorText());
    if (parser.isSet(u"help"_s)) {
        std::fputs(qUtf8Printable(helpText(parser)), stdout);
        return ExitSuccess;
    }
    if (parser.isSet(u"version"_s)) {
        std::printf("cowherdctl %s\n", COWHERD_VERSION);
        return ExitSuccess;
    }
    if (commandIndex < 0)
        return usageError(u"no command given"_s);

    Context context;
    context.configFile = parser.value(u"config"_s);
    context.hostArgument = parser.value(u"host"_s);
    context.instancesPath = parser.value(u"instances-path"_s);
    context.json = parser.isSet(u"json"_s);

    const QString name = all.at(commandIndex);
    const QStringList rest = all.mid(commandIndex + 1);
    for (const Command &c : commands)
        if (name == QLatin1StringView(c.name))
            return c.run(rest, context);
    return usageError(u"unknown command '%1'"_s.arg(name));
}
