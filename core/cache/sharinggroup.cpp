#include "cache/sharinggroup.h"

#include "cache/cachelayout.h"
#include "cache/cachepolicy.h"
#include "cache/groupplanner.h"
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

enum class Marker { Create, ReadOnly };

QString storageIdOf(const host::HostConfig &host, const QString &configFile, const TransportFactory &transports, Marker marker)
{
    if (auto transport = transports(host)) {
        // Only a host whose _base exists gets a marker: never create a cache where there is none.
        auto stat = transport->probe({basePath(host.instancesPath)}, 0);
        if (stat && !stat->isEmpty() && stat->first().isDir) {
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

QString sharingGroupKey(const host::HostConfig &host, const QString &configFile, const TransportFactory &transports)
{
    const CachePolicy policy = loadCachePolicy(configFile, host.name);
    if (!policy.sharingGroup.isEmpty())
        return groupKeyOf(host.name, policy, {}); // no round trip to the host
    return groupKeyOf(host.name, policy, storageIdOf(host, configFile, transports, Marker::Create));
}

QString knownStorageId(const host::HostConfig &host, const QString &configFile, const TransportFactory &transports)
{
    return storageIdOf(host, configFile, transports, Marker::ReadOnly);
}

QList<host::HostConfig> sharingGroupOf(const host::HostConfig &host, const QList<host::HostConfig> &all,
    const QString &configFile, const TransportFactory &transports)
{
    const QString key = sharingGroupKey(host, configFile, transports);
    QList<host::HostConfig> group{host};
    for (const host::HostConfig &other : all)
        if (other.name != host.name && sharingGroupKey(other, configFile, transports) == key)
            group.append(other);
    return group;
}

} // namespace cowherd::cache
