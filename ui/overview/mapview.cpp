#include "overview/mapview.h"

#include "common/backgroundpool.h"
#include "common/displayformat.h"
#include "common/icons.h"
#include "common/rebuildwhenshown.h"
#include "overview/mapscene.h"

#include "task/whenfinished.h"

#include <QAction>
#include <QCheckBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGraphicsView>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMouseEvent>
#include <QPointer>
#include <QSaveFile>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWheelEvent>
#include <QtConcurrent>

namespace cowherd::ui {

using namespace Qt::StringLiterals;

namespace {

constexpr qreal ZoomStep = 1.25;

// Ctrl+wheel zooms around the cursor, a drag on the background pans, a click on the
// background clears the highlight.
class MapGraphicsView final : public QGraphicsView
{
public:
    MapGraphicsView(QGraphicsScene *scene, QWidget *parent, std::function<void()> backgroundClicked,
        std::function<void(qreal)> zoomed, std::function<void()> resized)
        : QGraphicsView(scene, parent)
        , m_backgroundClicked(std::move(backgroundClicked))
        , m_zoomed(std::move(zoomed))
        , m_resized(std::move(resized))
    {
        setDragMode(QGraphicsView::ScrollHandDrag);
        setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
        setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
        setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    }

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        QGraphicsView::resizeEvent(event);
        m_resized();
    }
    void wheelEvent(QWheelEvent *event) override
    {
        if (event->modifiers() & Qt::ControlModifier) {
            const qreal steps = event->angleDelta().y() / 120.0;
            const qreal factor = std::pow(ZoomStep, steps);
            const qreal current = transform().m11();
            if ((factor > 1 && current < 8) || (factor < 1 && current > 0.02))
                m_zoomed(factor);
            event->accept();
            return;
        }
        QGraphicsView::wheelEvent(event);
    }
    void mousePressEvent(QMouseEvent *event) override
    {
        m_pressPos = event->position().toPoint();
        QGraphicsView::mousePressEvent(event);
    }
    void mouseReleaseEvent(QMouseEvent *event) override
    {
        QGraphicsView::mouseReleaseEvent(event);
        const QPoint pos = event->position().toPoint();
        if ((pos - m_pressPos).manhattanLength() < 4 && !itemAt(pos) && event->button() == Qt::LeftButton)
            m_backgroundClicked();
    }

private:
    std::function<void()> m_backgroundClicked;
    std::function<void(qreal)> m_zoomed;
    std::function<void()> m_resized;
    QPoint m_pressPos;
};

QToolButton *toolButton(QAction *action, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setAutoRaise(true);
    button->setAccessibleName(action->text().remove(u'&'));
    return button;
}

} // namespace

MapView::MapView(QWidget *parent)
    : QWidget(parent)
    , m_scene(new MapScene(this))
    , m_rebuild(new RebuildWhenShown(this, [this] { rebuild(); }))
{
    setObjectName(u"mapView"_s);
    m_view = new MapGraphicsView(
        m_scene, this, [this] { selectNode(-1); }, [this](qreal factor) { zoomBy(factor); },
        // The map is often built while its tab is hidden and the view has no real size yet.
        [this] {
            if (m_autoFit)
                fitToView();
        });
    m_view->setObjectName(u"mapGraphicsView"_s);
    m_view->setAccessibleName(tr("Dependency map"));
    m_view->setAccessibleDescription(tr("Base files, resized base files, overlays and instances, connected along "
                                        "their backing chains. Click a base file to see what depends on it."));

    m_search = new QLineEdit(this);
    m_search->setObjectName(u"mapSearch"_s);
    m_search->setPlaceholderText(tr("Find a base file, disk or instance"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Find in the map"));
    m_search->addAction(themedIcon(u"edit-find"_s), QLineEdit::LeadingPosition);

    m_allHosts = new QCheckBox(tr("All hosts"), this);
    m_allHosts->setObjectName(u"mapAllHosts"_s);
    m_allHosts->setToolTip(tr("Show every scanned host, not only the selected one"));
    m_allHosts->setAccessibleName(tr("Show all hosts"));

    m_zoomIn = new QAction(themedIcon(u"zoom-in"_s), tr("Zoom &In"), this);
    m_zoomIn->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    m_zoomIn->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_zoomOut = new QAction(themedIcon(u"zoom-out"_s), tr("Zoom &Out"), this);
    m_zoomOut->setShortcut(QKeySequence::ZoomOut);
    m_zoomOut->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_fit = new QAction(themedIcon(u"zoom-fit-best"_s), tr("Fit to &View"), this);
    m_fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    m_fit->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_export = new QAction(themedIcon(u"document-export"_s), tr("&Export Map…"), this);
    m_export->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_export->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    for (QAction *action : {m_zoomIn, m_zoomOut, m_fit, m_export}) {
        action->setToolTip(action->text().remove(u'&').remove(u'…') + u" ("_s
            + action->shortcut().toString(QKeySequence::NativeText) + u')');
        addAction(action);
    }
    connect(m_zoomIn, &QAction::triggered, this, [this] { zoomBy(ZoomStep); });
    connect(m_zoomOut, &QAction::triggered, this, [this] { zoomBy(1 / ZoomStep); });
    connect(m_fit, &QAction::triggered, this, &MapView::fitToView);
    connect(m_export, &QAction::triggered, this, &MapView::chooseExportFile);

    m_status = new QLabel(this);
    m_status->setObjectName(u"mapStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont statusFont = m_status->font();
    statusFont.setPointSizeF(statusFont.pointSizeF() * 1.1);
    m_status->setFont(statusFont);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_search, 1);
    bar->addWidget(m_allHosts);
    for (QAction *action : {m_zoomOut, m_zoomIn, m_fit, m_export})
        bar->addWidget(toolButton(action, this));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) { search(text); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        const QList<int> matches = m_scene->markMatches(m_search->text());
        if (!matches.isEmpty())
            selectNode(matches.constFirst());
    });
    connect(m_allHosts, &QCheckBox::toggled, this, [this] {
        m_fitPending = true;
        rebuild();
    });
    connect(m_scene, &MapScene::nodeClicked, this, &MapView::selectNode);
    connect(m_scene, &MapScene::nodeActivated, this, &MapView::activate);
    describeSelection(-1);
}

