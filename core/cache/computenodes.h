#pragma once

#include "cache/cacheplanner.h"
#include "cache/sharinggroup.h"
#include "error.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace cowherd::host {
class Transport;
}

namespace cowherd::cache {

// Nova's shared-storage registry <instances>/compute_nodes: JSON {"<node>": <unix time>}, written
// by every nova-compute using that instances path at each image cache pass
// (nova/virt/storage_users.py), under its lock locks/nova-storage-registry-lock.
struct ComputeNode
{
    QString name; // Nova's [DEFAULT] host of that node
    QDateTime lastSeen; // UTC
};

// Nova's window: a node seen less than this long ago still uses the storage (TWENTY_FOUR_HOURS).
constexpr qint64 novaStorageUserWindowSeconds = 24 * 3600;

// Pure. Hostile input: anything but an object of numbers is an error naming what is wrong.
Result<QList<ComputeNode>> parseComputeNodes(QByteArrayView json);
// The nodes Nova itself counts as users of the storage now.
QList<ComputeNode> recentStorageUsers(const QList<ComputeNode> &nodes, const QDateTime &now);

// Reads compute_nodes under Nova's registry lock (a shared record lock, so nova-compute cannot
// be half-way through rewriting it; the lock file is never created) and never writes anything.
// nullopt when there is no compute_nodes.
Result<std::optional<QList<ComputeNode>>> readComputeNodes(
    host::Transport &transport, const QString &instancesPath, int lockTimeoutMs = 30'000);

// Pure: every node of `recent` that is none of the scanned hosts becomes a member Cowherd
// cannot scan (an unreachable HostSnapshotView), so it blocks removal and the plan names it.
// nodeNames: the Nova node names of the group's hosts (their [DEFAULT] host or host name),
// Cowherd host name -> names.
void addComputeNodeMembers(SharingGroupState &state, const QList<ComputeNode> &recent,
    const QHash<QString, QStringList> &nodeNames, const QDateTime &now);

// With I/O, for scanSharingGroup: reads compute_nodes through the first reachable host, learns
// the Nova node names of the group's hosts (nova.conf's host, else `uname -n`) when a recent node
// is not one of their Cowherd names, and adds the rest. A compute_nodes that cannot be read
// blocks removal too.
void addNovaStorageUsers(SharingGroupState &state, const TransportFactory &transports, const QDateTime &now);

} // namespace cowherd::cache
