#include "overview/mapgraph.h"

#include <algorithm>
#include <numeric>

namespace cowherd::ui {

namespace {

// Minimises the squared distance of every node to where its neighbours want it, keeping the
// order and at least `pitch` between neighbours (isotonic regression by pooling adjacent
// violators on y_i - i * pitch). Linear in the number of nodes.
QList<qreal> placeInOrder(const QList<qreal> &desired, qreal pitch)
{
    struct Block
    {
        qreal sum = 0;
        int count = 0;
        qreal mean() const { return sum / count; }
    };
    QList<Block> blocks;
    blocks.reserve(desired.size());
    for (int i = 0; i < desired.size(); ++i) {
        blocks.append({desired.at(i) - i * pitch, 1});
        while (blocks.size() > 1 && blocks.at(blocks.size() - 2).mean() > blocks.constLast().mean()) {
            const Block last = blocks.takeLast();
            blocks.last().sum += last.sum;
            blocks.last().count += last.count;
        }
    }
    QList<qreal> out;
    out.reserve(desired.size());
    for (const Block &block : blocks) {
        for (int k = 0; k < block.count; ++k)
            out.append(block.mean() + out.size() * pitch);
    }
    return out;
}

} // namespace

QList<QRectF> layoutMap(const MapGraph &graph, const MapLayoutMetrics &metrics)
{
    const int n = int(graph.nodes.size());
    QList<QRectF> rects(n);
    if (n == 0)
        return rects;

    int layerCount = 0;
    for (const MapNode &node : graph.nodes)
        layerCount = std::max(layerCount, node.layer + 1);

    QList<QList<int>> neighbours(n);
    for (const MapEdge &edge : graph.edges) {
        neighbours[edge.from].append(edge.to);
        neighbours[edge.to].append(edge.from);
    }
    QList<QList<int>> layers(layerCount);
    for (int i = 0; i < n; ++i)
        layers[graph.nodes.at(i).layer].append(i);

    // Rank of a node inside its layer, scaled to [0, 1) so that layers of different sizes compare.
    QList<qreal> rank(n);
    const auto updateRanks = [&](const QList<int> &layer) {
        for (int i = 0; i < layer.size(); ++i)
            rank[layer.at(i)] = (i + 0.5) / qreal(layer.size());
    };
    for (const QList<int> &layer : std::as_const(layers))
        updateRanks(layer);

    const auto sortByBarycentre = [&](int layerIndex, bool fromAbove) {
        QList<int> &layer = layers[layerIndex];
        QList<qreal> key(n);
        for (const int node : std::as_const(layer)) {
            qreal sum = 0;
            int count = 0;
            for (const int other : std::as_const(neighbours.at(node))) {
                const int otherLayer = graph.nodes.at(other).layer;
                if (fromAbove ? otherLayer < layerIndex : otherLayer > layerIndex) {
                    sum += rank.at(other);
                    ++count;
                }
            }
            key[node] = count ? sum / count : rank.at(node);
        }
        std::stable_sort(layer.begin(), layer.end(), [&key](int a, int b) { return key.at(a) < key.at(b); });
        updateRanks(layer);
    };
    for (int sweep = 0; sweep < 3; ++sweep) {
        for (int l = 1; l < layerCount; ++l)
            sortByBarycentre(l, true);
        for (int l = layerCount - 2; l >= 0; --l)
            sortByBarycentre(l, false);
    }
    for (int l = 1; l < layerCount; ++l)
        sortByBarycentre(l, true);

    // The fullest column is packed; the others settle beside their neighbours, nearest first.
    const qreal pitch = metrics.nodeHeight + metrics.rowGap;
    int anchor = 0;
    for (int l = 1; l < layerCount; ++l) {
        if (layers.at(l).size() > layers.at(anchor).size())
            anchor = l;
    }
    QList<int> order(layerCount);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(
        order.begin(), order.end(), [anchor](int a, int b) { return std::abs(a - anchor) < std::abs(b - anchor); });

    QList<qreal> centre(n, 0);
    QList<bool> placed(n, false);
    for (const int l : std::as_const(order)) {
        const QList<int> &layer = layers.at(l);
        QList<qreal> desired;
        desired.reserve(layer.size());
        for (const int node : layer) {
            qreal sum = 0;
            int count = 0;
            for (const int other : std::as_const(neighbours.at(node))) {
                if (placed.at(other)) {
                    sum += centre.at(other);
                    ++count;
                }
            }
            if (count)
                desired.append(sum / count);
            else
                desired.append(desired.isEmpty() ? 0 : desired.constLast() + pitch);
        }
        const QList<qreal> ys = placeInOrder(desired, pitch);
        for (int i = 0; i < layer.size(); ++i) {
            centre[layer.at(i)] = ys.at(i);
            placed[layer.at(i)] = true;
        }
    }

    qreal top = *std::min_element(centre.cbegin(), centre.cend());
    for (int i = 0; i < n; ++i) {
        const qreal x = graph.nodes.at(i).layer * (metrics.nodeWidth + metrics.columnGap);
        const qreal y = centre.at(i) - top;
        rects[i] = QRectF(x, y, metrics.nodeWidth, metrics.nodeHeight);
    }
    return rects;
}

} // namespace cowherd::ui
