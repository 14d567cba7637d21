#include "context.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace cowherd::ctl {

Result<host::HostConfig> Context::resolveHost() const
{
    const host::HostRegistry hosts = registry();
    host::HostConfig result;
    if (!hostArgument.isEmpty()) {
        if (auto found = hosts.find(hostArgument)) {
            result = *found;
        } else if (hostArgument.contains(u":/")) {
            result = {hostArgument, hostArgument, host::HostConfig::defaultInstancesPath()};
        } else {
            return fail(Error::Kind::NotFound,
                u"No host named '%1' in %2; add it with `cowherdctl hosts add` or pass a "
                "libvirt URI."_s.arg(hostArgument, hosts.fileName()));
        }
    } else {
        const QList<host::HostConfig> all = hosts.hosts();
        if (all.size() > 1)
            return fail(
                u"%1 hosts are configured in %2; choose one with --host NAME."_s.arg(all.size()).arg(hosts.fileName()));
        result = all.isEmpty() ? host::demoLabHost() : all.first();
    }
    if (!instancesPath.isEmpty())
        result.instancesPath = instancesPath;
    // Paths under it are built by appending names, and terminate and cleanup remove files
    // there: a relative path would depend on the working directory, "/" would make every
    // top-level directory an instance, and a control character could not be shown safely.
    const QString cleaned = QDir::cleanPath(result.instancesPath);
    const bool control = std::any_of(
        cleaned.cbegin(), cleaned.cend(), [](QChar c) { return c.unicode() < 0x20 || c.unicode() == 0x7f; });
    if (!QDir::isAbsolutePath(cleaned) || cleaned == u"/" || control)
        return std::unexpected(Error::refused(
            u"The instances path of %1 must be an absolute directory other than / without control characters; "
            "got '%2'."_s.arg(result.name, control ? u"(not shown)"_s : result.instancesPath)));
    result.instancesPath = cleaned;
    return result;
}

int printError(const Error &error)
{
    std::fprintf(stderr, "cowherdctl: %s\n", qUtf8Printable(error.message));
    return exitCodeFor(error.kind);
}

int exitCodeFor(Error::Kind kind)
{
    // Scripts rely on these codes (ADMINISTRATION.md, the man page): a new kind maps to 1
    // unless a script has reason to tell it apart.
    switch (kind) {
    case Error::Kind::Refused:
        return ExitRefused;
    case Error::Kind::Failure:
    case Error::Kind::Cancelled:
    case Error::Kind::Timeout:
    case Error::Kind::Unreachable:
    case Error::Kind::Authentication:
    case Error::Kind::Permission:
    case Error::Kind::NotFound:
    case Error::Kind::Busy:
    case Error::Kind::Unsupported:
    case Error::Kind::Corrupt:
    case Error::Kind::NoSpace:
        return ExitFailure;
    }
    return ExitFailure;
}

void addNovaLockTimeoutOption(QCommandLineParser &parser, int defaultSeconds)
{
    parser.addOption({u"nova-lock-timeout"_s,
        u"Wait at most this long for nova-compute's lock on a base file (locks/nova-NAME; default %1)."_s.arg(
            defaultSeconds),
        u"SECONDS"_s});
}

std::optional<int> novaLockTimeoutMs(const QCommandLineParser &parser, int defaultSeconds)
{
    if (!parser.isSet(u"nova-lock-timeout"_s))
        return defaultSeconds * 1000;
    bool ok = false;
    const double seconds = parser.value(u"nova-lock-timeout"_s).toDouble(&ok);
    if (!ok || seconds < 0 || seconds > 86400)
        return std::nullopt;
    return int(seconds * 1000);
}

int usageError(const QString &message)
{
    std::fprintf(stderr, "cowherdctl: %s\nTry 'cowherdctl --help'.\n", qUtf8Printable(message));
    return ExitUsage;
}

std::optional<int> parseCommandLine(QCommandLineParser &parser, const QString &command, const QStringList &arguments)
{
    const QCommandLineOption help({u"h"_s, u"help"_s}, u"Displays help on this command."_s);
    parser.addOption(help);
    const QString program = u"cowherdctl "_s + command;
    if (!parser.parse(QStringList{program} + arguments))
        return usageError(parser.errorText());
    if (!parser.isSet(help))
        return std::nullopt;
    // helpText() names the binary as it was started; the usage line should name the command.
    QString text = parser.helpText();
    const QString binary = QCoreApplication::arguments().constFirst();
    if (const qsizetype at = text.indexOf(binary); at >= 0)
        text.replace(at, binary.size(), program);
    std::fputs(qUtf8Printable(text), stdout);
    return int(ExitSuccess);
}

void printJson(const QJsonObject &object)
{
    const QByteArray bytes = QJsonDocument(object).toJson(QJsonDocument::Indented);
    std::fwrite(bytes.constData(), 1, bytes.size(), stdout);
}

void printLine(const QString &line)
{
    std::printf("%s\n", qUtf8Printable(line));
}

QString formatTable(const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const QStringList &row : rows)
        for (qsizetype i = 0; i < row.size(); ++i) {
            if (widths.size() <= i)
                widths.append(0);
            widths[i] = std::max(widths[i], row.at(i).size());
        }
    QString out;
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i)
            line += i + 1 < row.size() ? row.at(i).leftJustified(widths.at(i) + 2) : row.at(i);
        out += line + u'\n';
    }
    return out;
}

void printTable(qsizetype rows, const std::function<QStringList(qsizetype)> &row)
{
    QList<qsizetype> widths;
    for (qsizetype r = 0; r < rows; ++r) {
        const QStringList cells = row(r);
        for (qsizetype i = 0; i < cells.size(); ++i) {
            if (widths.size() <= i)
                widths.append(0);
            widths[i] = std::max(widths[i], cells.at(i).size());
        }
    }
    QString line;
    for (qsizetype r = 0; r < rows; ++r) {
        const QStringList cells = row(r);
        line.clear();
        for (qsizetype i = 0; i < cells.size(); ++i)
            line += i + 1 < cells.size() ? cells.at(i).leftJustified(widths.at(i) + 2) : cells.at(i);
        line += u'\n';
        const QByteArray bytes = line.toUtf8();
        std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    }
}

QString formatBytes(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

} // namespace cowherd::ctl
