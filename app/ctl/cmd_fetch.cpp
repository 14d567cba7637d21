#include "commands.h"
#include "progress.h"
#include "sourceargs.h"

#include "cache/fetcher.h"
#include "cache/novahost.h"
#include "host/transportfactory.h"
#include "source/imagesource.h"

#include <QCommandLineParser>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace cowherd::ctl {

int fetchCommand(const QStringList &arguments, Context &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Fetches an image into the host's _base and prints the base file name."_s);
    parser.addPositionalArgument(u"SOURCE"_s,
        u"An image file, archive[!member] (.gz .xz .zst .bz2 .tar .zip .ova), http(s) URL, or glance:IMAGE_ID."_s);
    parser.addOption({u"image-id"_s,
        u"The image id (default: files sha256:<hex of the content>, URLs url:<URL> or sha256:<--sha256>, Glance its id)."_s,
        u"ID"_s});
    parser.addOption({u"disk-format"_s, u"The format the image is declared to have; it must match."_s, u"FORMAT"_s});
    parser.addOption({u"keep-format"_s, u"Do not convert to raw (force_raw_images off)."_s});
    addSourceOptions(parser);
    parser.addOption({u"json"_s, u"Print {name, path, image_id, reused} as JSON."_s});
    parser.addOption({u"quiet"_s, u"No progress on stderr."_s});
    addNovaLockTimeoutOption(parser, 600);
    if (const auto stop = parseCommandLine(parser, u"fetch"_s, arguments))
        return *stop;
    if (parser.positionalArguments().size() != 1)
        return usageError(u"fetch takes one SOURCE"_s);
    context.json = context.json || parser.isSet(u"json"_s);
    const auto novaLockTimeout = novaLockTimeoutMs(parser, 600);
    if (!novaLockTimeout)
        return usageError(u"--nova-lock-timeout takes a number of seconds"_s);

    auto host = context.resolveHost();
    if (!host)
        return printError(host.error());
    auto source = source::sourceFor(parser.positionalArguments().first(), sourceOptions(parser));
    if (!source)
        return printError(source.error());

    ProgressPrinter progress(parser.isSet(u"quiet"_s));
    cache::FetchOptions options;
    options.imageId = parser.value(u"image-id"_s);
    options.declaredFormat = parser.value(u"disk-format"_s);
    options.forceRaw = !parser.isSet(u"keep-format"_s);
    options.onProgress = [&](const cache::FetchProgress &p) { progress(p); };
    options.novaLockTimeoutMs = *novaLockTimeout;
    auto transport = host::transportFor(*host);
    if (!transport)
        return printError(transport.error());
    if (auto allowed = cache::ensureWritesAllowed(*host, **transport, u"fetch an image"_s); !allowed)
        return printError(allowed.error());
    auto fetched = cache::fetchImage(**transport, host->instancesPath, **source, options);
    if (!fetched)
        return printError(fetched.error());
    if (context.json)
        printJson({{u"name"_s, fetched->name}, {u"path"_s, fetched->path}, {u"image_id"_s, fetched->imageId},
            {u"reused"_s, fetched->reused}, {u"format"_s, fetched->format}, {u"virtual_size"_s, fetched->virtualSize},
            {u"sha256"_s, fetched->sha256}});
    else
        printLine(fetched->name);
    return ExitSuccess;
}

} // namespace cowherd::ctl
