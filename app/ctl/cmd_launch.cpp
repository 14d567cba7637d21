#include "commands.h"
#include "progress.h"
#include "sourceargs.h"

#include "host/libvirtconnection.h"
#include "host/transportfactory.h"
#include "instance/launcher.h"
#include "source/imagesource.h"

#include <QCommandLineParser>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace cowherd::ctl {

namespace {

std::optional<qint64> positiveNumber(const QCommandLineParser &parser, const QString &option, qint64 fallback)
{
    if (!parser.isSet(option))
        return fallback;
    bool ok = false;
    const qint64 value = parser.value(option).toLongLong(&ok);
    if (!ok || value <= 0)
        return std::nullopt;
    return value;
}

} // namespace

int launchCommand(const QStringList &arguments, Context &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Launches an instance on a copy-on-write overlay of a cached base file."_s);
    parser.addOption({u"image"_s,
        u"Where the image comes from (file, archive[!member], URL, glance:ID); fetched unless cached."_s, u"SOURCE"_s});
    addSourceOptions(parser);
    parser.addOption({u"image-id"_s, u"The image id: names the base file sha1(ID)."_s, u"ID"_s});
    parser.addOption({u"disk-format"_s, u"The format the image is declared to have."_s, u"FORMAT"_s});
    parser.addOption({u"name"_s, u"The instance's (domain's) name."_s, u"NAME"_s});
    parser.addOption({u"size"_s,
        u"Root disk size; a resized base <sha1>_<GiB> is shared by all instances of that size."_s, u"GiB"_s});
    parser.addOption({u"memory"_s, u"Memory (default 256)."_s, u"MiB"_s});
    parser.addOption({u"vcpus"_s, u"Virtual CPUs (default 1)."_s, u"N"_s});
    parser.addOption({u"network"_s, u"none, user, or a libvirt network name (default none)."_s, u"NETWORK"_s});
    parser.addOption(
        {u"virt-type"_s, u"kvm, or qemu for software emulation (default: kvm when the host has it)."_s, u"TYPE"_s});
    parser.addOption({u"resize-in-overlay"_s, u"Grow the overlay instead of making a resized base file."_s});
    parser.addOption({u"json"_s, u"Print {uuid, name, directory, disk, base, base_reused, state}."_s});
    parser.addOption({u"quiet"_s, u"No progress on stderr."_s});
    addNovaLockTimeoutOption(parser, 600);
    if (const auto stop = parseCommandLine(parser, u"launch"_s, arguments))
        return *stop;
    if (!parser.positionalArguments().isEmpty())
        return usageError(u"launch takes no positional arguments"_s);
    if (!parser.isSet(u"name"_s))
        return usageError(u"launch needs --name NAME"_s);
    if (!parser.isSet(u"image"_s) && !parser.isSet(u"image-id"_s))
        return usageError(u"launch needs --image SOURCE or --image-id ID"_s);
    const auto size = positiveNumber(parser, u"size"_s, 0);
    const auto memory = positiveNumber(parser, u"memory"_s, 256);
    const auto vcpus = positiveNumber(parser, u"vcpus"_s, 1);
    if (!size || !memory || !vcpus)
        return usageError(u"--size, --memory and --vcpus take positive whole numbers"_s);
    context.json = context.json || parser.isSet(u"json"_s);
    const auto novaLockTimeout = novaLockTimeoutMs(parser, 600);
    if (!novaLockTimeout)
        return usageError(u"--nova-lock-timeout takes a number of seconds"_s);

    auto host = context.resolveHost();
    if (!host)
        return printError(host.error());

    std::unique_ptr<source::ImageSource> source;
    if (parser.isSet(u"image"_s)) {
        auto made = source::sourceFor(parser.value(u"image"_s), sourceOptions(parser));
        if (!made)
            return printError(made.error());
        source = std::move(*made);
    }

    ProgressPrinter progress(parser.isSet(u"quiet"_s));
    auto libvirt = host::LibvirtConnection::open(host->uri);
    if (!libvirt)
        return printError(libvirt.error());

    instance::LaunchRequest request;
    request.name = parser.value(u"name"_s);
    request.source = source.get();
    request.imageId = parser.value(u"image-id"_s);
    request.declaredFormat = parser.value(u"disk-format"_s);
    request.sizeGiB = *size;
    request.memoryMiB = *memory;
    request.vcpus = int(*vcpus);
    request.virtType = parser.value(u"virt-type"_s);
    if (parser.isSet(u"network"_s))
        request.network = parser.value(u"network"_s);

    instance::LaunchOptions options;
    options.resizeInOverlay = parser.isSet(u"resize-in-overlay"_s);
    options.fetch.onProgress = [&](const cache::FetchProgress &p) { progress(p); };
    options.onStep = [&](const QString &step) { progress.step(step); };
    options.fetch.novaLockTimeoutMs = *novaLockTimeout;

    auto transport = host::transportFor(*host);
    if (!transport)
        return printError(transport.error());
    auto launched = instance::launchInstance(*host, **transport, *libvirt, request, options);
    if (!launched)
        return printError(launched.error());
    if (context.json) {
        printJson({{u"uuid"_s, launched->uuid}, {u"name"_s, launched->name}, {u"directory"_s, launched->directory},
            {u"disk"_s, launched->disk}, {u"base"_s, launched->base}, {u"base_reused"_s, launched->baseReused},
            {u"state"_s, launched->state}});
    } else {
        printLine(u"%1 %2 is %3 on %4 (base file %5%6)"_s.arg(launched->name, launched->uuid, launched->state,
            host->name, launched->base, launched->baseReused ? u", reused"_s : QString()));
    }
    return ExitSuccess;
}

} // namespace cowherd::ctl
