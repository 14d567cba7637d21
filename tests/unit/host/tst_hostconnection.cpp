// HostConnection against libvirt's in-process test driver: states, events, stop; the reconnect
// after a lost connection is exercised over SSH in tst_ssh_remote.
#include "host/hostconnection.h"
#include "host/libvirtconnection.h"

#include <QSignalSpy>
#include <QTest>

#include <libvirt/libvirt.h>

using namespace Qt::StringLiterals;
using namespace cowherd::host;

class TestHostConnection : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void invalidUriFails()
    {
        HostConnection c({u"lab3"_s, u"lab3"_s, {}});
        QSignalSpy states(&c, &HostConnection::stateChanged);
        c.start();
        QCOMPARE(c.state(), HostConnection::State::Failed);
        QCOMPARE(states.size(), 1);
        QVERIFY(c.reason().contains(u"qemu+ssh://"_s));
    }

    void connectsAndReportsDomainEvents()
    {
        HostConnection c({u"test"_s, u"test:///default"_s, {}});
        QSignalSpy events(&c, &HostConnection::domainEvent);
        c.start();
        QCOMPARE(c.state(), HostConnection::State::Connecting);
        QTRY_COMPARE_WITH_TIMEOUT(c.state(), HostConnection::State::Connected, 10000);

        // test:///default is one shared in-process host: a second connection sees the same.
        auto other = LibvirtConnection::open(u"test:///default"_s);
        QVERIFY(other);
        virDomainPtr dom = virDomainLookupByName(other->handle(), "test");
        QVERIFY(dom);
        char uuid[VIR_UUID_STRING_BUFLEN] = {};
        virDomainGetUUIDString(dom, uuid);
        QCOMPARE(virDomainSuspend(dom), 0);
        QCOMPARE(virDomainResume(dom), 0);
        virDomainFree(dom);
        QTRY_COMPARE_WITH_TIMEOUT(events.size(), 2, 10000);
        QCOMPARE(events.at(0).at(0).toString(), QString::fromLatin1(uuid));
        QCOMPARE(events.at(0).at(1).toString(), u"paused"_s);
        QCOMPARE(events.at(0).at(2).toString(), u"suspended"_s);
        QCOMPARE(events.at(1).at(1).toString(), u"running"_s);

        c.stop();
        QCOMPARE(c.state(), HostConnection::State::Disconnected);
    }

    void unreachableHostKeepsRetrying()
    {
        HostConnection c({u"gone"_s, u"qemu+unix:///system?socket=/nonexistent/cowherd-sock"_s, {}});
        c.setMaxBackoffMs(200);
        c.start();
        QTRY_COMPARE_WITH_TIMEOUT(c.state(), HostConnection::State::Reconnecting, 10000);
        QVERIFY(c.reason().contains(u"gone"_s));
        QTRY_VERIFY_WITH_TIMEOUT(c.attempts() >= 3, 10000);
        QCOMPARE(c.state(), HostConnection::State::Reconnecting);
        c.stop();
        QCOMPARE(c.state(), HostConnection::State::Disconnected);
    }
};

QTEST_GUILESS_MAIN(TestHostConnection)
#include "tst_hostconnection.moc"
