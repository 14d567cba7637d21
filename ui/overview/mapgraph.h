#pragma once

#include "cache/cachesnapshot.h"
#include "cache/groupplanner.h"

#include <QHash>
#include <QList>
#include <QRectF>
#include <QString>

namespace cowherd::ui {

// The dependency map as plain data: base files, the overlays (instance disks) on them and the
// instances that own the overlays. Built off the UI thread; the scene only draws it.
struct MapNode
{
    enum class Kind
    {
        Base,
        Resized,
        Overlay,
        Instance
    };

    Kind kind = Kind::Base;
    int layer = 0; // 0 originals and other base files, 1 resized, 2 overlays, 3 instances
    QString host;
    QStringList sharedWith; // base files: the other hosts shown that see it (one _base)
    QString key; // base file name, disk path or instance uuid
    QString label; // what the box says
    QString detail; // the second line: size, state
    QString toolTip;
    QString state; // instances: running, shutoff, paused, undefined, ...
    cache::BaseKind baseKind = cache::BaseKind::Unknown;
    bool removable = false; // the plan of its sharing group would remove it now
};

struct MapEdge
{
    enum class Kind
    {
        Backing,
        DerivedFrom,
        DiskOf
    };

    int from = 0; // the upper layer: base -> overlay -> instance
    int to = 0;
    Kind kind = Kind::Backing;
};

struct MapGraph
{
    QList<MapNode> nodes;
    QList<MapEdge> edges;

    // host: the node's host or one it is shared with.
    int indexOf(const QString &host, MapNode::Kind kind, const QString &key) const;
    // Every overlay and instance that would lose its disk if the base file went away: follows
    // backing and disk edges downwards, not "resized from" (a resized copy stands on its own).
    QList<int> dependents(int node) const;
    // Nodes whose label, key or host contains the text, case-insensitively.
    QList<int> find(const QString &text) const;
};

// One node per overlay and instance of every snapshot, and per base file of every sharing group
// (hosts that see one _base share its nodes); the groups' plans mark what a cache pass would
// remove now.
MapGraph buildMapGraph(const QList<cache::CacheSnapshot> &snapshots, const cache::GroupPlans &plans = {});

struct MapLayoutMetrics
{
    qreal nodeWidth = 230;
    qreal nodeHeight = 56;
    qreal rowGap = 14;
    qreal columnGap = 80;
};

// A layered layout: one column per layer, nodes ordered inside a column by the barycentre of
// their neighbours (a few sweeps down and up) so that edges cross less, then placed near their
// neighbours without overlapping. O(E + n log n) per sweep. Returns one rectangle per node.
QList<QRectF> layoutMap(const MapGraph &graph, const MapLayoutMetrics &metrics = {});

} // namespace cowherd::ui
