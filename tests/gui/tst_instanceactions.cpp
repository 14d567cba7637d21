// Pause and resume beside the other instance actions (enabled by state, run as tasks on
// test:///default), the graphical console's hint when virt-viewer is missing, and the live
// figures: polled only while the instances table is shown, shown as the model's columns.
#include "instances/instanceactions.h"
#include "instances/instancefigures.h"
#include "tables/instancemodel.h"
#include "task/taskmanager.h"

#include <QAction>
#include <QFile>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>

using namespace Qt::StringLiterals;
using namespace cowherd;

namespace {

constexpr int TaskTimeoutMs = 20'000;
const QString testUuid = u"6695eb01-f6a4-8304-79aa-97f2502e193f"_s; // test:///default's "test"

cache::Instance instance(const QString &state)
{
    return {testUuid, u"test"_s, state, u"/var/lib/cowherd/instances/"_s + testUuid, {}, {}};
}

} // namespace

class TestInstanceActions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pauseAndResumeFollowTheState()
    {
        task::TaskManager tasks;
        QWidget window;
        ui::InstanceActions actions(&tasks, &window);
        const host::HostConfig host{u"test"_s, u"test:///default"_s, u"/var/lib/cowherd/instances"_s};
        QVERIFY(actions.actions().contains(actions.pauseAction()));
        QVERIFY(actions.actions().contains(actions.resumeAction()));
        QVERIFY(!actions.pauseAction()->shortcut().isEmpty());
        QVERIFY(!actions.resumeAction()->shortcut().isEmpty());

        auto running = instance(u"running"_s);
        actions.setTarget(host, &running);
        QVERIFY(actions.pauseAction()->isEnabled());
        QVERIFY(!actions.resumeAction()->isEnabled());
        QVERIFY(!actions.startAction()->isEnabled());
        auto paused = instance(u"paused"_s);
        actions.setTarget(host, &paused);
        QVERIFY(!actions.pauseAction()->isEnabled());
        QVERIFY(actions.resumeAction()->isEnabled());
        QVERIFY(actions.shutdownAction()->isEnabled());
        QVERIFY(!actions.startAction()->isEnabled());
        auto off = instance(u"shutoff"_s);
        actions.setTarget(host, &off);
        QVERIFY(!actions.pauseAction()->isEnabled());
        QVERIFY(!actions.resumeAction()->isEnabled());

        // The same task as the other actions: on test:///default "test" runs, so it pauses.
        actions.setTarget(host, &running);
        QSignalSpy submitted(&actions, &ui::InstanceActions::taskSubmitted);
        actions.pauseAction()->trigger();
        QCOMPARE(submitted.size(), 1);
        const quint64 id = submitted.first().first().toULongLong();
        QTRY_VERIFY_WITH_TIMEOUT(task::isFinished(tasks.task(id)->state), TaskTimeoutMs);
        QVERIFY(tasks.task(id)->state == task::TaskState::Succeeded);
        QVERIFY2(
            tasks.task(id)->log.join(u'\n').contains(u"is now paused"), qPrintable(tasks.task(id)->log.join(u'\n')));
        QCOMPARE(tasks.task(id)->title, u"Pause test"_s);
    }

    void graphicalConsoleSaysHowToInstallTheViewer()
    {
        // PATH without virt-viewer, then with a (fake) one.
        QTemporaryDir bin;
        const QByteArray path = qgetenv("PATH");
        qputenv("PATH", QFile::encodeName(bin.path()));
        auto restore = qScopeGuard([&] { qputenv("PATH", path); });
        task::TaskManager tasks;
        QWidget window;
        auto missing = std::make_unique<ui::InstanceActions>(&tasks, &window);
        QString said;
        missing->setShowMessage([&](const QString &text) { said = text; });
        auto running = instance(u"running"_s);
        const host::HostConfig host{u"test"_s, u"test:///default"_s, u"/var/lib/cowherd/instances"_s};
        missing->setTarget(host, &running);
        QTRY_VERIFY(missing->consoleAction()->toolTip().contains(u"apt install virt-viewer"));
        QVERIFY(missing->consoleAction()->isEnabled());
        missing->consoleAction()->trigger();
        QVERIFY2(said.contains(u"apt install virt-viewer"), qPrintable(said));
        QVERIFY(missing->viewerCommand().first.isEmpty());

        QFile viewer(bin.filePath(u"virt-viewer"_s));
        QVERIFY(viewer.open(QIODevice::WriteOnly));
        viewer.write("#!/bin/sh\nexit 0\n");
        viewer.close();
        viewer.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        ui::InstanceActions found(&tasks, &window);
        found.setTarget(host, &running);
        QTRY_VERIFY(!found.viewerCommand().first.isEmpty());
        QCOMPARE(found.viewerCommand().first, viewer.fileName());
        QCOMPARE(
            found.viewerCommand().second, (QStringList{u"--connect"_s, u"test:///default"_s, u"--wait"_s, u"test"_s}));
    }

    void figuresArePolledOnlyWhileShown()
    {
        ui::InstanceModel model;
        QWidget table;
        ui::FiguresPlot plot;
        ui::InstanceFigures figures(&model, &table, &plot);
        host::DomainStatsPoller *poller = figures.poller();
        poller->setInterval(50);
        figures.setHostUri(u"test:///default"_s);
        QVERIFY(!poller->isActive()); // the table is hidden
        QSignalSpy updated(poller, &host::DomainStatsPoller::figuresUpdated);
        table.show();
        QVERIFY(poller->isActive());
        QTRY_VERIFY(updated.size() >= 2);
        // The test driver runs one domain; it reports no counters, so its figures are unknown.
        QVERIFY(poller->figures().contains(testUuid));
        QCOMPARE(poller->figures().value(testUuid).cpuPercent, -1.0);
        table.hide();
        QVERIFY(!poller->isActive());
        const qsizetype polls = updated.size();
        QVERIFY(!QTest::qWaitFor([&] { return updated.size() > polls; }, 300));

        QCOMPARE(model.columnCount(), int(ui::InstanceModel::ColumnCount));
        QCOMPARE(model.headerData(ui::InstanceModel::Cpu, Qt::Horizontal).toString(), u"CPU"_s);
        QCOMPARE(model.headerData(ui::InstanceModel::DiskWrite, Qt::Horizontal).toString(), u"Disk write"_s);
        plot.add(testUuid, {12.5, 64 << 20, 0, 1024});
        plot.add(testUuid, {50.0, 64 << 20, 0, 2048});
        QCOMPARE(plot.sampleCount(), 2);
        QVERIFY2(plot.summary().contains(u"50.0 %"), qPrintable(plot.summary()));
        plot.add(u"other"_s, {1.0, 1, 1, 1});
        QCOMPARE(plot.sampleCount(), 1);
    }
};

QTEST_MAIN(TestInstanceActions)
#include "tst_instanceactions.moc"
