#include "instance/launcher.h"

#include "cache/novahost.h"
#include "cache/novalock.h"

#include "cache/cachelayout.h"
#include "cache/resizedbase.h"
#include "host/libvirtconnection.h"
#include "host/transport.h"
#include "image/qemuimg.h"
#include "instance/domainxml.h"
#include "instance/lifecycle.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace cowherd::instance {

namespace {

constexpr qint64 GiB = qint64(1) << 30;

bool isSafeName(const QString &name)
{
    // Becomes a libvirt domain name: printable, no path separators, bounded.
    if (name.isEmpty() || name.size() > 64 || name.contains(u'/'))
        return false;
    for (QChar c : name)
        if (!c.isPrint())
            return false;
    return true;
}

} // namespace

Result<LaunchResult> launchInstance(const host::HostConfig &host, host::Transport &transport,
    const host::LibvirtConnection &libvirt, const LaunchRequest &request, const LaunchOptions &options)
{
    auto step = [&](const QString &text) {
        if (options.onStep)
            options.onStep(text);
    };
    if (!isSafeName(request.name))
        return fail(
            u"'%1' cannot name an instance: use up to 64 printable characters without '/'."_s.arg(request.name));
    if (request.sizeGiB < 0 || request.memoryMiB <= 0 || request.vcpus <= 0)
        return fail(u"Size, memory and vCPUs must be positive."_s);
    if (!request.virtType.isEmpty() && request.virtType != u"kvm" && request.virtType != u"qemu")
        return fail(u"The virtualisation type must be kvm or qemu, not '%1'."_s.arg(request.virtType));

    // Advise mode: a cache Nova manages gets nothing of Cowherd's unless the host allows it.
    if (auto allowed = cache::ensureWritesAllowed(host, transport, u"launch an instance"_s); !allowed)
        return std::unexpected(allowed.error());

    const QString instancesPath = QDir::cleanPath(host.instancesPath);
    LaunchResult result;
    result.name = request.name;
    result.uuid = request.uuid.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : request.uuid;
    result.directory = instancesPath + u'/' + result.uuid;
    result.disk = result.directory + u"/disk"_s;

    // 1. The original base file.
    cache::FetchOptions fetch = options.fetch;
    fetch.declaredFormat = request.declaredFormat;
    if (!request.imageId.isEmpty())
        fetch.imageId = request.imageId;
    step(u"Fetching the image"_s);
    auto original = request.source ? cache::fetchImage(transport, instancesPath, *request.source, fetch)
                                   : cache::cachedImage(transport, instancesPath, request.imageId);
    if (!original)
        return std::unexpected(original.error());
    if (auto fits = cache::checkFits(*original, request.sizeGiB); !fits)
        return std::unexpected(fits.error());

    // 2. The base file the overlay will sit on.
    cache::FetchResult base = *original;
    qint64 overlaySize = 0;
    if (request.sizeGiB > 0 && original->virtualSize < request.sizeGiB * GiB) {
        if (options.resizeInOverlay) {
            overlaySize = request.sizeGiB * GiB;
        } else {
            step(u"Making the resized base file"_s);
            auto resized = cache::ensureResizedBase(transport, instancesPath, *original, request.sizeGiB, fetch);
            if (!resized)
                return std::unexpected(resized.error());
            base = *resized;
        }
    }
    result.base = base.name;
    result.baseReused = base.reused;

    // 3. The overlay, created under the base file's locks (Cowherd's and nova-compute's, which
    // Nova also holds while it makes an overlay): once it exists the base is referenced.
    step(u"Creating the copy-on-write disk"_s);
    {
        host::LockOptions lockOptions;
        lockOptions.isCancelled = fetch.isCancelled;
        auto lock = cache::lockBaseFile(transport, instancesPath, base.name, lockOptions, fetch.novaLockTimeoutMs);
        if (!lock)
            return std::unexpected(lock.error());
        auto stillThere = transport.probe({base.path}, 0);
        if (!stillThere || stillThere->isEmpty() || !stillThere->first().exists)
            return fail(Error::Kind::NotFound,
                u"The base file %1 disappeared from %2 (a cache pass removed it?); launch again "
                "to fetch it anew."_s.arg(base.path, transport.displayName()));
        if (auto made = transport.makeDirectory(result.directory); !made)
            return std::unexpected(made.error());
        image::QemuImg qemuImg(transport, fetch.qemuImgLimits);
        if (auto created = qemuImg.createOverlay(result.disk, base.path, base.format, overlaySize); !created) {
            transport.removeTree(result.directory);
            return std::unexpected(created.error());
        }
    }

    auto undo = [&](Error error) -> Result<LaunchResult> {
        transport.removeTree(result.directory);
        return std::unexpected(std::move(error));
    };

    // Nova's disk.info: disk path -> format.
    const QJsonObject diskInfo{{result.disk, u"qcow2"_s}};
    if (auto written = transport.writeFileAtomically(
            result.directory + u"/disk.info"_s, QJsonDocument(diskInfo).toJson(QJsonDocument::Compact));
        !written)
        return undo(written.error());

    // 4. The domain.
    step(u"Defining and starting the domain"_s);
    auto domainType = request.virtType.isEmpty() ? chooseDomainType(libvirt) : Result<QString>(request.virtType);
    if (!domainType)
        return undo(domainType.error());
    DomainSpec spec;
    spec.name = result.name;
    spec.uuid = result.uuid;
    spec.memoryMiB = request.memoryMiB;
    spec.vcpus = request.vcpus;
    spec.diskPath = result.disk;
    spec.backingPath = base.path;
    spec.backingFormat = base.format;
    spec.consoleLogPath = result.directory + u"/console.log"_s;
    spec.network = request.network;
    spec.domainType = *domainType;
    QByteArray xml = domainXml(spec);
    if (auto written = transport.writeFileAtomically(result.directory + u"/libvirt.xml"_s, xml); !written)
        return undo(written.error());
    auto state = defineAndStart(libvirt, xml);
    if (!state && spec.domainType == u"kvm" && state.error().is(Error::Kind::Unsupported)) {
        // The host lists KVM but qemu may not use it (/dev/kvm not accessible to the qemu user,
        // nested virtualisation off): boot under TCG rather than fail.
        spec.domainType = u"qemu"_s;
        xml = domainXml(spec);
        if (auto written = transport.writeFileAtomically(result.directory + u"/libvirt.xml"_s, xml); !written)
            return undo(written.error());
        state = defineAndStart(libvirt, xml);
    }
    if (!state)
        return undo(state.error());
    result.state = *state;
    return result;
}

} // namespace cowherd::instance
