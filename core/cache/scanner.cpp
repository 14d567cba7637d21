#include "cache/scanner.h"

#include "cache/basename.h"
#include "cache/novahost.h"
#include "host/libvirtconnection.h"
#include "host/transportfactory.h"
#include "host/transport.h"
#include "image/bytesource.h"
#include "image/imageinfo.h"
#include "image/safetypolicy.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSet>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcScan, "cowherd.cache.scan")

namespace cowherd::cache {

namespace {

// What the scan knows about one image file, keyed by its clean absolute path.
struct ImageNode
{
    bool exists = false;
    QString error;
    image::ImageInfo info;
    QString backingPath; // resolved, absolute, clean; empty when none
};

ImageNode nodeFromEntry(const host::FileEntry &entry)
{
    ImageNode node;
    node.exists = entry.exists && entry.isFile;
    node.error = entry.error;
    if (!node.exists)
        return node;
    image::PrefixByteSource source(entry.head, entry.apparentSize);
    node.info = image::inspect(source);
    if (!node.info.backingFile.isEmpty()) {
        const QString backing = node.info.backingFile;
        // qemu resolves a relative backing name against the directory of the image.
        node.backingPath = QDir::cleanPath(QDir::isAbsolutePath(backing)
                ? backing
                : QFileInfo(entry.path).absolutePath() + u'/' + backing);
    }
    return node;
}

struct ChainWalk
{
    QList<ChainLink> chain;
    QList<Problem> problems;
    QString pending; // a path the walk needs that has not been probed yet
};

ChainWalk walkChain(const QString &start, const QHash<QString, ImageNode> &nodes, int maxDepth)
{
    ChainWalk walk;
    QSet<QString> seen{start};
    QString current = start;
    for (int depth = 0;; ++depth) {
        const auto it = nodes.constFind(current);
        if (it == nodes.cend() || it->backingPath.isEmpty())
            return walk;
        const QString next = it->backingPath;
        if (seen.contains(next)) {
            walk.problems.append({u"backing-loop"_s,
                u"The backing chain of %1 loops back to %2; qemu cannot open it. Recreate the "
                "overlay with a correct backing file."_s.arg(start, next)});
            return walk;
        }
        if (depth >= maxDepth) {
            walk.problems.append({u"backing-chain-too-deep"_s,
                u"The backing chain of %1 is deeper than %2 levels; Cowherd stopped following it."_s
                    .arg(start).arg(maxDepth)});
            return walk;
        }
        seen.insert(next);
        const auto nextNode = nodes.constFind(next);
        if (nextNode == nodes.cend()) {
            walk.pending = next;
            return walk;
        }
        QString format = it->info.backingFormat;
        if (format.isEmpty())
            format = nextNode->info.format;
        walk.chain.append({next, format});
        if (!nextNode->exists) {
            walk.problems.append({u"backing-file-missing"_s,
                u"The backing file %1 of %2 does not exist%3; the instance cannot start. Restore "
                "the base file (fetch the image again) or remove the instance."_s
                    .arg(next, start, nextNode->error.isEmpty() ? QString() : u" ("_s + nextNode->error + u')')});
            return walk;
        }
        current = next;
    }
}

QString stringValue(const QJsonObject &o, QLatin1StringView key)
{
    return o.value(key).toString();
}

} // namespace

Result<CacheSnapshot> scanHost(const host::HostConfig &hostConfig, host::Transport &transport,
    const ScanOptions &options)
{
    CacheSnapshot snap;
    snap.host = hostConfig;
    snap.takenAt = QDateTime::currentDateTimeUtc();
    const QString instancesPath = QDir::cleanPath(hostConfig.instancesPath);

    QHash<QString, ImageNode> nodes;
    auto listing = transport.listCache(instancesPath, {});
    if (!listing) {
        snap.problems.append({u"instances-path-unreadable"_s, listing.error().message});
    } else if (!listing->baseExists) {
        snap.problems.append({u"base-missing"_s,
            u"%1 has no _base directory on %2 yet; it appears with the first launch or fetch."_s
                .arg(instancesPath, transport.displayName())});
    }

    // Nova's traces (novahost.h), unless the host's setting already says whose cache it is.
    NovaTraces novaTraces;
    if (listing && hostConfig.managedBy == host::ManagedBy::Auto)
        novaTraces = readNovaTraces(transport, instancesPath).value_or(NovaTraces{});

    // Base files.
    QHash<QString, QJsonObject> metadata;
    if (listing) {
        for (const host::FileEntry &m : listing->metadata) {
            const QJsonObject o = QJsonDocument::fromJson(m.head).object();
            if (!o.isEmpty())
                metadata.insert(m.name.chopped(5), o);
        }
        for (const host::FileEntry &entry : listing->baseFiles) {
            if (entry.vanished)
                continue; // removed while we listed: not part of this snapshot
            BaseFile base;
            base.name = entry.name;
            base.path = QDir::cleanPath(entry.path);
            const BaseName parsed = classifyBaseName(entry.name);
            base.kind = parsed.kind;
            base.originalName = parsed.original;
            base.apparentSize = entry.apparentSize;
            base.allocatedSize = entry.allocatedSize;
            base.mtime = entry.mtime;
            base.imageId = stringValue(metadata.value(entry.name), "image_id"_L1);
            if (const auto m = metadata.constFind(entry.name); m != metadata.constEnd()) {
                base.pinned = m->value("pinned"_L1).toBool();
                base.checksumState = m->value("state"_L1).toString(u"unverified"_s);
                base.verifiedAt = QDateTime::fromString(m->value("verified_at"_L1).toString(), Qt::ISODate);
            }
            if (stringValue(metadata.value(entry.name), "state"_L1) == u"mismatch")
                base.problems.append({u"checksum-mismatch"_s,
                    u"The content of %1 no longer matches the sha256 recorded on %2: the file is corrupt. "
                    "Instances using it may see bad data; fetch the image again and move them to it."_s
                        .arg(entry.path, stringValue(metadata.value(entry.name), "recorded_at"_L1))});

            ImageNode node = nodeFromEntry(entry);
            if (!entry.error.isEmpty())
                base.problems.append({u"unreadable"_s,
                    u"Cannot read %1: %2."_s.arg(base.path, entry.error)});
            if (entry.isSymlink)
                base.problems.append({u"symlink"_s,
                    u"%1 is a symbolic link; base files are regular files. Replace the link by the "
                    "file or remove it."_s.arg(base.path)});
            if (node.exists && base.kind != BaseKind::Partial) {
                base.format = node.info.format;
                base.virtualSize = node.info.virtualSize;
                // A base file must stand alone: the full safety policy, minus what a header
                // prefix cannot show.
                image::SafetyPolicy policy;
                policy.allowIncompleteHeader = true;
                base.problems.append(image::checkSafety(node.info, policy));
            }
            if (base.kind == BaseKind::Unknown)
                base.problems.append({u"unknown-name"_s,
                    u"%1 is not named like a Nova base file (sha1 of the image id, <sha1>_<GiB>, "
                    "swap_<MiB>, ephemeral_<GiB>_<fs>); Cowherd will not remove it."_s.arg(base.name)});
            nodes.insert(base.path, std::move(node));
            snap.bases.append(std::move(base));
        }
    }

    // Instances found on disk.
    QHash<QString, qsizetype> instanceByUuid;
    if (listing) {
        for (const host::InstanceDirectory &dir : listing->instanceDirectories) {
            Instance instance;
            instance.uuid = dir.name;
            instance.state = u"undefined"_s;
            instance.directory = QDir::cleanPath(dir.path);
            for (const host::FileEntry &file : dir.files) {
                if (file.name == u"disk.info" || file.vanished)
                    continue;
                Disk disk;
                disk.path = QDir::cleanPath(file.path);
                disk.allocatedSize = file.allocatedSize;
                ImageNode node = nodeFromEntry(file);
                disk.format = node.info.format;
                disk.virtualSize = node.info.virtualSize;
                if (node.exists) {
                    image::SafetyPolicy policy; // overlays have backing files by design
                    policy.allowBackingFile = true;
                    policy.allowIncompleteHeader = true;
                    disk.problems = image::checkSafety(node.info, policy);
                }
                if (!file.error.isEmpty())
                    disk.problems.append({u"unreadable"_s, u"Cannot read %1: %2."_s.arg(disk.path, file.error)});
                nodes.insert(disk.path, std::move(node));
                instance.disks.append(std::move(disk));
            }
            instanceByUuid.insert(instance.uuid, snap.instances.size());
            snap.instances.append(std::move(instance));
        }
    }

    // Domains from libvirt, joined by uuid (Nova names the directory after it) or by disk path.
    QHash<QString, QList<host::DomainDiskLayer>> libvirtChains; // disk path -> <backingStore>
    // A remote host whose files cannot be reached over SSH is down or unreachable: libvirt's
    // tunnel would only wait out its own, longer timeouts and block the scan.
    const bool hostUnreachable = !listing && !transport.isLocal();
    if (options.queryLibvirt && !hostUnreachable) {
        auto conn = host::LibvirtConnection::open(hostConfig.uri);
        auto domains = conn ? conn->domains() : Result<QList<host::DomainInfo>>(std::unexpected(conn.error()));
        if (!domains) {
            snap.libvirtStatus = domains.error().message;
            snap.problems.append({u"libvirt-unreachable"_s, domains.error().message
                    + u" Instance states are unknown; references come from the disks alone."_s});
        } else {
            const QString prefix = instancesPath + u'/';
            for (const host::DomainInfo &domain : *domains) {
                qsizetype index = instanceByUuid.value(domain.uuid, -1);
                bool related = index >= 0;
                for (const host::DomainDisk &d : domain.disks)
                    related = related || d.path.startsWith(prefix);
                if (!related)
                    continue;
                if (index < 0) {
                    Instance instance;
                    instance.uuid = domain.uuid;
                    index = snap.instances.size();
                    instanceByUuid.insert(domain.uuid, index);
                    snap.instances.append(std::move(instance));
                }
                Instance &instance = snap.instances[index];
                instance.name = domain.name;
                instance.state = domain.state;
                instance.nova = domain.nova;
                for (const host::DomainDisk &d : domain.disks) {
                    if (d.path.isEmpty() || d.device != u"disk")
                        continue;
                    const QString path = QDir::cleanPath(d.path);
                    auto it = std::find_if(instance.disks.begin(), instance.disks.end(),
                        [&](const Disk &disk) { return disk.path == path; });
                    if (it == instance.disks.end()) {
                        Disk disk;
                        disk.path = path;
                        disk.format = d.format;
                        instance.disks.append(disk);
                        it = std::prev(instance.disks.end());
                    }
                    it->target = d.target;
                    if (!d.backingStore.isEmpty())
                        libvirtChains.insert(path, d.backingStore);
                }
            }
        }
    }

    // Follow every disk's backing chain, probing files outside the listing in rounds: the number
    // of round trips is bounded by the chain depth, not by the number of files.
    for (int round = 0; round <= options.maxChainDepth; ++round) {
        QSet<QString> wanted;
        for (const Instance &instance : std::as_const(snap.instances)) {
            for (const Disk &disk : instance.disks) {
                if (!nodes.contains(disk.path))
                    wanted.insert(disk.path);
                else if (const ChainWalk w = walkChain(disk.path, nodes, options.maxChainDepth); !w.pending.isEmpty())
                    wanted.insert(w.pending);
            }
        }
        if (wanted.isEmpty())
            break;
        const QStringList paths(wanted.cbegin(), wanted.cend());
        auto probed = transport.probe(paths, host::ListOptions{}.diskHeadBytes);
        if (!probed) {
            snap.problems.append({u"probe-failed"_s, probed.error().message});
            break;
        }
        for (const host::FileEntry &entry : *probed)
            nodes.insert(QDir::cleanPath(entry.path), nodeFromEntry(entry));
    }

    QHash<QString, qsizetype> baseByPath;
    for (qsizetype i = 0; i < snap.bases.size(); ++i)
        baseByPath.insert(snap.bases.at(i).path, i);
    auto addReference = [&](const QString &path, const QString &uuid) {
        const auto it = baseByPath.constFind(path);
        if (it != baseByPath.cend() && !snap.bases[*it].references.contains(uuid))
            snap.bases[*it].references.append(uuid);
    };

    for (Instance &instance : snap.instances) {
        for (Disk &disk : instance.disks) {
            const ImageNode node = nodes.value(disk.path);
            if (disk.format.isEmpty())
                disk.format = node.info.format;
            if (disk.virtualSize == 0)
                disk.virtualSize = node.info.virtualSize;
            if (!node.exists)
                disk.problems.append({u"disk-missing"_s,
                    u"The disk %1 of instance %2 does not exist on %3."_s.arg(disk.path, instance.uuid, transport.displayName())});
            ChainWalk walk = walkChain(disk.path, nodes, options.maxChainDepth);
            disk.backingChain = walk.chain;
            disk.problems.append(walk.problems);
            addReference(disk.path, instance.uuid);
            for (const ChainLink &link : std::as_const(disk.backingChain))
                addReference(link.path, instance.uuid);
            for (const host::DomainDiskLayer &layer : libvirtChains.value(disk.path))
                addReference(QDir::cleanPath(layer.path), instance.uuid);
        }
    }
    addNovaFindings(snap, novaTraces);
    qCDebug(lcScan) << "scanned" << hostConfig.name << snap.bases.size() << "base files"
                    << snap.instances.size() << "instances";
    return snap;
}

Result<CacheSnapshot> scanHost(const host::HostConfig &hostConfig, const ScanOptions &options)
{
    auto transport = host::transportFor(hostConfig);
    if (!transport)
        return std::unexpected(transport.error());
    return scanHost(hostConfig, **transport, options);
}

} // namespace cowherd::cache
