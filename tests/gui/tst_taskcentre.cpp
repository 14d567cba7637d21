// The task centre: the model follows the TaskManager row by row, the dock's actions, the status
// summary, the failure notification, and cancelling a running launch.
#include "instances/instancetasks.h"
#include "tasks/taskdock.h"
#include "tasks/taskmodel.h"
#include "tasks/tasknotifier.h"
#include "testlab.h"

#include "task/taskmanager.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDir>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

#include <future>

using namespace cowherd;
using task::TaskState;

namespace {

constexpr int TaskTimeoutMs = 30000;

// Work that reports progress and then waits until the test lets it go: no sleeps, the test
// decides when the task ends.
struct Gate
{
    std::promise<bool> release; // true: succeed, false: fail
    std::shared_future<bool> opened = release.get_future().share();
};

task::TaskWork gatedWork(const std::shared_ptr<Gate> &gate)
{
    return [gate](task::TaskContext &context) -> Status {
        context.setStage(QStringLiteral("downloading"));
        context.setProgress(512, 1024, true);
        context.log(QStringLiteral("half way"));
        if (!gate->opened.get())
            return fail(QStringLiteral("the gate said no"));
        return {};
    };
}

TaskState stateOf(const task::TaskManager &manager, quint64 id)
{
    return manager.task(id).value_or(task::TaskInfo{}).state;
}

} // namespace

