#include "instance/consolelog.h"

#include "host/hostcallpool.h"
#include "host/transport.h"
#include "task/whenfinished.h"

#include <QFile>
#include <QTimer>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace cowherd::instance {

namespace {

// $1 path, $2 offset (negative: the tail), $3 tail bytes. Prints "missing" or the size and
// the start offset on a line each, then the bytes from start to that size.
const QString remoteReadScript = uR"(f=$1 off=$2 tail=$3
if [ ! -e "$f" ]; then echo missing; exit 0; fi
size=$(stat -L -c %s -- "$f") || exit 1
start=$off
if [ "$start" -lt 0 ] || [ "$start" -gt "$size" ] || [ $((size - start)) -gt "$tail" ]; then
  start=$((size - tail)); [ "$start" -lt 0 ] && start=0
fi
echo "$size"; echo "$start"
[ "$size" -gt "$start" ] && tail -c +$((start + 1)) -- "$f" | head -c $((size - start))
exit 0)"_s;

qint64 startFor(qint64 offset, qint64 size, qint64 tailBytes, bool &restarted)
{
    restarted = offset < 0 || offset > size || size - offset > tailBytes;
    return restarted ? std::max<qint64>(0, size - tailBytes) : offset;
}

Result<ConsoleChunk> readLocal(const QString &path, qint64 offset, qint64 tailBytes)
{
    ConsoleChunk chunk;
    QFile file(path);
    if (!file.exists()) {
        chunk.missing = true;
        chunk.restarted = offset != -1;
        return chunk;
    }
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::Kind::Permission,
            u"Cannot read the console log %1 on this machine: %2"_s.arg(path, file.errorString()));
    const qint64 size = file.size();
    chunk.start = startFor(offset, size, tailBytes, chunk.restarted);
    file.seek(chunk.start);
    chunk.data = file.read(size - chunk.start);
    chunk.end = chunk.start + chunk.data.size();
    return chunk;
}

Result<ConsoleChunk> readRemote(host::Transport &transport, const QString &path, qint64 offset, qint64 tailBytes)
{
    auto ran = transport.run(
        {u"sh"_s, u"-c"_s, remoteReadScript, u"sh"_s, path, QString::number(offset), QString::number(tailBytes)},
        {.timeoutMs = 60'000});
    if (!ran)
        return std::unexpected(ran.error());
    const QByteArray &out = ran->standardOutput;
    if (!ran->succeeded())
        return fail(u"Cannot read the console log %1 on %2: %3"_s.arg(
            path, transport.displayName(), QString::fromUtf8(ran->standardError).trimmed()));
    ConsoleChunk chunk;
    if (out.startsWith("missing\n")) {
        chunk.missing = true;
        chunk.restarted = offset != -1;
        return chunk;
    }
    const qsizetype first = out.indexOf('\n');
    const qsizetype second = first < 0 ? -1 : out.indexOf('\n', first + 1);
    bool sizeOk = false;
    bool startOk = false;
    const qint64 size = second < 0 ? 0 : out.left(first).toLongLong(&sizeOk);
    chunk.start = second < 0 ? 0 : out.mid(first + 1, second - first - 1).toLongLong(&startOk);
    if (!sizeOk || !startOk || chunk.start > size)
        return fail(Error::Kind::Failure,
            u"Cannot read the console log %1 on %2: unexpected answer from the host."_s.arg(
                path, transport.displayName()));
    chunk.restarted = chunk.start != offset;
    chunk.data = out.mid(second + 1);
    chunk.end = chunk.start + chunk.data.size();
    return chunk;
}

} // namespace

Result<ConsoleChunk> readConsoleLog(host::Transport &transport, const QString &path, qint64 offset, qint64 tailBytes)
{
    tailBytes = std::max<qint64>(1, tailBytes);
    return transport.isLocal() ? readLocal(path, offset, tailBytes) : readRemote(transport, path, offset, tailBytes);
}

QByteArray lastLines(const QByteArray &text, int lines)
{
    if (lines <= 0)
        return {};
    qsizetype pos = text.size();
    if (text.endsWith('\n'))
        --pos;
    while (pos > 0) {
        const qsizetype nl = text.lastIndexOf('\n', pos - 1);
        if (nl < 0)
            return text;
        if (--lines == 0)
            return text.mid(nl + 1);
        pos = nl;
    }
    return text;
}

QString consoleLogPath(const QString &instanceDirectory)
{
    return instanceDirectory + u"/console.log"_s;
}

ConsoleFollower::ConsoleFollower(QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(DefaultIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &ConsoleFollower::readNow);
}

ConsoleFollower::~ConsoleFollower() = default;

void ConsoleFollower::follow(std::shared_ptr<host::Transport> transport, const QString &path, qint64 tailBytes)
{
    stop();
    if (!transport || path.isEmpty())
        return;
    m_transport = std::move(transport);
    m_path = path;
    m_tailBytes = tailBytes;
    m_offset = -1;
    m_timer->start();
    readNow();
}

void ConsoleFollower::stop()
{
    ++m_generation;
    m_timer->stop();
    m_transport.reset();
    m_path.clear();
    m_reading = false;
    m_readAgain = false;
}

void ConsoleFollower::setInterval(int ms)
{
    m_timer->setInterval(ms);
}

void ConsoleFollower::readNow()
{
    if (m_path.isEmpty())
        return;
    if (m_reading) {
        m_readAgain = true;
        return;
    }
    m_reading = true;
    const quint64 generation = m_generation;
    auto read = [transport = m_transport, path = m_path, offset = m_offset, tail = m_tailBytes] {
        return readConsoleLog(*transport, path, offset, tail);
    };
    task::whenFinished(QtConcurrent::run(host::hostCallPool(), std::move(read)), this,
        [this, generation](const Result<ConsoleChunk> &chunk) {
            if (generation != m_generation)
                return;
            m_reading = false;
            if (!chunk) {
                Q_EMIT failed(chunk.error().message);
            } else {
                if (!chunk->data.isEmpty() || chunk->restarted)
                    Q_EMIT received(chunk->data, chunk->restarted);
                m_offset = chunk->missing ? 0 : chunk->end;
            }
            if (std::exchange(m_readAgain, false))
                readNow();
        });
}

} // namespace cowherd::instance
