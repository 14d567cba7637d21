// Whose cache a host is (issue 15): Nova's traces under the instances path, the decision, the
// image ids of base files, and advise mode's refusal.
#include "cache/basename.h"
#include "cache/novahost.h"
#include "cache/scanner.h"
#include "cache/snapshotjson.h"
#include "host/localtransport.h"
#include "testlab.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cowherd;
using namespace cowherd::cache;
using cowherd::test::TestLab;

namespace {

void writeText(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
}

Instance novaInstance(const QString &domain, const QString &server, const QString &imageId)
{
    Instance i;
    i.uuid = u"6c1a2a64-3e57-4b8e-9a54-35d0e1b7c0a1"_s;
    i.name = domain;
    host::NovaInstanceInfo n;
    n.name = server;
    n.imageId = imageId;
    i.nova = n;
    return i;
}

} // namespace

class TestNovaHost : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void traces_data()
    {
        QTest::addColumn<QStringList>("files"); // relative path, '=' content
        QTest::addColumn<bool>("lockFiles");
        QTest::addColumn<bool>("computeNodes");
        QTest::addRow("nothing") << QStringList{u"_base/.keep="_s} << false << false;
        QTest::addRow("Cowherd's own locks") << QStringList{u"locks/abc.lock="_s} << false << false;
        QTest::addRow("Nova's lock file")
            << QStringList{u"locks/nova-0a7c6cfc1a6f1e0b5a0dfb7d7f4b8c2d9e3f4a5b="_s} << true << false;
        QTest::addRow("Nova's registry lock") << QStringList{u"locks/nova-storage-registry-lock="_s} << true << false;
        QTest::addRow("a nova- lock Cowherd made") << QStringList{u"locks/nova-abc=cowherd\n"_s} << false << false;
        QTest::addRow("compute_nodes") << QStringList{u"compute_nodes={\"c1\": 1700000000.5}"_s} << false << true;
        QTest::addRow("both") << QStringList{u"compute_nodes={}"_s, u"locks/nova-x="_s, u"locks/nova-y=cowherd\n"_s}
                              << true << true;
        QTest::addRow("a name with a space") << QStringList{u"locks/nova-a b="_s} << true << false;
    }
    void traces()
    {
        QFETCH(QStringList, files);
        QFETCH(bool, lockFiles);
        QFETCH(bool, computeNodes);
        QTemporaryDir dir(QDir::tempPath() + u"/nova host XXXXXX"_s); // a space in the path
        for (const QString &spec : files) {
            const qsizetype eq = spec.indexOf(u'=');
            writeText(dir.path() + u'/' + spec.first(eq), spec.sliced(eq + 1).toUtf8());
        }
        host::LocalTransport local;
        auto traces = readNovaTraces(local, dir.path());
        QVERIFY2(traces, qPrintable(traces ? QString() : traces.error().message));
        QCOMPARE(traces->lockFiles, lockFiles);
        QCOMPARE(traces->computeNodes, computeNodes);
        QCOMPARE(traces->any(), lockFiles || computeNodes);
    }

    void decide_data()
    {
        QTest::addColumn<int>("setting");
        QTest::addColumn<bool>("lockFiles");
        QTest::addColumn<bool>("computeNodes");
        QTest::addColumn<bool>("metadata");
        QTest::addColumn<bool>("nova");
        QTest::addColumn<QString>("reason");
        const int a = int(host::ManagedBy::Auto), n = int(host::ManagedBy::Nova), c = int(host::ManagedBy::Cowherd);
        QTest::addRow("auto, nothing") << a << false << false << false << false << u"no trace of Nova"_s;
        QTest::addRow("auto, locks") << a << true << false << false << true << u"locks/nova-*"_s;
        QTest::addRow("auto, compute_nodes") << a << false << true << false << true << u"compute_nodes"_s;
        QTest::addRow("auto, metadata") << a << false << false << true << true << u"web-1"_s;
        QTest::addRow("cowherd by hand beats traces") << c << true << true << true << false << u"set by hand"_s;
        QTest::addRow("nova by hand without traces") << n << false << false << false << true << u"set by hand"_s;
    }
    void decide()
    {
        QFETCH(int, setting);
        QFETCH(bool, lockFiles);
        QFETCH(bool, computeNodes);
        QFETCH(bool, metadata);
        QFETCH(bool, nova);
        QFETCH(QString, reason);
        host::HostConfig h{u"c1"_s, u"qemu:///system"_s, u"/var/lib/nova/instances"_s, host::ManagedBy(setting)};
        QList<Instance> instances{Instance{}};
        if (metadata)
            instances.append(novaInstance(u"instance-00000005"_s, u"web-1"_s, u"img"_s));
        const Management m = decideManagement(h, {lockFiles, computeNodes}, instances);
        QCOMPARE(m.isNova(), nova);
        QVERIFY2(m.reason.contains(reason), qPrintable(m.reason));
    }

    void imageIds()
    {
        const QString a = u"9a3c6f0e-2b1d-4c5e-8f7a-6b5c4d3e2f10"_s;
        const QString b = u"sha256:0123"_s; // a Cowherd fetch of a file
        CacheSnapshot snap;
        snap.host = {u"c1"_s, u"qemu:///system"_s, u"/i"_s};
        snap.instances = {novaInstance(u"instance-1"_s, u"web-1"_s, a), novaInstance(u"instance-2"_s, u"web-2"_s, a)};
        auto base = [](const QString &name, const QString &imageId = {}) {
            BaseFile f;
            f.name = name;
            f.originalName = name.left(40).size() == 40 && !name.startsWith(u"swap") ? name.left(40) : QString();
            f.imageId = imageId;
            return f;
        };
        snap.bases
            = {base(originalBaseName(a)), base(originalBaseName(a) + u"_10"_s), base(originalBaseName(a) + u"_sm"_s),
                base(originalBaseName(b), b), base(originalBaseName(u"unknown"_s)), base(u"swap_512"_s)};
        addNovaFindings(snap, {});
        QCOMPARE(snap.bases[0].imageIds, QStringList{a});
        QCOMPARE(snap.bases[1].imageIds, QStringList{a});
        QCOMPARE(snap.bases[2].imageIds, QStringList{a});
        QCOMPARE(snap.bases[3].imageIds, QStringList{b});
        QVERIFY(snap.bases[4].imageIds.isEmpty());
        QVERIFY(snap.bases[5].imageIds.isEmpty());
        QCOMPARE(int(snap.managedBy), int(host::ManagedBy::Nova)); // the instances carry Nova's metadata
        const QJsonObject json = toJson(snap);
        QCOMPARE(json[u"bases"_s].toArray()[4].toObject()[u"image_ids"_s].toArray(), QJsonArray());
        QCOMPARE(json[u"bases"_s].toArray()[0].toObject()[u"image_ids"_s].toArray(), QJsonArray{a});
        QCOMPARE(json[u"host"_s].toObject()[u"managed_by"_s].toString(), u"nova"_s);
        const QJsonObject nova = json[u"instances"_s].toArray()[0].toObject()[u"nova"_s].toObject();
        QCOMPARE(nova[u"name"_s].toString(), u"web-1"_s);
        QCOMPARE(nova[u"image_id"_s].toString(), a);
        QVERIFY(nova[u"flavor"_s].toObject()[u"memory_mib"_s].isNull());
    }

    // Advise mode: a Nova host refuses writes until the host allows them; the message says how.
    void writesAllowed()
    {
        host::HostConfig h{u"c1"_s, u"qemu:///system"_s, u"/var/lib/nova/instances"_s};
        const Management nova{host::ManagedBy::Nova, u"Nova's lock files exist"_s};
        auto refused = ensureWritesAllowed(h, nova, u"remove base files"_s);
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, Error::Kind::Refused);
        QVERIFY2(refused.error().message.contains(u"allow_nova_writes"_s), qPrintable(refused.error().message));
        QVERIFY(refused.error().message.contains(u"cowherdctl hosts set c1 --allow-nova-writes"_s));
        QVERIFY(refused.error().message.contains(u"Nova's lock files exist"_s));
        QVERIFY(refused.error().message.contains(u"remove base files"_s));
        h.allowNovaWrites = true;
        QVERIFY(ensureWritesAllowed(h, nova, u"remove base files"_s));
        h.allowNovaWrites = false;
        QVERIFY(ensureWritesAllowed(h, Management{}, u"remove base files"_s));
    }

    // The scan resolves the host: an instances path with Nova's empty lock file is Nova's.
    void scanResolves()
    {
        TestLab lab;
        writeText(lab.instancesPath() + u"/locks/nova-storage-registry-lock"_s, {});
        host::HostConfig h{u"c1"_s, u"test:///default"_s, lab.instancesPath()};
        host::LocalTransport local;
        auto snap = scanHost(h, local, {.queryLibvirt = false});
        QVERIFY(snap);
        QCOMPARE(int(snap->managedBy), int(host::ManagedBy::Nova));
        auto refused = ensureWritesAllowed(h, local, u"fetch an image"_s);
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, Error::Kind::Refused);
        h.managedBy = host::ManagedBy::Cowherd;
        snap = scanHost(h, local, {.queryLibvirt = false});
        QVERIFY(snap);
        QCOMPARE(int(snap->managedBy), int(host::ManagedBy::Cowherd));
        QVERIFY(ensureWritesAllowed(h, local, u"fetch an image"_s));
    }
};

QTEST_GUILESS_MAIN(TestNovaHost)
#include "tst_novahost.moc"
