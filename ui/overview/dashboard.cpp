#include "overview/dashboard.h"

#include "common/backgroundpool.h"
#include "common/displayformat.h"
#include "common/rebuildwhenshown.h"
#include "overview/mapscene.h"

#include "cache/auditlog.h"
#include "task/whenfinished.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QFileInfo>
#include <QFrame>
#include <QGridLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLegendMarker>
#include <QLocale>
#include <QPieSeries>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QtConcurrent>

#include <utility>

namespace cowherd::ui {

using namespace Qt::StringLiterals;

namespace {

constexpr int ChartBases = 8;

QString shortName(const QString &name)
{
    const qsizetype underscore = name.indexOf(u'_');
    const qsizetype head = underscore < 0 ? name.size() : underscore;
    return head == 40 ? name.left(10) + u'…' + name.mid(head) : name;
}

QFont scaled(const QFont &base, qreal factor, bool bold = false)
{
    QFont font = base;
    font.setPointSizeF(base.pointSizeF() * factor);
    font.setBold(bold);
    return font;
}

QChartView *makeChartView(const QString &accessibleName, QWidget *parent)
{
    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignRight);
    auto *view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setAccessibleName(accessibleName);
    view->setMinimumHeight(view->fontMetrics().height() * 14);
    return view;
}

QTreeWidget *makeTable(const QStringList &headers, const QString &accessibleName, QWidget *parent)
{
    auto *tree = new QTreeWidget(parent);
    tree->setRootIsDecorated(false);
    tree->setHeaderLabels(headers);
    tree->setAccessibleName(accessibleName);
    tree->setUniformRowHeights(true);
    tree->header()->setStretchLastSection(true);
    return tree;
}

} // namespace

