#pragma once

#include "error.h"
#include "host/hostconfig.h"

#include <QList>
#include <QString>

#include <functional>
#include <memory>

namespace cowherd::host {
class Transport;
}

namespace cowherd::cache {

using TransportFactory = std::function<std::unique_ptr<host::Transport>(const host::HostConfig &)>;

// _base/.cowherd/storage-id: a UUID written once. Hosts that read the same id see the same
// storage (NFS) and form a sharing group. Empty when the marker does not exist yet.
Result<QString> readStorageId(host::Transport &transport, const QString &basePath);
// Reads the marker, or writes a new one when there is none: under a lock, atomically, and only
// if still missing, so two hosts creating it at once agree on one id.
Result<QString> ensureStorageId(host::Transport &transport, const QString &basePath);

// The group key of a host (groupKeyOf()): its hand-set sharing group, else the storage id read
// now (and remembered in the settings), else the id remembered from an earlier pass (the host
// is down but still a member), else the host alone.
QString sharingGroupKey(const host::HostConfig &host, const QString &configFile, const TransportFactory &transports);
// The storage id for views (the group planner's input): reads the marker but never writes one,
// so a host whose _base has no marker yet is alone until a cache pass creates it; else the id
// remembered from an earlier pass; empty when none is known.
QString knownStorageId(const host::HostConfig &host, const QString &configFile, const TransportFactory &transports);

enum class MarkerUse
{
    Create, // write the storage-id marker where it is missing (a cache pass that acts)
    ReadOnly, // never write (dry runs, views, advise mode)
};

// The hosts of `all` in the same sharing group as `host`, `host` first. Even with Create, no
// marker is written on a host whose cache Nova manages unless the host allows Cowherd to write
// there (advise mode, novahost.h).
QList<host::HostConfig> sharingGroupOf(const host::HostConfig &host, const QList<host::HostConfig> &all,
    const QString &configFile, const TransportFactory &transports, MarkerUse markers = MarkerUse::Create);

} // namespace cowherd::cache
