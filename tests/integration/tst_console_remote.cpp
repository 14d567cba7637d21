// Consoles and live figures of a real instance on a remote host: the demo image booted under
// libvirt (the libvirtd fixture, TCG) and reached over the sshd fixture. cowherdctl console
// reads the label the boot sector prints, --lines cuts, --follow sees a reboot print it again
// and ends cleanly on SIGTERM; pause/resume through the CLI; the statistics poller over the
// qemu+ssh URI.
#include "ctlrun.h"
#include "host/domainstats.h"
#include "host/libvirtconnection.h"
#include "host/libvirturi.h"
#include "host/sshtransport.h"
#include "host/transportfactory.h"
#include "instance/consolelog.h"
#include "instance/lifecycle.h"
#include "testlab.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <libvirt/libvirt.h>

using namespace Qt::StringLiterals;
using namespace cowherd;
using cowherd::test::CtlRun;

namespace {

constexpr int bootTimeoutMs = 60'000;

CtlRun ctl(const QStringList &args)
{
    return cowherd::test::runCtl(args, 240'000);
}

QString state()
{
    return qEnvironmentVariable("COWHERD_TEST_SSHD_STATE");
}

QString remoteUri(const QString &alias)
{
    return u"qemu+ssh://%1/system?command=%2/ssh&no_tty=1"_s.arg(alias, state());
}

} // namespace

class TestConsoleRemote : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(state() + u"/ssh_config"_s), "the sshd fixture did not run");
        QVERIFY(m_control.isValid());
        qputenv("COWHERD_SSH_CONTROL_DIR", QFile::encodeName(m_control.path()));
        m_prefix = u"cowherd-console-test-%1-"_s.arg(QCoreApplication::applicationPid());
        m_lab = std::make_unique<test::TestLab>(test::TestLab::libvirtReachableLabParent());
        QVERIFY(m_lab->isValid());
        const QString conf = m_config.path() + u"/cowherd.conf"_s;
        const CtlRun add = ctl({u"--config"_s, conf, u"hosts"_s, u"add"_s, u"lab-a"_s, remoteUri(u"cowherd-lab-a"_s),
            u"--instances-path"_s, m_lab->instancesPath()});
        QVERIFY2(add.exitCode == 0, add.err.constData());
        m_host = {u"--config"_s, conf, u"--host"_s, u"lab-a"_s};

        const QString images = m_lab->instancesPath() + u"-images"_s;
        QVERIFY(QDir().mkpath(images));
        const QString demo = images + u"/demo.raw"_s;
        QCOMPARE(ctl({u"demo-image"_s, demo, u"--label"_s, u"console over ssh"_s}).exitCode, 0);
        const CtlRun launched = ctl(m_host
            + QStringList{u"launch"_s, u"--json"_s, u"--quiet"_s, u"--virt-type"_s, u"qemu"_s, u"--image"_s, demo,
                u"--name"_s, m_prefix + u"c"_s, u"--memory"_s, u"32"_s});
        QVERIFY2(launched.exitCode == 0, launched.err.constData());
        m_name = launched.json()[u"name"_s].toString();
        m_uuid = launched.json()[u"uuid"_s].toString();
        QVERIFY(!m_name.isEmpty());
    }

    void cleanupTestCase()
    {
        if (!m_name.isEmpty())
            ctl(m_host + QStringList{u"terminate"_s, m_name, u"--timeout"_s, u"0"_s});
        host::SshTransport(*host::parseLibvirtUri(remoteUri(u"cowherd-lab-a"_s)), u"lab-a"_s).disconnect();
    }

    void consoleShowsTheBootLabel()
    {
        CtlRun console;
        QTRY_VERIFY_WITH_TIMEOUT(
            (console = ctl(m_host + QStringList{u"console"_s, m_name})).out.contains(m_banner), bootTimeoutMs);
        QCOMPARE(console.exitCode, 0);
        QVERIFY(!console.out.contains('\r'));
        // By uuid too, and only the last line.
        const CtlRun last = ctl(m_host + QStringList{u"console"_s, m_uuid, u"--lines"_s, u"1"_s});
        QCOMPARE(last.exitCode, 0);
        QVERIFY2(last.out.endsWith(QByteArray(m_banner + '\n')), last.out.constData());
        QCOMPARE(last.out.count('\n'), 1);

        const CtlRun nobody = ctl(m_host + QStringList{u"console"_s, m_prefix + u"nobody"_s});
        QCOMPARE(nobody.exitCode, 1);
        QVERIFY2(nobody.err.contains("no domain named"), nobody.err.constData());
        QCOMPARE(ctl(m_host + QStringList{u"console"_s, m_name, u"--lines"_s, u"x"_s}).exitCode, 2);
    }

    void followSeesARebootAndEndsOnSigterm()
    {
        QProcess follow;
        follow.start(test::cowherdctlPath(),
            m_host + QStringList{u"console"_s, m_name, u"--follow"_s, u"--interval"_s, u"200"_s});
        QVERIFY(follow.waitForStarted());
        QByteArray seen;
        auto read = [&] {
            seen += follow.readAllStandardOutput();
            return seen;
        };
        QTRY_VERIFY_WITH_TIMEOUT(read().count(m_banner) >= 1, bootTimeoutMs);
        const qsizetype before = seen.count(m_banner);
        const CtlRun reset = ctl(m_host + QStringList{u"reboot"_s, u"--hard"_s, m_name});
        QVERIFY2(reset.exitCode == 0, reset.err.constData());
        QTRY_VERIFY_WITH_TIMEOUT(read().count(m_banner) == before + 1, bootTimeoutMs);
        follow.terminate();
        QVERIFY(follow.waitForFinished(10'000));
        QCOMPARE(follow.exitStatus(), QProcess::NormalExit);
        QCOMPARE(follow.exitCode(), 0);
    }

    void followerReadsOverSsh()
    {
        auto transport = host::transportFor({u"lab-a"_s, remoteUri(u"cowherd-lab-a"_s), m_lab->instancesPath()});
        QVERIFY(transport);
        QVERIFY(!(*transport)->isLocal());
        instance::ConsoleFollower follower;
        follower.setInterval(200);
        QByteArray seen;
        connect(&follower, &instance::ConsoleFollower::received, this,
            [&](const QByteArray &data, bool restarted) { seen = restarted ? data : seen + data; });
        follower.follow(std::shared_ptr<host::Transport>(std::move(*transport)),
            instance::consoleLogPath(m_lab->instancesPath() + u'/' + m_uuid));
        QTRY_VERIFY_WITH_TIMEOUT(seen.contains(m_banner), bootTimeoutMs);
        follower.stop();
    }

    void pauseResumeAndLiveFigures()
    {
        host::DomainStatsPoller poller;
        poller.setInterval(300);
        poller.setUri(remoteUri(u"cowherd-lab-a"_s));
        QSignalSpy updated(&poller, &host::DomainStatsPoller::figuresUpdated);
        QSignalSpy failed(&poller, &host::DomainStatsPoller::pollFailed);
        poller.setActive(true);
        // Two polls make a rate; memory is there from the first.
        QTRY_VERIFY_WITH_TIMEOUT(poller.figures().value(m_uuid).cpuPercent >= 0, 30'000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(1).toString()));
        const host::LiveFigures f = poller.figures().value(m_uuid);
        QVERIFY(f.memoryBytes > 0);
        QVERIFY(f.cpuPercent <= 100.0);
        QVERIFY(f.readBytesPerSecond >= 0);
        QVERIFY(f.writeBytesPerSecond >= 0);
        // Stopped: no more polls.
        poller.setActive(false);
        const qsizetype polls = updated.size();
        QVERIFY(!QTest::qWaitFor([&] { return updated.size() > polls; }, 1000));

        const CtlRun paused = ctl(m_host + QStringList{u"--json"_s, u"pause"_s, m_name});
        QVERIFY2(paused.exitCode == 0, paused.err.constData());
        QCOMPARE(paused.json()[u"state"_s].toString(), u"paused"_s);
        auto conn = host::LibvirtConnection::open(u"qemu:///system"_s);
        QVERIFY(conn);
        QCOMPARE(instance::instanceState(*conn, m_uuid).value_or(QString()), u"paused"_s);
        const CtlRun resumed = ctl(m_host + QStringList{u"resume"_s, m_name});
        QVERIFY2(resumed.exitCode == 0, resumed.err.constData());
        QCOMPARE(instance::instanceState(*conn, m_uuid).value_or(QString()), u"running"_s);
    }

private:
    QTemporaryDir m_control{u"/tmp/cowherd-ctl-XXXXXX"_s};
    QTemporaryDir m_config;
    std::unique_ptr<test::TestLab> m_lab;
    QStringList m_host;
    QString m_prefix;
    QString m_name;
    QString m_uuid;
    const QByteArray m_banner = "COWHERD DEMO: console over ssh";
};

QTEST_GUILESS_MAIN(TestConsoleRemote)
#include "tst_console_remote.moc"
