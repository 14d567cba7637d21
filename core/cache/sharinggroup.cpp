#include "cache/sharinggroup.h"

#include "cache/cachelayout.h"
#include "cache/cachepolicy.h"
#include "cache/groupplanner.h"
#include "cache/novahost.h"
#include "host/transport.h"

#include <QFileInfo>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace cowherd::cache {

Result<QString> readStorageId(host::Transport &transport, const QString &basePath)
{
    const QString path = storageIdPath(basePath);
    auto stat = transport.probe({path}, 0);
    if (!stat)
        return std::unexpected(stat.error());
    if (stat->isEmpty() || !stat->first().exists)
        return QString();
    auto content = transport.readFile(path, 4096);
    if (!content)
        return std::unexpected(content.error());
    return QString::fromUtf8(*content).trimmed();
}

Result<QString> ensureStorageId(host::Transport &transport, const QString &basePath)
{
    auto existing = readStorageId(transport, basePath);
    if (!existing || !existing->isEmpty())
        return existing;
    auto lock = transport.lock(storageIdPath(basePath) + u".lock"_s);
    if (!lock)
        return std::unexpected(lock.error());
    existing = readStorageId(transport, basePath);
    if (!existing || !existing->isEmpty())
        return existing;
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (auto w = transport.writeFileAtomically(storageIdPath(basePath), id.toUtf8() + '\n'); !w)
        return std::unexpected(w.error());
    return id;
}

namespace {

using Marker = MarkerUse;

QString storageIdOf(
    const host::HostConfig &host, const QString &configFile, const TransportFactory &transports, Marker marker)
{
    if (auto transport = transports(host)) {
        // Only a host whose _base exists gets a marker: never create a cache where there is none.
        auto stat = transport->probe({basePath(host.instancesPath)}, 0);
        if (stat && !stat->isEmpty() && stat->first().isDir) {
            if (marker == Marker::Create && !ensureWritesAllowed(host, *transport, u"write the storage-id marker"_s))
                marker = Marker::ReadOnly; // advise mode: Nova's cache gets nothing of Cowherd's
            const auto id = marker == Marker::Create ? ensureStorageId(*transport, basePath(host.instancesPath))
                                                     : readStorageId(*transport, basePath(host.instancesPath));
            if (id && !id->isEmpty()) {
                rememberStorageId(configFile, host.name, *id);
                return *id;
            }
        }
    }
    return rememberedStorageId(configFile, host.name);
}

} // namespace

namespace {

QString groupKey(
    const host::HostConfig &host, const QString &configFile, const TransportFactory &transports, Marker marker)
{
    const CachePolicy policy = loadCachePolicy(configFile, host.name);
    if (!policy.sharingGroup.isEmpty())
        return groupKeyOf(host.name, policy, {}); // no round trip to the host
    return groupKeyOf(host.name, policy, storageIdOf(host, configFile, transports, marker));
}

} // namespace

QString sharingGroupKey(const host::HostConfig &host, const QString &configFile, const TransportFactory &transports)
{
    return groupKey(host, configFile, transports, Marker::Create);
}

QString knownStorageId(const host::HostConfig &host, const QString &configFile, const TransportFactory &transports)
{
    return storageIdOf(host, configFile, transports, Marker::ReadOnly);
}

QList<host::HostConfig> sharingGroupOf(const host::HostConfig &host, const QList<host::HostConfig> &all,
    const QString &configFile, const TransportFactory &transports, MarkerUse markers)
{
    const QString key = groupKey(host, configFile, transports, markers);
    QList<host::HostConfig> group{host};
    for (const host::HostConfig &other : all)
        if (other.name != host.name && groupKey(other, configFile, transports, markers) == key)
            group.append(other);
    return group;
}

} // namespace cowherd::cache
