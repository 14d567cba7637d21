#include "commands.h"
#include "sourceargs.h"

#include "cache/basename.h"
#include "cache/cachelayout.h"
#include "host/localtransport.h"
#include "source/cloudsession.h"
#include "source/glanceclient.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace cowherd::ctl {

int imagesCommand(const QStringList &arguments, Context &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Lists the images of a cloud's Glance and whether each is cached in the host's _base (as sha1(id), like Nova)."_s);
    addSourceOptions(parser, false);
    parser.addOption({u"json"_s, u"Print {cloud, images: [{id, name, status, disk_format, …, base_name, cached}]}."_s});
    if (const auto stop = parseCommandLine(parser, u"images"_s, arguments))
        return *stop;
    if (!parser.positionalArguments().isEmpty())
        return usageError(u"images takes no arguments"_s);
    context.json = context.json || parser.isSet(u"json"_s);

    auto host = context.resolveHost();
    if (!host)
        return printError(host.error());
    const source::SourceOptions options = sourceOptions(parser);
    auto session = source::openCloudSession(options.cloud, options.caFile, {}, options.idleTimeoutMs);
    if (!session)
        return printError(session.error());
    source::GlanceClient glance(*session);
    auto images = glance.listImages();
    if (!images)
        return printError(images.error());

    QStringList paths;
    for (const source::GlanceImage &image : *images)
        paths.append(cache::baseFilePath(host->instancesPath, cache::originalBaseName(image.id)));
    host::LocalTransport transport;
    auto probed = transport.probe(paths, 0);
    if (!probed)
        return printError(probed.error());
    auto cached = [&](qsizetype i) { return i < probed->size() && probed->at(i).exists; };

    if (context.json) {
        QJsonArray rows;
        for (qsizetype i = 0; i < images->size(); ++i) {
            QJsonObject row = images->at(i).toJson();
            row.insert(u"base_name"_s, cache::originalBaseName(images->at(i).id));
            row.insert(u"cached"_s, cached(i));
            rows.append(row);
        }
        printJson({{u"cloud"_s, (*session)->cloud().name}, {u"host"_s, host->name}, {u"images"_s, rows}});
        return ExitSuccess;
    }
    QList<QStringList> table{{u"ID"_s, u"NAME"_s, u"STATUS"_s, u"FORMAT"_s, u"SIZE"_s, u"VISIBILITY"_s, u"CACHED"_s}};
    for (qsizetype i = 0; i < images->size(); ++i) {
        const source::GlanceImage &image = images->at(i);
        table.append({image.id, image.name, image.status, image.diskFormat,
            image.size < 0 ? u"-"_s : formatBytes(image.size), image.visibility, cached(i) ? u"yes"_s : u"no"_s});
    }
    printLine(formatTable(table));
    return ExitSuccess;
}

} // namespace cowherd::ctl
