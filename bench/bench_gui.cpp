// The GUI under load (issues 9 and 18): time from start to the first painted window with 12
// hosts configured (2 of them unreachable), and the longest stall of the UI thread while a big
// host (10,000 or 50,000 overlays) is scanned and a base file is hashed in the background; then
// how long after the big host's scan was delivered its first complete frame came, the RSS
// holding it, and the longest stall while it is rescanned every RESCAN seconds.
// Targets: first paint < 1 s, whatever the unreachable hosts do; no stall over 50 ms; with
// 50,000 instances: first complete frame <= 1 s after the scan, RSS <= 400 MB, no stall over
// 50 ms during a rescan.
//   bench_gui LAB_WITH_MANY_OVERLAYS [SECONDS] [RESCAN]
#include "common/backgroundpool.h"
#include "hosts/hostsfeature.h"
#include "tables/scanscheduler.h"
#include "tasks/tasksfeature.h"
#include "window/mainwindow.h"

#include "host/hostregistry.h"
#include "host/localtransport.h"
#include "task/taskmanager.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QPaintEvent>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <csignal>
#include <cstdio>
#include <ctime>

using namespace Qt::StringLiterals;
using namespace cowherd;

namespace {

// Notes when the window starts to paint for the first time, and when that first frame is
// complete: the window paints itself first and its children after it in the same event, so the
// frame is done when control is back in the event loop.
class FirstPaint final : public QObject
{
public:
    explicit FirstPaint(QElapsedTimer &clock)
        : m_clock(clock)
    { }
    qint64 ms = -1;
    qint64 frameDoneMs = -1;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && ms < 0) {
            ms = m_clock.elapsed();
            QTimer::singleShot(0, this, [this] { frameDoneMs = m_clock.elapsed(); });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QElapsedTimer &m_clock;
};

// The first paint anywhere in the application after a moment, and when that frame is complete.
class NextFrame final : public QObject
{
public:
    explicit NextFrame(QElapsedTimer &clock)
        : m_clock(clock)
    { }
    void arm() { m_armed = true; }
    qint64 doneMs = -1;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (m_armed && event->type() == QEvent::Paint) {
            m_armed = false;
            QTimer::singleShot(0, this, [this] { doneMs = m_clock.elapsed(); });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QElapsedTimer &m_clock;
    bool m_armed = false;
};

// VmRSS or VmHWM of this process, in MB.
double memoryMb(const char *field)
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(qstrlen(field) + 1).trimmed().split(' ').first().toDouble() / 1024;
    return -1;
}

// CPU time of the calling thread: on a shared machine, what an event costs, where its wall
// time also counts the waits for a core.
qint64 threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

// Times every event delivered on the UI thread and keeps the slow ones, so a stall can be
// traced to its receiver and event type (BENCH_GUI_TRACE=1 prints them).
class TracingApplication final : public QApplication
{
public:
    using QApplication::QApplication;
    QElapsedTimer *clock = nullptr;
    struct Slow
    {
        qint64 at;
        qint64 ms;
        qint64 cpuMs;
        QByteArray what;
    };
    QList<Slow> slow;
    int depth = 0;

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (!clock || thread() != QThread::currentThread())
            return QApplication::notify(receiver, event);
        QElapsedTimer t;
        t.start();
        const qint64 cpu = threadCpuMs();
        const int type = event->type();
        const QByteArray who = QByteArray(receiver->metaObject()->className()) + ' ' + receiver->objectName().toUtf8();
        ++depth;
        const bool handled = QApplication::notify(receiver, event);
        --depth;
        const qint64 ms = t.elapsed();
        if (ms >= 15)
            slow.append({clock->elapsed(), ms, threadCpuMs() - cpu,
                who + " event " + QByteArray::number(type) + " depth " + QByteArray::number(depth)});
        return handled;
    }
};

} // namespace

