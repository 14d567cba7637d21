// Per-host cache pass settings in HostRegistry's INI file, and the storage-id marker.
#include "cache/cachelayout.h"
#include "cache/cachepolicy.h"
#include "cache/sharinggroup.h"
#include "host/hostregistry.h"
#include "host/localtransport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace cowherd;
using namespace cowherd::cache;

class TestCachePolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void defaultsAreNovas()
    {
        const CachePolicy p;
        QCOMPARE(p.passIntervalSeconds, 2400);
        QCOMPARE(p.originalMinimumAgeSeconds, 86400);
        QCOMPARE(p.resizedMinimumAgeSeconds, 3600);
        QCOMPARE(p.orphanMinimumAgeSeconds, 86400);
        QVERIFY(p.removeUnused);
    }

    void roundTripBesideTheHost()
    {
        QTemporaryDir dir;
        const QString conf = dir.path() + u"/cowherd.conf"_s;
        host::HostRegistry registry(conf);
        QVERIFY(registry.add({u"lab 3/ä"_s, u"qemu:///system"_s, u"/var/lib/nova/instances"_s}));
        QVERIFY(registry.add({u"lab4"_s, u"qemu:///system"_s, u"/srv/instances"_s}));
        QCOMPARE(loadCachePolicy(conf, u"lab 3/ä"_s), CachePolicy{});

        CachePolicy p;
        p.passIntervalSeconds = 600;
        p.removeUnused = false;
        p.originalMinimumAgeSeconds = 7200;
        p.resizedMinimumAgeSeconds = 60;
        p.orphanMinimumAgeSeconds = 3600;
        p.verifyBudgetBytes = 1 << 30;
        p.verifyBudgetSeconds = 30;
        p.verifyWorkers = 1;
        p.verifyAtIdleIoPriority = false;
        p.sharingGroup = u"nfs-a"_s;
        QVERIFY(saveCachePolicy(conf, u"lab 3/ä"_s, p));
        QCOMPARE(loadCachePolicy(conf, u"lab 3/ä"_s), p);
        QCOMPARE(loadCachePolicy(conf, u"lab4"_s), CachePolicy{});

        // HostRegistry still sees exactly its two hosts, unchanged.
        const QList<host::HostConfig> hosts = registry.hosts();
        QCOMPARE(hosts.size(), 2);
        QCOMPARE(registry.find(u"lab 3/ä"_s)->instancesPath, u"/var/lib/nova/instances"_s);
        QVERIFY(registry.remove(u"lab 3/ä"_s));
        QCOMPARE(loadCachePolicy(conf, u"lab 3/ä"_s), CachePolicy{});
    }

    void unknownHostIsNotCreated()
    {
        QTemporaryDir dir;
        const QString conf = dir.path() + u"/cowherd.conf"_s;
        QVERIFY(!saveCachePolicy(conf, u"ghost"_s, {}));
        QVERIFY(rememberStorageId(conf, u"ghost"_s, u"x"_s));
        QCOMPARE(host::HostRegistry(conf).hosts().size(), 0);
        QVERIFY(rememberedStorageId(conf, u"ghost"_s).isEmpty());
    }

    void storageIdIsWrittenOnce()
    {
        QTemporaryDir dir;
        const QString base = dir.path() + u"/_base"_s;
        host::LocalTransport t;
        auto none = readStorageId(t, base);
        QVERIFY(none && none->isEmpty());
        auto id = ensureStorageId(t, base);
        QVERIFY(id);
        QVERIFY(!QUuid::fromString(*id).isNull());
        auto again = ensureStorageId(t, base);
        QVERIFY(again);
        QCOMPARE(*again, *id);
        QFile f(storageIdPath(base));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll().trimmed(), id->toUtf8());
    }

    void handSetGroupWins()
    {
        QTemporaryDir a, b;
        QVERIFY(QDir(a.path()).mkpath(u"_base"_s) && QDir(b.path()).mkpath(u"_base"_s));
        const QString conf = a.path() + u"/cowherd.conf"_s;
        host::HostRegistry registry(conf);
        QVERIFY(registry.add({u"a"_s, u"test:///default"_s, a.path()}));
        QVERIFY(registry.add({u"b"_s, u"test:///default"_s, b.path()}));
        const TransportFactory local = [](const host::HostConfig &) -> std::unique_ptr<host::Transport> {
            return std::make_unique<host::LocalTransport>();
        };
        QCOMPARE(sharingGroupOf(*registry.find(u"a"_s), registry.hosts(), conf, local).size(), 1);
        CachePolicy p;
        p.sharingGroup = u"rack-1"_s;
        QVERIFY(saveCachePolicy(conf, u"a"_s, p) && saveCachePolicy(conf, u"b"_s, p));
        QCOMPARE(sharingGroupOf(*registry.find(u"a"_s), registry.hosts(), conf, local).size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestCachePolicy)
#include "tst_cachepolicy.moc"
