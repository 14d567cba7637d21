// The demo lab: filled on first run with two proper base files, and reset.
#include "hosts/demolab.h"
#include "tasks/tasksfeature.h"
#include "testlab.h"
#include "window/mainwindow.h"
#include "windowpart.h"

#include "cache/basemetadata.h"
#include "cache/scanner.h"
#include "host/hostregistry.h"
#include "host/localtransport.h"
#include "task/taskmanager.h"

#include <QAction>
#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cowherd;
using task::TaskState;

namespace {

constexpr int TaskTimeoutMs = 60000;

} // namespace

class TestDemoLab : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        // A fresh data directory: the lab lives there, and this run is its first.
        qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
        qputenv("COWHERD_DEMO_URI", "test:///default");
    }

    void fillMakesProperBaseFiles()
    {
        test::TestLab lab;
        QVERIFY(lab.isValid());
        const host::HostConfig host{QStringLiteral("lab"), QStringLiteral("test:///default"), lab.instancesPath()};
        QVERIFY(ui::DemoLab::needsFill(host));
        task::TaskManager manager;
        QSignalSpy finished(&manager, &task::TaskManager::taskFinished);
        const quint64 id = manager.submit(QStringLiteral("Fill"), host.name, ui::DemoLab::fill(host));
        QVERIFY(finished.wait(TaskTimeoutMs));
        QVERIFY2(manager.task(id)->state == TaskState::Succeeded, qPrintable(manager.task(id)->error));
        QVERIFY(!ui::DemoLab::needsFill(host));

        auto snapshot = cache::scanHost(host);
        QVERIFY(snapshot);
        QCOMPARE(snapshot->bases.size(), 2);
        host::LocalTransport transport;
        for (const QString &label : {QStringLiteral("alpha"), QStringLiteral("beta")}) {
            const QString imageId = ui::DemoLab::imageId(label);
            const cache::BaseFile *base = snapshot->base(test::TestLab::sha1Hex(imageId));
            QVERIFY2(base, qPrintable(label));
            QCOMPARE(base->format, QStringLiteral("raw"));
            QCOMPARE(base->imageId, imageId);
            auto meta = cache::readMetadata(transport, lab.basePath(), base->name);
            QVERIFY(meta);
            QCOMPARE(meta->sha256.size(), 64);
        }
    }

    void firstRunFillsAndResetRefills()
    {
        QTemporaryDir configDir;
        const QString config = configDir.filePath(QStringLiteral("empty.conf")); // no host: the demo lab
        ui::MainWindow window(config);
        auto *tasks = test::windowPart<ui::TasksFeature>(window, QStringLiteral("tasksFeature"));
        task::TaskManager *manager = tasks->manager();
        QSignalSpy submitted(tasks, &ui::TasksFeature::demoLabFillSubmitted);
        QSignalSpy finished(manager, &task::TaskManager::taskFinished);
        window.show();
        QVERIFY(submitted.wait(TaskTimeoutMs));
        QVERIFY(finished.wait(TaskTimeoutMs));
        const quint64 id = submitted.first().at(0).toULongLong();
        QVERIFY2(manager->task(id)->state == TaskState::Succeeded, qPrintable(manager->task(id)->error));
        QVERIFY(test::windowPart<QAction>(window, QStringLiteral("resetDemoLabAction"))->isEnabled());

        const host::HostConfig lab = host::demoLabHost();
        QVERIFY(!ui::DemoLab::needsFill(lab));
        // Something a reset must take away.
        const QString stray = lab.instancesPath + QStringLiteral("/_base/stray.img");
        QVERIFY(test::writeFile(stray, 4096));

        finished.clear();
        const quint64 reset = manager->submit(QStringLiteral("Reset"), lab.name, ui::DemoLab::reset(lab));
        QVERIFY(finished.wait(TaskTimeoutMs));
        QVERIFY2(manager->task(reset)->state == TaskState::Succeeded, qPrintable(manager->task(reset)->error));
        QVERIFY(!QFile::exists(stray));
        auto snapshot = cache::scanHost(lab);
        QVERIFY(snapshot);
        QCOMPARE(snapshot->bases.size(), 2);
    }

    void resetRefusesOtherPaths()
    {
        test::TestLab lab;
        QVERIFY(lab.isValid());
        const QString keep = lab.addRawBase(QStringLiteral("keep"));
        task::TaskManager manager;
        QSignalSpy finished(&manager, &task::TaskManager::taskFinished);
        const quint64 id = manager.submit(QStringLiteral("Reset"), QStringLiteral("lab"),
            ui::DemoLab::reset({QStringLiteral("lab"), QStringLiteral("test:///default"), lab.instancesPath()}));
        QVERIFY(finished.wait(TaskTimeoutMs));
        QCOMPARE(task::toString(manager.task(id)->state), task::toString(TaskState::Failed));
        QVERIFY(QFile::exists(keep));
    }
};

QTEST_MAIN(TestDemoLab)
#include "tst_demolab.moc"
