#include "task/whenfinished.h"

#include <QPromise>
#include <QTest>

#include <memory>

using namespace cowherd::task;

namespace {

// Counts how many of its copies' owners are alive, to see that an untaken result is freed.
struct Owned
{
    explicit Owned(int *alive)
        : alive(alive)
    {
        ++*alive;
    }
    ~Owned() { --*alive; }
    int *alive;
};

} // namespace

class TestWhenFinished : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void deliversTheResultOnTheContextsThread()
    {
        QObject context;
        QPromise<int> promise;
        int got = 0;
        whenFinished(promise.future(), &context, [&got](int value) { got = value; });
        promise.start();
        promise.addResult(42);
        promise.finish();
        QTRY_COMPARE(got, 42);
    }

    // The case Qt 6.4's QFuture::then(context, …) asserts on: the context dies first.
    void contextDestroyedFirstDropsTheCallAndFreesTheResult()
    {
        int alive = 0;
        bool called = false;
        QPromise<std::shared_ptr<Owned>> promise;
        {
            QObject context;
            whenFinished(promise.future(), &context, [&called](const std::shared_ptr<Owned> &) { called = true; });
        }
        promise.start();
        promise.addResult(std::make_shared<Owned>(&alive));
        QCOMPARE(alive, 1);
        promise.finish();
        QCoreApplication::processEvents();
        QVERIFY(!called);
        promise = QPromise<std::shared_ptr<Owned>>(); // the last copy of the result goes
        QCOMPARE(alive, 0);
    }

    void cancelledFutureDoesNotCall()
    {
        QObject context;
        QPromise<int> promise;
        bool called = false, watched = false;
        whenFinished(promise.future(), &context, [&called](int) { called = true; });
        // A second watcher tells when the first one has seen the end.
        whenFinished(QFuture<void>(promise.future()), &context, [&watched] { watched = true; });
        promise.start();
        promise.future().cancel();
        promise.finish();
        QTRY_COMPARE(context.findChildren<QFutureWatcherBase *>().size(), 0);
        QVERIFY(!called);
        QVERIFY(!watched);
    }
};

QTEST_GUILESS_MAIN(TestWhenFinished)
#include "tst_whenfinished.moc"
