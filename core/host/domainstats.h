#pragma once

#include "error.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>

class QTimer;

namespace cowherd::host {

class LibvirtConnection;

// One running domain's counters at one moment, from virConnectGetAllDomainStats.
// A counter the driver does not report is -1.
struct DomainStatsSample
{
    QString uuid;
    QString name;
    qint64 takenNs = 0; // a monotonic clock on this machine, for rates
    qint64 cpuTimeNs = -1; // cpu.time: guest and emulator threads together
    int vcpus = 1;
    qint64 memoryBytes = -1; // balloon.rss when reported, else balloon.current
    qint64 readBytes = -1; // summed over block.N.rd.bytes
    qint64 writeBytes = -1; // summed over block.N.wr.bytes
};

// What the instances table and the details pane show. -1: not known (yet): a rate needs two
// samples.
struct LiveFigures
{
    double cpuPercent = -1; // of the domain's vCPUs together: 100 % = every vCPU busy
    qint64 memoryBytes = -1;
    double readBytesPerSecond = -1;
    double writeBytesPerSecond = -1;
};

// The counters of every running domain on the connection. Blocking: off the UI thread.
Result<QList<DomainStatsSample>> collectDomainStats(const LibvirtConnection &connection);

// The figures of every domain in current (by uuid), rates from the same domain's sample in
// previous. Pure.
QHash<QString, LiveFigures> liveFigures(
    const QList<DomainStatsSample> &previous, const QList<DomainStatsSample> &current);

// Polls one host's domain statistics every few seconds while active, on host::hostCallPool(),
// with a libvirt connection of its own (opened on the first poll, reopened after a failure).
// Only one poll runs at a time; a poll that ends after stop() or a new setHost() is dropped.
class DomainStatsPoller final : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultIntervalMs = 3000;

    explicit DomainStatsPoller(QObject *parent = nullptr);
    ~DomainStatsPoller() override;

    // The host whose domains are polled; an empty URI polls nothing. Forgets the figures.
    void setUri(const QString &uri);
    QString uri() const { return m_uri; }
    // Polls at once and then every interval while active.
    void setActive(bool active);
    bool isActive() const { return m_active; }
    void setInterval(int ms);
    // Polls once now (tests, and the first poll when shown).
    void pollNow();

    QHash<QString, LiveFigures> figures() const { return m_figures; }

Q_SIGNALS:
    // After each poll: the figures of the running domains by uuid.
    void figuresUpdated(const QString &uri);
    void pollFailed(const QString &uri, const QString &message);

private:
    struct Connection;

    QTimer *m_timer;
    QString m_uri;
    bool m_active = false;
    bool m_polling = false;
    quint64 m_generation = 0;
    std::shared_ptr<Connection> m_connection;
    QList<DomainStatsSample> m_previous;
    QHash<QString, LiveFigures> m_figures;
};

} // namespace cowherd::host
