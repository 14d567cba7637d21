#include "host/hostconnection.h"

#include "host/hostcallpool.h"
#include "host/libvirtconnection.h"
#include "host/libvirteventloop.h"
#include "host/libvirturi.h"
#include "task/whenfinished.h"

#include <QLoggingCategory>
#include <QtConcurrent/QtConcurrentRun>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include <memory>
#include <mutex>
#include <utility>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcHostConnection, "cowherd.host.connection")

namespace cowherd::host {

// Callbacks run on libvirt's event thread and may outlive the HostConnection; they reach it
// only through this bridge, which the destructor disarms.
struct HostConnection::Bridge
{
    std::mutex mutex;
    HostConnection *owner = nullptr;

    template<typename F> void post(F &&f)
    {
        std::lock_guard lock(mutex);
        if (owner)
            QMetaObject::invokeMethod(owner, std::forward<F>(f), Qt::QueuedConnection);
    }
};

namespace {

using BridgeRef = std::shared_ptr<void>;

void freeBridge(void *opaque)
{
    delete static_cast<BridgeRef *>(opaque);
}

QString closeReasonText(int reason)
{
    switch (reason) {
    case VIR_CONNECT_CLOSE_REASON_ERROR:
        return u"the connection failed"_s;
    case VIR_CONNECT_CLOSE_REASON_EOF:
        return u"the host closed the connection"_s;
    case VIR_CONNECT_CLOSE_REASON_KEEPALIVE:
        return u"the host stopped answering keepalive messages"_s;
    case VIR_CONNECT_CLOSE_REASON_CLIENT:
        return u"the connection was closed"_s;
    default:
        return u"the connection closed"_s;
    }
}

std::pair<QString, QString> lifecycleText(int event)
{
    switch (event) {
    case VIR_DOMAIN_EVENT_DEFINED:
        return {u"defined"_s, u"shutoff"_s};
    case VIR_DOMAIN_EVENT_UNDEFINED:
        return {u"undefined"_s, u"undefined"_s};
    case VIR_DOMAIN_EVENT_STARTED:
        return {u"started"_s, u"running"_s};
    case VIR_DOMAIN_EVENT_SUSPENDED:
        return {u"suspended"_s, u"paused"_s};
    case VIR_DOMAIN_EVENT_RESUMED:
        return {u"resumed"_s, u"running"_s};
    case VIR_DOMAIN_EVENT_STOPPED:
        return {u"stopped"_s, u"shutoff"_s};
    case VIR_DOMAIN_EVENT_SHUTDOWN:
        return {u"shutdown"_s, u"shutting down"_s};
    case VIR_DOMAIN_EVENT_PMSUSPENDED:
        return {u"pmsuspended"_s, u"suspended"_s};
    case VIR_DOMAIN_EVENT_CRASHED:
        return {u"crashed"_s, u"crashed"_s};
    default:
        return {u"unknown"_s, u"unknown"_s};
    }
}

// A connection opened on the pool. Whoever takes it owns it; when nobody does (the
// HostConnection went away while the open was pending), the last copy of the result closes it.
struct OpenedConnection
{
    explicit OpenedConnection(virConnectPtr c)
        : conn(c)
    { }
    OpenedConnection(const OpenedConnection &) = delete;
    OpenedConnection &operator=(const OpenedConnection &) = delete;
    ~OpenedConnection()
    {
        if (conn)
            virConnectClose(conn);
    }
    virConnectPtr take() { return std::exchange(conn, nullptr); }

    virConnectPtr conn = nullptr;
};

struct Opened
{
    std::shared_ptr<OpenedConnection> connection;
    QString error;
};

} // namespace

HostConnection::HostConnection(HostConfig host, QObject *parent)
    : QObject(parent)
    , m_host(std::move(host))
    , m_bridge(std::make_shared<Bridge>())
{
    m_bridge->owner = this;
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &HostConnection::connectNow);
}

HostConnection::~HostConnection()
{
    {
        std::lock_guard lock(m_bridge->mutex);
        m_bridge->owner = nullptr;
    }
    m_running = false;
    closeConnection();
}

QString HostConnection::stateName(State state)
{
    switch (state) {
    case State::Disconnected:
        return u"disconnected"_s;
    case State::Connecting:
        return u"connecting"_s;
    case State::Connected:
        return u"connected"_s;
    case State::Reconnecting:
        return u"reconnecting"_s;
    case State::Failed:
        return u"failed"_s;
    }
    return {};
}

void HostConnection::setState(State state, const QString &reason)
{
    if (state == m_state && reason == m_reason)
        return;
    m_state = state;
    m_reason = reason;
    qCInfo(lcHostConnection) << m_host.name << stateName(state) << reason;
    Q_EMIT stateChanged(state, reason);
}

