#include "cache/scanner.h"
#include "cache/snapshotjson.h"
#include "host/localtransport.h"
#include "testlab.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <libvirt/libvirt.h>

using namespace Qt::StringLiterals;
using namespace cowherd;
using namespace cowherd::cache;
using cowherd::test::TestLab;

namespace {

host::HostConfig hostFor(const TestLab &lab)
{
    return {u"fixture"_s, u"test:///default"_s, lab.instancesPath()};
}

CacheSnapshot scan(const TestLab &lab, bool libvirt = false)
{
    ScanOptions options;
    options.queryLibvirt = libvirt;
    auto snap = scanHost(hostFor(lab), options);
    if (!snap)
        qFatal("scan failed: %s", qPrintable(snap.error().message));
    return *snap;
}

bool hasProblem(const QList<Problem> &problems, const QString &code)
{
    return std::any_of(problems.begin(), problems.end(), [&](const Problem &p) { return p.code == code; });
}

// Deletes a file right after the listing, before the scanner probes chains: the file vanishes
// in the middle of the scan.
class VanishingTransport final : public host::LocalTransport
{
public:
    explicit VanishingTransport(QString victim)
        : m_victim(std::move(victim))
    { }
    Result<host::CacheListing> listCache(const QString &path, const host::ListOptions &o) override
    {
        auto listing = LocalTransport::listCache(path, o);
        QFile::remove(m_victim);
        return listing;
    }

private:
    QString m_victim;
};

// Lists as the transports did before they took onHead: every header kept in the listing until
// the scanner reads it.
class HeadKeepingTransport final : public host::LocalTransport
{
public:
    Result<host::CacheListing> listCache(const QString &path, const host::ListOptions &o) override
    {
        host::ListOptions plain = o;
        plain.onHead = {};
        return LocalTransport::listCache(path, plain);
    }
};

// Counts the headers the scanner took (and dropped) while listing, and the header bytes the
// listing still holds when it returns.
class HeadCountingTransport final : public host::LocalTransport
{
public:
    int taken = 0;
    qint64 bytesLeft = 0;
    Result<host::CacheListing> listCache(const QString &path, const host::ListOptions &o) override
    {
        host::ListOptions counted = o;
        counted.onHead = [&](host::FileEntry &e) {
            const bool hadHead = !e.head.isEmpty();
            o.onHead(e);
            taken += hadHead && e.head.isEmpty();
        };
        auto listing = LocalTransport::listCache(path, counted);
        for (const host::FileEntry &e : listing->baseFiles)
            bytesLeft += e.head.size();
        for (const host::InstanceDirectory &d : listing->instanceDirectories)
            for (const host::FileEntry &e : d.files)
                bytesLeft += e.head.size();
        return listing;
    }
};

} // namespace