class TestTaskCentre : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void modelFollowsManagerByRow()
    {
        task::TaskManager manager;
        ui::TaskModel model(&manager);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy finished(&manager, &task::TaskManager::taskFinished);

        auto ok = std::make_shared<Gate>();
        auto bad = std::make_shared<Gate>();
        const quint64 a = manager.submit(QStringLiteral("Fetch alpha"), QStringLiteral("lab1"), gatedWork(ok));
        const quint64 b = manager.submit(QStringLiteral("Fetch beta"), QStringLiteral("lab2"), gatedWork(bad));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(model.index(0, ui::TaskModel::Title).data().toString(), QStringLiteral("Fetch alpha"));
        QCOMPARE(model.index(1, ui::TaskModel::Host).data().toString(), QStringLiteral("lab2"));

        // Progress arrives coalesced, as dataChanged of the task's row.
        QTRY_COMPARE_WITH_TIMEOUT(model.index(0, 0).data(ui::TaskModel::PercentRole).toInt(), 50, TaskTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(model.index(1, 0).data(ui::TaskModel::PercentRole).toInt(), 50, TaskTimeoutMs);
        QVERIFY(changed.count() > 0);
        QCOMPARE(model.index(0, ui::TaskModel::State).data().toString(), QStringLiteral("downloading"));
        QVERIFY(model.index(0, ui::TaskModel::Progress).data().toString().contains(QStringLiteral("512")));
        QVERIFY(model.index(0, 0).data(ui::TaskModel::LogRole).toString().contains(QStringLiteral("half way")));

        ok->release.set_value(true);
        bad->release.set_value(false);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, TaskTimeoutMs);
        QTRY_COMPARE(model.index(0, 0).data(ui::TaskModel::StateRole).toInt(), int(TaskState::Succeeded));
        QTRY_COMPARE(model.index(1, 0).data(ui::TaskModel::StateRole).toInt(), int(TaskState::Failed));
        QCOMPARE(model.index(0, 0).data(ui::TaskModel::PercentRole).toInt(), 100);
        QCOMPARE(model.index(1, 0).data(ui::TaskModel::ErrorRole).toString(), QStringLiteral("the gate said no"));
        QCOMPARE(model.index(1, ui::TaskModel::State).data().toString(), QStringLiteral("Failed"));

        // Finished tasks stay until cleared; clearing removes rows, never resets.
        QCOMPARE(model.rowCount(), 2);
        manager.clearFinished();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(resets.count(), 0);
        QVERIFY(!model.indexOf(a).isValid() && !model.indexOf(b).isValid());
    }

    void dockActionsSummaryAndNotification()
    {
        task::TaskManager manager;
        manager.setMaxRunning(1); // the second task waits in the queue
        ui::TaskDock dock(&manager);
        ui::TaskNotifier notifier(&manager);
        QAbstractItemModelTester tester(dock.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy finished(&manager, &task::TaskManager::taskFinished);
        QVERIFY(dock.summary().isEmpty());

        auto first = std::make_shared<Gate>();
        auto second = std::make_shared<Gate>();
        const quint64 a = manager.submit(QStringLiteral("Launch web-1"), QStringLiteral("lab1"), gatedWork(first));
        const quint64 b = manager.submit(QStringLiteral("Launch web-2"), QStringLiteral("lab1"), gatedWork(second));
        QTRY_COMPARE(dock.summary(), QStringLiteral("1 running, 1 queued"));

        // Cancel on a queued task: cancelled at once, and Retry becomes possible.
        dock.selectTask(b);
        QVERIFY(dock.cancelAction()->isEnabled());
        QVERIFY(!dock.retryAction()->isEnabled());
        dock.cancelAction()->trigger();
        QCOMPARE(task::toString(stateOf(manager, b)), task::toString(TaskState::Cancelled));
        QTRY_VERIFY(dock.retryAction()->isEnabled());
        QVERIFY(!dock.cancelAction()->isEnabled());

        // The first one fails: the notification appears and stays.
        QVERIFY(notifier.isHidden());
        first->release.set_value(false);
        QTRY_COMPARE_WITH_TIMEOUT(
            task::toString(stateOf(manager, a)), task::toString(TaskState::Failed), TaskTimeoutMs);
        QVERIFY(!notifier.isHidden());
        QVERIFY2(notifier.text().contains(QStringLiteral("Launch web-1 on lab1 failed")), qPrintable(notifier.text()));
        QTRY_COMPARE(dock.summary(), QStringLiteral("1 failed"));

        // The log of the selected task is shown.
        dock.selectTask(a);
        QTRY_VERIFY(dock.logView()->toPlainText().contains(QStringLiteral("the gate said no")));

        // Retry runs the work again as a new task.
        second->release.set_value(true); // the retried work opens the (shared) gate at once
        dock.selectTask(b);
        dock.retryAction()->trigger();
        QCOMPARE(dock.model()->rowCount(), 3);
        const quint64 retried = dock.model()->index(2, 0).data(ui::TaskModel::IdRole).toULongLong();
        QTRY_COMPARE_WITH_TIMEOUT(
            task::toString(stateOf(manager, retried)), task::toString(TaskState::Succeeded), TaskTimeoutMs);

        QVERIFY(!notifier.isHidden()); // still there: only Dismiss hides it
        notifier.dismiss();
        QVERIFY(notifier.isHidden());

        dock.clearAction()->trigger();
        QCOMPARE(dock.model()->rowCount(), 0);
        QVERIFY(dock.summary().isEmpty());
        QVERIFY(finished.count() >= 3);
    }

    void cancelRunningLaunch()
    {
        test::TestLab lab;
        QVERIFY(lab.isValid());
        // A big sparse image: streaming it takes long enough to cancel half way.
        const QString image = lab.instancesPath() + QStringLiteral("/big.img");
        QVERIFY(test::writeFile(image, qint64(4) << 30));

        task::TaskManager manager;
        ui::TaskModel model(&manager);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy finished(&manager, &task::TaskManager::taskFinished);
        ui::LaunchSpec spec;
        spec.sourcePath = image;
        spec.imageId = QStringLiteral("big-image");
        spec.name = QStringLiteral("big-1");
        const host::HostConfig host{QStringLiteral("lab1"), QStringLiteral("test:///default"), lab.instancesPath()};
        const quint64 id
            = manager.submit(QStringLiteral("Launch big-1"), host.name, ui::InstanceTasks::launch(host, spec));

        // A local file is named by its content: the launch hashes all of it before it streams
        // (about 5 s for 4 GiB here, over 30 s under ASan on a loaded machine), hence the long
        // deadline; a deadline is not a sleep, a passing run waits only as long as the work.
        QTRY_VERIFY_WITH_TIMEOUT(
            manager.task(id)->done > 0 && manager.task(id)->stage == u"downloading", 4 * TaskTimeoutMs);
        QVERIFY(manager.task(id)->countsBytes);
        manager.cancel(id);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, TaskTimeoutMs);
        QCOMPARE(task::toString(stateOf(manager, id)), task::toString(TaskState::Cancelled));
        QCOMPARE(model.indexOf(id, ui::TaskModel::State).data().toString(), QStringLiteral("Cancelled"));
        // Neither a partial file nor a base file under a final name (sha1 of the content's id).
        static const QRegularExpression finalName(QStringLiteral("^[0-9a-f]{40}(_\\d+)?$"));
        const QStringList left = QDir(lab.basePath()).entryList(QDir::Files | QDir::Hidden);
        for (const QString &name : left) {
            QVERIFY2(!name.endsWith(QStringLiteral(".part")), qPrintable(name));
            QVERIFY2(!finalName.match(name).hasMatch(), qPrintable(name));
        }
    }
};

QTEST_MAIN(TestTaskCentre)
#include "tst_taskcentre.moc"
