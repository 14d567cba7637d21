#pragma once

#include "cache/cachesnapshot.h"
#include "cache/groupplanner.h"
#include "overview/mapgraph.h"

#include <QHash>
#include <QWidget>

class QAction;
class QCheckBox;
class QGraphicsView;
class QLabel;
class QLineEdit;

namespace cowherd::ui {

class MapScene;
class RebuildWhenShown;

// The dependency map tab: base files -> resized -> overlays -> instances of the selected host
// (or of every scanned host), with search, zoom, export and "what would a removal affect".
class MapView final : public QWidget
{
    Q_OBJECT

public:
    explicit MapView(QWidget *parent = nullptr);
    ~MapView() override;

    // Rebuilds the map (off the UI thread) from the snapshots of every scanned host and the plans
    // of their sharing groups (GroupPlanner).
    void setSnapshots(
        const QList<cache::CacheSnapshot> &snapshots, const cache::GroupPlans &plans, const QString &currentHost);
    bool isBusy() const { return m_building; }

    MapScene *scene() const { return m_scene; }
    QGraphicsView *graphicsView() const { return m_view; }
    QLineEdit *searchEdit() const { return m_search; }
    QCheckBox *allHostsBox() const { return m_allHosts; }
    QLabel *statusLabel() const { return m_status; }
    QAction *zoomInAction() const { return m_zoomIn; }
    QAction *zoomOutAction() const { return m_zoomOut; }
    QAction *fitAction() const { return m_fit; }
    QAction *exportAction() const { return m_export; }

    void zoomBy(qreal factor);
    // Fits the whole map; it stays fitted as the view is resized until the user zooms.
    void fitToView();
    // Selects the node (as a click does): highlights what depends on it and centres it.
    void selectNode(int node);
    // Highlights the matches and centres the first; returns how many matched.
    int search(const QString &text);
    // Writes the map as PNG or SVG (by suffix); the file is written off the UI thread.
    void exportTo(const QString &path);

Q_SIGNALS:
    void mapShown();
    void exported(const QString &path, bool ok);
    // A click: the details pane can follow. A double-click: open it in its table.
    void baseSelected(const QString &host, const QString &name);
    void instanceSelected(const QString &host, const QString &uuid);
    void baseActivated(const QString &host, const QString &name);
    void instanceActivated(const QString &host, const QString &uuid);

private:
    struct Built
    {
        MapGraph graph;
        QList<QRectF> rects;
        cache::GroupPlans plans;
    };

    void rebuild();
    void showBuilt(const Built &built);
    void describeSelection(int node);
    void activate(int node);
    void chooseExportFile();

    MapScene *m_scene;
    QGraphicsView *m_view = nullptr;
    QLineEdit *m_search = nullptr;
    QCheckBox *m_allHosts = nullptr;
    QLabel *m_status = nullptr;
    QAction *m_zoomIn = nullptr;
    QAction *m_zoomOut = nullptr;
    QAction *m_fit = nullptr;
    QAction *m_export = nullptr;

    QList<cache::CacheSnapshot> m_snapshots;
    cache::GroupPlans m_nextPlans; // of m_snapshots
    QString m_currentHost;
    cache::GroupPlans m_plans; // of the map shown
    quint64 m_generation = 0;
    bool m_building = false;
    RebuildWhenShown *m_rebuild;
    bool m_fitPending = true;
    bool m_autoFit = true;
};

} // namespace cowherd::ui
