// Remote hosts over SSH against the sshd fixture (two "hosts" on loopback) and the libvirtd
// fixture: scan equality with the local scan, file operations on hostile paths, one master
// connection, recovery from a killed master, launch/terminate/cleanup/verify with the CLI,
// sharing groups across hosts, and HostConnection reconnecting after its tunnel dies.
#include "cache/cachelayout.h"
#include "cache/scanner.h"
#include "cache/sharinggroup.h"
#include "cache/snapshotjson.h"
#include "ctlrun.h"
#include "host/hostconnection.h"
#include "host/libvirtconnection.h"
#include "host/libvirturi.h"
#include "host/process.h"
#include "host/sshtransport.h"
#include "host/transportfactory.h"
#include "testlab.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

#include <libvirt/libvirt.h>

#include <atomic>
#include <csignal>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace cowherd;

namespace {

using cowherd::test::CtlRun;

CtlRun ctl(const QStringList &args)
{
    return cowherd::test::runCtl(args, 240'000);
}

const QString hostileName = u"it's a; $(touch /tmp/cowherd-pwned) `id` \"x\" & y"_s;

QString state()
{
    return qEnvironmentVariable("COWHERD_TEST_SSHD_STATE");
}

QString remoteUri(const QString &alias)
{
    // libvirt's own ssh must read the fixture's ssh_config too: ?command= names a wrapper.
    return u"qemu+ssh://%1/system?command=%2/ssh&no_tty=1"_s.arg(alias, state());
}

int acceptedConnections(const QString &alias)
{
    QFile log(state() + u"/sshd-"_s + alias + u".log"_s);
    if (!log.open(QIODevice::ReadOnly))
        return -1;
    return int(log.readAll().count("Accepted publickey"));
}

QByteArray fileContent(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The ssh child libvirt started for its qemu+ssh connection (through the fixture's wrapper).
QList<pid_t> libvirtTunnels(const QString &alias)
{
    QList<pid_t> pids;
    const QString self = QString::number(::getpid());
    QDirIterator it(u"/proc"_s, QDir::Dirs | QDir::NoDotAndDotDot);
    while (it.hasNext()) {
        const QString dir = it.next();
        bool ok = false;
        const pid_t pid = QFileInfo(dir).fileName().toInt(&ok);
        if (!ok)
            continue;
        const QByteArray stat = fileContent(dir + u"/stat"_s);
        const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
        if (fields.value(1) != self.toLatin1())
            continue;
        const QByteArray cmdline = fileContent(dir + u"/cmdline"_s);
        if (cmdline.contains(alias.toUtf8()) && cmdline.contains("ssh"))
            pids.append(pid);
    }
    return pids;
}

} // namespace

class TestSshRemote : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(state() + u"/ssh_config"_s), "the sshd fixture did not run");
        QVERIFY(m_control.isValid());
        qputenv("COWHERD_SSH_CONTROL_DIR", QFile::encodeName(m_control.path()));
        QVERIFY(qEnvironmentVariableIsSet("COWHERD_SSH_CONFIG"));
        m_prefix = u"cowherd-ssh-test-%1-"_s.arg(QCoreApplication::applicationPid());
        m_lab = std::make_unique<test::TestLab>(test::TestLab::libvirtReachableLabParent());
        QVERIFY(m_lab->isValid());
        QFile::remove(u"/tmp/cowherd-pwned"_s);
    }

    void cleanupTestCase()
    {
        auto conn = host::LibvirtConnection::open(u"qemu:///system"_s);
        if (conn) {
            virDomainPtr *domains = nullptr;
            const int n = virConnectListAllDomains(conn->handle(), &domains, 0);
            for (int i = 0; i < n; ++i) {
                if (QString::fromUtf8(virDomainGetName(domains[i])).startsWith(m_prefix)) {
                    virDomainDestroy(domains[i]);
                    virDomainUndefine(domains[i]);
                }
                virDomainFree(domains[i]);
            }
            free(domains);
        }
        for (const QString &alias : {u"cowherd-lab-a"_s, u"cowherd-lab-b"_s})
            host::SshTransport(*host::parseLibvirtUri(remoteUri(alias)), alias).disconnect();
        QVERIFY(!QFile::exists(u"/tmp/cowherd-pwned"_s));
    }

