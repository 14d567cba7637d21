#pragma once

#include "error.h"
#include "host/hostconfig.h"
#include "host/novametadata.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace cowherd::cache {

// Nova's names for the files in _base.
enum class BaseKind
{
    Original, // sha1(image_id)
    Resized, // <sha1>_<GiB>, legacy <sha1>_sm
    Swap, // swap_<MiB>
    Ephemeral, // ephemeral_<GiB>_<ext>
    Unknown,
    Partial, // *.part / *.converted: in flight, or orphans when stale
};

QString toString(BaseKind kind); // "original", "resized", ... as in the JSON contract

struct BaseFile
{
    QString name;
    QString path;
    BaseKind kind = BaseKind::Unknown;
    QString format; // detected by the native inspector; empty when unreadable
    qint64 virtualSize = 0;
    qint64 apparentSize = 0;
    qint64 allocatedSize = 0;
    QDateTime mtime; // UTC
    QString imageId; // from Cowherd's metadata; empty when unknown
    bool pinned = false; // from Cowherd's metadata
    QString checksumState; // "unverified", "ok", "mismatch"; empty without metadata
    QDateTime verifiedAt; // UTC; invalid when never verified
    QString originalName; // for resized files: the sha1 part
    QStringList imageIds; // image ids whose sha1 names the file (Nova's metadata, Cowherd's records)
    QStringList references; // instance uuids, through any disk at any chain level
    QList<Problem> problems;
};

struct ChainLink
{
    QString path; // absolute
    QString format;
};

struct Disk
{
    QString path;
    QString target; // libvirt target dev (vda), empty for disks found only on disk
    QString format;
    qint64 virtualSize = 0;
    qint64 allocatedSize = 0;
    QList<ChainLink> backingChain; // nearest first
    QList<Problem> problems;
};

struct Instance
{
    QString uuid;
    QString name; // libvirt domain name; empty when not defined
    QString state; // running, paused, shutoff, ..., "undefined" when only on disk
    QString directory; // empty when the domain has no directory under the instances path
    std::optional<host::NovaInstanceInfo> nova; // the server, when Nova defined the domain
    QList<Disk> disks;
    QList<Problem> problems;
};

// Everything Cowherd knows about one host's cache at one moment. A value: cheap to copy,
// safe to hand between threads, never updated in place.
struct CacheSnapshot
{
    host::HostConfig host;
    QDateTime takenAt; // UTC
    QString libvirtStatus; // empty when libvirt answered; otherwise why not
    host::ManagedBy managedBy = host::ManagedBy::Cowherd; // resolved: Nova or Cowherd, never Auto
    QString managedByReason; // why: "set by hand", "empty locks/nova-* files", "Nova metadata on …"
    QList<BaseFile> bases;
    QList<Instance> instances;
    QList<Problem> problems; // host-level: instances path missing, libvirt unreachable

    const BaseFile *base(QStringView name) const;
    const Instance *instance(QStringView uuid) const;
    qint64 totalAllocated() const;
};

} // namespace cowherd::cache

Q_DECLARE_METATYPE(cowherd::cache::CacheSnapshot)
