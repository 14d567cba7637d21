// The Images tab against the real Glance fixture (tests/support/glance.sh): the list with its
// "cached on this host" column, pre-cache on two hosts through tasks, cancelling an import and
// a pre-cache, an unreachable Glance, the password prompt and "Forget saved password" without a
// keyring, and the import dialog with an archive member.
#include "hosts/hostbanner.h"
#include "httpfaultserver.h"
#include "images/cloudkeyring.h"
#include "images/glanceimagemodel.h"
#include "images/imagespanel.h"
#include "images/importdialog.h"
#include "images/precachedialog.h"
#include "instances/launchwizard.h"
#include "tables/scanscheduler.h"
#include "testlab.h"

#include "source/cloudsession.h"
#include "task/taskmanager.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QToolBar>

using namespace Qt::StringLiterals;
using namespace cowherd;
using cowherd::test::GlanceFixture;
using cowherd::test::TestLab;
using task::TaskState;

namespace {

constexpr int Timeout = 60000;

host::HostConfig labHost(const QString &name, const TestLab &lab)
{
    return {name, u"test:///default"_s, lab.instancesPath()};
}

TaskState stateOf(const task::TaskManager &manager, quint64 id)
{
    return manager.task(id).value_or(task::TaskInfo{}).state;
}

bool waitFinished(task::TaskManager &manager, const QList<quint64> &ids)
{
    return QTest::qWaitFor(
        [&] {
            for (quint64 id : ids)
                if (!task::isFinished(stateOf(manager, id)))
                    return false;
            return true;
        },
        Timeout);
}

QString taskError(const task::TaskManager &manager, quint64 id)
{
    return manager.task(id).value_or(task::TaskInfo{}).error;
}

// A port nothing listens on: bound once, then released.
quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

QStringList baseFiles(const TestLab &lab)
{
    return QDir(lab.basePath()).entryList(QDir::Files | QDir::Hidden);
}

} // namespace

class TestImagesPanel : public QObject
{
    Q_OBJECT

    GlanceFixture m_glance;
    QTemporaryDir m_files;
    QString m_cachedId; // in lab A's _base before the test lists
    QString m_otherId;

    bool scan(ui::ScanScheduler &scheduler, const QString &host)
    {
        QSignalSpy ready(&scheduler, &ui::ScanScheduler::snapshotReady);
        scheduler.scan(host);
        return ready.wait(Timeout);
    }

    // The fixture's images in the panel, with host's Cached column.
    bool listGlanceImages(ui::ImagesPanel &panel, const QString &host)
    {
        panel.setCloudsYaml(m_glance.cloudsYaml);
        panel.setCurrentHost(host);
        QSignalSpy listed(&panel, &ui::ImagesPanel::imagesListed);
        panel.reloadClouds();
        return listed.wait(Timeout);
    }

    QString writeCloudsYaml(const QString &name, const QString &body)
    {
        const QString path = m_files.path() + u'/' + name + u"-clouds.yaml"_s;
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(body.toUtf8());
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_glance = GlanceFixture::noAuth();
        QVERIFY2(!m_glance.url.isEmpty(), "run through ctest: the glance fixture sets COWHERD_GLANCE_URL");
        QVERIFY(test::writeFile(m_files.path() + u"/disk.raw"_s, 2 * 1024 * 1024, "images panel "));
        m_cachedId = m_glance.createImage(u"panel-cached"_s, u"raw"_s, m_files.path() + u"/disk.raw"_s);
        m_otherId = m_glance.createImage(u"panel-other"_s, u"raw"_s, m_files.path() + u"/disk.raw"_s);
        QVERIFY(!m_cachedId.isEmpty() && !m_otherId.isEmpty());
    }

