#include "host/hostregistry.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cowherd::host;

class TestHostRegistry : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip()
    {
        QTemporaryDir dir;
        const QString file = dir.path() + u"/hosts.conf"_s;
        {
            HostRegistry registry(file);
            QVERIFY(registry.hosts().isEmpty());
            QVERIFY(registry.add({u"lab/3 [a]"_s, u"qemu+ssh://root@lab3/system"_s, u"/srv/i"_s}));
            QVERIFY(registry.add({u"local"_s, u"qemu:///system"_s, u"/var/lib/nova/instances/"_s}));
        }
        HostRegistry again(file);
        const QList<HostConfig> hosts = again.hosts();
        QCOMPARE(hosts.size(), 2);
        QCOMPARE(again.find(u"lab/3 [a]"_s)->uri, u"qemu+ssh://root@lab3/system"_s);
        QCOMPARE(again.find(u"qemu:///system"_s)->name, u"local"_s);
        QCOMPARE(again.find(u"local"_s)->instancesPath, u"/var/lib/nova/instances"_s);
        QVERIFY(!again.find(u"nope"_s));
        QVERIFY(again.remove(u"lab/3 [a]"_s));
        QCOMPARE(HostRegistry(file).hosts().size(), 1);
    }

    // Nova's settings (issue 15) round-trip; `hosts set` replaces them and keeps the rest.
    void novaSettingsRoundTrip()
    {
        QTemporaryDir dir;
        const QString file = dir.path() + u"/hosts.conf"_s;
        HostConfig nova{u"compute1"_s, u"qemu+ssh://root@compute1/system"_s, u"/var/lib/nova/instances"_s};
        QCOMPARE(int(nova.managedBy), int(ManagedBy::Auto));
        QCOMPARE(nova.novaConf, HostConfig::defaultNovaConf());
        QVERIFY(!nova.allowNovaWrites);
        nova.managedBy = ManagedBy::Nova;
        nova.novaConf = {u"/etc/nova/nova.conf"_s, u"/srv/nova/extra.d/*.conf"_s};
        QVERIFY(HostRegistry(file).add(nova));
        QVERIFY(HostRegistry(file).add({u"plain"_s, u"qemu:///system"_s, u"/srv/i"_s}));
        QCOMPARE(*HostRegistry(file).find(u"compute1"_s), nova);
        QCOMPARE(*HostRegistry(file).find(u"plain"_s), (HostConfig{u"plain"_s, u"qemu:///system"_s, u"/srv/i"_s}));

        nova.allowNovaWrites = true;
        nova.managedBy = ManagedBy::Cowherd;
        nova.novaConf = HostConfig::defaultNovaConf();
        QVERIFY(HostRegistry(file).update(nova));
        QCOMPARE(*HostRegistry(file).find(u"compute1"_s), nova);
        QCOMPARE(HostRegistry(file).hosts().size(), 2);

        auto missing = HostRegistry(file).update({u"nope"_s, u"qemu:///system"_s, u"/x"_s});
        QVERIFY(!missing);
        QVERIFY(missing.error().message.contains(u"nope"_s));
        auto relative
            = HostRegistry(file).update({u"plain"_s, u"qemu:///system"_s, u"/x"_s, ManagedBy::Auto, {u"nova.conf"_s}});
        QVERIFY(!relative);
        QVERIFY(relative.error().message.contains(u"nova.conf"_s));
    }

    void managedByNames_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("expected"); // -1: not a value
        QTest::addRow("auto") << u"auto"_s << int(ManagedBy::Auto);
        QTest::addRow("nova") << u"nova"_s << int(ManagedBy::Nova);
        QTest::addRow("Cowherd") << u"Cowherd"_s << int(ManagedBy::Cowherd);
        QTest::addRow("empty") << QString() << -1;
        QTest::addRow("other") << u"openstack"_s << -1;
    }
    void managedByNames()
    {
        QFETCH(QString, text);
        QFETCH(int, expected);
        const auto parsed = managedByFromString(text);
        QCOMPARE(parsed ? int(*parsed) : -1, expected);
        if (parsed)
            QCOMPARE(managedByFromString(toString(*parsed)), parsed);
    }

    void refusesBadHosts_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("uri");
        QTest::addColumn<QString>("path");
        QTest::addRow("no name") << u" "_s << u"qemu:///system"_s << u"/x"_s;
        QTest::addRow("not a uri") << u"a"_s << u"lab3"_s << u"/x"_s;
        QTest::addRow("relative path") << u"a"_s << u"qemu:///system"_s << u"instances"_s;
    }
    void refusesBadHosts()
    {
        QFETCH(QString, name);
        QFETCH(QString, uri);
        QFETCH(QString, path);
        QTemporaryDir dir;
        HostRegistry registry(dir.path() + u"/h.conf"_s);
        auto added = registry.add({name, uri, path});
        QVERIFY(!added);
        QVERIFY(!added.error().message.isEmpty());
        QVERIFY(registry.hosts().isEmpty());
    }

    void demoLabHonoursOverride()
    {
        qputenv("COWHERD_DEMO_URI", "test:///default");
        const HostConfig demo = demoLabHost();
        QCOMPARE(demo.uri, u"test:///default"_s);
        QVERIFY(demo.instancesPath.endsWith(u"/cowherd/demo-lab/instances"_s));
        QVERIFY(QFileInfo(demo.instancesPath + u"/_base"_s).isDir());
    }
};

QTEST_GUILESS_MAIN(TestHostRegistry)
#include "tst_hostregistry.moc"
