#include "cache/computenodes.h"

#include "cache/cachelayout.h"
#include "cache/novaconf.h"
#include "host/transport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace cowherd::cache {

Result<QList<ComputeNode>> parseComputeNodes(QByteArrayView json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError)
        return fail(Error::Kind::Corrupt,
            u"compute_nodes is not JSON (%1 at offset %2)"_s.arg(error.errorString()).arg(error.offset));
    if (!doc.isObject())
        return fail(Error::Kind::Corrupt, u"compute_nodes is not a JSON object of node names"_s);
    QList<ComputeNode> nodes;
    const QJsonObject object = doc.object();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!it.value().isDouble())
            return fail(Error::Kind::Corrupt, u"compute_nodes gives '%1' no time"_s.arg(it.key().left(200)));
        const double seconds = it.value().toDouble();
        if (!(seconds >= 0 && seconds < 1e12))
            return fail(Error::Kind::Corrupt, u"compute_nodes gives '%1' an impossible time"_s.arg(it.key().left(200)));
        nodes.append({it.key(), QDateTime::fromMSecsSinceEpoch(qint64(seconds * 1000), Qt::UTC)});
    }
    return nodes;
}

QList<ComputeNode> recentStorageUsers(const QList<ComputeNode> &nodes, const QDateTime &now)
{
    QList<ComputeNode> recent;
    for (const ComputeNode &n : nodes)
        if (n.lastSeen.msecsTo(now) < novaStorageUserWindowSeconds * 1000)
            recent.append(n);
    return recent;
}

Result<std::optional<QList<ComputeNode>>> readComputeNodes(
    host::Transport &transport, const QString &instancesPath, int lockTimeoutMs)
{
    const QString path = instancesPath + u"/compute_nodes"_s;
    auto stat = transport.probe({path, novaLockPath(instancesPath, u"storage-registry-lock"_s)}, 0);
    if (!stat)
        return std::unexpected(stat.error());
    if (stat->isEmpty() || !stat->first().exists)
        return std::optional<QList<ComputeNode>>();
    std::unique_ptr<host::HostLock> lock;
    if (stat->size() > 1 && stat->at(1).exists) {
        host::LockOptions options;
        options.kind = host::LockKind::Record;
        options.shared = true;
        options.create = false;
        options.timeoutMs = lockTimeoutMs;
        options.skipWithoutPython = true;
        auto held = transport.lock(stat->at(1).path, options);
        if (!held)
            return fail(held.error(), u"Nova's registry lock: %1"_s.arg(held.error().message));
        lock = std::move(*held);
    }
    auto content = transport.readFile(path, 1024 * 1024);
    if (!content)
        return std::unexpected(content.error());
    auto nodes = parseComputeNodes(*content);
    if (!nodes)
        return fail(nodes.error(), u"%1 on %2: %3"_s.arg(path, transport.displayName(), nodes.error().message));
    return std::optional(std::move(*nodes));
}

void addComputeNodeMembers(SharingGroupState &state, const QList<ComputeNode> &recent,
    const QHash<QString, QStringList> &nodeNames, const QDateTime &now)
{
    for (const ComputeNode &node : recent) {
        bool known = false;
        for (const HostSnapshotView &view : std::as_const(state.hosts))
            known = known || view.host.name == node.name || nodeNames.value(view.host.name).contains(node.name);
        if (known)
            continue;
        HostSnapshotView view;
        view.host.name = node.name;
        view.unreachableReason
            = u"a Nova compute node sharing this cache (compute_nodes saw it %1 ago) that is not a "
              "Cowherd host, so its instances are unknown; add it with `cowherdctl hosts add`, or it "
              "stops counting once unseen for 24 h"_s.arg(formatDuration(node.lastSeen.secsTo(now)));
        state.hosts.append(view);
    }
}

namespace {

QString uriHost(const QString &uri)
{
    return QUrl(uri).host();
}

} // namespace

void addNovaStorageUsers(SharingGroupState &state, const TransportFactory &transports, const QDateTime &now)
{
    const HostSnapshotView *acting = nullptr;
    for (const HostSnapshotView &v : std::as_const(state.hosts))
        if (v.snapshot && !acting)
            acting = &v;
    if (!acting)
        return;
    auto transport = transports(acting->host);
    if (!transport)
        return;
    auto nodes = readComputeNodes(*transport, acting->host.instancesPath);
    if (!nodes || !*nodes) {
        if (!nodes) {
            HostSnapshotView blocker;
            blocker.host.name = u"compute_nodes"_s;
            blocker.unreachableReason
                = u"Nova's list of the compute nodes sharing this cache could not be read: "_s + nodes.error().message;
            state.hosts.append(blocker);
        }
        return;
    }
    const QList<ComputeNode> recent = recentStorageUsers(**nodes, now);
    QHash<QString, QStringList> names;
    for (const HostSnapshotView &v : std::as_const(state.hosts))
        names[v.host.name].append(uriHost(v.host.uri));
    auto unknown = [&] {
        SharingGroupState probe = state;
        addComputeNodeMembers(probe, recent, names, now);
        return probe.hosts.size() > state.hosts.size();
    };
    if (unknown()) {
        // Nova names a node by its [DEFAULT] host, by default the machine's host name.
        for (const HostSnapshotView &v : std::as_const(state.hosts)) {
            if (!v.snapshot)
                continue;
            auto t = transports(v.host);
            if (!t)
                continue;
            const NovaConfig conf = readNovaConf(v.host, *t);
            if (!conf.host.isEmpty())
                names[v.host.name].append(conf.host);
            if (auto uname = t->run({u"uname"_s, u"-n"_s}, {.timeoutMs = 30'000}); uname && uname->succeeded())
                names[v.host.name].append(QString::fromUtf8(uname->standardOutput).trimmed());
        }
    }
    addComputeNodeMembers(state, recent, names, now);
}

} // namespace cowherd::cache
