// The GUI under load (issue 9): time from start to the first painted window with 12 hosts
// configured (2 of them unreachable), and the longest stall of the UI thread while a
// 10,000-overlay host is scanned and a base file is hashed in the background.
// Targets: first paint < 1 s, whatever the unreachable hosts do; no stall over 50 ms.
//   bench_gui LAB_WITH_MANY_OVERLAYS [SECONDS]
#include "window/mainwindow.h"
#include "tasks/tasksfeature.h"

#include "host/hostregistry.h"
#include "host/localtransport.h"
#include "task/taskmanager.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QPaintEvent>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <csignal>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace cowherd;

namespace {

// Notes when the window starts to paint for the first time, and when that first frame is
// complete: the window paints itself first and its children after it in the same event, so the
// frame is done when control is back in the event loop.
class FirstPaint final : public QObject
{
public:
    explicit FirstPaint(QElapsedTimer &clock) : m_clock(clock) { }
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

// Times every event delivered on the UI thread and keeps the slow ones, so a stall can be
// traced to its receiver and event type (BENCH_GUI_TRACE=1 prints them).
class TracingApplication final : public QApplication
{
public:
    using QApplication::QApplication;
    QElapsedTimer *clock = nullptr;
    struct Slow { qint64 at; qint64 ms; QByteArray what; };
    QList<Slow> slow;
    int depth = 0;

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (!clock || thread() != QThread::currentThread())
            return QApplication::notify(receiver, event);
        QElapsedTimer t;
        t.start();
        const int type = event->type();
        const QByteArray who = QByteArray(receiver->metaObject()->className()) + ' ' + receiver->objectName().toUtf8();
        ++depth;
        const bool handled = QApplication::notify(receiver, event);
        --depth;
        const qint64 ms = t.elapsed();
        if (ms >= 15)
            slow.append({clock->elapsed(), ms, who
                + " event " + QByteArray::number(type) + " depth " + QByteArray::number(depth)});
        return handled;
    }
};

} // namespace

int main(int argc, char *argv[])
{
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
    window.show();

    // The UI-thread probe: a 5 ms timer; any gap much longer than that is a stall.
    qint64 worstGap = 0;
    qint64 worstAt = 0;
    qint64 startupGap = 0;
    qint64 last = clock.elapsed();
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
    QObject::connect(&window, &ui::MainWindow::snapshotShown, &app, [&](const QString &host) {
        if (host == u"big" && bigScanShown < 0)
            bigScanShown = clock.elapsed();
    });

    QTimer::singleShot(seconds * 1000, &app, [&] {
        tasks->shutdown();
        QApplication::quit();
    });
    app.exec();
    std::printf("first paint:            %5lld ms after start (%lld ms in QApplication and config); "
                "first frame complete at %lld ms\n",
        firstPaint.ms, beforeWindow, firstPaint.frameDoneMs);
    std::printf("10,000-overlay host shown after %lld ms\n", bigScanShown);
    std::printf("longest UI-thread stall: %5lld ms (at %lld ms) over %d s with a scan and a hash running\n",
        worstGap, worstAt, seconds);
    std::printf("longest gap during start-up (until the first frame is complete): %lld ms\n", startupGap);
    if (trace)
        for (const auto &s : app.slow)
            std::printf("slow event at %lld ms: %lld ms %s\n", s.at, s.ms, s.what.constData());
    return 0;
}