    void listsImagesWithCachedColumn()
    {
        TestLab lab;
        lab.addRawBase(TestLab::sha1Hex(m_cachedId));
        task::TaskManager tasks;
        ui::ScanScheduler scheduler;
        scheduler.setHosts({labHost(u"lab-a"_s, lab)});
        QVERIFY(scan(scheduler, u"lab-a"_s));

        ui::ImagesPanel panel(&tasks, &scheduler);
        QAbstractItemModelTester tester(panel.model());
        panel.setCloudsYaml(m_glance.cloudsYaml);
        panel.setCurrentHost(u"lab-a"_s);
        QSignalSpy listed(&panel, &ui::ImagesPanel::imagesListed);
        panel.reloadClouds();
        QVERIFY(listed.wait(Timeout));
        QCOMPARE(listed.first().at(0).toString(), u"lab-noauth"_s);
        QCOMPARE(panel.clouds(), QStringList{u"lab-noauth"_s});

        const QModelIndex cached = panel.model()->indexOf(m_cachedId, ui::GlanceImageModel::Cached);
        const QModelIndex other = panel.model()->indexOf(m_otherId, ui::GlanceImageModel::Cached);
        QVERIFY(cached.isValid() && other.isValid());
        QCOMPARE(cached.data(ui::GlanceImageModel::CachedRole).toBool(), true);
        QCOMPARE(cached.data().toString(), u"yes"_s);
        QCOMPARE(other.data(ui::GlanceImageModel::CachedRole).toBool(), false);
        QCOMPARE(panel.model()->indexOf(m_cachedId, ui::GlanceImageModel::Name).data().toString(), u"panel-cached"_s);
        QCOMPARE(panel.model()->indexOf(m_cachedId, ui::GlanceImageModel::DiskFormat).data().toString(), u"raw"_s);
        QCOMPARE(panel.model()->indexOf(m_cachedId, ui::GlanceImageModel::Status).data().toString(), u"active"_s);
        QCOMPARE(
            panel.model()->headerData(ui::GlanceImageModel::Cached, Qt::Horizontal).toString(), u"Cached on lab-a"_s);
        QVERIFY2(panel.banner()->isHidden(), qPrintable(panel.banner()->text()));
    }

    void precachesOnTwoHostsThroughTasks()
    {
        TestLab labA;
        TestLab labB;
        task::TaskManager tasks;
        ui::ScanScheduler scheduler;
        scheduler.setHosts({labHost(u"lab-a"_s, labA), labHost(u"lab-b"_s, labB)});
        QVERIFY(scan(scheduler, u"lab-a"_s));
        ui::ImagesPanel panel(&tasks, &scheduler);
        QVERIFY(listGlanceImages(panel, u"lab-a"_s));
        QVERIFY(panel.selectImage(m_otherId));

        // The dialog offers every host; the current one, not having the image, is checked.
        const source::GlanceImage *image = panel.model()->image(m_otherId);
        QVERIFY(image);
        ui::PrecacheDialog dialog(*image, &scheduler, u"lab-a"_s);
        QCOMPARE(dialog.hostList()->count(), 2);
        QCOMPARE(dialog.selectedHosts(), QStringList{u"lab-a"_s});
        dialog.setHostChecked(u"lab-b"_s, true);
        QCOMPARE(dialog.selectedHosts(), (QStringList{u"lab-a"_s, u"lab-b"_s}));

        const QList<quint64> ids = panel.precache(m_otherId, dialog.selectedHosts());
        QCOMPARE(ids.size(), 2);
        QCOMPARE(tasks.task(ids.at(0))->host, u"lab-a"_s);
        QCOMPARE(tasks.task(ids.at(1))->host, u"lab-b"_s);
        QVERIFY(waitFinished(tasks, ids));
        for (quint64 id : ids)
            QVERIFY2(stateOf(tasks, id) == TaskState::Succeeded, qPrintable(taskError(tasks, id)));
        const QString name = TestLab::sha1Hex(m_otherId);
        QCOMPARE(baseFiles(labA), QStringList{name});
        QCOMPARE(baseFiles(labB), QStringList{name});
        QVERIFY(tasks.task(ids.at(0))->countsBytes);

        // The next scan shows it in the cached column.
        QVERIFY(!panel.model()->isCached(m_otherId));
        QVERIFY(scan(scheduler, u"lab-a"_s));
        QVERIFY(panel.model()->isCached(m_otherId));
    }

