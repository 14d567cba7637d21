#pragma once

#include "cache/cachesnapshot.h"
#include "error.h"
#include "host/hostconfig.h"

#include <QList>
#include <QString>

namespace cowherd::host {
class Transport;
}

namespace cowherd::cache {

// What nova-compute leaves under an instances path: an empty lock file locks/nova-<name> per
// base file it fetched (and nova-storage-registry-lock), and compute_nodes, its shared-storage
// registry. Lock files Cowherd creates for Nova's locks say "cowherd" and do not count.
struct NovaTraces
{
    bool lockFiles = false;
    bool computeNodes = false;

    bool any() const { return lockFiles || computeNodes; }
};

// One round trip through the transport (a small sh script); writes nothing.
Result<NovaTraces> readNovaTraces(host::Transport &transport, const QString &instancesPath);

struct Management
{
    host::ManagedBy by = host::ManagedBy::Cowherd; // Nova or Cowherd, never Auto
    QString reason;

    bool isNova() const { return by == host::ManagedBy::Nova; }
};

// Pure: the host's setting wins; on auto, Nova's traces or an instance with Nova's metadata
// make it Nova's.
Management decideManagement(const host::HostConfig &host, const NovaTraces &traces, const QList<Instance> &instances);

// What a scan adds from Nova (pure): the host's management, and each base file's image ids —
// those whose sha1 names it, from the instances' Nova metadata and Cowherd's fetch records.
void addNovaFindings(CacheSnapshot &snapshot, const NovaTraces &traces);

// With I/O: the traces, and on auto without traces the metadata of the domains whose disks
// lie under the instances path (one libvirt call).
Result<Management> resolveManagement(const host::HostConfig &host, host::Transport &transport);

// Advise mode. Refused (exit code 3) when the host is Nova's and does not allow Cowherd to
// write there; the message names the operation, the host, why it is Nova's and the setting.
Status ensureWritesAllowed(const host::HostConfig &host, const Management &management, const QString &operation);
Status ensureWritesAllowed(const host::HostConfig &host, host::Transport &transport, const QString &operation);

} // namespace cowherd::cache
