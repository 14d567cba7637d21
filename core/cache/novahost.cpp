#include "cache/novahost.h"

#include "cache/basename.h"

#include "host/libvirtconnection.h"
#include "host/transport.h"

#include <QDir>

using namespace Qt::StringLiterals;

namespace cowherd::cache {

namespace {

// Lists nothing but what it prints: "compute_nodes" and "locks" when found.
constexpr auto tracesScript = R"SH(I=$1
[ -e "$I/compute_nodes" ] && echo compute_nodes
for f in "$I"/locks/nova-*; do
  if [ -f "$f" ] && [ ! -s "$f" ]; then echo locks; break; fi
done
exit 0
)SH";

} // namespace

Result<NovaTraces> readNovaTraces(host::Transport &transport, const QString &instancesPath)
{
    auto result = transport.run(
        {u"sh"_s, u"-c"_s, QString::fromLatin1(tracesScript), u"sh"_s, instancesPath}, {.timeoutMs = 60'000});
    if (!result)
        return std::unexpected(result.error());
    if (!result->succeeded())
        return fail(Error::Kind::Failure,
            u"Cannot look for Nova's files under %1 on %2: %3"_s.arg(
                instancesPath, transport.displayName(), QString::fromLocal8Bit(result->standardError).trimmed()));
    NovaTraces traces;
    for (const QByteArray &line : result->standardOutput.split('\n')) {
        traces.computeNodes = traces.computeNodes || line == "compute_nodes";
        traces.lockFiles = traces.lockFiles || line == "locks";
    }
    return traces;
}

Management decideManagement(const host::HostConfig &host, const NovaTraces &traces, const QList<Instance> &instances)
{
    if (host.managedBy != host::ManagedBy::Auto)
        return {host.managedBy, u"set by hand (managed_by = %1)"_s.arg(host::toString(host.managedBy))};
    const QString path = QDir::cleanPath(host.instancesPath);
    if (traces.computeNodes)
        return {host::ManagedBy::Nova, u"Nova's shared-storage registry %1/compute_nodes exists"_s.arg(path)};
    if (traces.lockFiles)
        return {host::ManagedBy::Nova, u"Nova's lock files %1/locks/nova-* exist"_s.arg(path)};
    for (const Instance &i : instances)
        if (i.nova)
            return {
                host::ManagedBy::Nova, u"domain %1 carries Nova's metadata (server %2)"_s.arg(i.name, i.nova->name)};
    return {host::ManagedBy::Cowherd, u"no trace of Nova under %1"_s.arg(path)};
}

void addNovaFindings(CacheSnapshot &snapshot, const NovaTraces &traces)
{
    const Management m = decideManagement(snapshot.host, traces, snapshot.instances);
    snapshot.managedBy = m.by;
    snapshot.managedByReason = m.reason;

    QHash<QString, QStringList> idsByName; // sha1 -> image ids
    auto known = [&](const QString &imageId) {
        if (imageId.isEmpty())
            return;
        QStringList &ids = idsByName[originalBaseName(imageId)];
        if (!ids.contains(imageId))
            ids.append(imageId);
    };
    for (const Instance &i : std::as_const(snapshot.instances))
        if (i.nova)
            known(i.nova->imageId);
    for (const BaseFile &b : std::as_const(snapshot.bases))
        known(b.imageId);
    for (BaseFile &b : snapshot.bases) {
        if (b.originalName.isEmpty())
            continue;
        b.imageIds = idsByName.value(b.originalName);
        b.imageIds.sort();
    }
}

Result<Management> resolveManagement(const host::HostConfig &host, host::Transport &transport)
{
    if (host.managedBy != host::ManagedBy::Auto)
        return decideManagement(host, {}, {});
    auto traces = readNovaTraces(transport, QDir::cleanPath(host.instancesPath));
    if (!traces)
        return std::unexpected(traces.error());
    if (traces->any())
        return decideManagement(host, *traces, {});
    QList<Instance> withMetadata;
    if (auto conn = host::LibvirtConnection::open(host.uri)) {
        const QString prefix = QDir::cleanPath(host.instancesPath) + u'/';
        for (const host::DomainInfo &d : conn->domains().value_or(QList<host::DomainInfo>{})) {
            const bool related = std::ranges::any_of(
                d.disks, [&](const host::DomainDisk &disk) { return disk.path.startsWith(prefix); });
            if (related && d.nova) {
                Instance i;
                i.name = d.name;
                i.nova = d.nova;
                withMetadata.append(i);
            }
        }
    }
    return decideManagement(host, *traces, withMetadata);
}

Status ensureWritesAllowed(const host::HostConfig &host, const Management &management, const QString &operation)
{
    if (!management.isNova() || host.allowNovaWrites)
        return {};
    return std::unexpected(Error::refused(
        u"Refused to %1 on %2: Nova manages this cache (%3), so Cowherd only advises there and writes nothing "
        "under %4. To let Cowherd write there, set allow_nova_writes: `cowherdctl hosts set %2 --allow-nova-writes`."_s
            .arg(operation, host.name, management.reason, host.instancesPath)));
}

Status ensureWritesAllowed(const host::HostConfig &host, host::Transport &transport, const QString &operation)
{
    if (host.allowNovaWrites || host.managedBy == host::ManagedBy::Cowherd)
        return {};
    auto management = resolveManagement(host, transport);
    if (!management)
        return std::unexpected(
            Error::refused(u"Refused to %1 on %2: Cowherd cannot tell whether Nova manages its cache "
                           "(%3). Set it with `cowherdctl hosts set %2 --managed-by nova|cowherd`."_s.arg(
                               operation, host.name, management.error().message)));
    return ensureWritesAllowed(host, *management, operation);
}

} // namespace cowherd::cache