MapView::~MapView() = default;

void MapView::setSnapshots(
    const QList<cache::CacheSnapshot> &snapshots, const cache::GroupPlans &plans, const QString &currentHost)
{
    if (currentHost != m_currentHost)
        m_fitPending = true;
    // What they replace may be the last copies of big snapshots: freed off this thread.
    releaseInBackground(std::exchange(m_snapshots, snapshots));
    releaseInBackground(std::exchange(m_nextPlans, plans));
    m_currentHost = currentHost;
    // Thousands of scene items are made on the UI thread: while another tab is in front, wait
    // until the map is shown, so that a big rescan never stalls the window.
    m_rebuild->request();
}

void MapView::rebuild()
{
    QList<cache::CacheSnapshot> shown;
    for (const cache::CacheSnapshot &snapshot : std::as_const(m_snapshots)) {
        if (m_allHosts->isChecked() || snapshot.host.name == m_currentHost)
            shown.append(snapshot);
    }
    const quint64 generation = ++m_generation;
    m_building = true;
    // The layout is the costly part: off this thread.
    task::whenFinished(runInBackground([shown, plans = m_nextPlans] {
        Built built;
        built.plans = plans;
        built.graph = buildMapGraph(shown, plans);
        built.rects = layoutMap(built.graph);
        return built;
    }),
        this, [this, generation](const Built &built) {
            if (generation != m_generation)
                return;
            m_building = false;
            showBuilt(built);
        });
}

void MapView::showBuilt(const Built &built)
{
    // Keep the highlighted node across a refresh when it is still there.
    QString host;
    MapNode::Kind kind = MapNode::Kind::Base;
    QString key;
    if (const int old = m_scene->highlightedNode(); old >= 0) {
        const MapNode &node = m_scene->graph().nodes.at(old);
        host = node.host;
        kind = node.kind;
        key = node.key;
    }
    m_plans = built.plans;
    m_scene->setGraph(built.graph, built.rects);
    if (!key.isEmpty())
        m_scene->highlightNode(built.graph.indexOf(host, kind, key));
    if (!m_search->text().isEmpty())
        m_scene->markMatches(m_search->text());
    describeSelection(m_scene->highlightedNode());
    if (m_fitPending) {
        fitToView();
        m_fitPending = false;
    }
    Q_EMIT mapShown();
}

void MapView::zoomBy(qreal factor)
{
    m_autoFit = false;
    m_view->scale(factor, factor);
}

void MapView::fitToView()
{
    QRectF rect = m_scene->sceneRect();
    if (rect.isEmpty())
        return;
    m_autoFit = true;
    m_view->resetTransform();
    m_view->fitInView(rect, Qt::KeepAspectRatio);
    // A huge lab fitted whole is unreadable; start where the first nodes are, readable.
    if (m_view->transform().m11() < 0.35) {
        m_view->resetTransform();
        m_view->scale(0.35, 0.35);
        m_view->centerOn(rect.center().x(), rect.top() + m_view->viewport()->height() / 0.7);
    }
}

