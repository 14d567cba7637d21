#include "commands.h"
#include "hostsettings.h"

#include "cache/snapshotjson.h"

#include <QCommandLineParser>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace cowherd::ctl {

namespace {

const QString usage = u"usage: cowherdctl hosts list | add NAME URI [SETTINGS] | set NAME SETTINGS | remove NAME"_s;

QString writesText(const host::HostConfig &h)
{
    return h.allowNovaWrites ? u"allowed"_s : u"advise only"_s;
}

} // namespace

int hostsCommand(const QStringList &arguments, Context &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"hosts list | hosts add NAME URI [SETTINGS] | hosts set NAME SETTINGS | hosts remove NAME\n"
        "SETTINGS are the options below but --json; `hosts set` changes only those given."_s);
    parser.addOption({u"json"_s, u"Print JSON."_s});
    addHostSettingOptions(parser);
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
            QList<QStringList> rows{{u"NAME"_s, u"URI"_s, u"INSTANCES PATH"_s, u"MANAGED BY"_s, u"NOVA WRITES"_s}};
            for (const host::HostConfig &h : hosts)
                rows.append({h.name, h.uri, h.instancesPath, host::toString(h.managedBy), writesText(h)});
            std::fputs(qUtf8Printable(formatTable(rows)), stdout);
        }
        return ExitSuccess;
    }
    if (verb == u"add" && args.size() == 3) {
        host::HostConfig h{args.at(1), args.at(2),
            context.instancesPath.isEmpty() ? host::HostConfig::defaultInstancesPath() : context.instancesPath};
        if (auto error = applyHostSettings(parser, h))
            return usageError(*error);
        if (auto added = registry.add(h); !added)
            return printError(added.error());
        return ExitSuccess;
    }
    if (verb == u"set" && args.size() == 2) {
        auto found = registry.find(args.at(1));
        if (!found || found->name != args.at(1))
            return printError(Error::failure(u"No host named '%1' in %2; add it with `cowherdctl hosts add`."_s.arg(
                args.at(1), registry.fileName())));
        if (!anyHostSettingGiven(parser))
            return usageError(u"hosts set %1: give at least one setting to change"_s.arg(args.at(1)));
        host::HostConfig h = *found;
        if (auto error = applyHostSettings(parser, h))
            return usageError(*error);
        if (auto updated = registry.update(h); !updated)
            return printError(updated.error());
        if (context.json)
            printJson(cache::toJson(h));
        return ExitSuccess;
    }
    if (verb == u"remove" && args.size() == 2) {
        if (auto removed = registry.remove(args.at(1)); !removed)
            return printError(removed.error());
        return ExitSuccess;
    }
    return usageError(usage);
}

} // namespace cowherd::ctl