    void scanEqualsLocalScan()
    {
        const QString base = m_lab->addRawBase(test::TestLab::sha1Hex(u"cirros"_s), 2);
        QVERIFY(!m_lab->addOverlay(u"11111111-2222-3333-4444-555555555555"_s, base).isEmpty());
        QVERIFY(!m_lab->addOverlay(hostileName, base).isEmpty());
        QVERIFY(!m_lab->addQcow2Base(test::TestLab::sha1Hex(u"fedora"_s), 1).isEmpty());
        QVERIFY(test::writeFile(m_lab->basePath() + u"/"_s + hostileName + u".part"_s, 100, "x"));

        auto scan = [&](const QString &uri) {
            return ctl({u"--host"_s, uri, u"--instances-path"_s, m_lab->instancesPath(), u"--json"_s, u"scan"_s});
        };
        const CtlRun local = scan(u"qemu:///system"_s);
        QVERIFY2(local.exitCode == 0, local.err.constData());
        const CtlRun remote = scan(remoteUri(u"cowherd-lab-a"_s));
        QVERIFY2(remote.exitCode == 0, remote.err.constData());
        QJsonObject a = local.json(), b = remote.json();
        QVERIFY(!a.isEmpty());
        for (QJsonObject *o : {&a, &b}) {
            o->remove(u"host"_s);
            o->remove(u"taken_at"_s);
            o->remove(u"takenAt"_s);
        }
        QCOMPARE(QJsonDocument(b).toJson(), QJsonDocument(a).toJson());
        QVERIFY(QJsonDocument(b).toJson().contains("cirros")
            || QJsonDocument(b).toJson().contains(test::TestLab::sha1Hex(u"cirros"_s).toUtf8()));
    }

    void fileOperationsOnAHostilePath()
    {
        auto made = host::transportFor({u"lab-b"_s, remoteUri(u"cowherd-lab-b"_s), m_lab->instancesPath()});
        QVERIFY(made);
        host::Transport &t = **made;
        QVERIFY(!t.isLocal());
        const QString dir = m_lab->instancesPath() + u'/' + hostileName;
        const QString file = dir + u"/new file; $(id).part"_s;

        auto writer = t.createFile(file);
        QVERIFY2(writer, writer ? "" : qPrintable(writer.error().message));
        const QByteArray chunk(1024 * 1024, 'c');
        for (int i = 0; i < 5; ++i)
            QVERIFY((*writer)->write(chunk));
        QVERIFY((*writer)->write("end"));
        QVERIFY((*writer)->commit());
        // The host is this machine: the path arrived as one argument, byte for byte.
        QCOMPARE(QFileInfo(file).size(), 5 * 1024 * 1024 + 3);

        auto read = t.readFile(file, 10 * 1024 * 1024);
        QVERIFY(read);
        QCOMPARE(read->size(), 5 * 1024 * 1024 + 3);
        QVERIFY(!t.readFile(file, 100));

        auto remoteHash = t.sha256(file, {});
        QVERIFY(remoteHash);
        auto localHash = host::transportFor({u"l"_s, u"qemu:///system"_s, {}}).value()->sha256(file, {});
        QCOMPARE(*remoteHash, *localHash);

        const QString renamed = dir + u"/final 'name'"_s;
        QVERIFY(t.rename(file, renamed));
        QVERIFY(!QFile::exists(file));
        QVERIFY(QFile::exists(renamed));

        const QDateTime when = QDateTime::fromMSecsSinceEpoch(1600000000123, Qt::UTC);
        QVERIFY(t.touch(renamed, when));
        QCOMPARE(QFileInfo(renamed).lastModified().toUTC(), when);
        const auto touchedMissing = t.touch(dir + u"/missing"_s, when);
        QVERIFY(!touchedMissing);
        QCOMPARE(touchedMissing.error().kind, Error::Kind::NotFound);
        const auto readMissing = t.readFile(dir + u"/missing"_s);
        QVERIFY(!readMissing);
        QCOMPARE(readMissing.error().kind, Error::Kind::NotFound);
        // A program the host does not have: the launcher's one "not installed" error.
        const auto notThere = t.run({u"no-such-program-cowherd"_s});
        QVERIFY(!notThere);
        QCOMPARE(notThere.error().kind, Error::Kind::Unsupported);
        QCOMPARE(notThere.error().message,
            u"no-such-program-cowherd is not installed on lab-b; install it (see the README) and try again."_s);

        QVERIFY(t.writeFileAtomically(dir + u"/meta.json"_s, "{\"a\": 1}"));
        QCOMPARE(fileContent(dir + u"/meta.json"_s), QByteArray("{\"a\": 1}"));

        auto probed = t.probe({renamed, dir + u"/missing"_s}, 16);
        QVERIFY(probed);
        QCOMPARE(probed->size(), 2);
        QVERIFY(probed->at(0).isFile);
        QCOMPARE(probed->at(0).head, QByteArray(16, 'c'));
        QVERIFY(!probed->at(1).exists);

        auto space = t.freeSpace(dir);
        QVERIFY(space && *space > 0);

        const QString lockFile = dir + u"/locks/base; $(id).lock"_s;
        {
            auto held = t.lock(lockFile, {});
            QVERIFY2(held, held ? "" : qPrintable(held.error().message));
            auto second = t.lock(lockFile, {.wait = false});
            QVERIFY(!second);
            QVERIFY2(second.error().message.contains(u"is locked"_s), qPrintable(second.error().message));
            QCOMPARE(second.error().kind, Error::Kind::Busy);
            auto timed = t.lock(lockFile, {.wait = true, .isCancelled = {}, .timeoutMs = 1000});
            QVERIFY(!timed);
            QCOMPARE(timed.error().kind, Error::Kind::Busy);
        }
        auto again = t.lock(lockFile, {.wait = false});
        QVERIFY2(again, again ? "" : qPrintable(again.error().message));
        again->reset();

        auto aborted = t.createFile(dir + u"/aborted.part"_s);
        QVERIFY(aborted);
        QVERIFY((*aborted)->write(chunk));
        (*aborted)->abort();
        QVERIFY(!QFile::exists(dir + u"/aborted.part"_s));

        auto denied = t.createFile(u"/proc/cowherd/x"_s);
        QVERIFY(!denied);
        QVERIFY2(denied.error().message.contains(u"lab-b"_s), qPrintable(denied.error().message));

        QVERIFY(t.removeFile(renamed));
        QVERIFY(t.removeFile(renamed)); // missing is fine
        QVERIFY(t.removeTree(dir));
        QVERIFY(!QFileInfo::exists(dir));
        QVERIFY(!QFile::exists(u"/tmp/cowherd-pwned"_s));
    }

