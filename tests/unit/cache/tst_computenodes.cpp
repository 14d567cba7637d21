// Nova's shared-storage registry (issue 15): <instances>/compute_nodes read under Nova's registry
// lock, never written; a node seen within Nova's 24 hours that Cowherd cannot scan blocks removal
// and the plan names it.
#include "cache/cachelayout.h"
#include "cache/cachepass.h"
#include "cache/computenodes.h"
#include "cache/novaplanner.h"
#include "host/localtransport.h"
#include "novalockholder.h"
#include "testlab.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cowherd;
using namespace cowherd::cache;
using cowherd::test::NovaLockHolder;
using cowherd::test::TestLab;

namespace {

const QDateTime now = QDateTime(QDate(2026, 11, 26), QTime(12, 0), Qt::UTC);

TransportFactory local()
{
    return [](const host::HostConfig &) -> std::unique_ptr<host::Transport> {
        return std::make_unique<host::LocalTransport>();
    };
}

void write(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

QByteArray registry(const QList<std::pair<QString, qint64>> &nodes)
{
    QByteArray json = "{";
    for (const auto &[name, ago] : nodes)
        json += (json.size() > 1 ? ", " : "")
            + u"\"%1\": %2.25"_s.arg(name).arg(QDateTime::currentSecsSinceEpoch() - ago).toUtf8();
    return json + "}";
}

bool age(const QString &path, qint64 seconds)
{
    QFile f(path);
    return f.open(QIODevice::ReadWrite)
        && f.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-seconds), QFileDevice::FileModificationTime);
}

} // namespace

