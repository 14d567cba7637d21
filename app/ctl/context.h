#pragma once

#include "error.h"
#include "host/hostconfig.h"
#include "host/hostregistry.h"

#include <QString>
#include <QStringList>

class QJsonObject;

namespace cowherd::ctl {

// Exit codes shared by every command.
enum ExitCode {
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

int printError(const Error &error);
int usageError(const QString &message);
void printJson(const QJsonObject &object);
void printLine(const QString &line);

// Lays out rows as columns separated by two spaces; the first row is the header.
QString formatTable(const QList<QStringList> &rows);
QString formatBytes(qint64 bytes);

} // namespace cowherd::ctl
