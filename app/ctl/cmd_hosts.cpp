#include "commands.h"

#include "cache/snapshotjson.h"

#include <QCommandLineParser>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace cowherd::ctl {

int hostsCommand(const QStringList &arguments, Context &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"hosts list | hosts add NAME URI --instances-path P | hosts remove NAME"_s);
    parser.addOption({u"json"_s, u"Print JSON."_s});
    parser.addOption({u"instances-path"_s, u"Where the host keeps _base and the instances."_s, u"PATH"_s});
    if (const auto stop = parseCommandLine(parser, u"hosts"_s, arguments))
        return *stop;
    context.json = context.json || parser.isSet(u"json"_s);
    const QStringList args = parser.positionalArguments();
    const QString verb = args.value(0, u"list"_s);
    host::HostRegistry registry = context.registry();

    if (verb == u"list" && args.size() <= 1) {
        const QList<host::HostConfig> hosts = registry.hosts();
        if (context.json) {
            QJsonArray array;
            for (const host::HostConfig &h : hosts)
                array.append(cache::toJson(h));
            printJson({{u"config"_s, registry.fileName()}, {u"hosts"_s, array}});
        } else {
            QList<QStringList> rows{{u"NAME"_s, u"URI"_s, u"INSTANCES PATH"_s}};
            for (const host::HostConfig &h : hosts)
                rows.append({h.name, h.uri, h.instancesPath});
            std::fputs(qUtf8Printable(formatTable(rows)), stdout);
        }
        return ExitSuccess;
    }
    if (verb == u"add" && args.size() == 3) {
        QString path = parser.value(u"instances-path"_s);
        if (path.isEmpty())
            path = context.instancesPath.isEmpty() ? host::HostConfig::defaultInstancesPath() : context.instancesPath;
        if (auto added = registry.add({args.at(1), args.at(2), path}); !added)
            return printError(added.error());
        return ExitSuccess;
    }
    if (verb == u"remove" && args.size() == 2) {
        if (auto removed = registry.remove(args.at(1)); !removed)
            return printError(removed.error());
        return ExitSuccess;
    }
    return usageError(u"usage: cowherdctl hosts list | add NAME URI --instances-path PATH | remove NAME"_s);
}

} // namespace cowherd::ctl
