#include "task/taskmanager.h"
#include "task/threadpriority.h"

#include <atomic>

#include <sys/resource.h>
#include <unistd.h>

#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cowherd;
using namespace cowherd::task;

class TestTaskManager : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // The GUI's tasks run below the UI thread's priority; the caller's own thread keeps its own.
    void workRunsAtTheWorkerNiceValue()
    {
        const int callerNice = getpriority(PRIO_PROCESS, id_t(gettid()));
        if (callerNice >= 10)
            QSKIP("the test runs at nice 10 or more already");
        TaskManager manager;
        manager.setWorkerNice(10);
        QSignalSpy finished(&manager, &TaskManager::taskFinished);
        std::atomic_int seen = -100, afterRaiseAttempt = -100;
        manager.submit(u"Verify"_s, u"lab1"_s, [&](TaskContext &) -> Status {
            seen = getpriority(PRIO_PROCESS, id_t(gettid()));
            // Asking for a smaller nice value never raises the priority again.
            lowerCurrentThreadPriority(5);
            afterRaiseAttempt = getpriority(PRIO_PROCESS, id_t(gettid()));
            return {};
        });
        QVERIFY(finished.wait(5000));
        QCOMPARE(seen.load(), 10);
        QCOMPARE(afterRaiseAttempt.load(), 10);
        QCOMPARE(getpriority(PRIO_PROCESS, id_t(gettid())), callerNice);
    }

    void succeedsWithProgressAndLog()
    {
        TaskManager manager;
        QSignalSpy finished(&manager, &TaskManager::taskFinished);
        const quint64 id = manager.submit(u"Fetch"_s, u"lab1"_s, [](TaskContext &c) -> Status {
            c.setStage(u"downloading"_s);
            for (int i = 1; i <= 10; ++i)
                c.setProgress(i * 100, 1000);
            c.log(u"all bytes in"_s);
            return {};
        });
        QVERIFY(finished.wait(5000));
        const TaskInfo info = *manager.task(id);
        QCOMPARE(toString(info.state), toString(TaskState::Succeeded));
        QCOMPARE(info.done, 1000);
        QCOMPARE(info.total, 1000);
        QVERIFY(info.log.contains(u"downloading"_s));
        QVERIFY(info.log.contains(u"all bytes in"_s));
        QVERIFY(info.started.isValid() && info.finished >= info.started);
    }

    void failureKeepsTheMessage()
    {
        TaskManager manager;
        QSignalSpy finished(&manager, &TaskManager::taskFinished);
        const quint64 id = manager.submit(
            u"Launch"_s, u"lab1"_s, [](TaskContext &) -> Status { return fail(u"qemu-img on lab1 was stopped"_s); });
        QVERIFY(finished.wait(5000));
        QCOMPARE(toString(manager.task(id)->state), toString(TaskState::Failed));
        QCOMPARE(manager.task(id)->error, u"qemu-img on lab1 was stopped"_s);
    }

    void cancelRunningAndQueued()
    {
        TaskManager manager;
        manager.setMaxRunning(1);
        QSemaphore started;
        QSignalSpy finished(&manager, &TaskManager::taskFinished);
        const quint64 running = manager.submit(u"Long"_s, u"lab1"_s, [&](TaskContext &c) -> Status {
            started.release();
            while (!c.isCancelled())
                QThread::yieldCurrentThread();
            return std::unexpected(Error::cancelled(u"stopped"_s));
        });
        const quint64 queued = manager.submit(u"Next"_s, u"lab1"_s, [](TaskContext &) -> Status { return {}; });
        QVERIFY(started.tryAcquire(1, 5000));
        QCOMPARE(toString(manager.task(queued)->state), toString(TaskState::Queued));
        manager.cancel(queued);
        QCOMPARE(toString(manager.task(queued)->state), toString(TaskState::Cancelled));
        manager.cancel(running);
        QTRY_COMPARE(toString(manager.task(running)->state), toString(TaskState::Cancelled));
        QCOMPARE(finished.size(), 2);
    }

    void perHostLimit()
    {
        TaskManager manager;
        manager.setMaxRunning(4);
        manager.setMaxRunningPerHost(1);
        QSemaphore gate;
        auto blocked = [&](TaskContext &) -> Status {
            gate.acquire();
            return {};
        };
        const quint64 a = manager.submit(u"a"_s, u"lab1"_s, blocked);
        const quint64 b = manager.submit(u"b"_s, u"lab1"_s, blocked);
        const quint64 c = manager.submit(u"c"_s, u"lab2"_s, blocked);
        QCOMPARE(toString(manager.task(a)->state), toString(TaskState::Running));
        QCOMPARE(toString(manager.task(b)->state), toString(TaskState::Queued)); // lab1 is busy
        QCOMPARE(toString(manager.task(c)->state), toString(TaskState::Running)); // lab2 is not held up by lab1
        gate.release(3);
        QTRY_COMPARE(toString(manager.task(b)->state), toString(TaskState::Succeeded));
        QTRY_COMPARE(toString(manager.task(c)->state), toString(TaskState::Succeeded));
    }

    void retryAndClear()
    {
        TaskManager manager;
        std::atomic_int attempts{0};
        QSignalSpy finished(&manager, &TaskManager::taskFinished);
        const quint64 first = manager.submit(u"Flaky"_s, u"lab1"_s,
            [&](TaskContext &) -> Status { return ++attempts == 1 ? fail(u"dropped"_s) : Status{}; });
        QVERIFY(finished.wait(5000));
        const quint64 second = manager.retry(first);
        QVERIFY(second != 0 && second != first);
        QTRY_COMPARE(toString(manager.task(second)->state), toString(TaskState::Succeeded));
        QCOMPARE(manager.retry(second), 0u); // nothing to retry after success
        QSignalSpy removed(&manager, &TaskManager::taskRemoved);
        manager.clearFinished();
        QCOMPARE(removed.size(), 2);
        QVERIFY(manager.tasks().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTaskManager)
#include "tst_taskmanager.moc"