class TestScanner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void overlaysOnBases()
    {
        TestLab lab;
        const QString a = TestLab::sha1Hex(u"image-a"_s);
        const QString b = TestLab::sha1Hex(u"image-b"_s);
        const QString baseA = lab.addRawBase(a);
        const QString baseB = lab.addQcow2Base(b);
        const QString resized = lab.addRawBase(a + u"_10"_s, 2);
        QVERIFY(!baseA.isEmpty() && !baseB.isEmpty() && !resized.isEmpty());
        QVERIFY(!lab.addOverlay(u"uuid-1"_s, baseA).isEmpty());
        QVERIFY(!lab.addOverlay(u"uuid-2"_s, baseA).isEmpty());
        QVERIFY(!lab.addOverlay(u"uuid-3"_s, baseB, u"qcow2"_s).isEmpty());
        QVERIFY(!lab.addOverlay(u"uuid-3"_s, resized, u"raw"_s, u"disk.local"_s).isEmpty());

        const CacheSnapshot snap = scan(lab);
        QVERIFY2(snap.problems.isEmpty(), qPrintable(snap.problems.value(0).message));
        QCOMPARE(snap.bases.size(), 3);
        QCOMPARE(snap.instances.size(), 3);

        const BaseFile *ba = snap.base(a);
        QVERIFY(ba);
        QCOMPARE(toString(ba->kind), u"original"_s);
        QCOMPARE(ba->format, u"raw"_s);
        QCOMPARE(ba->virtualSize, 1024 * 1024);
        QCOMPARE(ba->apparentSize, 1024 * 1024);
        QVERIFY(ba->allocatedSize > 0);
        QCOMPARE(ba->references, (QStringList{u"uuid-1"_s, u"uuid-2"_s}));
        QVERIFY(ba->problems.isEmpty());

        QCOMPARE(snap.base(b)->format, u"qcow2"_s);
        QCOMPARE(snap.base(b)->references, QStringList{u"uuid-3"_s});
        // Every disk counts, not only the root disk.
        QCOMPARE(toString(snap.base(QString(a + u"_10"_s))->kind), u"resized"_s);
        QCOMPARE(snap.base(QString(a + u"_10"_s))->references, QStringList{u"uuid-3"_s});

        const Instance *i3 = snap.instance(u"uuid-3"_s);
        QVERIFY(i3);
        QCOMPARE(i3->disks.size(), 2);
        QCOMPARE(i3->disks.at(0).format, u"qcow2"_s);
        QCOMPARE(i3->disks.at(0).backingChain.size(), 1);
        QCOMPARE(i3->disks.at(0).backingChain.at(0).path, baseB);
        QCOMPARE(i3->disks.at(0).backingChain.at(0).format, u"qcow2"_s);
        QCOMPARE(i3->state, u"undefined"_s);
    }

    void twoLevelChain()
    {
        TestLab lab;
        const QString base = lab.addRawBase(TestLab::sha1Hex(u"img"_s));
        const QString middle = lab.addOverlay(u"uuid-mid"_s, base);
        const QString top = lab.addOverlay(u"uuid-top"_s, middle, u"qcow2"_s);
        QVERIFY(!top.isEmpty());
        const CacheSnapshot snap = scan(lab);
        const Instance *t = snap.instance(u"uuid-top"_s);
        QVERIFY(t);
        QCOMPARE(t->disks.at(0).backingChain.size(), 2);
        QCOMPARE(t->disks.at(0).backingChain.at(0).path, middle);
        QCOMPARE(t->disks.at(0).backingChain.at(1).path, base);
        QCOMPARE(t->disks.at(0).backingChain.at(1).format, u"raw"_s);
        // A base file referenced only through another overlay is still referenced.
        QCOMPARE(snap.bases.at(0).references, (QStringList{u"uuid-mid"_s, u"uuid-top"_s}));
    }

    void chainLeavesInstancesPath()
    {
        TestLab lab;
        QTemporaryDir elsewhere;
        const QString base = lab.addRawBase(TestLab::sha1Hex(u"img"_s));
        const QString outside = elsewhere.path() + u"/template with space.qcow2"_s;
        QVERIFY(test::runTool(
            {u"qemu-img"_s, u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s, u"-F"_s, u"raw"_s, u"-b"_s, base, outside}));
        QVERIFY(!lab.addOverlay(u"uuid-x"_s, outside, u"qcow2"_s).isEmpty());
        const CacheSnapshot snap = scan(lab);
        QCOMPARE(snap.instance(u"uuid-x"_s)->disks.at(0).backingChain.size(), 2);
        QCOMPARE(snap.bases.at(0).references, QStringList{u"uuid-x"_s});
    }

    void missingBackingFile()
    {
        TestLab lab;
        const QString base = lab.addRawBase(TestLab::sha1Hex(u"gone"_s));
        QVERIFY(!lab.addOverlay(u"uuid-1"_s, base).isEmpty());
        QVERIFY(QFile::remove(base));
        const CacheSnapshot snap = scan(lab);
        QCOMPARE(snap.bases.size(), 0);
        const Disk &disk = snap.instance(u"uuid-1"_s)->disks.at(0);
        QVERIFY(hasProblem(disk.problems, u"backing-file-missing"_s));
        QVERIFY(disk.problems.first().message.contains(base));
    }

    void backingLoop()
    {
        TestLab lab;
        const QString base = lab.addRawBase(TestLab::sha1Hex(u"loop"_s));
        const QString a = lab.addOverlay(u"uuid-a"_s, base);
        const QString b = lab.addOverlay(u"uuid-b"_s, a, u"qcow2"_s);
        // An unsafe rebase writes the loop a -> b -> a into the header without checking.
        QVERIFY(test::runTool(
            {u"qemu-img"_s, u"rebase"_s, u"-u"_s, u"-f"_s, u"qcow2"_s, u"-F"_s, u"qcow2"_s, u"-b"_s, b, a}));
        const CacheSnapshot snap = scan(lab);
        QVERIFY(hasProblem(snap.instance(u"uuid-a"_s)->disks.at(0).problems, u"backing-loop"_s));
        QVERIFY(hasProblem(snap.instance(u"uuid-b"_s)->disks.at(0).problems, u"backing-loop"_s));
        QVERIFY(snap.bases.at(0).references.isEmpty());
    }

    void fileVanishesDuringScan()
    {
        TestLab lab;
        QTemporaryDir elsewhere;
        const QString base = lab.addRawBase(TestLab::sha1Hex(u"img"_s));
        const QString outside = elsewhere.path() + u"/middle.qcow2"_s;
        QVERIFY(test::runTool(
            {u"qemu-img"_s, u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s, u"-F"_s, u"raw"_s, u"-b"_s, base, outside}));
        QVERIFY(!lab.addOverlay(u"uuid-v"_s, outside, u"qcow2"_s).isEmpty());
        VanishingTransport transport(outside);
        ScanOptions options;
        options.queryLibvirt = false;
        auto snap = scanHost(hostFor(lab), transport, options);
        QVERIFY(snap);
        QVERIFY(hasProblem(snap->instance(u"uuid-v"_s)->disks.at(0).problems, u"backing-file-missing"_s));
        QCOMPARE(snap->bases.size(), 1);
    }

    void awkwardNames()
    {
        TestLab lab;
        const QString base = lab.addRawBase(TestLab::sha1Hex(u"quote"_s));
        const QString uuid = u"it's a \"quoted\" dir; $(touch pwned)"_s;
        const QString overlay = lab.addOverlay(uuid, base);
        QVERIFY(!overlay.isEmpty());
        const CacheSnapshot snap = scan(lab);
        QVERIFY(snap.instance(uuid));
        QCOMPARE(snap.instance(uuid)->disks.at(0).path, overlay);
        QCOMPARE(snap.bases.at(0).references, QStringList{uuid});
        QVERIFY(!QFile::exists(u"pwned"_s));
    }

    void badInput()
    {
        TestLab lab;
        QVERIFY(test::writeFile(lab.basePath() + u"/README.txt"_s, 100, "not an image\n"));
        // A qcow2 magic followed by nothing: a truncated header.
        QVERIFY(test::writeFile(lab.basePath() + u'/' + TestLab::sha1Hex(u"trunc"_s), 4, "QFI\xfb"));
        QDir().mkpath(lab.instanceDir(u"uuid-t"_s));
        QVERIFY(test::writeFile(lab.instanceDir(u"uuid-t"_s) + u"/disk"_s, 20, "QFI\xfb\0\0\0\3"));
        const CacheSnapshot snap = scan(lab);
        QCOMPARE(snap.bases.size(), 2);
        QVERIFY(hasProblem(snap.base(u"README.txt"_s)->problems, u"unknown-name"_s));
        const BaseFile *trunc = snap.base(TestLab::sha1Hex(u"trunc"_s));
        QVERIFY(trunc);
        QVERIFY2(!trunc->problems.isEmpty(), "a truncated qcow2 header is a problem");
        QVERIFY(!snap.instance(u"uuid-t"_s)->disks.at(0).problems.isEmpty());
    }

    void inspectingWhileListingChangesNothing()
    {
        TestLab lab;
        QTemporaryDir elsewhere;
        const QString base = lab.addRawBase(TestLab::sha1Hex(u"img"_s));
        const QString qcowBase = lab.addQcow2Base(TestLab::sha1Hex(u"img2"_s));
        const QString middle = lab.addOverlay(u"uuid-mid"_s, base);
        QVERIFY(!lab.addOverlay(u"uuid-top"_s, middle, u"qcow2"_s).isEmpty());
        QVERIFY(!lab.addOverlay(u"uuid-q"_s, qcowBase, u"qcow2"_s).isEmpty());
        QVERIFY(!lab.addOverlay(u"uuid-q"_s, base, u"raw"_s, u"disk.local"_s).isEmpty());
        const QString outside = elsewhere.path() + u"/template.qcow2"_s;
        QVERIFY(test::runTool(
            {u"qemu-img"_s, u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s, u"-F"_s, u"raw"_s, u"-b"_s, base, outside}));
        QVERIFY(!lab.addOverlay(u"uuid-out"_s, outside, u"qcow2"_s).isEmpty());
        QVERIFY(test::writeFile(lab.basePath() + u'/' + TestLab::sha1Hex(u"trunc"_s), 4, "QFI\xfb"));
        QVERIFY(QFile::link(base, lab.basePath() + u'/' + TestLab::sha1Hex(u"link"_s)));
        QVERIFY(test::writeFile(lab.basePath() + u"/swap_512.part"_s, 10, "partial"));
        QDir().mkpath(lab.instanceDir(u"uuid-t"_s));
        QVERIFY(test::writeFile(lab.instanceDir(u"uuid-t"_s) + u"/disk"_s, 20, "QFI\xfb\0\0\0\3"));

        ScanOptions options;
        options.queryLibvirt = false;
        HeadKeepingTransport keeping;
        HeadCountingTransport counting;
        auto before = scanHost(hostFor(lab), keeping, options);
        auto after = scanHost(hostFor(lab), counting, options);
        QVERIFY(before && after);
        after->takenAt = before->takenAt;
        QCOMPARE(toJsonText(*after), toJsonText(*before));
        // 5 base files (the link is a file too) and 6 disks, each header dropped once inspected.
        QCOMPARE(counting.taken, 11);
        QCOMPARE(counting.bytesLeft, 0);
    }

    void missingInstancesPath()
    {
        host::HostConfig host{u"nowhere"_s, u"test:///default"_s, u"/nonexistent/cowherd/instances"_s};
        auto snap = scanHost(host);
        QVERIFY(snap);
        QVERIFY(hasProblem(snap->problems, u"instances-path-unreadable"_s));
        QVERIFY(snap->problems.first().message.contains(u"/nonexistent/cowherd/instances"_s));
    }

    void libvirtDomainsJoined()
    {
        TestLab lab;
        const QString base = lab.addRawBase(TestLab::sha1Hex(u"lv"_s));
        const QString overlay = lab.addOverlay(u"uuid-ignored"_s, base);
        QVERIFY(!overlay.isEmpty());
        // test:///default keeps one shared in-process state while a connection is open.
        virConnectPtr conn = virConnectOpen("test:///default");
        QVERIFY(conn);
        const QString uuid = u"0c0ffee0-0000-4000-8000-c0c0c0c0c0c0"_s;
        const QString xml = u"<domain type='test'><name>cowherd-scan-test</name><uuid>%1</uuid>"
                            "<memory>65536</memory><os><type>hvm</type></os><devices>"
                            "<disk type='file' device='disk'><driver name='qemu' type='qcow2'/>"
                            "<source file='%2'/><backingStore type='file'><format type='raw'/>"
                            "<source file='%3'/><backingStore/></backingStore><target dev='vda'/></disk>"
                            "</devices></domain>"_s.arg(uuid, overlay, base);
        virDomainPtr dom = virDomainDefineXML(conn, xml.toUtf8().constData());
        QVERIFY(dom);
        const CacheSnapshot snap = scan(lab, true);
        virDomainUndefine(dom);
        virDomainFree(dom);
        virConnectClose(conn);

        QVERIFY(snap.libvirtStatus.isEmpty());
        const Instance *byDomain = snap.instance(uuid);
        QVERIFY(byDomain);
        QCOMPARE(byDomain->name, u"cowherd-scan-test"_s);
        QCOMPARE(byDomain->state, u"shutoff"_s);
        QCOMPARE(byDomain->disks.at(0).target, u"vda"_s);
        QCOMPARE(byDomain->disks.at(0).backingChain.at(0).path, base);
        QCOMPARE(snap.bases.at(0).references, (QStringList{u"uuid-ignored"_s, uuid}));
        // Domains unrelated to this instances path (the test driver's own "test") stay out.
        QCOMPARE(snap.instances.size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestScanner)
#include "tst_scanner.moc"
