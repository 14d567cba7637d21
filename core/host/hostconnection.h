#pragma once

#include "host/hostconfig.h"

#include <QObject>
#include <QTimer>

#include <memory>

struct _virConnect;

namespace cowherd::host {

// A long-lived libvirt connection to one host, for views that follow the host without
// rescanning: keepalive detects a dead peer, the close callback moves the host to Reconnecting
// and reconnects with exponential backoff (1 s doubling up to maxBackoffMs), and the domain
// lifecycle callback is registered again on every new connection. Opening runs on a pool
// thread; signals arrive on the thread this object lives in.
class HostConnection final : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        Disconnected,
        Connecting,
        Connected,
        Reconnecting,
        Failed
    };
    Q_ENUM(State)

    explicit HostConnection(HostConfig host, QObject *parent = nullptr);
    ~HostConnection() override;

    // Starts connecting; a host that cannot be reached goes to Reconnecting and keeps trying.
    void start();
    // Closes the connection and stops trying.
    void stop();

    const HostConfig &host() const { return m_host; }
    State state() const { return m_state; }
    // Why the host is Reconnecting or Failed, for people.
    QString reason() const { return m_reason; }
    int attempts() const { return m_attempts; }

    void setMaxBackoffMs(int ms) { m_maxBackoffMs = ms; }
    void setKeepAlive(int intervalSeconds, unsigned count)
    {
        m_keepAliveInterval = intervalSeconds;
        m_keepAliveCount = count;
    }

    static QString stateName(State state);

Q_SIGNALS:
    void stateChanged(cowherd::host::HostConnection::State state, const QString &reason);
    // uuid in lower case; state as domainStateName() and the event ("started", "stopped", ...).
    void domainEvent(const QString &uuid, const QString &state, const QString &event);
    // The next connection attempt (1, 2, ...) runs in delayMs; the state stays Reconnecting.
    void retryScheduled(int attempt, int delayMs);

private:
    struct Bridge;
    void connectNow();
    void connected(_virConnect *conn, int generation);
    void connectFailed(const QString &reason, int generation);
    void lost(const QString &reason);
    void scheduleRetry();
    void closeConnection();
    void setState(State state, const QString &reason);

    HostConfig m_host;
    State m_state = State::Disconnected;
    QString m_reason;
    _virConnect *m_conn = nullptr;
    int m_callbackId = -1;
    std::shared_ptr<Bridge> m_bridge;
    QTimer m_retry;
    int m_attempts = 0;
    int m_generation = 0; // stale connect results are recognised and dropped
    int m_maxBackoffMs = 60'000;
    int m_keepAliveInterval = 5;
    unsigned m_keepAliveCount = 3;
    bool m_running = false;
};

} // namespace cowherd::host
