#include "commands.h"

#include "cache/cacheplanner.h"
#include "cache/scanner.h"
#include "cache/snapshotjson.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace cowherd::ctl {

namespace {

void printSnapshot(const cache::CacheSnapshot &snap)
{
    printLine(u"Host %1 (%2), instances path %3"_s.arg(snap.host.name, snap.host.uri, snap.host.instancesPath));
    printLine(u"Managed by %1: %2"_s.arg(host::toString(snap.managedBy), snap.managedByReason));
    for (const Problem &p : snap.problems)
        printLine(u"  ! "_s + p.message);

    printLine(u""_s);
    const QStringList baseHeader{
        u"BASE FILE"_s, u"KIND"_s, u"FORMAT"_s, u"VIRTUAL"_s, u"ALLOCATED"_s, u"AGE"_s, u"REFS"_s, u"PROBLEMS"_s};
    printTable(snap.bases.size() + 1, [&](qsizetype r) -> QStringList {
        if (r == 0)
            return baseHeader;
        const cache::BaseFile &b = snap.bases.at(r - 1);
        return {b.name, cache::toString(b.kind), b.format.isEmpty() ? u"-"_s : b.format, formatBytes(b.virtualSize),
            formatBytes(b.allocatedSize), cache::formatDuration(b.mtime.secsTo(snap.takenAt)),
            QString::number(b.references.size()), b.problems.isEmpty() ? QString() : b.problems.first().code};
    });

    printLine(u""_s);
    const QStringList instanceHeader{u"INSTANCE"_s, u"NAME"_s, u"STATE"_s, u"DISKS"_s, u"BASE FILES"_s};
    const QString basePrefix = snap.host.instancesPath + u"/_base/"_s;
    printTable(snap.instances.size() + 1, [&](qsizetype r) -> QStringList {
        if (r == 0)
            return instanceHeader;
        const cache::Instance &i = snap.instances.at(r - 1);
        QStringList bases;
        for (const cache::Disk &d : i.disks)
            for (const cache::ChainLink &l : d.backingChain)
                if (l.path.startsWith(basePrefix))
                    bases.append(l.path.section(u'/', -1));
        // The server's name first (Nova's metadata), the domain's second.
        QString name = i.name.isEmpty() ? u"-"_s : i.name;
        if (i.nova && !i.nova->name.isEmpty())
            name = u"%1 (%2)"_s.arg(i.nova->name, name);
        return {i.uuid, name, i.state, QString::number(i.disks.size()), bases.join(u", ")};
    });
}

} // namespace

int scanCommand(const QStringList &arguments, Context &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Lists a host's base files and instances and what references what."_s);
    parser.addOption({u"json"_s, u"Print the snapshot as JSON."_s});
    parser.addOption({u"no-libvirt"_s, u"Do not ask libvirt for domains; use the disks alone."_s});
    if (const auto stop = parseCommandLine(parser, u"scan"_s, arguments))
        return *stop;
    if (!parser.positionalArguments().isEmpty())
        return usageError(u"scan takes no arguments"_s);
    context.json = context.json || parser.isSet(u"json"_s);

    auto host = context.resolveHost();
    if (!host)
        return printError(host.error());
    cache::ScanOptions options;
    options.queryLibvirt = !parser.isSet(u"no-libvirt"_s);
    auto snap = cache::scanHost(*host, options);
    if (!snap)
        return printError(snap.error());
    if (context.json)
        cache::writeJson(
            *snap, [](QByteArrayView bytes) { std::fwrite(bytes.data(), 1, size_t(bytes.size()), stdout); });
    else
        printSnapshot(*snap);
    return ExitSuccess;
}

} // namespace cowherd::ctl