    void oneMasterConnectionForManyOperations()
    {
        QTemporaryDir control(u"/tmp/cowherd-ctl-XXXXXX"_s);
        QVERIFY(control.isValid());
        host::SshOptions options = host::SshOptions::fromEnvironment();
        options.controlDirectory = control.path();
        host::SshTransport t(*host::parseLibvirtUri(remoteUri(u"cowherd-lab-b"_s)), u"lab-b"_s, options);
        const int before = acceptedConnections(u"cowherd-lab-b"_s);
        QVERIFY(before >= 0);
        for (int i = 0; i < 5; ++i) {
            QVERIFY(t.listCache(m_lab->instancesPath(), {}));
            QVERIFY(t.probe({m_lab->basePath()}, 0));
            QVERIFY(t.run({u"true"_s}));
            auto lock = t.lock(m_lab->instancesPath() + u"/locks/count"_s, {});
            QVERIFY(lock);
        }
        QCOMPARE(acceptedConnections(u"cowherd-lab-b"_s) - before, 1);
        t.disconnect();
    }

    void killedMasterFailsTheCommandAndTheNextScanRecovers()
    {
        QTemporaryDir control(u"/tmp/cowherd-ctl-XXXXXX"_s);
        host::SshOptions options = host::SshOptions::fromEnvironment();
        options.controlDirectory = control.path();
        host::SshTransport t(*host::parseLibvirtUri(remoteUri(u"cowherd-lab-a"_s)), u"lab-a"_s, options);
        QVERIFY(t.listCache(m_lab->instancesPath(), {}));

        QStringList check = t.sshCommand({});
        check.removeLast();
        check.insert(1, u"-O"_s);
        check.insert(2, u"check"_s);
        auto checked = host::runProcess(check, {});
        QVERIFY(checked);
        const QByteArray said = checked->standardError;
        const qsizetype at = said.indexOf("pid=");
        QVERIFY2(at >= 0, said.constData());
        const pid_t master = pid_t(said.mid(at + 4, said.indexOf(')', at) - at - 4).toInt());
        QVERIFY(master > 0);

        std::atomic_bool started = false;
        host::RunOptions o;
        o.onOutput = [&](QByteArrayView) { started = true; };
        o.timeoutMs = 60000;
        auto running = QtConcurrent::run([&] {
            return t.run({u"sh"_s, u"-c"_s, u"echo started; exec sleep 50"_s}, o);
        });
        QTRY_VERIFY_WITH_TIMEOUT(started.load(), 20000);
        QCOMPARE(::kill(master, SIGKILL), 0);
        const auto result = running.result();
        QVERIFY(!result || !result->succeeded());
        if (!result)
            QVERIFY2(result.error().message.contains(u"lab-a"_s), qPrintable(result.error().message));

        auto recovered = t.listCache(m_lab->instancesPath(), {});
        QVERIFY2(recovered, recovered ? "" : qPrintable(recovered.error().message));
        t.disconnect();
    }