    void launchWizardPresetToGlanceImage()
    {
        TestLab lab;
        task::TaskManager tasks;
        const host::HostConfig host = labHost(u"lab-a"_s, lab);
        auto session = source::openCloudSession(u"lab-noauth"_s, {}, m_glance.cloudsYaml);
        QVERIFY(session);
        ui::LaunchWizard wizard(&tasks, host, nullptr);
        wizard.setGlanceImage(*session, m_otherId, u"panel-other"_s);
        QCOMPARE(wizard.spec().glanceImageId, m_otherId);
        QVERIFY(wizard.spec().imageId.isEmpty() && wizard.spec().sourcePath.isEmpty());
        QSignalSpy computed(&wizard, &ui::LaunchWizard::previewComputed);
        wizard.show();
        wizard.next();
        wizard.next();
        QCOMPARE(wizard.currentId(), int(ui::LaunchWizard::SummaryPage));
        // The preview may have arrived while the pages were turning.
        QVERIFY(!computed.isEmpty() || computed.wait(Timeout));
        const QString preview = computed.first().first().toString();
        QVERIFY2(preview.contains(u"panel-other will be fetched from Glance"_s), qPrintable(preview));
    }

    void cancelLeavesNoFinalFile()
    {
        test::HttpFaultServer server;
        QVERIFY(server.isRunning());
        QVERIFY(test::writeFile(server.root() + u"/big.raw"_s, 8 * 1024 * 1024, "cancel me "));
        TestLab lab;
        task::TaskManager tasks;
        ui::ImportDialog dialog(&tasks, labHost(u"lab-a"_s, lab));
        // Headers and half the body, then nothing: the task is mid-download when cancelled.
        dialog.setSource(server.url(u"big.raw?fault=hang"_s));
        QVERIFY(dialog.problem().isEmpty());
        dialog.accept();
        const quint64 id = dialog.submittedTask();
        QVERIFY(id != 0);
        QVERIFY(QTest::qWaitFor([&] { return tasks.task(id)->done > 0; }, Timeout));
        tasks.cancel(id);
        QVERIFY(waitFinished(tasks, {id}));
        QVERIFY2(stateOf(tasks, id) == TaskState::Cancelled,
            qPrintable(task::toString(stateOf(tasks, id)) + u": "_s + taskError(tasks, id)));
        QCOMPARE(baseFiles(lab), QStringList()); // no final name, no .part
    }

    void cancelledGlancePrecacheLeavesNothing()
    {
        // The URL import's cancel above, for a pre-cache from Glance: large enough to be
        // mid-transfer when the first progress report reaches the UI thread.
        const QString big = m_files.path() + u"/precache-cancel.raw"_s;
        QVERIFY(test::writeFile(big, 256 * 1024 * 1024, "cancelled pre-cache "));
        const QString bigId = m_glance.createImage(u"panel-cancel"_s, u"raw"_s, big);
        QVERIFY(!bigId.isEmpty());
        QFile::remove(big); // Glance has its copy
        TestLab lab;
        task::TaskManager tasks;
        ui::ScanScheduler scheduler;
        scheduler.setHosts({labHost(u"lab-a"_s, lab)});
        ui::ImagesPanel panel(&tasks, &scheduler);
        QVERIFY(listGlanceImages(panel, u"lab-a"_s));

        quint64 id = 0;
        qint64 doneAtCancel = 0;
        connect(&tasks, &task::TaskManager::taskChanged, this, [&](quint64 changed) {
            const auto info = tasks.task(changed);
            if (changed == id && doneAtCancel == 0 && info && info->done > 0 && !task::isFinished(info->state)) {
                doneAtCancel = info->done;
                tasks.cancel(id);
            }
        });
        const QList<quint64> ids = panel.precache(bigId, {u"lab-a"_s});
        QCOMPARE(ids.size(), 1);
        id = ids.first();
        QVERIFY(waitFinished(tasks, {id}));
        QVERIFY2(doneAtCancel > 0, "cancelled once bytes were reported");
        QVERIFY2(stateOf(tasks, id) == TaskState::Cancelled,
            qPrintable(task::toString(stateOf(tasks, id)) + u": "_s + taskError(tasks, id)));
        QVERIFY(!QFile::exists(lab.basePath() + u'/' + TestLab::sha1Hex(bigId)));
        QCOMPARE(baseFiles(lab), QStringList()); // no final name, no .part, no hidden temporary

        // Nothing left in the way: the same pre-cache again succeeds.
        id = 0;
        const QList<quint64> again = panel.precache(bigId, {u"lab-a"_s});
        QCOMPARE(again.size(), 1);
        QVERIFY(waitFinished(tasks, again));
        QVERIFY2(stateOf(tasks, again.first()) == TaskState::Succeeded, qPrintable(taskError(tasks, again.first())));
        QCOMPARE(baseFiles(lab), QStringList{TestLab::sha1Hex(bigId)});
    }

