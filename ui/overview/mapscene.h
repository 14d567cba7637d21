#pragma once

#include "overview/mapgraph.h"

#include <QByteArray>
#include <QGraphicsScene>
#include <QImage>
#include <QList>
#include <QSet>

class QGraphicsPathItem;

namespace cowherd::ui {

class MapNodeItem;

// Draws a laid-out MapGraph: one box per node, curves along the edges, column titles and a
// legend. Selecting a base file lights up what depends on it and dims the rest.
class MapScene final : public QGraphicsScene
{
    Q_OBJECT

public:
    explicit MapScene(QObject *parent = nullptr);
    ~MapScene() override;

    void setGraph(const MapGraph &graph, const QList<QRectF> &rects);
    const MapGraph &graph() const { return m_graph; }

    // -1 clears the highlight. A base file shows its dependents; an overlay or instance shows
    // the base files it stands on.
    void highlightNode(int node);
    int highlightedNode() const { return m_highlighted; }
    // Nodes lit by the current highlight, the node itself included; empty when nothing is.
    QSet<int> litNodes() const { return m_lit; }

    // Marks the nodes matching the text; returns them in map order.
    QList<int> markMatches(const QString &text);
    QRectF nodeRect(int node) const;
    MapNodeItem *nodeItem(int node) const { return m_items.value(node); }

    // For export; rendering needs the UI thread, writing the bytes does not.
    QImage toImage(qreal scale = 2.0);
    QByteArray toSvg(const QString &title);

    // Colours shared with the legend and the tests.
    static QColor stateColor(const QString &state);
    static QColor baseColor(cache::BaseKind kind);

Q_SIGNALS:
    void nodeClicked(int node);
    void nodeActivated(int node);

private:
    friend class MapNodeItem;
    void addDecorations(const QRectF &nodesRect);
    void updateLook();

    MapGraph m_graph;
    QList<MapNodeItem *> m_items;
    QList<QGraphicsPathItem *> m_edgeItems; // one per graph edge
    QSet<int> m_lit;
    QSet<int> m_matches;
    int m_highlighted = -1;
};

} // namespace cowherd::ui