int main(int argc, char *argv[])
{
    ui::limitMallocArenas(); // as the GUI does (app/gui/main.cpp), before any thread starts
    QElapsedTimer clock;
    clock.start();
    // As the GUI does (app/gui/main.cpp): a write to an ssh whose host went away is an error to
    // report, not a SIGPIPE that ends the benchmark before it prints.
    std::signal(SIGPIPE, SIG_IGN);
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    TracingApplication app(argc, argv);
    const bool trace = qEnvironmentVariableIsSet("BENCH_GUI_TRACE");
    if (trace)
        app.clock = &clock;
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_gui LAB_WITH_MANY_OVERLAYS [SECONDS]\n");
        return 2;
    }
    const QString bigLab = QString::fromLocal8Bit(argv[1]);
    const int seconds = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 10;
    const int rescanSeconds = argc > 3 ? QString::fromLocal8Bit(argv[3]).toInt() : 3;

    QTemporaryDir dir;
    const QString config = dir.path() + u"/cowherd.conf"_s;
    host::HostRegistry registry(config);
    registry.add({u"big"_s, u"test:///default"_s, bigLab});
    for (int i = 0; i < 9; ++i) {
        const QString path = dir.path() + u"/lab%1"_s.arg(i);
        QDir().mkpath(path + u"/_base"_s);
        registry.add({u"lab%1"_s.arg(i), u"test:///default"_s, path});
    }
    // Unreachable: a name that does not resolve, and a port nobody listens on.
    registry.add({u"gone"_s, u"qemu+ssh://root@cowherd-unreachable.invalid/system"_s, u"/var/lib/nova/instances"_s});
    registry.add({u"closed"_s, u"qemu+ssh://root@127.0.0.1:1/system"_s, u"/var/lib/nova/instances"_s});

    const qint64 beforeWindow = clock.elapsed();
    ui::MainWindow window(config);
    task::TaskManager *tasks = window.findChild<ui::TasksFeature *>()->manager();
    FirstPaint firstPaint(clock);
    window.installEventFilter(&firstPaint);
    NextFrame bigFrame(clock);
    app.installEventFilter(&bigFrame);
    window.show();
    ui::ScanScheduler *scheduler = window.findChild<ui::HostsFeature *>()->scheduler();

    // The UI-thread probe: a 5 ms timer; any gap much longer than that is a stall.
    qint64 worstGap = 0;
    qint64 worstAt = 0;
    qint64 startupGap = 0;
    qint64 last = clock.elapsed();
    qint64 rescanGap = 0; // after the big host's first complete frame: during its rescans
    qint64 rescanGapAt = 0;
    QTimer probe;
    probe.setInterval(5);
    QObject::connect(&probe, &QTimer::timeout, &app, [&] {
        const qint64 now = clock.elapsed();
        const qint64 gap = now - last - 5;
        // Until the first frame is complete, gaps belong to start-up, reported on their own
        // (the first frame's own painting is part of start-up, not of the scan).
        if (firstPaint.frameDoneMs < 0 || last < firstPaint.frameDoneMs)
            startupGap = std::max(startupGap, gap);
        else if (gap > worstGap)
            worstGap = gap, worstAt = now;
        if (bigFrame.doneMs >= 0 && last >= bigFrame.doneMs && gap > rescanGap)
            rescanGap = gap, rescanGapAt = now;
        last = now;
    });
    probe.start();

    // A verify-like load on the pool: hash the biggest file of the big lab repeatedly.
    QObject::connect(&window, &ui::MainWindow::hostsLoaded, &app, [&] {
        tasks->submit(u"Hash"_s, u"big"_s, [bigLab](task::TaskContext &c) -> Status {
            host::LocalTransport t;
            const QStringList files = QDir(bigLab + u"/_base"_s).entryList(QDir::Files, QDir::Size);
            while (!c.isCancelled() && !files.isEmpty())
                if (auto h = t.sha256(bigLab + u"/_base/"_s + files.first(), c.cancelFlag()); !h)
                    break;
            return {};
        });
        window.findChild<QAction *>(u"refreshAction"_s)->trigger();
    });
    qint64 bigScanShown = -1;
    QTimer rescan;
    rescan.setSingleShot(true);
    rescan.setInterval(rescanSeconds * 1000);
    QObject::connect(&rescan, &QTimer::timeout, &app, [&] { scheduler->scan(u"big"_s); });
    qint64 rescanTook = 0;
    qint64 bigScanDelivered = -1;
    qint64 bigScanTook = -1;
    int bigInstances = 0;
    int rescans = 0;
    QObject::connect(scheduler, &ui::ScanScheduler::snapshotReady, &app,
        [&](const QString &host, const cache::CacheSnapshot &snapshot, qint64 elapsedMs) {
            if (host != u"big")
                return;
            if (bigScanDelivered < 0) {
                bigScanDelivered = clock.elapsed();
                bigScanTook = elapsedMs;
                bigInstances = int(snapshot.instances.size());
            } else {
                ++rescans;
                rescanTook = std::max(rescanTook, elapsedMs);
            }
            // The next rescan RESCAN seconds after this one was delivered: asking while one runs
            // would make it stale (Refresh means "from now on") and none would ever arrive.
            if (bigScanShown >= 0 && rescanSeconds > 0)
                rescan.start();
        });
    double rssShown = -1;
    double peakShown = -1; // the peak until then: the first scans, before any rescan
    QObject::connect(&window, &ui::MainWindow::snapshotShown, &app, [&](const QString &host) {
        if (host == u"big" && bigScanShown < 0) {
            bigScanShown = clock.elapsed();
            rssShown = memoryMb("VmRSS:");
            peakShown = memoryMb("VmHWM:");
            bigFrame.arm();
            window.update(); // the frame with the rows: paint now, whatever else is pending
            if (rescanSeconds > 0)
                rescan.start();
        }
    });

    QTimer::singleShot(seconds * 1000, &app, [&] {
        tasks->shutdown();
        QApplication::quit();
    });
    app.exec();
    std::printf("first paint:            %5lld ms after start (%lld ms in QApplication and config); "
                "first frame complete at %lld ms\n",
        firstPaint.ms, beforeWindow, firstPaint.frameDoneMs);
    std::printf("big host (%d instances): scanned in %lld ms, delivered at %lld ms, shown at %lld ms, "
                "first complete frame at %lld ms: %lld ms after the scan was delivered\n",
        bigInstances, bigScanTook, bigScanDelivered, bigScanShown, bigFrame.doneMs,
        bigFrame.doneMs >= 0 && bigScanDelivered >= 0 ? bigFrame.doneMs - bigScanDelivered : -1);
    std::printf("RSS with the big host shown: %.0f MB (peak until then %.0f MB); peak RSS %.0f MB\n", rssShown,
        peakShown, memoryMb("VmHWM:"));
    std::printf("longest UI-thread stall: %5lld ms (at %lld ms) over %d s with a scan and a hash running\n", worstGap,
        worstAt, seconds);
    std::printf("longest UI-thread stall after the big host's first frame: %lld ms (at %lld ms), "
                "%d rescan(s) delivered (the longest took %lld ms), each asked %d s after the one before\n",
        rescanGap, rescanGapAt, rescans, rescanTook, rescanSeconds);
    std::printf("longest gap during start-up (until the first frame is complete): %lld ms\n", startupGap);
    if (trace)
        for (const auto &s : app.slow)
            std::printf(
                "slow event at %lld ms: %lld ms (%lld ms of CPU) %s\n", s.at, s.ms, s.cpuMs, s.what.constData());
    return 0;
}