    void unreachableGlanceShowsError()
    {
        const QString yaml = writeCloudsYaml(u"down"_s,
            u"clouds:\n  lab-down:\n    auth_type: none\n    auth:\n      endpoint: http://127.0.0.1:%1\n"_s.arg(
                closedPort()));
        task::TaskManager tasks;
        ui::ScanScheduler scheduler;
        ui::ImagesPanel panel(&tasks, &scheduler);
        panel.setCloudsYaml(yaml);
        QSignalSpy failed(&panel, &ui::ImagesPanel::listFailed);
        panel.reloadClouds();
        QVERIFY(failed.wait(Timeout));
        QCOMPARE(panel.banner()->level(), ui::HostBanner::Level::Error);
        QVERIFY2(panel.banner()->text().contains(u"lab-down"_s), qPrintable(panel.banner()->text()));
        QVERIFY2(
            panel.banner()->text().contains(u"Check that Glance is running"_s), qPrintable(panel.banner()->text()));
        QCOMPARE(panel.model()->rowCount(), 0);
    }

    void passwordAskedEachTimeWithoutKeyring()
    {
        // Password auth without a password; no D-Bus here, so no keyring can keep it.
        const QString yaml = writeCloudsYaml(u"password"_s,
            u"clouds:\n  lab-keystone:\n    auth:\n      auth_url: http://127.0.0.1:%1/v3\n      username: admin\n"
            "      project_name: admin\n      user_domain_name: Default\n      project_domain_name: Default\n"_s.arg(
                closedPort()));
        const QString secret = u"s3cret-never-shown"_s;
        task::TaskManager tasks;
        ui::ScanScheduler scheduler;
        ui::ImagesPanel panel(&tasks, &scheduler);
        panel.setCloudsYaml(yaml);
        QStringList asked;
        QString keyringReason;
        panel.setPasswordPrompt([&](const QString &cloud, const QString &who, const QString &unavailable) {
            asked.append(cloud + u'|' + who);
            keyringReason = unavailable;
            return std::optional(ui::ImagesPanel::PasswordAnswer{secret, true});
        });
        QSignalSpy failed(&panel, &ui::ImagesPanel::listFailed);
        panel.reloadClouds();
        QVERIFY(failed.wait(Timeout));
        QCOMPARE(asked.size(), 1);
        QVERIFY2(asked.first().startsWith(u"lab-keystone|admin at http://127.0.0.1:"_s), qPrintable(asked.first()));
        QVERIFY2(!keyringReason.isEmpty(), "the prompt is told why the keyring cannot keep the password");
        QVERIFY(QTest::qWaitFor([&] { return !panel.keyringNote()->isHidden(); }, Timeout));
        QVERIFY2(panel.keyringNote()->text().contains(u"not kept"_s), qPrintable(panel.keyringNote()->text()));
        const QString error = failed.first().at(1).toString();
        QVERIFY2(error.contains(u"Keystone"_s), qPrintable(error));
        QVERIFY(!error.contains(secret));
        QVERIFY(!panel.keyringNote()->text().contains(secret));

        // Not kept: the next refresh asks again.
        panel.refresh();
        QVERIFY(failed.wait(Timeout));
        QCOMPARE(asked.size(), 2);
    }

