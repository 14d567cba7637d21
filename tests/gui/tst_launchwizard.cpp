// The launch wizard end to end on the test driver: fill the fields, read the last page, finish,
// and find the overlay on disk and the domain in libvirt.
#include "hosts/demolab.h"
#include "instances/consolepane.h"
#include "instances/instanceactions.h"
#include "instances/launchwizard.h"
#include "testlab.h"

#include "cache/scanner.h"
#include "host/libvirtconnection.h"
#include "task/taskmanager.h"

#include <QAbstractButton>
#include <QAction>
#include <QDir>
#include <QSignalSpy>
#include <QTest>

using namespace cowherd;
using task::TaskState;

namespace {

constexpr int TaskTimeoutMs = 60000;
const QString TestUri = QStringLiteral("test:///default");

} // namespace

class TestLaunchWizard : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TestLab> m_lab;
    host::HostConfig m_host;
    // test:///default keeps its state only while a connection is open: hold one for the test.
    std::optional<host::LibvirtConnection> m_conn;

    QString previewFor(ui::LaunchWizard &wizard)
    {
        QSignalSpy computed(&wizard, &ui::LaunchWizard::previewComputed);
        wizard.show(); // a wizard starts at its first page when shown
        while (wizard.currentId() != ui::LaunchWizard::SummaryPage) {
            const int before = wizard.currentId();
            wizard.next();
            if (wizard.currentId() == before)
                return QStringLiteral("<stuck on page %1>").arg(before);
        }
        // The preview may have arrived while the pages were turning.
        if (computed.isEmpty() && !computed.wait(TaskTimeoutMs))
            return QStringLiteral("<no preview>");
        return computed.first().at(0).toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto conn = host::LibvirtConnection::open(TestUri);
        QVERIFY2(conn, qPrintable(conn.error().message));
        m_conn.emplace(std::move(*conn));
        m_lab = std::make_unique<test::TestLab>();
        QVERIFY(m_lab->isValid());
        m_host = {QStringLiteral("lab1"), TestUri, m_lab->instancesPath()};

        // Two proper base files with metadata, as the demo lab has them.
        task::TaskManager manager;
        QSignalSpy finished(&manager, &task::TaskManager::taskFinished);
        const quint64 id = manager.submit(QStringLiteral("Fill"), m_host.name, ui::DemoLab::fill(m_host));
        QVERIFY(finished.wait(TaskTimeoutMs));
        QVERIFY2(manager.task(id)->state == TaskState::Succeeded, qPrintable(manager.task(id)->error));
    }

    void launchFromCacheEndToEnd()
    {
        auto snapshot = cache::scanHost(m_host);
        QVERIFY(snapshot);
        task::TaskManager manager;
        QSignalSpy finished(&manager, &task::TaskManager::taskFinished);
        ui::LaunchWizard wizard(&manager, m_host, &*snapshot);
        wizard.show();
        const QString alphaId = ui::DemoLab::imageId(QStringLiteral("alpha"));
        wizard.selectCachedImage(alphaId);
        wizard.setInstanceName(QStringLiteral("wizard-1"));
        wizard.setSizeGiB(0);
        wizard.setMemoryMiB(128);
        wizard.setVcpus(2);
        wizard.setNetwork(QStringLiteral("none"));
        QCOMPARE(wizard.spec().imageId, alphaId);

        const QString preview = previewFor(wizard);
        QVERIFY2(preview.contains(QStringLiteral("exists and will be reused")), qPrintable(preview));
        QVERIFY2(preview.contains(test::TestLab::sha1Hex(alphaId).left(8)), qPrintable(preview));
        QVERIFY(wizard.button(QWizard::FinishButton)->isEnabled());

        wizard.accept();
        QVERIFY(wizard.submittedTask() != 0);
        QVERIFY(finished.wait(TaskTimeoutMs));
        const auto info = manager.task(wizard.submittedTask());
        QVERIFY(info);
        QVERIFY2(info->state == TaskState::Succeeded, qPrintable(info->error));

        // The domain is defined on the test driver, with its overlay on disk.
        auto domains = m_conn->domains();
        QVERIFY(domains);
        const auto domain = std::ranges::find(*domains, QStringLiteral("wizard-1"), &host::DomainInfo::name);
        QVERIFY(domain != domains->end());
        QCOMPARE(domain->type, QStringLiteral("test"));
        QCOMPARE(domain->disks.size(), 1);
        const QString overlay = domain->disks.first().path;
        QVERIFY2(overlay.startsWith(m_lab->instancesPath() + u'/') && overlay.endsWith(QStringLiteral("/disk")),
            qPrintable(overlay));
        QVERIFY(QFile::exists(overlay));
        auto after = cache::scanHost(m_host);
        QVERIFY(after);
        const cache::BaseFile *alpha = after->base(test::TestLab::sha1Hex(alphaId));
        QVERIFY(alpha);
        QCOMPARE(alpha->references.size(), 1);
    }

    // Runs after the launch: terminate through the instance actions; the base file stays.
    void terminateKeepsTheBaseFile()
    {
        auto snapshot = cache::scanHost(m_host);
        QVERIFY(snapshot);
        const auto instance
            = std::ranges::find(snapshot->instances, QStringLiteral("wizard-1"), &cache::Instance::name);
        QVERIFY(instance != snapshot->instances.end());
        QCOMPARE(instance->state, QStringLiteral("running"));

        task::TaskManager manager;
        QSignalSpy finished(&manager, &task::TaskManager::taskFinished);
        ui::InstanceActions actions(&manager, nullptr);
        actions.setTarget(m_host, &*instance);
        QVERIFY(actions.shutdownAction()->isEnabled());
        QVERIFY(!actions.startAction()->isEnabled());
        QString asked;
        actions.setConfirmTerminate([&asked](const QString &text) {
            asked = text;
            return true;
        });
        actions.terminateAction()->trigger();
        QVERIFY2(asked.contains(QStringLiteral("base files stay")), qPrintable(asked));
        QVERIFY(finished.wait(TaskTimeoutMs));
        const auto info = manager.tasks().constFirst();
        QVERIFY2(info.state == TaskState::Succeeded, qPrintable(info.error));

        auto domains = m_conn->domains();
        QVERIFY(domains);
        QVERIFY(std::ranges::find(*domains, QStringLiteral("wizard-1"), &host::DomainInfo::name) == domains->end());
        QVERIFY(!QFile::exists(instance->directory));
        const QString alpha = test::TestLab::sha1Hex(ui::DemoLab::imageId(QStringLiteral("alpha")));
        QVERIFY(QFile::exists(m_lab->basePath() + u'/' + alpha));
    }

    void consolePaneFollowsTheLog()
    {
        const QString dir = m_lab->instancesPath() + QStringLiteral("/console-test");
        QVERIFY(QDir().mkpath(dir));
        const QString log = dir + QStringLiteral("/console.log");
        // More than the pane keeps: it shows the tail only.
        QByteArray head(ui::ConsolePane::MaxBytes, 'x');
        head += "\nCOWHERD DEMO: alpha\r\n";
        QFile file(log);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.write(head) == head.size());
        file.flush();

        ui::ConsolePane pane;
        pane.setInterval(50);
        QSignalSpy updated(&pane, &ui::ConsolePane::updated);
        pane.follow(log, QStringLiteral("console-test"));
        QVERIFY(!pane.isFollowing()); // only while shown
        pane.show();
        QVERIFY(pane.isFollowing());
        QTRY_VERIFY_WITH_TIMEOUT(updated.count() > 0, TaskTimeoutMs);
        QVERIFY(pane.text().endsWith(QStringLiteral("COWHERD DEMO: alpha\n")));
        QVERIFY(pane.text().size() <= ui::ConsolePane::MaxBytes);

        QVERIFY(file.write("login: ") == 7);
        file.flush();
        QTRY_VERIFY_WITH_TIMEOUT(pane.text().endsWith(QStringLiteral("login: ")), TaskTimeoutMs);

        pane.hide();
        QVERIFY(!pane.isFollowing());
        pane.show();
        QVERIFY(pane.isFollowing());
        pane.follow({}, {});
        QVERIFY(pane.text().isEmpty());
        QVERIFY(!pane.isFollowing());
    }

    void previewSaysResizeFetchAndRefuse()
    {
        auto snapshot = cache::scanHost(m_host);
        QVERIFY(snapshot);
        task::TaskManager manager;

        ui::LaunchWizard resize(&manager, m_host, &*snapshot);
        resize.selectCachedImage(ui::DemoLab::imageId(QStringLiteral("beta")));
        resize.setSizeGiB(2);
        const QString resized = previewFor(resize);
        QVERIFY2(
            resized.contains(QStringLiteral("A resized base %1…_2 will be made")
                                 .arg(test::TestLab::sha1Hex(ui::DemoLab::imageId(QStringLiteral("beta"))).left(8))),
            qPrintable(resized));

        const QString big = m_lab->instancesPath() + QStringLiteral("/two-gib.img");
        QVERIFY(test::writeFile(big, qint64(2) << 30));
        ui::LaunchWizard refused(&manager, m_host, &*snapshot);
        refused.setImageFile(big);
        refused.setSizeGiB(1);
        const QString refusal = previewFor(refused);
        QVERIFY2(refusal.startsWith(QStringLiteral("Refused: the image is larger than 1 GiB")), qPrintable(refusal));
        QVERIFY(!refused.button(QWizard::FinishButton)->isEnabled());

        ui::LaunchWizard fetch(&manager, m_host, &*snapshot);
        fetch.setImageFile(big);
        fetch.setSizeGiB(0);
        const QString fetched = previewFor(fetch);
        QVERIFY2(fetched.contains(QStringLiteral("will be fetched")), qPrintable(fetched));
        QVERIFY(fetch.button(QWizard::FinishButton)->isEnabled());
    }
};

QTEST_MAIN(TestLaunchWizard)
#include "tst_launchwizard.moc"
