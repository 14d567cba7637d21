#include "host/libvirturi.h"
#include "host/transportfactory.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace cowherd::host;

class TestLibvirtUri : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<bool>("local");
        QTest::addColumn<QString>("transport");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("hostName");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("keyFile");
        QTest::addColumn<QString>("knownHosts");
        QTest::addColumn<bool>("noVerify");

        QTest::addRow("system") << u"qemu:///system"_s << true << true << u""_s << u""_s << u""_s << 0 << u"/system"_s
                                << u""_s << u""_s << false;
        QTest::addRow("session") << u"qemu:///session"_s << true << true << u""_s << u""_s << u""_s << 0
                                 << u"/session"_s << u""_s << u""_s << false;
        QTest::addRow("test") << u"test:///default"_s << true << true << u""_s << u""_s << u""_s << 0 << u"/default"_s
                              << u""_s << u""_s << false;
        QTest::addRow("unix") << u"qemu+unix:///system"_s << true << true << u"unix"_s << u""_s << u""_s << 0
                              << u"/system"_s << u""_s << u""_s << false;
        QTest::addRow("ssh") << u"qemu+ssh://root@lab3/system"_s << true << false << u"ssh"_s << u"root"_s << u"lab3"_s
                             << 0 << u"/system"_s << u""_s << u""_s << false;
        QTest::addRow("ssh alias") << u"qemu+ssh://lab3/system"_s << true << false << u"ssh"_s << u""_s << u"lab3"_s
                                   << 0 << u"/system"_s << u""_s << u""_s << false;
        QTest::addRow("ssh port and query")
            << u"qemu+ssh://admin@lab3.example.org:2222/system?keyfile=/home/a/.ssh/id_ed25519&no_verify=1&known_hosts=/tmp/k%20h"_s
            << true << false << u"ssh"_s << u"admin"_s << u"lab3.example.org"_s << 2222 << u"/system"_s
            << u"/home/a/.ssh/id_ed25519"_s << u"/tmp/k h"_s << true;
        QTest::addRow("ssh ipv6") << u"qemu+ssh://root@[::1]:22/system"_s << true << false << u"ssh"_s << u"root"_s
                                  << u"::1"_s << 22 << u"/system"_s << u""_s << u""_s << false;
        QTest::addRow("tls") << u"qemu+tls://lab4/system"_s << true << false << u"tls"_s << u""_s << u"lab4"_s << 0
                             << u"/system"_s << u""_s << u""_s << false;
        QTest::addRow("tcp port") << u"qemu+tcp://lab5:16509/system"_s << true << false << u"tcp"_s << u""_s
                                  << u"lab5"_s << 16509 << u"/system"_s << u""_s << u""_s << false;
        QTest::addRow("bare remote") << u"qemu://lab6/system"_s << true << false << u""_s << u""_s << u"lab6"_s << 0
                                     << u"/system"_s << u""_s << u""_s << false;
        QTest::addRow("no scheme") << u"lab3"_s << false << false << u""_s << u""_s << u""_s << 0 << u""_s << u""_s
                                   << u""_s << false;
        QTest::addRow("empty") << u""_s << false << false << u""_s << u""_s << u""_s << 0 << u""_s << u""_s << u""_s
                               << false;
        QTest::addRow("ssh without host") << u"qemu+ssh:///system"_s << false << false << u""_s << u""_s << u""_s << 0
                                          << u""_s << u""_s << u""_s << false;
        QTest::addRow("unknown transport") << u"qemu+pigeon://lab3/system"_s << false << false << u""_s << u""_s
                                           << u""_s << 0 << u""_s << u""_s << u""_s << false;
        QTest::addRow("option as host") << u"qemu+ssh://-oProxyCommand=x/system"_s << false << false << u""_s << u""_s
                                        << u""_s << 0 << u""_s << u""_s << u""_s << false;
        QTest::addRow("option as user") << u"qemu+ssh://-oProxyCommand=x@lab3/system"_s << false << false << u""_s
                                        << u""_s << u""_s << 0 << u""_s << u""_s << u""_s << false;
    }
    void parse()
    {
        QFETCH(QString, uri);
        QFETCH(bool, valid);
        const auto parsed = parseLibvirtUri(uri);
        QCOMPARE(bool(parsed), valid);
        if (!valid) {
            QVERIFY(parsed.error().message.contains(u"qemu+ssh://"_s));
            return;
        }
        QTEST(parsed->isLocal(), "local");
        QTEST(parsed->transport, "transport");
        QTEST(parsed->user, "user");
        QTEST(parsed->hostName, "hostName");
        QTEST(parsed->port, "port");
        QTEST(parsed->path, "path");
        QTEST(parsed->keyFile, "keyFile");
        QTEST(parsed->knownHosts, "knownHosts");
        QTEST(parsed->noVerify, "noVerify");
    }
    void factoryChoosesTheTransport_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<bool>("local");
        QTest::addColumn<QString>("displayName");
        QTest::addRow("local") << u"qemu:///system"_s << true << true << u"this machine"_s;
        QTest::addRow("test") << u"test:///default"_s << true << true << u"this machine"_s;
        QTest::addRow("ssh") << u"qemu+ssh://root@lab3/system"_s << true << false << u"lab3"_s;
        QTest::addRow("tls") << u"qemu+tls://lab4/system"_s << true << false << u"lab3"_s;
        QTest::addRow("ext") << u"qemu+ext:///system?command=/bin/x"_s << false << false << u""_s;
        QTest::addRow("garbage") << u"lab3"_s << false << false << u""_s;
    }
    void factoryChoosesTheTransport()
    {
        QFETCH(QString, uri);
        QFETCH(bool, ok);
        const auto t = transportFor({u"lab3"_s, uri, u"/srv/instances"_s});
        QCOMPARE(bool(t), ok);
        if (!ok) {
            QVERIFY(t.error().message.contains(u"lab3"_s));
            return;
        }
        QTEST((*t)->isLocal(), "local");
        QTEST((*t)->displayName(), "displayName");
    }
};

QTEST_GUILESS_MAIN(TestLibvirtUri)
#include "tst_libvirturi.moc"
