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
