#include "overview/mapscene.h"

#include <QApplication>
#include <QBuffer>
#include <QFontMetricsF>
#include <QGraphicsItem>
#include <QGraphicsPathItem>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QPalette>
#include <QStyleOptionGraphicsItem>
#include <QSvgGenerator>

namespace cowherd::ui {

using namespace Qt::StringLiterals;

namespace {

constexpr qreal Radius = 8;
const QColor HighlightColor(0xef, 0x6c, 0x00); // orange: visible on every node colour
const QColor MatchColor(0xd8, 0x1b, 0x60);
const QColor RemovableColor(0xc6, 0x28, 0x28);
const QColor OverlayColor(0xe3, 0xf2, 0xfd);
const QColor EdgeColor(0x78, 0x90, 0x9c);

QFont scaledFont(qreal factor, bool bold)
{
    QFont font = QApplication::font();
    font.setPointSizeF(font.pointSizeF() * factor);
    font.setBold(bold);
    return font;
}

bool isDark(const QColor &color)
{
    return color.lightnessF() < 0.6;
}

} // namespace

// A rounded box with two lines of text; drawn without text when zoomed far out, where it
// would only be noise.
class MapNodeItem final : public QGraphicsItem
{
public:
    MapNodeItem(MapScene *scene, int index, const QRectF &rect)
        : m_scene(scene)
        , m_index(index)
        , m_rect(QPointF(0, 0), rect.size())
    {
        setPos(rect.topLeft());
        setToolTip(scene->m_graph.nodes.at(index).toolTip);
        setAcceptHoverEvents(true);
        setCursor(Qt::PointingHandCursor);
        setFlag(ItemIsSelectable, false);
        setZValue(1);
    }

    QRectF boundingRect() const override { return m_rect.adjusted(-4, -4, 4, 4); }

    QColor fill() const
    {
        const MapNode &node = m_scene->m_graph.nodes.at(m_index);
        switch (node.kind) {
        case MapNode::Kind::Instance:
            return MapScene::stateColor(node.state);
        case MapNode::Kind::Overlay:
            return OverlayColor;
        case MapNode::Kind::Base:
        case MapNode::Kind::Resized:
            return MapScene::baseColor(node.baseKind);
        }
        return OverlayColor;
    }

    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *) override
    {
        const MapNode &node = m_scene->m_graph.nodes.at(m_index);
        const bool lit = m_scene->m_lit.contains(m_index);
        const bool dimmed = !m_scene->m_lit.isEmpty() && !lit;
        const bool matched = m_scene->m_matches.contains(m_index);
        painter->setOpacity(dimmed ? 0.18 : 1.0);
        painter->setRenderHint(QPainter::Antialiasing);

        const QColor color = fill();
        QPen border(color.darker(140), 1.5);
        if (node.removable) {
            border = QPen(RemovableColor, 3, Qt::DashLine);
        }
        if (matched)
            border = QPen(MatchColor, 4);
        if (lit)
            border = QPen(HighlightColor, m_index == m_scene->m_highlighted ? 5 : 3.5);
        if (m_hovered && !lit && !matched)
            border.setWidthF(border.widthF() + 1.5);
        painter->setPen(border);
        painter->setBrush(color);
        painter->drawRoundedRect(m_rect, Radius, Radius);

        const qreal detailLevel = QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform());
        if (detailLevel < 0.35)
            return;
        const QColor text = isDark(color) ? Qt::white : QColor(0x10, 0x20, 0x30);
        const QRectF inner = m_rect.adjusted(10, 4, -10, -4);
        const QFont titleFont = scaledFont(1.25, true);
        const QFont detailFont = scaledFont(1.0, false);
        painter->setPen(text);
        painter->setFont(titleFont);
        const QFontMetricsF titleMetrics(titleFont);
        painter->drawText(QRectF(inner.left(), inner.top(), inner.width(), inner.height() / 2),
            Qt::AlignLeft | Qt::AlignVCenter, titleMetrics.elidedText(node.label, Qt::ElideRight, inner.width()));
        painter->setFont(detailFont);
        const QFontMetricsF detailMetrics(detailFont);
        QString detail = node.detail;
        if (node.removable)
            detail = QCoreApplication::translate("cowherd::ui::MapScene", "removable · %1").arg(detail);
        painter->drawText(QRectF(inner.left(), inner.center().y(), inner.width(), inner.height() / 2),
            Qt::AlignLeft | Qt::AlignVCenter, detailMetrics.elidedText(detail, Qt::ElideRight, inner.width()));
        Q_UNUSED(option)
    }

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent *) override
    {
        m_hovered = true;
        update();
    }
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *) override
    {
        m_hovered = false;
        update();
    }
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override
    {
        if (event->button() == Qt::LeftButton)
            Q_EMIT m_scene->nodeClicked(m_index);
        event->accept();
    }
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override
    {
        if (event->button() == Qt::LeftButton)
            Q_EMIT m_scene->nodeActivated(m_index);
        event->accept();
    }