void HostConnection::start()
{
    if (m_running)
        return;
    if (auto uri = parseLibvirtUri(m_host.uri); !uri) {
        setState(State::Failed, uri.error().message);
        return;
    }
    m_running = true;
    m_attempts = 0;
    connectNow();
}

void HostConnection::stop()
{
    m_running = false;
    m_retry.stop();
    ++m_generation;
    closeConnection();
    setState(State::Disconnected, {});
}

void HostConnection::connectNow()
{
    if (!m_running)
        return;
    const int generation = ++m_generation;
    setState(m_attempts == 0 && m_state != State::Reconnecting ? State::Connecting : State::Reconnecting, m_reason);
    const QByteArray uri = m_host.uri.toUtf8();
    task::whenFinished(
        QtConcurrent::run(hostCallPool(),
            [uri]() -> Opened {
                ensureLibvirtEventLoop();
                virConnectPtr conn = virConnectOpen(uri.constData());
                return {std::make_shared<OpenedConnection>(conn), conn ? QString() : LibvirtConnection::lastError()};
            }),
        this, [this, generation](const Opened &opened) {
            if (virConnectPtr conn = opened.connection->take())
                connected(conn, generation);
            else
                connectFailed(opened.error, generation);
        });
}

void HostConnection::connected(virConnectPtr conn, int generation)
{
    if (generation != m_generation || !m_running) {
        (void)QtConcurrent::run(hostCallPool(), [conn] { virConnectClose(conn); });
        return;
    }
    m_conn = conn;
    if (virConnectSetKeepAlive(conn, m_keepAliveInterval, m_keepAliveCount) < 0)
        qCWarning(lcHostConnection) << m_host.name << "no keepalive:" << LibvirtConnection::lastError();

    auto closed = [](virConnectPtr, int reason, void *opaque) {
        auto bridge = std::static_pointer_cast<Bridge>(*static_cast<BridgeRef *>(opaque));
        const QString why = closeReasonText(reason);
        bridge->post([bridge, why] {
            if (bridge->owner)
                bridge->owner->lost(why);
        });
    };
    virConnectRegisterCloseCallback(conn, closed, new BridgeRef(m_bridge), freeBridge);

    auto lifecycle = [](virConnectPtr, virDomainPtr dom, int event, int, void *opaque) -> int {
        char uuid[VIR_UUID_STRING_BUFLEN] = {};
        virDomainGetUUIDString(dom, uuid);
        auto bridge = std::static_pointer_cast<Bridge>(*static_cast<BridgeRef *>(opaque));
        const auto [name, state] = lifecycleText(event);
        const QString id = QString::fromLatin1(uuid).toLower();
        bridge->post([bridge, id, state, name] {
            if (bridge->owner)
                Q_EMIT bridge->owner->domainEvent(id, state, name);
        });
        return 0;
    };
    using Lifecycle = int (*)(virConnectPtr, virDomainPtr, int, int, void *);
    m_callbackId = virConnectDomainEventRegisterAny(conn, nullptr, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
        VIR_DOMAIN_EVENT_CALLBACK(static_cast<Lifecycle>(lifecycle)), new BridgeRef(m_bridge), freeBridge);
    if (m_callbackId < 0)
        qCWarning(lcHostConnection) << m_host.name << "no domain events:" << LibvirtConnection::lastError();
    m_attempts = 0;
    m_retry.stop();
    setState(State::Connected, {});
}

void HostConnection::connectFailed(const QString &reason, int generation)
{
    if (generation != m_generation || !m_running)
        return;
    setState(State::Reconnecting, u"Cannot connect to %1 (%2): %3"_s.arg(m_host.name, m_host.uri, reason));
    scheduleRetry();
}

void HostConnection::lost(const QString &reason)
{
    if (m_state != State::Connected)
        return;
    closeConnection();
    setState(State::Reconnecting, u"Lost the connection to %1: %2"_s.arg(m_host.name, reason));
    scheduleRetry();
}

void HostConnection::scheduleRetry()
{
    if (!m_running)
        return;
    const int delay = std::min<qint64>(qint64(1000) << std::min(m_attempts, 16), m_maxBackoffMs);
    ++m_attempts;
    m_retry.start(delay);
    Q_EMIT retryScheduled(m_attempts, int(delay));
}

void HostConnection::closeConnection()
{
    virConnectPtr conn = std::exchange(m_conn, nullptr);
    if (!conn)
        return;
    const int callbackId = std::exchange(m_callbackId, -1);
    // Unregistering and closing may wait on the network: never on this (possibly the UI) thread.
    (void)QtConcurrent::run(hostCallPool(), [conn, callbackId] {
        if (callbackId >= 0)
            virConnectDomainEventDeregisterAny(conn, callbackId);
        virConnectClose(conn);
    });
}

} // namespace cowherd::host
