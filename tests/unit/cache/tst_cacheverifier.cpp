// Checksums: recorded at the first pass, verified later, least recently verified first within
// a budget; a flipped byte is quarantined when unused and flagged loudly when used.
#include "cache/basemetadata.h"
#include "cache/cachelayout.h"
#include "cache/cachepass.h"
#include "host/localtransport.h"
#include "testlab.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <sys/syscall.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace cowherd;
using namespace cowherd::cache;
using cowherd::test::TestLab;
using R = VerifyOutcome::Result;

#define COMPARE_RESULT(actual, expected) QCOMPARE(toString(actual), toString(expected))

namespace {

TransportFactory local()
{
    return [](const host::HostConfig &) -> std::unique_ptr<host::Transport> {
        return std::make_unique<host::LocalTransport>();
    };
}

struct Fixture
{
    QList<host::HostConfig> group;
    ScanOptions scan;

    explicit Fixture(const TestLab &lab)
        : group{{u"lab1"_s, u"test:///default"_s, lab.instancesPath()}}
    {
        scan.queryLibvirt = false;
    }
    SharingGroupState state() const { return scanSharingGroup(group, local(), scan); }
    QList<VerifyOutcome> verify(VerifyOptions options = {})
    {
        host::LocalTransport t;
        options.rescan = [this] { return state(); };
        return verifyBases(t, group.first().instancesPath, state(), options);
    }
};

bool flipByte(const QString &path, qint64 offset)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadWrite) || !f.seek(offset))
        return false;
    char c = 0;
    if (!f.getChar(&c) || !f.seek(offset))
        return false;
    return f.putChar(char(c ^ 0x01));
}

const VerifyOutcome *find(const QList<VerifyOutcome> &list, const QString &name)
{
    for (const VerifyOutcome &o : list)
        if (o.name == name)
            return &o;
    return nullptr;
}

} // namespace