    void launchTerminateCleanupVerifyOverSsh()
    {
        QTemporaryDir config;
        const QString conf = config.path() + u"/cowherd.conf"_s;
        const QString images
            = m_lab->instancesPath() + u"/../"_s + QFileInfo(m_lab->instancesPath()).fileName() + u"-images"_s;
        QVERIFY(QDir().mkpath(images));
        const QString demo = images + u"/demo.raw"_s;
        QCOMPARE(ctl({u"demo-image"_s, demo, u"--label"_s, u"remote"_s}).exitCode, 0);
        const CtlRun add = ctl({u"--config"_s, conf, u"hosts"_s, u"add"_s, u"lab-a"_s, remoteUri(u"cowherd-lab-a"_s),
            u"--instances-path"_s, m_lab->instancesPath()});
        QVERIFY2(add.exitCode == 0, add.err.constData());
        const QStringList host{u"--config"_s, conf, u"--host"_s, u"lab-a"_s};

        const CtlRun launched = ctl(host
            + QStringList{u"launch"_s, u"--json"_s, u"--quiet"_s, u"--virt-type"_s, u"qemu"_s, u"--image"_s, demo,
                u"--name"_s, m_prefix + u"r"_s});
        QVERIFY2(launched.exitCode == 0, launched.err.constData());
        const QJsonObject j = launched.json();
        QCOMPARE(j[u"state"_s].toString(), u"running"_s);
        const QString basePath = m_lab->basePath() + u'/' + j[u"base"_s].toString();
        QVERIFY(QFile::exists(basePath));
        QVERIFY(QFile::exists(j[u"disk"_s].toString()));

        const CtlRun verified = ctl(host + QStringList{u"verify"_s, u"--json"_s});
        QVERIFY2(verified.exitCode == 0, QByteArray(verified.err + verified.out).constData());

        const CtlRun terminated
            = ctl(host + QStringList{u"terminate"_s, j[u"name"_s].toString(), u"--timeout"_s, u"5"_s});
        QVERIFY2(terminated.exitCode == 0, terminated.err.constData());
        QVERIFY(!QFileInfo::exists(j[u"directory"_s].toString()));
        QVERIFY(QFile::exists(basePath));

        // Unused and old enough: the pass over SSH removes the base file.
        QVERIFY(host::transportFor({u"l"_s, u"qemu:///system"_s, {}})
                    .value()
                    ->touch(basePath, QDateTime::currentDateTimeUtc().addDays(-30)));
        const CtlRun cleaned = ctl(host
            + QStringList{
                u"cleanup"_s, u"--json"_s, u"--original-min-age"_s, u"60"_s, u"--resized-min-age"_s, u"60"_s});
        QVERIFY2(cleaned.exitCode == 0, QByteArray(cleaned.err + cleaned.out).constData());
        QVERIFY2(!QFile::exists(basePath), cleaned.out.constData());
    }

    void sharingGroupAcrossRemoteHosts()
    {
        const QList<host::HostConfig> all{
            {u"lab-a"_s, remoteUri(u"cowherd-lab-a"_s), m_lab->instancesPath()},
            {u"lab-b"_s, remoteUri(u"cowherd-lab-b"_s), m_lab->instancesPath()},
            {u"elsewhere"_s, remoteUri(u"cowherd-lab-b"_s), m_lab->instancesPath() + u"/other"_s},
        };
        QVERIFY(QDir().mkpath(m_lab->instancesPath() + u"/other/_base"_s));
        cache::TransportFactory transports = [](const host::HostConfig &h) -> std::unique_ptr<host::Transport> {
            auto t = host::transportFor(h);
            return t ? std::move(*t) : nullptr;
        };
        auto a = transports(all.at(0));
        auto id = cache::ensureStorageId(*a, cache::basePath(m_lab->instancesPath()));
        QVERIFY2(id, id ? "" : qPrintable(id.error().message));
        auto other = transports(all.at(2));
        QVERIFY(cache::ensureStorageId(*other, cache::basePath(all.at(2).instancesPath)));
        QTemporaryDir config;
        const auto group = cache::sharingGroupOf(all.at(0), all, config.path() + u"/cowherd.conf"_s, transports);
        QCOMPARE(group.size(), 2);
        QCOMPARE(group.at(0).name, u"lab-a"_s);
        QCOMPARE(group.at(1).name, u"lab-b"_s);
    }

