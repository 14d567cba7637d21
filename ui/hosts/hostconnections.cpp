#include "hosts/hostconnections.h"

namespace cowherd::ui {

HostConnections::HostConnections(QObject *parent)
    : QObject(parent)
{ }

HostConnections::~HostConnections()
{
    // Closing happens on a pool thread (HostConnection::stop): nothing here waits for a host.
    qDeleteAll(m_connections);
}

void HostConnections::setHosts(const QList<host::HostConfig> &hosts)
{
    QHash<QString, host::HostConfig> wanted;
    for (const host::HostConfig &h : hosts)
        wanted.insert(h.name, h);
    for (auto it = m_connections.begin(); it != m_connections.end();) {
        const auto next = wanted.constFind(it.key());
        if (next != wanted.constEnd() && next.value() == it.value()->host()) {
            ++it;
            continue;
        }
        delete it.value();
        it = m_connections.erase(it);
    }
    for (const host::HostConfig &h : hosts)
        if (!m_connections.contains(h.name))
            add(h);
}

void HostConnections::add(const host::HostConfig &host)
{
    auto *connection = new host::HostConnection(host);
    m_connections.insert(host.name, connection);
    const QString name = host.name;
    connect(connection, &host::HostConnection::stateChanged, this,
        [this, name, connection](State state, const QString &reason) {
            Q_EMIT stateChanged(name, state, reason, state == State::Reconnecting ? connection->attempts() + 1 : 0);
        });
    connect(connection, &host::HostConnection::retryScheduled, this, [this, name, connection](int attempt) {
        Q_EMIT stateChanged(name, connection->state(), connection->reason(), attempt);
    });
    connect(connection, &host::HostConnection::domainEvent, this,
        [this, name](const QString &uuid, const QString &state, const QString &event) {
            Q_EMIT domainEvent(name, uuid, state, event);
        });
    connection->start();
}

QString HostConnections::stateText(State state, const QString &reason, int attempt)
{
    switch (state) {
    case State::Disconnected:
        return tr("not connected");
    case State::Connecting:
        return tr("connecting…");
    case State::Connected:
        return tr("connected");
    case State::Reconnecting:
        return attempt > 0 ? tr("reconnecting (attempt %1)").arg(attempt) : tr("reconnecting");
    case State::Failed:
        return reason.isEmpty() ? tr("failed") : tr("failed: %1").arg(reason);
    }
    return {};
}

} // namespace cowherd::ui
