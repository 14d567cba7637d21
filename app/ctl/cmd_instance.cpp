// Instance lifecycle commands (start, shutdown, reboot, terminate) and the demo image.
#include "commands.h"

#include "cache/novahost.h"
#include "host/libvirtconnection.h"
#include "host/localtransport.h"
#include "host/transportfactory.h"
#include "instance/demoimage.h"
#include "instance/lifecycle.h"

#include <QCommandLineParser>
#include <QDir>
#include <QJsonObject>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace cowherd::ctl {

namespace {

constexpr int defaultTimeoutSeconds = 60;

void progress(const QString &message)
{
    std::fprintf(stderr, "%s\n", qUtf8Printable(message));
    std::fflush(stderr);
}

// Parses "cowherdctl <command> [options] NAME|UUID"; returns the name, or an exit code.
struct Parsed
{
    QString target;
    int exitCode = -1; // >= 0: stop with this code
};

Parsed parseTarget(QCommandLineParser &parser, const QString &command, const QStringList &arguments, Context &context)
{
    parser.addOption({u"json"_s, u"Print the result as JSON."_s});
    parser.addPositionalArgument(u"name"_s, u"The domain's name or uuid."_s, u"NAME|UUID"_s);
    if (const auto stop = parseCommandLine(parser, command, arguments))
        return {{}, *stop};
    if (parser.positionalArguments().size() != 1)
        return {{}, usageError(u"%1 takes exactly one NAME or UUID"_s.arg(command))};
    context.json = context.json || parser.isSet(u"json"_s);
    return {parser.positionalArguments().first(), -1};
}

std::optional<std::chrono::milliseconds> parseTimeout(const QCommandLineParser &parser)
{
    if (!parser.isSet(u"timeout"_s))
        return std::chrono::seconds(defaultTimeoutSeconds);
    bool ok = false;
    const double seconds = parser.value(u"timeout"_s).toDouble(&ok);
    if (!ok || seconds < 0 || seconds > 86400)
        return std::nullopt;
    return std::chrono::milliseconds(qint64(seconds * 1000));
}

void addTimeoutOption(QCommandLineParser &parser)
{
    parser.addOption({u"timeout"_s,
        u"Wait up to SECONDS for the guest to power off before stopping it hard (default %1; 0 stops at once)."_s.arg(
            defaultTimeoutSeconds),
        u"SECONDS"_s});
}

int reportDone(const Context &context, const QString &action, const QString &target,
    const host::LibvirtConnection &conn, const QString &text)
{
    QString state;
    if (auto s = instance::instanceState(conn, target))
        state = *s;
    if (context.json) {
        QJsonObject o{{u"action"_s, action}, {u"instance"_s, target}, {u"uri"_s, conn.uri()}};
        if (!state.isEmpty())
            o.insert(u"state"_s, state);
        printJson(o);
    } else {
        printLine(state.isEmpty() ? text : u"%1 (%2)"_s.arg(text, state));
    }
    return ExitSuccess;
}

Result<host::LibvirtConnection> connect(const Context &context, host::HostConfig *hostOut = nullptr)
{
    auto host = context.resolveHost();
    if (!host)
        return std::unexpected(host.error());
    if (hostOut)
        *hostOut = *host;
    return host::LibvirtConnection::open(host->uri);
}

} // namespace

int demoImageCommand(const QStringList &arguments, Context &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Writes a raw disk image whose boot sector prints a line to the serial console."_s);
    parser.addOption({u"label"_s, u"The text printed after 'COWHERD DEMO: '."_s, u"TEXT"_s});
    parser.addOption({u"size"_s, u"Size of the image in MiB (default 1)."_s, u"MiB"_s, u"1"_s});
    parser.addOption({u"json"_s, u"Print the result as JSON."_s});
    parser.addPositionalArgument(u"out"_s, u"The image file to write."_s, u"OUT"_s);
    if (const auto stop = parseCommandLine(parser, u"demo-image"_s, arguments))
        return *stop;
    if (parser.positionalArguments().size() != 1)
        return usageError(u"demo-image takes exactly one output file"_s);
    if (!parser.isSet(u"label"_s))
        return usageError(u"demo-image needs --label TEXT"_s);
    bool ok = false;
    const qint64 size = parser.value(u"size"_s).toLongLong(&ok);
    if (!ok || size < 1 || size > 1024)
        return usageError(u"--size must be a whole number of MiB between 1 and 1024"_s);
    context.json = context.json || parser.isSet(u"json"_s);

    const QString out = QDir::current().absoluteFilePath(parser.positionalArguments().first());
    const QString label = parser.value(u"label"_s);
    host::LocalTransport transport;
    if (auto written = instance::writeDemoImage(transport, out, label, size); !written)
        return printError(written.error());
    const QString printed = QString::fromLatin1(instance::demoBannerPrefix) + instance::demoLabelAsPrinted(label);
    if (context.json)
        printJson({{u"path"_s, out}, {u"format"_s, u"raw"_s}, {u"sizeMiB"_s, size}, {u"prints"_s, printed}});
    else
        printLine(u"Wrote %1 (raw, %2 MiB): it prints \"%3\""_s.arg(out).arg(size).arg(printed));
    return ExitSuccess;
}

