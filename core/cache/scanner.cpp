#include "cache/scanner.h"

#include "cache/basename.h"
#include "cache/novahost.h"
#include "host/libvirtconnection.h"
#include "host/transport.h"
#include "host/transportfactory.h"
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
#include <QVarLengthArray>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcScan, "cowherd.cache.scan")

namespace cowherd::cache {

namespace {

// What the scan keeps of one image file, keyed by its clean absolute path: what the snapshot
// and the chain walk need, not the header bytes nor the whole ImageInfo.
struct ImageNode
{
    bool exists = false;
    QString error;
    QString format;
    qint64 virtualSize = 0;
    QString backingFormat;
    QString backingPath; // resolved, absolute, clean; empty when none
    QList<Problem> safety; // checkSafety() for the file's role (base file or disk), when known
};

enum class Role
{
    Base,
    Disk,
    Other
};

// The same few strings come back for every overlay (its base file's path, "raw"): one copy each.
class StringPool
{
public:
    QString intern(const QString &s)
    {
        if (s.isEmpty())
            return s;
        const auto it = m_strings.constFind(s);
        if (it != m_strings.cend())
            return *it;
        m_strings.insert(s);
        return s;
    }

private:
    QSet<QString> m_strings;
};

ImageNode nodeFromEntry(const host::FileEntry &entry, Role role, StringPool &pool)
{
    ImageNode node;
    node.exists = entry.exists && entry.isFile;
    node.error = entry.error;
    if (!node.exists)
        return node;
    image::PrefixByteSource source(entry.head, entry.apparentSize);
    const image::ImageInfo info = image::inspect(source);
    node.format = info.format; // the inspector's names are literals: nothing to share
    node.virtualSize = info.virtualSize;
    node.backingFormat = pool.intern(info.backingFormat);
    if (!info.backingFile.isEmpty()) {
        const QString &backing = info.backingFile;
        // qemu resolves a relative backing name against the directory of the image.
        node.backingPath = pool.intern(QDir::cleanPath(
            QDir::isAbsolutePath(backing) ? backing : QFileInfo(entry.path).absolutePath() + u'/' + backing));
    }
    if (role != Role::Other) {
        image::SafetyPolicy policy;
        // A base file must stand alone: the full safety policy, minus what a header prefix
        // cannot show. Overlays have backing files by design.
        policy.allowIncompleteHeader = true;
        policy.allowBackingFile = role == Role::Disk;
        node.safety = image::checkSafety(info, policy);
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
    // A chain is a few links deep (at most maxDepth): a short list beats a hash set per walk.
    QVarLengthArray<QString, 8> seen{start};
    QString current = start;
    for (int depth = 0;; ++depth) {
        const auto it = nodes.constFind(current);
        if (it == nodes.cend() || it->backingPath.isEmpty())
            return walk;
        const QString next = it->backingPath;
        if (std::find(seen.cbegin(), seen.cend(), next) != seen.cend()) {
            walk.problems.append({u"backing-loop"_s,
                u"The backing chain of %1 loops back to %2; qemu cannot open it. Recreate the "
                "overlay with a correct backing file."_s.arg(start, next)});
            return walk;
        }
        if (depth >= maxDepth) {
            walk.problems.append({u"backing-chain-too-deep"_s,
                u"The backing chain of %1 is deeper than %2 levels; Cowherd stopped following it."_s.arg(start).arg(
                    maxDepth)});
            return walk;
        }
        seen.append(next);
        const auto nextNode = nodes.constFind(next);
        if (nextNode == nodes.cend()) {
            walk.pending = next;
            return walk;
        }
        QString format = it->backingFormat;
        if (format.isEmpty())
            format = nextNode->format;
        walk.chain.append({next, format});
        if (!nextNode->exists) {
            walk.problems.append({u"backing-file-missing"_s,
                u"The backing file %1 of %2 does not exist%3; the instance cannot start. Restore "
                "the base file (fetch the image again) or remove the instance."_s.arg(
                    next, start, nextNode->error.isEmpty() ? QString() : u" ("_s + nextNode->error + u')')});
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

Result<CacheSnapshot> scanHost(
    const host::HostConfig &hostConfig, host::Transport &transport, const ScanOptions &options)
{
    CacheSnapshot snap;
    snap.host = hostConfig;
    snap.takenAt = QDateTime::currentDateTimeUtc();
    const QString instancesPath = QDir::cleanPath(hostConfig.instancesPath);

    QHash<QString, ImageNode> nodes;
    StringPool pool;
    const QString basePrefix = instancesPath + u"/_base/"_s;
    host::ListOptions listOptions;
    // Inspect each header as it is read and keep only the node: the listing drops the bytes.
    listOptions.onHead = [&](host::FileEntry &entry) {
        const QString path = QDir::cleanPath(entry.path);
        nodes.insert(path, nodeFromEntry(entry, path.startsWith(basePrefix) ? Role::Base : Role::Disk, pool));
        entry.head = QByteArray();
    };
    auto listing = transport.listCache(instancesPath, listOptions);
    if (!listing) {
        snap.problems.append({u"instances-path-unreadable"_s, listing.error().message});
    } else if (!listing->baseExists) {
        snap.problems.append({u"base-missing"_s,
            u"%1 has no _base directory on %2 yet; it appears with the first launch or fetch."_s.arg(
                instancesPath, transport.displayName())});
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
        snap.bases.reserve(listing->baseFiles.size());
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
                    "Instances using it may see bad data; fetch the image again and move them to it."_s.arg(
                        entry.path, stringValue(metadata.value(entry.name), "recorded_at"_L1))});

            auto node = nodes.find(base.path);
            if (node == nodes.end())
                node = nodes.insert(base.path, nodeFromEntry(entry, Role::Base, pool));
            if (!entry.error.isEmpty())
                base.problems.append({u"unreadable"_s, u"Cannot read %1: %2."_s.arg(base.path, entry.error)});
            if (entry.isSymlink)
                base.problems.append({u"symlink"_s,
                    u"%1 is a symbolic link; base files are regular files. Replace the link by the "
                    "file or remove it."_s.arg(base.path)});
            if (node->exists && base.kind != BaseKind::Partial) {
                base.format = node->format;
                base.virtualSize = node->virtualSize;
                base.problems.append(node->safety);
            }
            if (base.kind == BaseKind::Unknown)
                base.problems.append({u"unknown-name"_s,
                    u"%1 is not named like a Nova base file (sha1 of the image id, <sha1>_<GiB>, "
                    "swap_<MiB>, ephemeral_<GiB>_<fs>); Cowherd will not remove it."_s.arg(base.name)});
            node->safety.clear();
            snap.bases.append(std::move(base));
        }
    }

    // Instances found on disk.
    QHash<QString, qsizetype> instanceByUuid;
    if (listing) {
        snap.instances.reserve(listing->instanceDirectories.size());
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
                auto node = nodes.find(disk.path);
                if (node == nodes.end())
                    node = nodes.insert(disk.path, nodeFromEntry(file, Role::Disk, pool));
                disk.format = node->format;
                disk.virtualSize = node->virtualSize;
                if (node->exists)
                    disk.problems = std::exchange(node->safety, {});
                if (!file.error.isEmpty())
                    disk.problems.append({u"unreadable"_s, u"Cannot read %1: %2."_s.arg(disk.path, file.error)});
                instance.disks.append(std::move(disk));
            }
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
            snap.problems.append({u"libvirt-unreachable"_s,
                domains.error().message + u" Instance states are unknown; references come from the disks alone."_s});
        } else {
            instanceByUuid.reserve(snap.instances.size());
            for (qsizetype i = 0; i < snap.instances.size(); ++i)
                instanceByUuid.insert(snap.instances.at(i).uuid, i);
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
    // of round trips is bounded by the chain depth, not by the number of files. A round that
    // wants nothing has walked every disk's final chain (disk by disk, in order): kept.
    QList<ChainWalk> walks;
    bool walksFinal = false;
    for (int round = 0; round <= options.maxChainDepth; ++round) {
        QSet<QString> wanted;
        walks.clear();
        for (const Instance &instance : std::as_const(snap.instances)) {
            for (const Disk &disk : instance.disks) {
                if (!nodes.contains(disk.path)) {
                    wanted.insert(disk.path);
                    continue;
                }
                walks.append(walkChain(disk.path, nodes, options.maxChainDepth));
                if (!walks.constLast().pending.isEmpty())
                    wanted.insert(walks.constLast().pending);
            }
        }
        if (wanted.isEmpty()) {
            walksFinal = true;
            break;
        }
        const QStringList paths(wanted.cbegin(), wanted.cend());
        auto probed = transport.probe(paths, host::ListOptions{}.diskHeadBytes);
        if (!probed) {
            snap.problems.append({u"probe-failed"_s, probed.error().message});
            break;
        }
        for (const host::FileEntry &entry : *probed)
            nodes.insert(QDir::cleanPath(entry.path), nodeFromEntry(entry, Role::Other, pool));
    }

    QHash<QString, qsizetype> baseByPath;
    for (qsizetype i = 0; i < snap.bases.size(); ++i)
        baseByPath.insert(snap.bases.at(i).path, i);
    // An instance's references are added one after the other, so a repeat can only be the last
    // one: no search through the references of a base file that thousands of instances use.
    auto addReference = [&](const QString &path, const QString &uuid) {
        const auto it = baseByPath.constFind(path);
        if (it == baseByPath.cend())
            return;
        QStringList &references = snap.bases[*it].references;
        if (references.isEmpty() || references.constLast() != uuid)
            references.append(uuid);
    };

    qsizetype walkIndex = 0;
    for (Instance &instance : snap.instances) {
        for (Disk &disk : instance.disks) {
            const auto found = nodes.constFind(disk.path);
            const ImageNode node = found == nodes.cend() ? ImageNode{} : *found;
            if (disk.format.isEmpty())
                disk.format = node.format;
            if (disk.virtualSize == 0)
                disk.virtualSize = node.virtualSize;
            if (!node.exists)
                disk.problems.append({u"disk-missing"_s,
                    u"The disk %1 of instance %2 does not exist on %3."_s.arg(
                        disk.path, instance.uuid, transport.displayName())});
            const ChainWalk walk
                = walksFinal ? std::move(walks[walkIndex++]) : walkChain(disk.path, nodes, options.maxChainDepth);
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
    qCDebug(lcScan) << "scanned" << hostConfig.name << snap.bases.size() << "base files" << snap.instances.size()
                    << "instances";
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