    void hostConnectionReconnectsAndEventsComeBack()
    {
        host::HostConnection connection({u"lab-a"_s, remoteUri(u"cowherd-lab-a"_s), m_lab->instancesPath()});
        connection.setMaxBackoffMs(2000);
        QSignalSpy states(&connection, &host::HostConnection::stateChanged);
        QSignalSpy events(&connection, &host::HostConnection::domainEvent);
        connection.start();
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), host::HostConnection::State::Connected, 30000);

        const QList<pid_t> tunnels = libvirtTunnels(u"cowherd-lab-a"_s);
        QCOMPARE(tunnels.size(), 1);
        QCOMPARE(::kill(tunnels.first(), SIGKILL), 0);
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), host::HostConnection::State::Reconnecting, 30000);
        QVERIFY(connection.reason().contains(u"lab-a"_s));
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), host::HostConnection::State::Connected, 30000);

        auto local = host::LibvirtConnection::open(u"qemu:///system"_s);
        QVERIFY(local);
        const QByteArray xml = "<domain type='qemu'><name>" + (m_prefix + u"events"_s).toUtf8()
            + "</name><memory unit='MiB'>64</memory><os><type>hvm</type></os></domain>";
        virDomainPtr dom = virDomainDefineXML(local->handle(), xml.constData());
        QVERIFY2(dom, qPrintable(host::LibvirtConnection::lastError()));
        char uuid[VIR_UUID_STRING_BUFLEN] = {};
        virDomainGetUUIDString(dom, uuid);
        virDomainUndefine(dom);
        virDomainFree(dom);
        const QString expected = QString::fromLatin1(uuid);
        auto seen = [&](const QString &event) {
            for (const QList<QVariant> &e : std::as_const(events))
                if (e.at(0).toString() == expected && e.at(2).toString() == event)
                    return true;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(seen(u"defined"_s), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(seen(u"undefined"_s), 20000);
        connection.stop();
        QCOMPARE(connection.state(), host::HostConnection::State::Disconnected);
    }

    void deadAndHungHostsReturnWithinTheTimeout_data()
    {
        QTest::addColumn<bool>("hung");
        QTest::addRow("refused") << false; // nothing listens: refused at once
        QTest::addRow("hung") << true; // the kernel accepts, nobody ever speaks SSH
    }
    void deadAndHungHostsReturnWithinTheTimeout()
    {
        QFETCH(bool, hung);
        QTcpServer silent;
        quint16 port = 9;
        if (hung) {
            QVERIFY(silent.listen(QHostAddress::LocalHost));
            port = silent.serverPort();
        }
        qputenv("COWHERD_SSH_CONNECT_TIMEOUT", "2");
        QElapsedTimer clock;
        clock.start();
        // The full scan, libvirt included, as the GUI's scheduler runs it.
        auto snap = cache::scanHost({u"dead"_s, u"qemu+ssh://127.0.0.1:%1/system"_s.arg(port), m_lab->instancesPath()});
        qunsetenv("COWHERD_SSH_CONNECT_TIMEOUT");
        QVERIFY(snap);
        QVERIFY(clock.elapsed() < 10000);
        QCOMPARE(snap->problems.size(), 1);
        QCOMPARE(snap->problems.first().code, u"instances-path-unreadable"_s);
        QVERIFY2(snap->problems.first().message.contains(u"dead"_s), qPrintable(snap->problems.first().message));
        QVERIFY(snap->instances.isEmpty());

        qputenv("COWHERD_SSH_CONNECT_TIMEOUT", "2");
        auto transport
            = host::transportFor({u"dead"_s, u"qemu+ssh://127.0.0.1:%1/system"_s.arg(port), m_lab->instancesPath()});
        QVERIFY(transport);
        auto listed = (*transport)->listCache(m_lab->instancesPath(), {});
        qunsetenv("COWHERD_SSH_CONNECT_TIMEOUT");
        QVERIFY(!listed);
        QCOMPARE(listed.error().kind, Error::Kind::Unreachable);
    }

private:
    QTemporaryDir m_control{u"/tmp/cowherd-ctl-XXXXXX"_s};
    std::unique_ptr<test::TestLab> m_lab;
    QString m_prefix;
};

QTEST_GUILESS_MAIN(TestSshRemote)
#include "tst_ssh_remote.moc"
