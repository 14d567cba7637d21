#pragma once

#include "error.h"
#include "host/hostconfig.h"
#include "host/hostregistry.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

class QCommandLineParser;
class QJsonObject;

namespace cowherd::ctl {

// Exit codes shared by every command.
enum ExitCode
{
    ExitSuccess = 0,
    ExitFailure = 1, // message on stderr
    ExitUsage = 2,
    ExitRefused = 3, // unsafe image, blocked cleanup
};

// What the global options say, shared by every command.
struct Context
{
    QString configFile;
    QString hostArgument; // --host NAME|URI
    QString instancesPath; // --instances-path
    bool json = false;

    host::HostRegistry registry() const { return host::HostRegistry(configFile); }
    // The host the command works on: --host, else the only configured host, else the demo lab.
    Result<host::HostConfig> resolveHost() const;
};

// The exit code for an error of this kind: 3 for Refused, 1 for every other kind.
int exitCodeFor(Error::Kind kind);
int printError(const Error &error);
// --nova-lock-timeout SECONDS: how long to wait for nova-compute's lock on a base file.
void addNovaLockTimeoutOption(QCommandLineParser &parser, int defaultSeconds);
// The timeout in milliseconds, or nullopt for a bad value.
std::optional<int> novaLockTimeoutMs(const QCommandLineParser &parser, int defaultSeconds);
int usageError(const QString &message);
// Parses a command's own arguments (the words after its name) and gives it -h/--help. Returns
// an exit code when the command must stop here: its help was printed (0) or a usage error (2).
std::optional<int> parseCommandLine(QCommandLineParser &parser, const QString &command, const QStringList &arguments);
void printJson(const QJsonObject &object);
void printLine(const QString &line);

// Lays out rows as columns separated by two spaces; the first row is the header.
QString formatTable(const QList<QStringList> &rows);
// The same layout printed to standard output for rows made on demand (row(0) is the header):
// one pass measures the columns, a second makes each row again and prints it, so a table of
// 50,000 instances is never held whole.
void printTable(qsizetype rows, const std::function<QStringList(qsizetype)> &row);
QString formatBytes(qint64 bytes);

} // namespace cowherd::ctl
