#include "host/domainstats.h"

#include "host/hostcallpool.h"
#include "host/libvirtconnection.h"
#include "task/whenfinished.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QtConcurrent>

#include <libvirt/libvirt.h>

#include <cstring>

using namespace Qt::StringLiterals;

namespace cowherd::host {

namespace {

qint64 nowNs()
{
    static QElapsedTimer clock = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return clock.nsecsElapsed();
}

qint64 numberOf(const virTypedParameter &p)
{
    switch (p.type) {
    case VIR_TYPED_PARAM_INT:
        return p.value.i;
    case VIR_TYPED_PARAM_UINT:
        return p.value.ui;
    case VIR_TYPED_PARAM_LLONG:
        return p.value.l;
    case VIR_TYPED_PARAM_ULLONG:
        return qint64(p.value.ul);
    default:
        return -1;
    }
}

void addTo(qint64 &sum, qint64 value)
{
    if (value < 0)
        return;
    sum = sum < 0 ? value : sum + value;
}

} // namespace

Result<QList<DomainStatsSample>> collectDomainStats(const LibvirtConnection &connection)
{
    virDomainStatsRecordPtr *records = nullptr;
    const unsigned stats
        = VIR_DOMAIN_STATS_CPU_TOTAL | VIR_DOMAIN_STATS_BALLOON | VIR_DOMAIN_STATS_VCPU | VIR_DOMAIN_STATS_BLOCK;
    const int count
        = virConnectGetAllDomainStats(connection.handle(), stats, &records, VIR_CONNECT_GET_ALL_DOMAINS_STATS_ACTIVE);
    if (count < 0)
        return fail(LibvirtConnection::lastErrorKind(),
            u"Cannot read the domain statistics on %1: %2"_s.arg(connection.uri(), LibvirtConnection::lastError()));
    const qint64 taken = nowNs();
    QList<DomainStatsSample> samples;
    samples.reserve(count);
    for (int i = 0; i < count; ++i) {
        const virDomainStatsRecordPtr record = records[i];
        DomainStatsSample sample;
        sample.takenNs = taken;
        char uuid[VIR_UUID_STRING_BUFLEN] = {};
        if (virDomainGetUUIDString(record->dom, uuid) == 0)
            sample.uuid = QString::fromLatin1(uuid);
        if (const char *name = virDomainGetName(record->dom))
            sample.name = QString::fromUtf8(name);
        qint64 rss = -1;
        qint64 current = -1;
        for (int p = 0; p < record->nparams; ++p) {
            const virTypedParameter &param = record->params[p];
            const char *field = param.field;
            if (std::strcmp(field, "cpu.time") == 0) {
                sample.cpuTimeNs = numberOf(param);
            } else if (std::strcmp(field, "vcpu.current") == 0) {
                sample.vcpus = std::max<int>(1, int(numberOf(param)));
            } else if (std::strcmp(field, "balloon.rss") == 0) {
                rss = numberOf(param) * 1024;
            } else if (std::strcmp(field, "balloon.current") == 0) {
                current = numberOf(param) * 1024;
            } else if (std::strncmp(field, "block.", 6) == 0) {
                const char *dot = std::strchr(field + 6, '.');
                if (!dot)
                    continue;
                if (std::strcmp(dot, ".rd.bytes") == 0)
                    addTo(sample.readBytes, numberOf(param));
                else if (std::strcmp(dot, ".wr.bytes") == 0)
                    addTo(sample.writeBytes, numberOf(param));
            }
        }
        sample.memoryBytes = rss > 0 ? rss : current;
        samples.append(sample);
    }
    virDomainStatsRecordListFree(records);
    return samples;
}

QHash<QString, LiveFigures> liveFigures(
    const QList<DomainStatsSample> &previous, const QList<DomainStatsSample> &current)
{
    QHash<QString, const DomainStatsSample *> before;
    for (const DomainStatsSample &s : previous)
        before.insert(s.uuid, &s);
    QHash<QString, LiveFigures> figures;
    for (const DomainStatsSample &now : current) {
        LiveFigures f;
        f.memoryBytes = now.memoryBytes;
        if (const DomainStatsSample *then = before.value(now.uuid)) {
            const double seconds = double(now.takenNs - then->takenNs) / 1e9;
            auto rate = [&](qint64 a, qint64 b) {
                // A restarted domain counts from zero again: no rate for that interval.
                return a < 0 || b < a || seconds <= 0 ? -1.0 : double(b - a) / seconds;
            };
            if (const double cpu = rate(then->cpuTimeNs, now.cpuTimeNs); cpu >= 0)
                f.cpuPercent = std::min(100.0, cpu / 1e9 * 100.0 / std::max(1, now.vcpus));
            f.readBytesPerSecond = rate(then->readBytes, now.readBytes);
            f.writeBytesPerSecond = rate(then->writeBytes, now.writeBytes);
        }
        figures.insert(now.uuid, f);
    }
    return figures;
}

struct DomainStatsPoller::Connection
{
    QString uri;
    std::optional<LibvirtConnection> connection;
};

DomainStatsPoller::DomainStatsPoller(QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(DefaultIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &DomainStatsPoller::pollNow);
}

DomainStatsPoller::~DomainStatsPoller() = default;

void DomainStatsPoller::setUri(const QString &uri)
{
    if (uri == m_uri)
        return;
    m_uri = uri;
    ++m_generation;
    m_polling = false;
    m_connection.reset();
    m_previous.clear();
    m_figures.clear();
    if (m_active)
        pollNow();
}

void DomainStatsPoller::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    if (active) {
        m_timer->start();
        pollNow();
    } else {
        m_timer->stop();
        ++m_generation; // a poll under way reports nothing
        m_polling = false;
    }
}

void DomainStatsPoller::setInterval(int ms)
{
    m_timer->setInterval(ms);
}

void DomainStatsPoller::pollNow()
{
    if (m_uri.isEmpty() || m_polling)
        return;
    if (!m_connection)
        m_connection = std::make_shared<Connection>(Connection{m_uri, std::nullopt});
    m_polling = true;
    const quint64 generation = m_generation;
    auto connection = m_connection;
    auto work = [connection]() -> Result<QList<DomainStatsSample>> {
        if (!connection->connection) {
            auto opened = LibvirtConnection::open(connection->uri);
            if (!opened)
                return std::unexpected(opened.error());
            connection->connection.emplace(std::move(*opened));
        }
        auto samples = collectDomainStats(*connection->connection);
        if (!samples)
            connection->connection.reset(); // open again next time
        return samples;
    };
    task::whenFinished(QtConcurrent::run(hostCallPool(), std::move(work)), this,
        [this, generation](const Result<QList<DomainStatsSample>> &samples) {
            if (generation != m_generation)
                return;
            m_polling = false;
            if (!samples) {
                m_previous.clear();
                m_figures.clear();
                Q_EMIT pollFailed(m_uri, samples.error().message);
                Q_EMIT figuresUpdated(m_uri);
                return;
            }
            m_figures = liveFigures(m_previous, *samples);
            m_previous = *samples;
            Q_EMIT figuresUpdated(m_uri);
        });
}

} // namespace cowherd::host
