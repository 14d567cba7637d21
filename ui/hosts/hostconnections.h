#pragma once

#include "host/hostconfig.h"
#include "host/hostconnection.h"

#include <QCoreApplication>
#include <QHash>
#include <QObject>

namespace cowherd::ui {

// One long-lived libvirt connection (host::HostConnection) per configured host, so that the
// window follows each host between scans: its state (connected, reconnecting, failed) and the
// lifecycle events of its domains. Connections open on their own threads: a dead host delays
// neither the window nor any other host.
class HostConnections final : public QObject
{
    Q_OBJECT

public:
    using State = host::HostConnection::State;

    explicit HostConnections(QObject *parent = nullptr);
    ~HostConnections() override;

    // Starts a connection for every new host, stops those of hosts that are gone and restarts
    // those whose configuration changed.
    void setHosts(const QList<host::HostConfig> &hosts);
    host::HostConnection *connection(const QString &hostName) const { return m_connections.value(hostName); }
    int count() const { return int(m_connections.size()); }

    // "connected", "reconnecting (attempt 3)", "failed: …" — for the sidebar and the overview.
    static QString stateText(State state, const QString &reason, int attempt);

Q_SIGNALS:
    // attempt: the connection attempt under way or next (1, 2, ...) while Reconnecting, else 0.
    void stateChanged(
        const QString &hostName, cowherd::host::HostConnection::State state, const QString &reason, int attempt);
    void domainEvent(const QString &hostName, const QString &uuid, const QString &state, const QString &event);

private:
    void add(const host::HostConfig &host);

    QHash<QString, host::HostConnection *> m_connections;
};

} // namespace cowherd::ui
