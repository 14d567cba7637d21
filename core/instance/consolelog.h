#pragma once

#include "error.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <memory>

class QTimer;

namespace cowherd::host {
class Transport;
}

namespace cowherd::instance {

// What one read of a serial console log returned.
struct ConsoleChunk
{
    QByteArray data;
    qint64 start = 0; // the offset of data in the file
    qint64 end = 0; // the offset after data: where the next read starts
    bool restarted = false; // not a continuation of the last read (first read, truncated, too far behind)
    bool missing = false; // there is no such file (yet): libvirt creates it when the domain starts
};

// Reads a console log through the host's transport: from offset to the end, or, when offset
// is negative, beyond the file's end (it was truncated or replaced) or more than tailBytes
// behind, its last tailBytes with restarted set. Locally a plain read; over SSH one round trip
// (stat, then tail -c +N bounded by head -c). Blocking: off the UI thread.
Result<ConsoleChunk> readConsoleLog(
    host::Transport &transport, const QString &path, qint64 offset, qint64 tailBytes = 256 * 1024);

// The last `lines` lines of text (all of it when it has fewer).
QByteArray lastLines(const QByteArray &text, int lines);

// <instance directory>/console.log, where the domain XML has libvirt write the serial console.
QString consoleLogPath(const QString &instanceDirectory);

// Follows one console log like tail -f, through a transport, on host::hostCallPool(): reads at
// once and then every interval until stop() or destruction; one read at a time, and a read that
// ends after stop() or a new follow() reports nothing.
class ConsoleFollower final : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultIntervalMs = 1000;

    explicit ConsoleFollower(QObject *parent = nullptr);
    ~ConsoleFollower() override;

    // transport may be shared with other work of the same host; an empty path stops.
    void follow(std::shared_ptr<host::Transport> transport, const QString &path, qint64 tailBytes = 256 * 1024);
    void stop();
    bool isFollowing() const { return !m_path.isEmpty(); }
    QString path() const { return m_path; }
    void setInterval(int ms);
    // Reads now (also when the caller knows the file changed, e.g. from a file watcher).
    void readNow();

Q_SIGNALS:
    // New bytes; restarted: they replace everything received before.
    void received(const QByteArray &data, bool restarted);
    // A read failed (the message names the file and the host); following goes on.
    void failed(const QString &message);

private:
    QTimer *m_timer;
    std::shared_ptr<host::Transport> m_transport;
    QString m_path;
    qint64 m_tailBytes = 0;
    qint64 m_offset = -1;
    quint64 m_generation = 0;
    bool m_reading = false;
    bool m_readAgain = false;
};

} // namespace cowherd::instance
