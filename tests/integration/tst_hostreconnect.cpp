// HostConnection against a libvirtd of the test's own (tests/support/privatelibvirtd.sh): the
// daemon is stopped and started again, which the shared qemu:///system fixture must never be.
// Real daemon, real socket, real lifecycle events of libvirt's test driver behind it.
#include "host/hostconnection.h"
#include "host/libvirtconnection.h"
#include "testlab.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <libvirt/libvirt.h>

using namespace Qt::StringLiterals;
using namespace cowherd;
using host::HostConnection;

namespace {

const QString Script = QStringLiteral(COWHERD_SOURCE_DIR "/tests/support/privatelibvirtd.sh");

// The test driver's default domain: its uuid, and a lifecycle action on it through a second
// connection (as `virsh` outside Cowherd would do it).
bool cycleDomain(const QString &uri, bool start, QString *uuid)
{
    auto conn = host::LibvirtConnection::open(uri);
    if (!conn)
        return false;
    virDomainPtr dom = virDomainLookupByName(conn->handle(), "test");
    if (!dom)
        return false;
    char id[VIR_UUID_STRING_BUFLEN] = {};
    virDomainGetUUIDString(dom, id);
    *uuid = QString::fromLatin1(id);
    const int rc = start ? virDomainCreate(dom) : virDomainDestroy(dom);
    virDomainFree(dom);
    return rc == 0;
}

} // namespace

class TestHostReconnect : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_state;

    bool daemon(const QString &command) { return test::runTool({u"bash"_s, Script, command, m_state}); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // The daemon runs as nobody when the test runs as root: it must reach its directory.
        QVERIFY(QFile::setPermissions(
            m_dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther));
        m_state = m_dir.filePath(u"libvirtd"_s);
        QVERIFY(daemon(u"start"_s));
    }

    void cleanupTestCase() { daemon(u"stop"_s); }

    void stoppedDaemonReconnectsAndEventsComeBack()
    {
        const QString uri = u"test+unix:///default?socket=%1/run/libvirt-sock"_s.arg(m_state);
        HostConnection connection({u"private"_s, uri, m_dir.path()});
        connection.setMaxBackoffMs(1000);
        connection.setKeepAlive(1, 2);
        QSignalSpy states(&connection, &HostConnection::stateChanged);
        QSignalSpy events(&connection, &HostConnection::domainEvent);
        connection.start();
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), HostConnection::State::Connected, 20000);

        // Events arrive before the daemon goes away.
        QString uuid;
        QVERIFY(cycleDomain(uri, false, &uuid));
        QTRY_VERIFY_WITH_TIMEOUT(!events.isEmpty(), 20000);
        QCOMPARE(events.last().at(0).toString(), uuid);
        QCOMPARE(events.last().at(2).toString(), u"stopped"_s);

        QVERIFY(daemon(u"stop"_s));
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), HostConnection::State::Reconnecting, 20000);
        QVERIFY2(connection.reason().contains(u"private"_s), qPrintable(connection.reason()));
        // While the daemon is away, reconnecting fails and is tried again.
        QTRY_VERIFY_WITH_TIMEOUT(connection.attempts() >= 2, 20000);
        QCOMPARE(connection.state(), HostConnection::State::Reconnecting);
        QVERIFY2(connection.reason().contains(u"Cannot connect"_s), qPrintable(connection.reason()));

        QVERIFY(daemon(u"start"_s));
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), HostConnection::State::Connected, 20000);
        QVERIFY(connection.reason().isEmpty());

        // The callback was registered again on the new connection: an event after the restart
        // reaches domainEvent. (The restarted test driver starts afresh with "test" running.)
        events.clear();
        QVERIFY(cycleDomain(uri, false, &uuid));
        QTRY_VERIFY_WITH_TIMEOUT(!events.isEmpty(), 20000);
        QCOMPARE(events.last().at(0).toString(), uuid);
        QCOMPARE(events.last().at(1).toString(), u"shutoff"_s);

        QList<HostConnection::State> seen;
        for (const QList<QVariant> &change : std::as_const(states))
            seen.append(change.at(0).value<HostConnection::State>());
        QVERIFY(seen.contains(HostConnection::State::Reconnecting));
        QCOMPARE(seen.first(), HostConnection::State::Connecting);
        QCOMPARE(seen.last(), HostConnection::State::Connected);

        connection.stop();
        QCOMPARE(connection.state(), HostConnection::State::Disconnected);
    }
};

QTEST_GUILESS_MAIN(TestHostReconnect)
#include "tst_hostreconnect.moc"
