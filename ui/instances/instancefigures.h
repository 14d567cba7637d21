#pragma once

#include "host/domainstats.h"

#include <QObject>
#include <QWidget>

#include <deque>

class QLabel;

namespace cowherd::ui {

class InstanceModel;

// A small plot of one instance's CPU % over the last samples, with its latest memory and disk
// figures as text; shown in the details pane under the disks.
class FiguresPlot final : public QWidget
{
    Q_OBJECT

public:
    static constexpr int MaxSamples = 60;

    explicit FiguresPlot(QWidget *parent = nullptr);

    // Starts a new history when uuid differs from the one shown.
    void add(const QString &uuid, const host::LiveFigures &figures);
    void clear();
    QString uuid() const { return m_uuid; }
    qsizetype sampleCount() const { return qsizetype(m_cpu.size()); }
    QString summary() const;

    QSize sizeHint() const override { return {240, 90}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QLabel *m_label;
    QString m_uuid;
    std::deque<double> m_cpu; // -1: unknown
};

// The live figures of the shown host's running instances: a host::DomainStatsPoller polls
// while the instances table is visible (the Instances tab shown) and feeds the instance model's
// figure columns and the plot of the instance in the details pane.
class InstanceFigures final : public QObject
{
    Q_OBJECT

public:
    // watched: the widget whose visibility starts and stops the polling (the instances table).
    InstanceFigures(InstanceModel *model, QWidget *watched, FiguresPlot *plot, QObject *parent = nullptr);

    void setHostUri(const QString &uri);
    void setShownInstance(const QString &uuid);
    host::DomainStatsPoller *poller() const { return m_poller; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void figuresUpdated();

    InstanceModel *m_model;
    QWidget *m_watched;
    FiguresPlot *m_plot;
    host::DomainStatsPoller *m_poller;
    QString m_shown;
};

} // namespace cowherd::ui