Dashboard::Dashboard(const QString &auditLogPath, QWidget *parent)
    : QWidget(parent)
    , m_auditLogPath(auditLogPath.isEmpty() ? cache::AuditLog::defaultPath() : auditLogPath)
    , m_rebuild(new RebuildWhenShown(this, [this] { rebuild(); }))
{
    setObjectName(u"dashboard"_s);
    m_allHosts = new QCheckBox(tr("All hosts"), this);
    m_allHosts->setObjectName(u"dashboardAllHosts"_s);
    m_allHosts->setAccessibleName(tr("Show figures for all hosts"));
    connect(m_allHosts, &QCheckBox::toggled, this, &Dashboard::rebuild);
    m_scope = new QLabel(this);
    m_scope->setFont(scaled(font(), 1.3, true));

    auto *top = new QHBoxLayout;
    top->addWidget(m_scope, 1);
    top->addWidget(m_allHosts);

    const QStringList cardTitles{tr("Cache size"), tr("Reclaimable now"), tr("Copy-on-write saves"), tr("Instances")};
    auto *cards = new QHBoxLayout;
    for (const QString &title : cardTitles) {
        auto *frame = new QFrame(this);
        frame->setFrameShape(QFrame::StyledPanel);
        frame->setAutoFillBackground(true);
        auto *layout = new QVBoxLayout(frame);
        auto *caption = new QLabel(title, frame);
        caption->setFont(scaled(font(), 1.1));
        auto *value = new QLabel(frame);
        value->setFont(scaled(font(), 2.0, true));
        value->setAccessibleName(title);
        auto *note = new QLabel(frame);
        note->setWordWrap(true);
        layout->addWidget(caption);
        layout->addWidget(value);
        layout->addWidget(note);
        cards->addWidget(frame, 1);
        m_cardValues.append(value);
        m_cardNotes.append(note);
    }

    m_instancesChart = makeChartView(tr("Instances per base file"), this);
    m_kindChart = makeChartView(tr("Cache by kind"), this);
    m_largest = makeTable({tr("Base file"), tr("Kind"), tr("Size"), tr("Instances")}, tr("Largest base files"), this);
    m_passes
        = makeTable({tr("Time"), tr("Host"), tr("File"), tr("Action"), tr("Reason")}, tr("Recent cache passes"), this);
    m_passes->setObjectName(u"dashboardPasses"_s);

    auto *grid = new QGridLayout;
    auto *largestTitle = new QLabel(tr("Largest base files"), this);
    auto *passesTitle = new QLabel(tr("Recent cache passes"), this);
    largestTitle->setFont(scaled(font(), 1.15, true));
    passesTitle->setFont(largestTitle->font());
    grid->addWidget(m_instancesChart, 0, 0);
    grid->addWidget(m_kindChart, 0, 1);
    grid->addWidget(largestTitle, 1, 0);
    grid->addWidget(passesTitle, 1, 1);
    grid->addWidget(m_largest, 2, 0);
    grid->addWidget(m_passes, 2, 1);
    grid->setRowStretch(0, 3);
    grid->setRowStretch(2, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addLayout(top);
    layout->addLayout(cards);
    layout->addLayout(grid, 1);
    showComputed({});
}

Dashboard::~Dashboard() = default;

void Dashboard::setSnapshots(
    const QList<cache::CacheSnapshot> &snapshots, const cache::GroupPlans &plans, const QString &currentHost)
{
    // What they replace may be the last copies of big snapshots: freed off this thread.
    releaseInBackground(std::exchange(m_snapshots, snapshots));
    releaseInBackground(std::exchange(m_plans, plans));
    m_currentHost = currentHost;
    // Charts and tables are rebuilt on the UI thread: while another tab is in front, wait until
    // the dashboard is shown, so that a dozen hosts reporting in never queue a dozen rebuilds.
    m_rebuild->request();
}

void Dashboard::rebuild()
{
    QList<cache::CacheSnapshot> shown;
    for (const cache::CacheSnapshot &snapshot : std::as_const(m_snapshots)) {
        if (m_allHosts->isChecked() || snapshot.host.name == m_currentHost)
            shown.append(snapshot);
    }
    const quint64 generation = ++m_generation;
    m_building = true;
    // The audit log is a file.
    task::whenFinished(runInBackground([shown, plans = m_plans, auditPath = m_auditLogPath] {
        return Computed{computeFigures(shown, plans), readRecentAudit(auditPath, 50)};
    }),
        this, [this, generation, shown](const Computed &computed) {
            if (generation != m_generation)
                return;
            m_building = false;
            Computed filtered = computed;
            // Only the passes of the hosts shown.
            QSet<QString> hosts;
            for (const cache::CacheSnapshot &snapshot : shown)
                hosts.insert(snapshot.host.name);
            filtered.audit.removeIf([&hosts](const AuditEntry &entry) { return !hosts.contains(entry.host); });
            showComputed(filtered);
            Q_EMIT figuresShown();
        });
}

void Dashboard::showComputed(const Computed &computed)
{
    const DashboardFigures &f = computed.figures;
    m_figures = f;
    m_scope->setText(m_allHosts->isChecked() ? tr("All hosts (%1)").arg(f.hosts)
                                             : (m_currentHost.isEmpty() ? tr("No host scanned yet") : m_currentHost));

    m_cardValues[CacheSize]->setText(DisplayFormat::size(f.cacheBytes));
    m_cardNotes[CacheSize]->setText(tr("in %n base file(s)", nullptr, f.baseFiles));
    m_cardValues[Reclaimable]->setText(DisplayFormat::size(f.reclaimableBytes));
    m_cardNotes[Reclaimable]->setText(tr("%n file(s) a cache pass would remove now", nullptr, f.removableFiles));
    m_cardValues[Savings]->setText(DisplayFormat::size(std::max<qint64>(0, f.savingsBytes())));
    m_cardNotes[Savings]->setText(
        tr("%1 as full copies, %2 with shared base files")
            .arg(DisplayFormat::size(f.overlayVirtualBytes), DisplayFormat::size(f.copyOnWriteBytes())));
    m_cardValues[Counts]->setText(QLocale().toString(f.instances));
    m_cardNotes[Counts]->setText(tr("%n overlay(s) on the cache", nullptr, f.overlays));
    m_cardValues[Reclaimable]->setStyleSheet(f.reclaimableBytes > 0 ? u"color: #c62828;"_s : QString());
    m_cardValues[Savings]->setStyleSheet(u"color: #2e7d32;"_s);

    fillInstancesChart(f);
    fillKindChart(f);

    m_largest->clear();
    for (const BaseUse &base : f.bases.mid(0, 10)) {
        auto *item = new QTreeWidgetItem(m_largest,
            {shortName(base.name), DisplayFormat::kindName(base.kind), DisplayFormat::size(base.allocatedBytes),
                QLocale().toString(base.instances)});
        item->setToolTip(0, base.hosts.join(u", "_s) + u':' + base.name);
        if (!base.users.isEmpty())
            item->setToolTip(3, base.users.join(u'\n'));
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
        item->setTextAlignment(3, Qt::AlignRight | Qt::AlignVCenter);
    }
    m_passes->clear();
    for (const AuditEntry &entry : computed.audit) {
        auto *item = new QTreeWidgetItem(m_passes,
            {QLocale().toString(entry.time.toLocalTime(), QLocale::ShortFormat), entry.host,
                shortName(QFileInfo(entry.file).fileName()), DisplayFormat::auditAction(entry.action), entry.reason});
        item->setToolTip(2, entry.file);
        item->setToolTip(4, entry.reason);
    }
    if (computed.audit.isEmpty())
        new QTreeWidgetItem(m_passes, {tr("No cache pass recorded yet")});
    for (QTreeWidget *tree : {m_largest, m_passes}) {
        for (int column = 0; column < tree->columnCount() - 1; ++column)
            tree->resizeColumnToContents(column);
    }
}

void Dashboard::fillInstancesChart(const DashboardFigures &f)
{
    QChart *chart = m_instancesChart->chart();
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes())
        chart->removeAxis(axis);
    chart->setTitle(tr("Instances per base file"));
    chart->setTitleFont(scaled(font(), 1.2, true));
    chart->legend()->hide();

    QList<BaseUse> used = f.bases;
    std::stable_sort(
        used.begin(), used.end(), [](const BaseUse &a, const BaseUse &b) { return a.instances > b.instances; });
    used = used.mid(0, ChartBases);
    std::reverse(used.begin(), used.end()); // a horizontal bar chart draws from the bottom

    auto *set = new QBarSet(tr("Instances"));
    set->setColor(MapScene::baseColor(cache::BaseKind::Original));
    set->setLabelColor(Qt::black);
    QStringList categories;
    int most = 1;
    for (const BaseUse &base : used) {
        *set << base.instances;
        categories.append(shortName(base.name));
        most = std::max(most, base.instances);
    }
    auto *series = new QHorizontalBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    chart->addSeries(series);
    auto *names = new QBarCategoryAxis;
    names->append(categories);
    names->setLabelsFont(scaled(font(), 1.0));
    chart->addAxis(names, Qt::AlignLeft);
    series->attachAxis(names);
    auto *counts = new QValueAxis;
    counts->setRange(0, most + 1);
    counts->setTickCount(std::min(most + 2, 6));
    counts->setLabelFormat(u"%d"_s);
    chart->addAxis(counts, Qt::AlignBottom);
    series->attachAxis(counts);
}