class TestComputeNodes : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("nodes"); // -1: an error
        QTest::addRow("Nova's") << QByteArray(R"({"compute-1": 1764158400.123456, "compute-2": 1764158000})") << 2;
        QTest::addRow("empty") << QByteArray("{}") << 0;
        QTest::addRow("half written") << QByteArray(R"({"compute-1": 17641)") << -1;
        QTest::addRow("empty file") << QByteArray() << -1;
        QTest::addRow("an array") << QByteArray("[1, 2]") << -1;
        QTest::addRow("a time as text") << QByteArray(R"({"c": "yesterday"})") << -1;
        QTest::addRow("a negative time") << QByteArray(R"({"c": -5})") << -1;
    }
    void parse()
    {
        QFETCH(QByteArray, json);
        QFETCH(int, nodes);
        auto parsed = parseComputeNodes(json);
        QCOMPARE(parsed ? int(parsed->size()) : -1, nodes);
        if (!parsed)
            QVERIFY(!parsed.error().message.isEmpty());
    }

    void window_data()
    {
        QTest::addColumn<qint64>("secondsAgo");
        QTest::addColumn<bool>("member");
        QTest::addRow("a minute ago") << qint64(60) << true;
        QTest::addRow("23 h 59 min ago") << qint64(86340) << true;
        QTest::addRow("exactly 24 h ago") << qint64(86400) << false;
        QTest::addRow("two days ago") << qint64(2 * 86400) << false;
        QTest::addRow("in the future (clock skew)") << qint64(-300) << true;
    }
    void window()
    {
        QFETCH(qint64, secondsAgo);
        QFETCH(bool, member);
        const QList<ComputeNode> nodes{{u"ghost"_s, now.addSecs(-secondsAgo)}};
        QCOMPARE(recentStorageUsers(nodes, now).size(), member ? 1 : 0);

        // As a member Cowherd cannot scan, it blocks removal under both rules, and is named.
        SharingGroupState state;
        HostSnapshotView c1;
        c1.host = {u"c1"_s, u"qemu:///system"_s, u"/var/lib/nova/instances"_s};
        CacheSnapshot snap;
        snap.host = c1.host;
        BaseFile old;
        old.name = u"0a7c6cfc1a6f1e0b5a0dfb7d7f4b8c2d9e3f4a5b"_s;
        old.path = u"/var/lib/nova/instances/_base/"_s + old.name;
        old.kind = BaseKind::Original;
        old.mtime = now.addSecs(-3 * 86400);
        snap.bases = {old};
        c1.snapshot = snap;
        state.hosts = {c1};
        addComputeNodeMembers(state, recentStorageUsers(nodes + QList<ComputeNode>{{u"c1-node"_s, now}}, now),
            {{u"c1"_s, {u"c1-node"_s}}}, now);
        QCOMPARE(state.hosts.size(), member ? 2 : 1);
        const CleanupPlan cowherdPlan = planCleanup(state, {}, now);
        const CleanupPlan novaPlan = planNovaCleanup(state, {}, now);
        for (const CleanupPlan &plan : {cowherdPlan, novaPlan}) {
            QCOMPARE(plan.blocked, member);
            QCOMPARE(plan.removeCount, member ? 0 : 1);
            if (member)
                QVERIFY2(plan.blockedReason.contains(u"ghost unreachable (a Nova compute node sharing this cache"_s),
                    qPrintable(plan.blockedReason));
        }
    }

    // Read under Nova's registry lock: while nova-compute holds it, the read waits and gives up
    // naming the lock. Nothing is written: no lock file is created, compute_nodes is unchanged.
    void readUnderRegistryLock()
    {
        TestLab lab;
        host::LocalTransport transport;
        const QString file = lab.instancesPath() + u"/compute_nodes"_s;
        auto none = readComputeNodes(transport, lab.instancesPath());
        QVERIFY(none && !*none);

        write(file, R"({"compute-1": 1764158400.5})");
        QVERIFY(age(file, 600));
        const QDateTime before = QFileInfo(file).lastModified();
        auto read = readComputeNodes(transport, lab.instancesPath());
        QVERIFY2(read && *read && (*read)->size() == 1, qPrintable(read ? QString() : read.error().message));
        QCOMPARE((*read)->first().name, u"compute-1"_s);
        QVERIFY(!QFile::exists(novaLockPath(lab.instancesPath(), u"storage-registry-lock"_s)));

        NovaLockHolder nova(locksDirectory(lab.instancesPath()), u"storage-registry-lock"_s);
        QVERIFY2(nova.waitUntilHeld(), qPrintable(nova.errors()));
        auto blocked = readComputeNodes(transport, lab.instancesPath(), 1000);
        QVERIFY(!blocked);
        QVERIFY2(blocked.error().message.contains(u"locks/nova-storage-registry-lock"_s),
            qPrintable(blocked.error().message));
        QVERIFY(nova.release());
        QVERIFY(readComputeNodes(transport, lab.instancesPath()));
        QCOMPARE(QFileInfo(file).lastModified(), before);
        QCOMPARE(QFile(file).size(), qint64(QByteArray(R"({"compute-1": 1764158400.5})").size()));
    }

    // The whole pass: a node compute_nodes saw a minute ago blocks the removal of an old unused
    // file; one seen two days ago does not.
    void passBlockedByRecentNode_data()
    {
        QTest::addColumn<qint64>("secondsAgo");
        QTest::addColumn<bool>("blocks");
        QTest::addRow("seen a minute ago") << qint64(60) << true;
        QTest::addRow("seen two days ago") << qint64(2 * 86400) << false;
    }
    void passBlockedByRecentNode()
    {
        QFETCH(qint64, secondsAgo);
        QFETCH(bool, blocks);
        TestLab lab;
        const QString name = TestLab::sha1Hex(u"old image"_s);
        const QString path = lab.addRawBase(name);
        QVERIFY(age(path, 3 * 86400));
        write(lab.instancesPath() + u"/compute_nodes"_s, registry({{u"ghost-compute"_s, secondsAgo}}));
        // compute_nodes makes the host Nova's; writes allowed, so the pass acts by Nova's rules.
        host::HostConfig host{u"lab1"_s, u"test:///default"_s, lab.instancesPath()};
        host.allowNovaWrites = true;
        host.novaConf = {lab.instancesPath() + u"/no-nova.conf"_s};
        PassOptions options;
        options.scan.queryLibvirt = false;
        options.verify = false;
        const PassResult result = runCachePass({host}, local(), options);
        QCOMPARE(toString(result.plan.rules), u"nova"_s);
        QVERIFY(!result.refused);
        QCOMPARE(result.plan.blocked, blocks);
        QCOMPARE(QFile::exists(path), blocks);
        if (blocks)
            QVERIFY2(result.plan.blockedReason.contains(u"ghost-compute"_s), qPrintable(result.plan.blockedReason));
    }
};

QTEST_GUILESS_MAIN(TestComputeNodes)
#include "tst_computenodes.moc"