int startCommand(const QStringList &arguments, Context &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Starts a defined instance."_s);
    const Parsed p = parseTarget(parser, u"start"_s, arguments, context);
    if (p.exitCode >= 0)
        return p.exitCode;
    auto conn = connect(context);
    if (!conn)
        return printError(conn.error());
    if (auto ok = instance::startInstance(*conn, p.target); !ok)
        return printError(ok.error());
    return reportDone(context, u"start"_s, p.target, *conn, u"Started %1"_s.arg(p.target));
}

int shutdownCommand(const QStringList &arguments, Context &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Asks an instance to power off, then stops it hard after the timeout."_s);
    addTimeoutOption(parser);
    const Parsed p = parseTarget(parser, u"shutdown"_s, arguments, context);
    if (p.exitCode >= 0)
        return p.exitCode;
    const auto timeout = parseTimeout(parser);
    if (!timeout)
        return usageError(u"--timeout must be a number of seconds"_s);
    auto conn = connect(context);
    if (!conn)
        return printError(conn.error());
    progress(u"Shutting down %1 (waiting up to %2 s)..."_s.arg(p.target).arg(timeout->count() / 1000.0));
    if (auto ok = instance::shutdownInstance(*conn, p.target, *timeout); !ok)
        return printError(ok.error());
    return reportDone(context, u"shutdown"_s, p.target, *conn, u"Shut down %1"_s.arg(p.target));
}

int rebootCommand(const QStringList &arguments, Context &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Reboots a running instance."_s);
    parser.addOption({u"hard"_s, u"Reset the virtual machine instead of asking the guest."_s});
    const Parsed p = parseTarget(parser, u"reboot"_s, arguments, context);
    if (p.exitCode >= 0)
        return p.exitCode;
    auto conn = connect(context);
    if (!conn)
        return printError(conn.error());
    const auto kind = parser.isSet(u"hard"_s) ? instance::RebootKind::Hard : instance::RebootKind::Soft;
    if (auto ok = instance::rebootInstance(*conn, p.target, kind); !ok)
        return printError(ok.error());
    return reportDone(context, u"reboot"_s, p.target, *conn, u"Rebooted %1"_s.arg(p.target));
}

int terminateCommand(const QStringList &arguments, Context &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Stops an instance, undefines it and removes its directory. Base files stay."_s);
    addTimeoutOption(parser);
    const Parsed p = parseTarget(parser, u"terminate"_s, arguments, context);
    if (p.exitCode >= 0)
        return p.exitCode;
    const auto timeout = parseTimeout(parser);
    if (!timeout)
        return usageError(u"--timeout must be a number of seconds"_s);
    host::HostConfig host;
    auto conn = connect(context, &host);
    if (!conn)
        return printError(conn.error());
    auto transport = host::transportFor(host);
    if (!transport)
        return printError(transport.error());
    if (auto allowed = cache::ensureWritesAllowed(host, **transport, u"terminate an instance"_s); !allowed)
        return printError(allowed.error());
    progress(u"Terminating %1 on %2 (waiting up to %3 s for it to power off)..."_s.arg(p.target, host.name)
                 .arg(timeout->count() / 1000.0));
    if (auto ok = instance::terminateInstance(**transport, *conn, host.instancesPath, p.target, *timeout); !ok)
        return printError(ok.error());
    if (context.json)
        printJson({{u"action"_s, u"terminate"_s}, {u"instance"_s, p.target}, {u"uri"_s, conn->uri()},
            {u"instancesPath"_s, host.instancesPath}});
    else
        printLine(u"Terminated %1"_s.arg(p.target));
    return ExitSuccess;
}

} // namespace cowherd::ctl