void Dashboard::fillKindChart(const DashboardFigures &f)
{
    QChart *chart = m_kindChart->chart();
    chart->removeAllSeries();
    chart->setTitle(tr("Cache by kind"));
    chart->setTitleFont(scaled(font(), 1.2, true));
    chart->legend()->show();
    chart->legend()->setAlignment(Qt::AlignBottom); // on the right, long sizes get elided
    chart->legend()->setFont(scaled(font(), 1.05));

    auto *series = new QPieSeries;
    series->setHoleSize(0.45);
    for (auto it = f.bytesByKind.cbegin(); it != f.bytesByKind.cend(); ++it) {
        if (it.value() <= 0)
            continue;
        // The legend names the kind, the slice says its size: a legend of both gets elided.
        QPieSlice *slice = series->append(DisplayFormat::size(it.value()), double(it.value()));
        slice->setColor(MapScene::baseColor(it.key()));
        slice->setBorderColor(Qt::white);
        slice->setLabelVisible(it.value() * 20 >= f.cacheBytes); // slivers would only overlap
        slice->setLabelFont(scaled(font(), 1.05, true));
    }
    chart->addSeries(series);
    const QList<QLegendMarker *> markers = chart->legend()->markers(series);
    int i = 0;
    for (auto it = f.bytesByKind.cbegin(); it != f.bytesByKind.cend(); ++it) {
        if (it.value() > 0 && i < markers.size())
            markers.at(i++)->setLabel(DisplayFormat::kindName(it.key()));
    }
}

} // namespace cowherd::ui
