#include "overview/mapgraph.h"

#include "common/displayformat.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSet>

namespace cowherd::ui {

using namespace Qt::StringLiterals;

namespace {

// The map's texts: a class context, so that lupdate files them where translate() looks.
struct MapText
{
    Q_DECLARE_TR_FUNCTIONS(MapGraph)
};

QString shortBaseName(const QString &name)
{
    // A sha1 name says nothing to an audience; its first 12 hex digits are enough to tell apart.
    const qsizetype underscore = name.indexOf(u'_');
    const QString head = underscore < 0 ? name : name.left(underscore);
    if (head.size() == 40 && underscore < 0)
        return name.left(12) + u'…';
    if (head.size() == 40)
        return name.left(12) + u'…' + name.mid(underscore);
    return name;
}

QString baseToolTip(const cache::BaseFile &base, const QStringList &hosts, int references, bool removable)
{
    QString text = u"<b>"_s + base.name.toHtmlEscaped() + u"</b><br/>"_s
        + MapText::tr("Host: %1").arg(hosts.join(u", "_s).toHtmlEscaped()) + u"<br/>"_s
        + MapText::tr("Kind: %1").arg(DisplayFormat::kindName(base.kind)) + u"<br/>"_s
        + MapText::tr("Format: %1").arg(base.format.isEmpty() ? MapText::tr("unreadable") : base.format) + u"<br/>"_s
        + MapText::tr("Virtual size: %1").arg(DisplayFormat::size(base.virtualSize)) + u"<br/>"_s
        + MapText::tr("On disk: %1").arg(DisplayFormat::size(base.allocatedSize)) + u"<br/>"_s
        + MapText::tr("Referenced by %n instance(s)", nullptr, references);
    if (removable)
        text += u"<br/>"_s + MapText::tr("A cache pass would remove it now.");
    return text;
}

} // namespace

int MapGraph::indexOf(const QString &host, MapNode::Kind kind, const QString &key) const
{
    for (int i = 0; i < nodes.size(); ++i) {
        const MapNode &node = nodes.at(i);
        if (node.kind == kind && node.key == key && (node.host == host || node.sharedWith.contains(host)))
            return i;
    }
    return -1;
}

QList<int> MapGraph::dependents(int node) const
{
    QHash<int, QList<int>> down;
    for (const MapEdge &edge : edges) {
        if (edge.kind != MapEdge::Kind::DerivedFrom)
            down[edge.from].append(edge.to);
    }
    QList<int> out;
    QSet<int> seen{node};
    QList<int> queue{node};
    while (!queue.isEmpty()) {
        const int current = queue.takeFirst();
        for (const int next : down.value(current)) {
            if (seen.contains(next))
                continue;
            seen.insert(next);
            out.append(next);
            queue.append(next);
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

QList<int> MapGraph::find(const QString &text) const
{
    QList<int> out;
    const QString needle = text.trimmed();
    if (needle.isEmpty())
        return out;
    for (int i = 0; i < nodes.size(); ++i) {
        const MapNode &node = nodes.at(i);
        if (node.label.contains(needle, Qt::CaseInsensitive) || node.key.contains(needle, Qt::CaseInsensitive))
            out.append(i);
    }
    return out;
}

MapGraph buildMapGraph(const QList<cache::CacheSnapshot> &snapshots, const cache::GroupPlans &plans)
{
    MapGraph graph;
    struct BaseNode
    {
        cache::BaseFile file;
        QStringList hosts;
        QSet<QString> users; // instance uuids
    };
    QHash<int, BaseNode> baseNodes; // by node index
    QHash<QString, int> baseByName; // group key + name -> node
    QSet<std::pair<int, int>> derived;
    for (const cache::CacheSnapshot &snapshot : snapshots) {
        const QString &host = snapshot.host.name;
        const cache::GroupPlan *group = plans.groupOf(host);
        const QString groupKey = (group ? group->key : u"host:"_s + host) + u'\n';
        QHash<QString, int> baseByPath; // this host's paths

        for (const cache::BaseFile &base : snapshot.bases) {
            int index = baseByName.value(groupKey + base.name, -1);
            if (index < 0) {
                MapNode node;
                const bool resized = base.kind == cache::BaseKind::Resized;
                node.kind = resized ? MapNode::Kind::Resized : MapNode::Kind::Base;
                node.layer = resized ? 1 : 0;
                node.host = host;
                node.key = base.name;
                node.label = shortBaseName(base.name);
                node.baseKind = base.kind;
                const cache::PlannedAction *action = group ? group->plan.action(base.name) : nullptr;
                node.removable = action && action->action == cache::PlannedAction::Action::Remove && !action->blocked;
                index = int(graph.nodes.size());
                baseByName.insert(groupKey + base.name, index);
                baseNodes.insert(index, {base, {}, {}});
                graph.nodes.append(node);
            }
            BaseNode &shared = baseNodes[index];
            shared.hosts.append(host);
            for (const QString &uuid : base.references)
                shared.users.insert(uuid);
            baseByPath.insert(base.path, index);
        }
        for (const cache::BaseFile &base : snapshot.bases) {
            if (base.kind != cache::BaseKind::Resized || base.originalName.isEmpty())
                continue;
            const int original = baseByName.value(groupKey + base.originalName, -1);
            const int resized = baseByName.value(groupKey + base.name);
            if (original >= 0 && !derived.contains({original, resized})) {
                derived.insert({original, resized});
                graph.edges.append({original, resized, MapEdge::Kind::DerivedFrom});
            }
        }

        for (const cache::Instance &instance : snapshot.instances) {
            MapNode node;
            node.kind = MapNode::Kind::Instance;
            node.layer = 3;
            node.host = host;
            node.key = instance.uuid;
            node.state = instance.state;
            const QString name = DisplayFormat::instanceName(instance);
            node.label = name.isEmpty() ? instance.uuid.left(8) + u'…' : name;
            node.detail
                = MapText::tr("%1 · %2").arg(DisplayFormat::instanceState(instance.state), instance.uuid.left(8));
            node.toolTip = u"<b>"_s + node.label.toHtmlEscaped() + u"</b><br/>"_s
                + MapText::tr("UUID: %1").arg(instance.uuid) + u"<br/>"_s
                + MapText::tr("Host: %1").arg(host.toHtmlEscaped()) + u"<br/>"_s
                + MapText::tr("State: %1").arg(DisplayFormat::instanceState(instance.state)) + u"<br/>"_s
                + MapText::tr("%n disk(s)", nullptr, int(instance.disks.size()));
            if (instance.nova)
                node.toolTip += u"<br/>"_s + MapText::tr("Project: %1").arg(instance.nova->projectName.toHtmlEscaped())
                    + u"<br/>"_s + MapText::tr("Flavor: %1").arg(DisplayFormat::flavor(*instance.nova).toHtmlEscaped());
            const int instanceIndex = int(graph.nodes.size());
            graph.nodes.append(node);

            for (const cache::Disk &disk : instance.disks) {
                MapNode overlay;
                overlay.kind = MapNode::Kind::Overlay;
                overlay.layer = 2;
                overlay.host = host;
                overlay.key = disk.path;
                overlay.label = name.isEmpty() ? instance.uuid.left(8) + u'/' + QFileInfo(disk.path).fileName()
                                               : name + u'/' + QFileInfo(disk.path).fileName();
                overlay.detail = MapText::tr("%1 · %2 of %3")
                                     .arg(disk.format, DisplayFormat::size(disk.allocatedSize),
                                         DisplayFormat::size(disk.virtualSize));
                QString chain;
                for (const cache::ChainLink &link : disk.backingChain)
                    chain += u"<br/>→ "_s + link.path.toHtmlEscaped() + u" ("_s + link.format + u')';
                overlay.toolTip = u"<b>"_s + disk.path.toHtmlEscaped() + u"</b><br/>"_s
                    + MapText::tr("Format: %1").arg(disk.format) + u"<br/>"_s
                    + MapText::tr("Virtual size: %1").arg(DisplayFormat::size(disk.virtualSize)) + u"<br/>"_s
                    + MapText::tr("Allocated: %1").arg(DisplayFormat::size(disk.allocatedSize)) + u"<br/>"_s
                    + (chain.isEmpty() ? MapText::tr("No backing file") : MapText::tr("Backing chain:") + chain);
                const int overlayIndex = int(graph.nodes.size());
                graph.nodes.append(overlay);
                graph.edges.append({overlayIndex, instanceIndex, MapEdge::Kind::DiskOf});
                // The nearest base file of the chain is what this disk needs; links between
                // (a snapshot overlay) are not base files and stay inside the tooltip.
                for (const cache::ChainLink &link : disk.backingChain) {
                    const int base = baseByPath.value(link.path, -1);
                    if (base >= 0) {
                        graph.edges.append({base, overlayIndex, MapEdge::Kind::Backing});
                        break;
                    }
                }
            }
        }
    }
    for (auto it = baseNodes.cbegin(); it != baseNodes.cend(); ++it) {
        MapNode &node = graph.nodes[it.key()];
        const cache::BaseFile &base = it->file;
        const int references = int(it->users.size());
        node.sharedWith = it->hosts.mid(1);
        node.detail = MapText::tr("%1 · %2 · %n instance(s)", nullptr, references)
                          .arg(DisplayFormat::kindName(base.kind), DisplayFormat::size(base.allocatedSize));
        node.toolTip = baseToolTip(base, it->hosts, references, node.removable);
    }
    return graph;
}

} // namespace cowherd::ui
