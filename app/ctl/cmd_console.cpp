// The serial console (console NAME [--follow] [--lines N]) and pause/resume.
#include "commands.h"

#include "host/libvirtconnection.h"
#include "host/transportfactory.h"
#include "instance/consolelog.h"
#include "instance/lifecycle.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonObject>
#include <QTimer>
#include <QUuid>

#include <csignal>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace cowherd::ctl {

namespace {

// The uuid of the domain named or with uuid target; a uuid that libvirt does not know (an
// instance directory without a domain) is taken as it is.
Result<QString> instanceUuid(const host::HostConfig &host, const QString &target)
{
    const bool isUuid = target.size() == 36 && !QUuid::fromString(target).isNull();
    auto conn = host::LibvirtConnection::open(host.uri);
    if (!conn)
        return isUuid ? Result<QString>(target) : std::unexpected(conn.error());
    auto domains = conn->domains();
    if (!domains)
        return std::unexpected(domains.error());
    for (const host::DomainInfo &d : *domains) {
        if (d.uuid == target || d.name == target)
            return d.uuid;
    }
    if (isUuid)
        return target;
    return fail(Error::Kind::NotFound, u"There is no domain named or with uuid '%1' on %2."_s.arg(target, host.uri));
}

void writeOut(const QByteArray &bytes)
{
    QByteArray text = bytes;
    text.replace("\r\n", "\n");
    std::fwrite(text.constData(), 1, size_t(text.size()), stdout);
    std::fflush(stdout);
}

int lifecycleCommand(const QStringList &arguments, Context &context, bool pause)
{
    const QString command = pause ? u"pause"_s : u"resume"_s;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        pause ? u"Pauses a running instance: its vCPUs stop, its memory stays."_s : u"Resumes a paused instance."_s);
    parser.addOption({u"json"_s, u"Print the result as JSON."_s});
    parser.addPositionalArgument(u"name"_s, u"The domain's name or uuid."_s, u"NAME|UUID"_s);
    if (const auto stop = parseCommandLine(parser, command, arguments))
        return *stop;
    if (parser.positionalArguments().size() != 1)
        return usageError(u"%1 takes exactly one NAME or UUID"_s.arg(command));
    context.json = context.json || parser.isSet(u"json"_s);
    const QString target = parser.positionalArguments().first();
    auto host = context.resolveHost();
    if (!host)
        return printError(host.error());
    auto conn = host::LibvirtConnection::open(host->uri);
    if (!conn)
        return printError(conn.error());
    const auto done = pause ? instance::pauseInstance(*conn, target) : instance::resumeInstance(*conn, target);
    if (!done)
        return printError(done.error());
    const QString state = instance::instanceState(*conn, target).value_or(QString());
    if (context.json)
        printJson({{u"action"_s, command}, {u"instance"_s, target}, {u"uri"_s, conn->uri()}, {u"state"_s, state}});
    else
        printLine(u"%1 %2 (%3)"_s.arg(pause ? u"Paused"_s : u"Resumed"_s, target, state));
    return ExitSuccess;
}

} // namespace

int pauseCommand(const QStringList &arguments, Context &context)
{
    return lifecycleCommand(arguments, context, true);
}

int resumeCommand(const QStringList &arguments, Context &context)
{
    return lifecycleCommand(arguments, context, false);
}

int consoleCommand(const QStringList &arguments, Context &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Prints an instance's serial console log (console.log in its directory), read through the host's "
        "transport (SSH for a remote host)."_s);
    parser.addOption({u"follow"_s, u"Keep printing what the console writes until interrupted (Ctrl+C)."_s});
    parser.addOption({u"lines"_s, u"Print only the last N lines first (default: the last 256 KiB)."_s, u"N"_s});
    parser.addOption({u"interval"_s, u"With --follow: read every MS milliseconds (default 1000)."_s, u"MS"_s});
    parser.addPositionalArgument(u"name"_s, u"The domain's name or uuid."_s, u"NAME|UUID"_s);
    if (const auto stop = parseCommandLine(parser, u"console"_s, arguments))
        return *stop;
    if (parser.positionalArguments().size() != 1)
        return usageError(u"console takes exactly one NAME or UUID"_s);
    int lines = -1;
    if (parser.isSet(u"lines"_s)) {
        bool ok = false;
        lines = parser.value(u"lines"_s).toInt(&ok);
        if (!ok || lines < 0)
            return usageError(u"--lines must be a whole number of lines, 0 or more"_s);
    }
    int interval = instance::ConsoleFollower::DefaultIntervalMs;
    if (parser.isSet(u"interval"_s)) {
        bool ok = false;
        interval = parser.value(u"interval"_s).toInt(&ok);
        if (!ok || interval < 50 || interval > 3'600'000)
            return usageError(u"--interval must be between 50 and 3600000 milliseconds"_s);
    }
    auto host = context.resolveHost();
    if (!host)
        return printError(host.error());
    auto uuid = instanceUuid(*host, parser.positionalArguments().first());
    if (!uuid)
        return printError(uuid.error());
    auto made = host::transportFor(*host);
    if (!made)
        return printError(made.error());
    std::shared_ptr<host::Transport> transport = std::move(*made);
    const QString path = instance::consoleLogPath(host->instancesPath + u'/' + *uuid);

    if (!parser.isSet(u"follow"_s)) {
        auto chunk = instance::readConsoleLog(*transport, path, -1);
        if (!chunk)
            return printError(chunk.error());
        if (chunk->missing)
            return printError(Error::make(Error::Kind::NotFound,
                u"There is no console log %1 on %2 (yet): the instance has not been started since it was "
                "launched, or it was not launched by Cowherd."_s.arg(path, host->name)));
        writeOut(lines >= 0 ? instance::lastLines(chunk->data, lines) : chunk->data);
        return ExitSuccess;
    }

    // Follow until interrupted: SIGINT and SIGTERM only set a flag (all a signal handler may
    // safely do), which a timer turns into the end of the event loop, so the read under way
    // ends with the transport and the exit status is 0.
    static volatile std::sig_atomic_t interrupted = 0;
    for (int sig : {SIGINT, SIGTERM})
        std::signal(sig, [](int) { interrupted = 1; });
    QTimer watch;
    watch.setInterval(100);
    QObject::connect(&watch, &QTimer::timeout, [] {
        if (interrupted)
            QCoreApplication::quit();
    });
    watch.start();
    instance::ConsoleFollower follower;
    follower.setInterval(interval);
    bool first = true;
    QObject::connect(&follower, &instance::ConsoleFollower::received, [&](const QByteArray &data, bool restarted) {
        if (first && lines >= 0)
            writeOut(instance::lastLines(data, lines));
        else if (restarted && !first)
            writeOut("\n-- console log restarted --\n" + data);
        else
            writeOut(data);
        first = false;
    });
    QObject::connect(&follower, &instance::ConsoleFollower::failed, [&](const QString &message) {
        std::fprintf(stderr, "%s\n", qUtf8Printable(message));
        std::fflush(stderr);
    });
    follower.follow(transport, path);
    QCoreApplication::exec();
    follower.stop();
    return ExitSuccess;
}

} // namespace cowherd::ctl