private:
    MapScene *m_scene;
    int m_index;
    QRectF m_rect;
    bool m_hovered = false;
};

MapScene::MapScene(QObject *parent)
    : QGraphicsScene(parent)
{
    setBackgroundBrush(QColor(0xfa, 0xfb, 0xfc));
    setItemIndexMethod(QGraphicsScene::BspTreeIndex);
}

MapScene::~MapScene() = default;

QColor MapScene::stateColor(const QString &state)
{
    if (state == u"running")
        return {0x2e, 0x7d, 0x32};
    if (state == u"paused")
        return {0xf9, 0xa8, 0x25};
    if (state == u"shutoff")
        return {0x54, 0x6e, 0x7a};
    if (state == u"undefined")
        return {0x6a, 0x1b, 0x9a};
    return {0x8d, 0x6e, 0x63}; // crashed, blocked, pmsuspended, ...
}

QColor MapScene::baseColor(cache::BaseKind kind)
{
    switch (kind) {
    case cache::BaseKind::Original:
        return {0x15, 0x65, 0xc0};
    case cache::BaseKind::Resized:
        return {0x00, 0x83, 0x8f};
    case cache::BaseKind::Swap:
        return {0x5d, 0x40, 0x37};
    case cache::BaseKind::Ephemeral:
        return {0x8e, 0x24, 0xaa};
    case cache::BaseKind::Unknown:
        return {0x61, 0x61, 0x61};
    case cache::BaseKind::Partial:
        return {0x9e, 0x9d, 0x24};
    }
    return {0x61, 0x61, 0x61};
}

void MapScene::setGraph(const MapGraph &graph, const QList<QRectF> &rects)
{
    clear();
    m_items.clear();
    m_edgeItems.clear();
    m_lit.clear();
    m_matches.clear();
    m_highlighted = -1;
    m_graph = graph;

    QRectF nodesRect;
    for (int i = 0; i < graph.nodes.size(); ++i) {
        auto *item = new MapNodeItem(this, i, rects.at(i));
        addItem(item);
        m_items.append(item);
        nodesRect |= rects.at(i);
    }
    for (const MapEdge &edge : graph.edges) {
        const QRectF from = rects.at(edge.from);
        const QRectF to = rects.at(edge.to);
        const QPointF start(from.right(), from.center().y());
        const QPointF end(to.left(), to.center().y());
        const qreal bend = (end.x() - start.x()) / 2;
        QPainterPath path(start);
        path.cubicTo(start + QPointF(bend, 0), end - QPointF(bend, 0), end);
        auto *item
            = addPath(path, QPen(EdgeColor, 2, edge.kind == MapEdge::Kind::DerivedFrom ? Qt::DashLine : Qt::SolidLine));
        item->setZValue(0);
        m_edgeItems.append(item);
    }
    addDecorations(nodesRect);
    setSceneRect(itemsBoundingRect().adjusted(-40, -40, 40, 40));
}