void MapView::selectNode(int node)
{
    m_scene->highlightNode(node);
    // Centre only what is out of sight: a presenter's click should not make the map jump.
    const QRectF visible = m_view->mapToScene(m_view->viewport()->rect()).boundingRect();
    if (node >= 0 && !visible.contains(m_scene->nodeRect(node)))
        m_view->centerOn(m_scene->nodeRect(node).center());
    describeSelection(node);
    const MapGraph &graph = m_scene->graph();
    if (node < 0 || node >= graph.nodes.size())
        return;
    const MapNode &selected = graph.nodes.at(node);
    if (selected.kind == MapNode::Kind::Base || selected.kind == MapNode::Kind::Resized)
        Q_EMIT baseSelected(selected.host, selected.key);
    else if (selected.kind == MapNode::Kind::Instance)
        Q_EMIT instanceSelected(selected.host, selected.key);
}

int MapView::search(const QString &text)
{
    const QList<int> matches = m_scene->markMatches(text);
    if (!matches.isEmpty())
        m_view->centerOn(m_scene->nodeRect(matches.constFirst()).center());
    if (!text.trimmed().isEmpty())
        m_status->setText(matches.isEmpty()
                ? tr("Nothing in the map matches “%1”.").arg(text.trimmed())
                : tr("%n node(s) match; press Enter to select the first.", nullptr, int(matches.size())));
    else
        describeSelection(m_scene->highlightedNode());
    return int(matches.size());
}

void MapView::describeSelection(int node)
{
    const MapGraph &graph = m_scene->graph();
    if (node < 0 || node >= graph.nodes.size()) {
        m_status->setText(graph.nodes.isEmpty() ? tr("No scan yet: the map appears when the host has been scanned.")
                                                : tr("Click a base file to see what its removal would affect; "
                                                     "double-click a node to open it in its table."));
        return;
    }
    const MapNode &selected = graph.nodes.at(node);
    if (selected.kind == MapNode::Kind::Base || selected.kind == MapNode::Kind::Resized) {
        int overlays = 0;
        int instances = 0;
        for (const int dependent : graph.dependents(node)) {
            if (graph.nodes.at(dependent).kind == MapNode::Kind::Overlay)
                ++overlays;
            else if (graph.nodes.at(dependent).kind == MapNode::Kind::Instance)
                ++instances;
        }
        QString text = overlays == 0
            ? tr("Removing %1 would break no disk.").arg(selected.key)
            : tr("Removing %1 would break %2 of %3.")
                  .arg(selected.key, tr("%n overlay(s)", nullptr, overlays), tr("%n instance(s)", nullptr, instances));
        const cache::CleanupPlan *plan = m_plans.planOf(selected.host);
        if (const cache::PlannedAction *action = plan ? plan->action(selected.key) : nullptr)
            text += u' ' + tr("Cache pass: %1 — %2.").arg(DisplayFormat::actionName(action->action), action->reason);
        m_status->setText(text);
    } else {
        m_status->setText(
            tr("%1 on %2: highlighted with the base files it stands on.").arg(selected.label, selected.host));
    }
}

void MapView::activate(int node)
{
    const MapGraph &graph = m_scene->graph();
    if (node < 0 || node >= graph.nodes.size())
        return;
    const MapNode &selected = graph.nodes.at(node);
    switch (selected.kind) {
    case MapNode::Kind::Base:
    case MapNode::Kind::Resized:
        Q_EMIT baseActivated(selected.host, selected.key);
        break;
    case MapNode::Kind::Instance:
        Q_EMIT instanceActivated(selected.host, selected.key);
        break;
    case MapNode::Kind::Overlay:
        for (const MapEdge &edge : graph.edges) {
            if (edge.from == node && edge.kind == MapEdge::Kind::DiskOf)
                Q_EMIT instanceActivated(selected.host, graph.nodes.at(edge.to).key);
        }
        break;
    }
}

void MapView::chooseExportFile()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Map"), u"cowherd-map.png"_s, tr("PNG image (*.png);;SVG drawing (*.svg)"));
    if (!path.isEmpty())
        exportTo(path);
}

void MapView::exportTo(const QString &path)
{
    const bool svg = path.endsWith(u".svg"_s, Qt::CaseInsensitive);
    QByteArray bytes;
    QImage image;
    if (svg)
        bytes = m_scene->toSvg(tr("Cowherd dependency map"));
    else
        image = m_scene->toImage();
    task::whenFinished(QtConcurrent::run([path, svg, bytes, image] {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return false;
        if (svg ? file.write(bytes) != bytes.size() : !image.save(&file, "PNG"))
            return false;
        return file.commit();
    }),
        this, [this, path](bool ok) {
            m_status->setText(ok ? tr("Map saved to %1.").arg(path) : tr("Cannot write %1.").arg(path));
            Q_EMIT exported(path, ok);
        });
}

} // namespace cowherd::ui