class TestCacheVerifier : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void recordsThenVerifies()
    {
        TestLab lab;
        const QString name = TestLab::sha1Hex(u"a"_s);
        const QString base = lab.addRawBase(name, 3);
        QByteArray expected;
        QVERIFY(test::runTool({u"sha256sum"_s, base}, &expected));
        Fixture fx(lab);

        QList<VerifyOutcome> first = fx.verify();
        QCOMPARE(first.size(), 1);
        COMPARE_RESULT(first.first().result, R::Recorded);
        QCOMPARE(first.first().metadata.sha256.toLatin1(), expected.left(64));
        host::LocalTransport t;
        auto meta = readMetadata(t, lab.basePath(), name);
        QVERIFY(meta);
        QCOMPARE(meta->sha256.toLatin1(), expected.left(64));
        QVERIFY(meta->recordedAt.isValid());
        QCOMPARE(toString(meta->state), toString(BaseMetadata::ChecksumState::Ok));

        const QList<VerifyOutcome> second = fx.verify();
        COMPARE_RESULT(second.first().result, R::Verified);
        QCOMPARE(second.first().metadata.recordedAt, meta->recordedAt);
        QVERIFY(second.first().metadata.verifiedAt >= meta->verifiedAt);
    }

    void flippedByteUnusedIsQuarantined()
    {
        TestLab lab;
        const QString name = TestLab::sha1Hex(u"unused"_s);
        const QString base = lab.addRawBase(name, 2);
        Fixture fx(lab);
        COMPARE_RESULT(fx.verify().first().result, R::Recorded);
        QVERIFY(flipByte(base, 1024 * 1024 + 17));

        const QList<VerifyOutcome> out = fx.verify();
        COMPARE_RESULT(out.first().result, R::Quarantined);
        QVERIFY(!QFile::exists(base));
        const QString moved = quarantineDirectory(lab.basePath()) + u'/' + name;
        QVERIFY(QFile::exists(moved));
        QCOMPARE(out.first().path, moved);
        QCOMPARE(QFileInfo(moved).size(), 2 * 1024 * 1024); // moved, never deleted
        QFile json(moved + u".json"_s);
        QVERIFY(json.open(QIODevice::ReadOnly));
        const BaseMetadata m = BaseMetadata::fromJson(QJsonDocument::fromJson(json.readAll()).object());
        QCOMPARE(toString(m.state), toString(BaseMetadata::ChecksumState::Mismatch));
        QVERIFY(out.first().message.contains(u"CHECKSUM MISMATCH"_s));
    }

    void flippedByteInUseIsFlagged()
    {
        TestLab lab;
        const QString name = TestLab::sha1Hex(u"used"_s);
        const QString base = lab.addRawBase(name, 2);
        QVERIFY(!lab.addOverlay(u"uuid-1"_s, base).isEmpty());
        Fixture fx(lab);
        COMPARE_RESULT(fx.verify().first().result, R::Recorded);
        QVERIFY(flipByte(base, 5));

        const QList<VerifyOutcome> out = fx.verify();
        COMPARE_RESULT(out.first().result, R::Flagged);
        QCOMPARE(toString(out.first().metadata.state), toString(BaseMetadata::ChecksumState::Mismatch));
        QVERIFY(out.first().message.contains(u"lab1:uuid-1"_s));
        QVERIFY(QFile::exists(base));

        // Every later scan shows it, and the cleanup plan says it loudly.
        const SharingGroupState state = fx.state();
        const BaseFile *b = state.hosts.first().snapshot->base(name);
        QVERIFY(b);
        QVERIFY(std::any_of(
            b->problems.cbegin(), b->problems.cend(), [](const Problem &p) { return p.code == u"checksum-mismatch"; }));
        const CleanupPlan plan = planCleanup(state, {}, QDateTime::currentDateTimeUtc().addDays(30));
        QVERIFY(plan.action(name)->reason.startsWith(u"CHECKSUM MISMATCH"_s));

        // Once the instance is gone it is still never removed, only kept for inspection.
        QVERIFY(QDir(lab.instanceDir(u"uuid-1"_s)).removeRecursively());
        const CleanupPlan later = planCleanup(fx.state(), {}, QDateTime::currentDateTimeUtc().addDays(30));
        QCOMPARE(toString(later.action(name)->action), u"keep"_s);
        QVERIFY(later.action(name)->reason.contains(u"checksum mismatch"_s));
    }

    void lockedCorruptFileStays()
    {
        TestLab lab;
        const QString name = TestLab::sha1Hex(u"locked"_s);
        const QString base = lab.addRawBase(name);
        Fixture fx(lab);
        fx.verify();
        QVERIFY(flipByte(base, 0));
        host::LocalTransport t;
        auto held = t.lock(baseLockPath(lab.instancesPath(), name), {});
        QVERIFY(held);
        const QList<VerifyOutcome> out = fx.verify();
        COMPARE_RESULT(out.first().result, R::Flagged);
        QVERIFY(QFile::exists(base));
    }

    void leastRecentlyVerifiedFirstWithinBudget()
    {
        TestLab lab;
        const QStringList names{TestLab::sha1Hex(u"1"_s), TestLab::sha1Hex(u"2"_s), TestLab::sha1Hex(u"3"_s)};
        for (const QString &n : names)
            QVERIFY(!lab.addRawBase(n, 1).isEmpty());
        host::LocalTransport t;
        // Verified 3, 1 and 2 days ago: the oldest verification goes first.
        const QList<int> daysAgo{1, 3, 2};
        for (qsizetype i = 0; i < names.size(); ++i) {
            BaseMetadata m;
            auto sum = t.sha256(lab.basePath() + u'/' + names.at(i), {});
            QVERIFY(sum);
            m.sha256 = QString::fromLatin1(*sum);
            m.state = BaseMetadata::ChecksumState::Ok;
            m.verifiedAt = QDateTime::currentDateTimeUtc().addDays(-daysAgo.at(i));
            QVERIFY(writeMetadata(t, lab.basePath(), names.at(i), m));
        }
        Fixture fx(lab);
        VerifyOptions o;
        o.budgetBytes = 1024 * 1024 + 1; // one file
        QList<VerifyOutcome> out = fx.verify(o);
        QCOMPARE(out.size(), 3);
        COMPARE_RESULT(find(out, names.at(1))->result, R::Verified);
        COMPARE_RESULT(find(out, names.at(0))->result, R::Skipped);
        COMPARE_RESULT(find(out, names.at(2))->result, R::Skipped);

        out = fx.verify(o);
        COMPARE_RESULT(find(out, names.at(2))->result, R::Verified);
        out = fx.verify(o);
        COMPARE_RESULT(find(out, names.at(0))->result, R::Verified);
    }

    void namedFilesAndUnknownNames()
    {
        TestLab lab;
        const QString a = TestLab::sha1Hex(u"a"_s), b = TestLab::sha1Hex(u"b"_s);
        QVERIFY(!lab.addRawBase(a).isEmpty() && !lab.addRawBase(b).isEmpty());
        Fixture fx(lab);
        VerifyOptions o;
        o.names = {b, u"nonexistent"_s};
        const QList<VerifyOutcome> out = fx.verify(o);
        QCOMPARE(out.size(), 2);
        COMPARE_RESULT(find(out, b)->result, R::Recorded);
        COMPARE_RESULT(find(out, u"nonexistent"_s)->result, R::Failed);
        QVERIFY(!find(out, a));
    }

    void manyFilesOnTwoWorkers()
    {
        TestLab lab;
        QByteArrayList sums;
        QStringList names;
        for (int i = 0; i < 6; ++i) {
            names.append(TestLab::sha1Hex(QString::number(i)));
            const QString path = lab.basePath() + u'/' + names.last();
            QVERIFY(test::writeFile(path, 512 * 1024 + i, QByteArray::number(i * 7919)));
            QByteArray out;
            QVERIFY(test::runTool({u"sha256sum"_s, path}, &out));
            sums.append(out.left(64));
        }
        Fixture fx(lab);
        VerifyOptions o;
        o.workers = 2;
        const QList<VerifyOutcome> out = fx.verify(o);
        QCOMPARE(out.size(), 6);
        for (qsizetype i = 0; i < names.size(); ++i)
            QCOMPARE(find(out, names.at(i))->metadata.sha256.toLatin1(), sums.at(i));
    }

    void idleIoPriorityIsAppliedAndRestored()
    {
        TestLab lab;
        const QString base = lab.addRawBase(TestLab::sha1Hex(u"p"_s));
        host::LocalTransport t;
        const long before = ::syscall(SYS_ioprio_get, 1, 0);
        QVERIFY(before >= 0);
        // The cancellation check runs on the hashing thread, inside the hash.
        long during = -1;
        auto sum = t.sha256(
            base, [&] { return (during = ::syscall(SYS_ioprio_get, 1, 0)), false; }, host::IoPriority::Idle);
        QVERIFY(sum);
        QCOMPARE(sum->size(), 64);
        QCOMPARE(during >> 13, 3L); // IOPRIO_CLASS_IDLE
        QCOMPARE(::syscall(SYS_ioprio_get, 1, 0), before);

        auto normal = t.sha256(base, [&] { return (during = ::syscall(SYS_ioprio_get, 1, 0)), false; });
        QVERIFY(normal);
        QCOMPARE(during, before);
    }
};

QTEST_GUILESS_MAIN(TestCacheVerifier)
#include "tst_cacheverifier.moc"