void MapScene::addDecorations(const QRectF &nodesRect)
{
    const MapLayoutMetrics metrics;
    const QFont headerFont = scaledFont(1.5, true);
    const QStringList titles{tr("Base files"), tr("Resized"), tr("Overlays (disks)"), tr("Instances")};
    const qreal headerY = (nodesRect.isNull() ? 0 : nodesRect.top()) - 60;
    for (int layer = 0; layer < titles.size(); ++layer) {
        auto *title = addSimpleText(titles.at(layer), headerFont);
        title->setBrush(QColor(0x26, 0x32, 0x38));
        title->setPos(layer * (metrics.nodeWidth + metrics.columnGap), headerY);
    }

    // The legend sits above the titles so that an exported picture explains itself.
    struct Entry
    {
        QString text;
        QColor color;
        bool dashed = false;
    };
    const QList<Entry> entries{
        {tr("original"), baseColor(cache::BaseKind::Original)},
        {tr("resized"), baseColor(cache::BaseKind::Resized)},
        {tr("overlay"), OverlayColor},
        {tr("running"), stateColor(u"running"_s)},
        {tr("paused"), stateColor(u"paused"_s)},
        {tr("shut off"), stateColor(u"shutoff"_s)},
        {tr("undefined"), stateColor(u"undefined"_s)},
        {tr("removable now"), Qt::white, true},
    };
    const QFont legendFont = scaledFont(1.1, false);
    const QFontMetricsF legendMetrics(legendFont);
    qreal x = 0;
    const qreal y = headerY - 50;
    for (const Entry &entry : entries) {
        auto *swatch = addRect(QRectF(x, y, 28, 20),
            entry.dashed ? QPen(RemovableColor, 3, Qt::DashLine) : QPen(entry.color.darker(140), 1), entry.color);
        swatch->setZValue(1);
        auto *label = addSimpleText(entry.text, legendFont);
        label->setBrush(QColor(0x26, 0x32, 0x38));
        label->setPos(x + 36, y + 10 - legendMetrics.height() / 2);
        x += 36 + legendMetrics.horizontalAdvance(entry.text) + 28;
    }
}

void MapScene::highlightNode(int node)
{
    m_highlighted = node >= 0 && node < m_graph.nodes.size() ? node : -1;
    m_lit.clear();
    if (m_highlighted >= 0) {
        m_lit.insert(m_highlighted);
        const MapNode::Kind kind = m_graph.nodes.at(m_highlighted).kind;
        if (kind == MapNode::Kind::Base || kind == MapNode::Kind::Resized) {
            for (const int dependent : m_graph.dependents(m_highlighted))
                m_lit.insert(dependent);
        } else {
            // What this overlay or instance stands on: walk the edges upwards.
            QList<int> queue{m_highlighted};
            while (!queue.isEmpty()) {
                const int current = queue.takeFirst();
                for (const MapEdge &edge : std::as_const(m_graph.edges)) {
                    if (edge.to == current && edge.kind != MapEdge::Kind::DerivedFrom && !m_lit.contains(edge.from)) {
                        m_lit.insert(edge.from);
                        queue.append(edge.from);
                    }
                }
            }
        }
    }
    updateLook();
}

QList<int> MapScene::markMatches(const QString &text)
{
    const QList<int> matches = m_graph.find(text);
    m_matches = QSet<int>(matches.cbegin(), matches.cend());
    updateLook();
    return matches;
}

QRectF MapScene::nodeRect(int node) const
{
    const MapNodeItem *item = m_items.value(node);
    return item ? item->mapRectToScene(item->boundingRect()) : QRectF();
}

void MapScene::updateLook()
{
    for (int i = 0; i < m_edgeItems.size(); ++i) {
        const MapEdge &edge = m_graph.edges.at(i);
        QGraphicsPathItem *item = m_edgeItems.at(i);
        const bool lit
            = m_lit.contains(edge.from) && m_lit.contains(edge.to) && edge.kind != MapEdge::Kind::DerivedFrom;
        QPen pen = item->pen();
        pen.setColor(lit ? HighlightColor : EdgeColor);
        pen.setWidthF(lit ? 4 : 2);
        item->setPen(pen);
        item->setOpacity(!m_lit.isEmpty() && !lit ? 0.15 : 1.0);
        item->setZValue(lit ? 0.5 : 0);
    }
    for (MapNodeItem *item : std::as_const(m_items))
        item->update();
}

QImage MapScene::toImage(qreal scale)
{
    const QRectF source = sceneRect();
    QImage image((source.size() * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(backgroundBrush().color());
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    render(&painter, QRectF(QPointF(0, 0), image.size()), source);
    return image;
}

QByteArray MapScene::toSvg(const QString &title)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    const QRectF source = sceneRect();
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(source.size().toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), source.size()));
    generator.setTitle(title);
    generator.setDescription(tr("Cowherd dependency map: base files, overlays and instances"));
    QPainter painter(&generator);
    render(&painter, QRectF(QPointF(0, 0), source.size()), source);
    painter.end();
    return bytes;
}

} // namespace cowherd::ui