    void forgetSavedPasswordWithoutKeyring()
    {
        // One cloud logs in with a password, the other needs none; no D-Bus, so no keyring.
        const QString yaml = writeCloudsYaml(u"forget"_s,
            u"clouds:\n  lab-forget:\n    auth:\n      auth_url: http://127.0.0.1:%1/v3\n      username: admin\n"
            "      project_name: admin\n      user_domain_name: Default\n      project_domain_name: Default\n"
            "  lab-open:\n    auth_type: none\n    auth:\n      endpoint: http://127.0.0.1:%1\n"_s.arg(closedPort()));
        task::TaskManager tasks;
        ui::ScanScheduler scheduler;
        ui::ImagesPanel panel(&tasks, &scheduler);
        panel.setCloudsYaml(yaml);
        panel.setPasswordPrompt([](const QString &, const QString &, const QString &) {
            return std::optional(ui::ImagesPanel::PasswordAnswer{u"typed"_s, false});
        });
        QAction *forget = panel.forgetPasswordAction();
        QVERIFY(panel.actions().contains(forget));
        auto *toolBar = panel.findChild<QToolBar *>(u"imagesToolBar"_s);
        QVERIFY(toolBar && toolBar->actions().contains(forget));
        QVERIFY(!forget->isEnabled()); // no cloud read yet

        QSignalSpy loaded(&panel, &ui::ImagesPanel::cloudsLoaded);
        QSignalSpy failed(&panel, &ui::ImagesPanel::listFailed);
        panel.reloadClouds();
        QVERIFY(loaded.wait(Timeout));
        QVERIFY(failed.wait(Timeout));
        const auto show = [&](const QString &cloud) {
            if (panel.currentCloud() == cloud)
                return true;
            failed.clear();
            panel.selectCloud(cloud);
            return failed.wait(Timeout) && panel.currentCloud() == cloud;
        };
        QVERIFY(show(u"lab-open"_s));
        QVERIFY(!forget->isEnabled());
        QSignalSpy finished(&panel, &ui::ImagesPanel::forgetPasswordFinished);
        forget->trigger();
        QVERIFY(finished.isEmpty()); // nothing to forget for a cloud without a password

        QVERIFY(show(u"lab-forget"_s));
        QVERIFY(forget->isEnabled());
        forget->trigger();
        QVERIFY(finished.wait(Timeout));
        QCOMPARE(finished.first().at(0).toString(), u"lab-forget"_s);
        QCOMPARE(finished.first().at(1).toBool(), false);
        const QString note = panel.keyringNote()->text();
        QVERIFY(!panel.keyringNote()->isHidden());
        QVERIFY2(note.contains(u"lab-forget"_s) && note.contains(u"cannot be reached"_s), qPrintable(note));
        QVERIFY2(!note.contains(u"()"_s), qPrintable(note)); // the keyring's reason is given
        QVERIFY2(!panel.keyring()->unavailableReason().isEmpty(), "the failure is remembered for the password dialog");
    }

    void importsArchiveMemberNamedAsTheCli()
    {
        QVERIFY(test::writeFile(m_files.path() + u"/member.raw"_s, 1024 * 1024, "archive member "));
        const QString archive = m_files.path() + u"/images.tar"_s;
        QVERIFY(test::runTool({u"tar"_s, u"-C"_s, m_files.path(), u"-cf"_s, archive, u"member.raw"_s}));
        const QString source = archive + u"!member.raw"_s;

        TestLab lab;
        task::TaskManager tasks;
        ui::ImportDialog dialog(&tasks, labHost(u"lab-a"_s, lab));
        dialog.setSource(source);
        QVERIFY(dialog.problem().isEmpty());
        dialog.setSha256(u"not-hex"_s);
        QVERIFY(!dialog.problem().isEmpty());
        dialog.setSha256({});
        dialog.accept();
        const quint64 id = dialog.submittedTask();
        QVERIFY(id != 0);
        QVERIFY(waitFinished(tasks, {id}));
        QVERIFY2(stateOf(tasks, id) == TaskState::Succeeded, qPrintable(taskError(tasks, id)));
        const QStringList imported = baseFiles(lab);
        QCOMPARE(imported.size(), 1);

        TestLab cliLab;
        QByteArray output;
        QVERIFY(test::runTool({QStringLiteral(COWHERDCTL), u"--host"_s, u"test:///default"_s, u"--instances-path"_s,
                                  cliLab.instancesPath(), u"fetch"_s, u"--json"_s, u"--quiet"_s, source},
            &output));
        QCOMPARE(imported.first(), QJsonDocument::fromJson(output).object().value(u"name"_s).toString());
    }
};

QTEST_MAIN(TestImagesPanel)
#include "tst_imagespanel.moc"
