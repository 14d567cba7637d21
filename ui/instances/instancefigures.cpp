#include "instances/instancefigures.h"

#include "common/displayformat.h"
#include "tables/instancemodel.h"

#include <QEvent>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QVBoxLayout>

namespace cowherd::ui {

FiguresPlot::FiguresPlot(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
{
    setObjectName(QStringLiteral("figuresPlot"));
    setAccessibleName(tr("CPU use over time"));
    setMinimumHeight(70);
    m_label->setTextFormat(Qt::PlainText);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(m_label);
    layout->addStretch(1);
    clear();
}

void FiguresPlot::clear()
{
    m_uuid.clear();
    m_cpu.clear();
    m_label->setText(tr("No live figures: the instance is not running or the Instances tab is hidden."));
    update();
}

void FiguresPlot::add(const QString &uuid, const host::LiveFigures &figures)
{
    if (uuid != m_uuid) {
        m_cpu.clear();
        m_uuid = uuid;
    }
    m_cpu.push_back(figures.cpuPercent);
    while (m_cpu.size() > MaxSamples)
        m_cpu.pop_front();
    auto rate = [](double bytes) { return bytes < 0 ? tr("–") : tr("%1/s").arg(DisplayFormat::size(qint64(bytes))); };
    m_label->setText(
        tr("CPU %1 · memory %2 · disk read %3, write %4")
            .arg(figures.cpuPercent < 0 ? tr("–") : tr("%1 %").arg(QLocale().toString(figures.cpuPercent, 'f', 1)),
                figures.memoryBytes < 0 ? tr("–") : DisplayFormat::size(figures.memoryBytes),
                rate(figures.readBytesPerSecond), rate(figures.writeBytesPerSecond)));
    update();
}

QString FiguresPlot::summary() const
{
    return m_label->text();
}

void FiguresPlot::paintEvent(QPaintEvent *event)
{
    QWidget::paintEvent(event);
    const int top = m_label->geometry().bottom() + 4;
    const QRectF area(4, top, width() - 8, height() - top - 4);
    if (area.height() < 10 || area.width() < 10)
        return;
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(palette().color(QPalette::Mid));
    painter.setBrush(palette().color(QPalette::Base));
    painter.drawRect(area);
    if (m_cpu.size() < 2)
        return;
    const double step = area.width() / double(MaxSamples - 1);
    QPainterPath path;
    bool drawing = false;
    double x = area.right() - step * double(m_cpu.size() - 1);
    for (const double cpu : m_cpu) {
        if (cpu >= 0) {
            const QPointF point(x, area.bottom() - area.height() * std::clamp(cpu, 0.0, 100.0) / 100.0);
            drawing ? path.lineTo(point) : path.moveTo(point);
            drawing = true;
        } else {
            drawing = false;
        }
        x += step;
    }
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(palette().color(QPalette::Highlight), 1.5));
    painter.drawPath(path);
}

InstanceFigures::InstanceFigures(InstanceModel *model, QWidget *watched, FiguresPlot *plot, QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_watched(watched)
    , m_plot(plot)
    , m_poller(new host::DomainStatsPoller(this))
{
    watched->installEventFilter(this);
    connect(m_poller, &host::DomainStatsPoller::figuresUpdated, this, &InstanceFigures::figuresUpdated);
    m_poller->setActive(watched->isVisible());
}

void InstanceFigures::setHostUri(const QString &uri)
{
    if (uri == m_poller->uri())
        return;
    m_poller->setUri(uri);
    m_model->setLiveFigures({});
    m_plot->clear();
}

void InstanceFigures::setShownInstance(const QString &uuid)
{
    if (uuid == m_shown)
        return;
    m_shown = uuid;
    m_plot->clear();
    if (m_poller->figures().contains(uuid))
        m_plot->add(uuid, m_poller->figures().value(uuid));
}

bool InstanceFigures::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_watched) {
        if (event->type() == QEvent::Show)
            m_poller->setActive(true);
        else if (event->type() == QEvent::Hide)
            m_poller->setActive(false);
    }
    return QObject::eventFilter(watched, event);
}

void InstanceFigures::figuresUpdated()
{
    const auto figures = m_poller->figures();
    m_model->setLiveFigures(figures);
    if (figures.contains(m_shown))
        m_plot->add(m_shown, figures.value(m_shown));
    else if (!m_plot->uuid().isEmpty())
        m_plot->clear();
}

} // namespace cowherd::ui
