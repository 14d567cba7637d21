// The cleanup planner: Nova's cases, the holes Nova left open, and a property test over many
// random cache states.
#include "cache/basename.h"
#include "cache/cacheplanner.h"
#include "cache/scanner.h"
#include "testlab.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cowherd;
using namespace cowherd::cache;
using cowherd::test::TestLab;

using Action = PlannedAction::Action;

// Compared by name, so that a failure says "keep" rather than "0".
#define COMPARE_ACTION(actual, expected) QCOMPARE(toString(actual), toString(expected))

namespace {

const QDateTime now = QDateTime(QDate(2026, 11, 26), QTime(12, 0), Qt::UTC);
const QString sha = TestLab::sha1Hex(u"cirros"_s);

BaseFile makeBase(const QString &name, qint64 ageSeconds, const QStringList &refs = {}, qint64 bytes = 1000)
{
    BaseFile b;
    b.name = name;
    b.path = u"/var/lib/nova/instances/_base/"_s + name;
    b.kind = classifyBaseName(name).kind;
    b.mtime = now.addSecs(-ageSeconds);
    b.references = refs;
    b.allocatedSize = bytes;
    b.apparentSize = bytes;
    return b;
}

HostSnapshotView reachable(const QString &host, const QList<BaseFile> &bases)
{
    HostSnapshotView v;
    v.host = {host, u"qemu+ssh://"_s + host + u"/system"_s, u"/var/lib/nova/instances"_s};
    CacheSnapshot s;
    s.host = v.host;
    s.takenAt = now;
    s.bases = bases;
    v.snapshot = s;
    return v;
}

HostSnapshotView down(const QString &host, const QString &reason = u"ssh: connect to host: No route to host"_s)
{
    HostSnapshotView v;
    v.host = {host, u"qemu+ssh://"_s + host + u"/system"_s, u"/var/lib/nova/instances"_s};
    v.unreachableReason = reason;
    return v;
}

bool samePlan(const CleanupPlan &a, const CleanupPlan &b)
{
    if (a.blocked != b.blocked || a.blockedReason != b.blockedReason || a.reclaimableBytes != b.reclaimableBytes
        || a.actions.size() != b.actions.size())
        return false;
    for (qsizetype i = 0; i < a.actions.size(); ++i) {
        const PlannedAction &x = a.actions.at(i), &y = b.actions.at(i);
        if (x.name != y.name || x.action != y.action || x.reason != y.reason || x.bytes != y.bytes
            || x.references != y.references || x.path != y.path)
            return false;
    }
    return true;
}

} // namespace

class TestCachePlanner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void novaCases_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<qint64>("age");
        QTest::addColumn<QStringList>("refs");
        QTest::addColumn<bool>("pinned");
        QTest::addColumn<bool>("mismatch");
        QTest::addColumn<bool>("secondHostDown");
        QTest::addColumn<bool>("removeUnused");
        QTest::addColumn<int>("expected");
        QTest::addColumn<QString>("reason");

        const qint64 h = 3600, d = 86400;
        const QStringList none;
        const QStringList one{u"uuid-1"_s};
        const int keep = int(Action::Keep), touch = int(Action::Touch), remove = int(Action::Remove);
        QTest::addRow("original young") << sha << 2 * h << none << false << false << false << true << keep
                                        << u"unused for 2 h; removable in 22 h"_s;
        QTest::addRow("original old") << sha << 25 * h << none << false << false << false << true << remove
                                      << u"unused for 25 h (minimum 24 h)"_s;
        QTest::addRow("original exactly minimum")
            << sha << d << none << false << false << false << true << remove << u"unused for 24 h"_s;
        QTest::addRow("resized young") << sha + u"_10"_s << qint64(30 * 60) << none << false << false << false << true
                                       << keep << u"unused for 30 min; removable in 30 min"_s;
        QTest::addRow("resized old") << sha + u"_10"_s << 2 * h << none << false << false << false << true << remove
                                     << u"unused for 2 h (minimum 60 min)"_s;
        QTest::addRow("legacy _sm old") << sha + u"_sm"_s << 2 * h << none << false << false << false << true << remove
                                        << u"minimum 60 min"_s;
        QTest::addRow("swap young") << u"swap_512"_s << 2 * h << none << false << false << false << true << keep
                                    << u"removable in 22 h"_s;
        QTest::addRow("swap old") << u"swap_512"_s << 2 * d << none << false << false << false << true << remove
                                  << u"unused for 2 d"_s;
        QTest::addRow("ephemeral young") << u"ephemeral_20_40d1d2c"_s << 5 * h << none << false << false << false
                                         << true << keep << u"removable in 19 h"_s;
        QTest::addRow("ephemeral old") << u"ephemeral_20_40d1d2c"_s << 3 * d << none << false << false << false << true
                                       << remove << u"unused for 3 d"_s;
        QTest::addRow("in use, old mtime: touched")
            << sha << 30 * d << one << false << false << false << true << touch << u"used by 1 instance on lab1"_s;
        QTest::addRow("resized in use") << sha + u"_10"_s << 30 * d << QStringList{u"a"_s, u"b"_s} << false << false
                                        << false << true << touch << u"used by 2 instances on lab1"_s;
        QTest::addRow("unknown, ancient") << u"my-golden.img"_s << 300 * d << none << false << false << false << true
                                          << keep << u"unknown file: never removed"_s;
        QTest::addRow("unknown in use") << u"notes.txt"_s << 300 * d << one << false << false << false << true << keep
                                        << u"unknown file: never removed (used by 1 instance"_s;
        QTest::addRow("pinned, old") << sha << 300 * d << none << true << false << false << true << keep << u"pinned"_s;
        QTest::addRow("mismatch, unused: never silently")
            << sha << 300 * d << none << false << true << false << true << keep << u"checksum mismatch"_s;
        QTest::addRow("mismatch, in use: touched and loud")
            << sha << 300 * d << one << false << true << false << true << touch << u"CHECKSUM MISMATCH"_s;
        QTest::addRow("partial in flight") << sha + u".part"_s << qint64(10 * 60) << none << false << false << false
                                           << true << keep << u"in flight: written 10 min ago"_s;
        QTest::addRow("stale part: orphan") << sha + u".part"_s << 2 * d << none << false << false << false << true
                                            << remove << u"orphan: not written for 2 d"_s;
        QTest::addRow("stale converted: orphan")
            << sha + u".converted"_s << 2 * d << none << false << false << false << true << remove << u"orphan"_s;
        QTest::addRow("host down: old original blocked")
            << sha << 25 * h << none << false << false << true << true << keep << u"blocked: lab2 unreachable"_s;
        QTest::addRow("host down: orphan blocked") << sha + u".part"_s << 5 * d << none << false << false << true
                                                   << true << keep << u"blocked: lab2 unreachable"_s;
        QTest::addRow("host down: in-use still touched")
            << sha << 25 * h << one << false << false << true << true << touch << u"used by 1 instance"_s;
        QTest::addRow("removal off") << sha << 25 * d << none << false << false << false << false << keep
                                     << u"removal of unused base files is off"_s;
    }

    void novaCases()
    {
        QFETCH(QString, name);
        QFETCH(qint64, age);
        QFETCH(QStringList, refs);
        QFETCH(bool, pinned);
        QFETCH(bool, mismatch);
        QFETCH(bool, secondHostDown);
        QFETCH(bool, removeUnused);
        QFETCH(int, expected);
        QFETCH(QString, reason);

        SharingGroupState group;
        group.hosts.append(reachable(u"lab1"_s, {makeBase(name, age, refs, 4096)}));
        group.hosts.append(secondHostDown ? down(u"lab2"_s) : reachable(u"lab2"_s, {makeBase(name, age, {}, 4096)}));
        BaseMetadata meta;
        meta.pinned = pinned;
        meta.state = mismatch ? BaseMetadata::ChecksumState::Mismatch : BaseMetadata::ChecksumState::Ok;
        group.metadata.insert(name, meta);
        CachePolicy policy;
        policy.removeUnused = removeUnused;

        const CleanupPlan plan = planCleanup(group, policy, now);
        QCOMPARE(plan.actions.size(), 1);
        const PlannedAction &a = plan.actions.first();
        QVERIFY2(a.reason.contains(reason), qPrintable(a.reason));
        COMPARE_ACTION(a.action, Action(expected));
        QCOMPARE(plan.blocked, secondHostDown);
        QCOMPARE(a.blocked, secondHostDown && a.reason.contains(u"blocked: "_s));
        QCOMPARE(plan.reclaimableBytes, a.action == Action::Remove ? 4096 : 0);
        QCOMPARE(plan.removeCount + plan.touchCount + plan.keepCount, 1);
    }

    void referencesOfAllHostsProtect()
    {
        // lab1 does not use it, lab2 (same NFS _base) does: Nova on lab1 alone would delete it.
        SharingGroupState group;
        group.hosts = {reachable(u"lab1"_s, {makeBase(sha, 10 * 86400)}),
            reachable(u"lab2"_s, {makeBase(sha, 10 * 86400, {u"uuid-9"_s, u"uuid-8"_s})}),
            reachable(u"lab3"_s, {makeBase(sha, 10 * 86400, {u"uuid-7"_s})})};
        const CleanupPlan plan = planCleanup(group, {}, now);
        QCOMPARE(plan.actions.size(), 1);
        COMPARE_ACTION(plan.actions.first().action, Action::Touch);
        QCOMPARE(plan.actions.first().reason, u"used by 3 instances on lab2, lab3"_s);
        QCOMPARE(plan.actions.first().references, (QStringList{u"lab2:uuid-8"_s, u"lab2:uuid-9"_s, u"lab3:uuid-7"_s}));
    }

    void incompleteReferencesBlock_data()
    {
        QTest::addColumn<QString>("problemCode");
        QTest::addColumn<QString>("libvirtStatus");
        QTest::addColumn<QString>("reason");
        QTest::addRow("libvirt down") << QString() << u"Cannot connect"_s << u"libvirt on lab1 did not answer"_s;
        QTest::addRow("unreadable") << u"instances-path-unreadable"_s << QString()
                                    << u"the cache of lab1 could not be read completely"_s;
        QTest::addRow("probe failed") << u"probe-failed"_s << QString() << u"could not be read completely"_s;
    }

    void incompleteReferencesBlock()
    {
        QFETCH(QString, problemCode);
        QFETCH(QString, libvirtStatus);
        QFETCH(QString, reason);
        HostSnapshotView v = reachable(u"lab1"_s, {makeBase(sha, 10 * 86400)});
        v.snapshot->libvirtStatus = libvirtStatus;
        if (!problemCode.isEmpty())
            v.snapshot->problems.append({problemCode, u"details"_s});
        const CleanupPlan plan = planCleanup({{v}, {}}, {}, now);
        QVERIFY(plan.blocked);
        QVERIFY2(plan.blockedReason.contains(reason), qPrintable(plan.blockedReason));
        COMPARE_ACTION(plan.actions.first().action, Action::Keep);
        QCOMPARE(plan.reclaimableBytes, 0);
    }

    void emptyGroupIsBlocked() { QVERIFY(planCleanup({}, {}, now).blocked); }

    void referencedOnlyThroughBackingFile()
    {
        // base <- intermediate qcow2 outside _base <- overlay: only the chain names the base.
        TestLab lab;
        const QString base = lab.addRawBase(sha);
        QTemporaryDir elsewhere;
        const QString middle = elsewhere.path() + u"/middle.qcow2"_s;
        QVERIFY(test::runTool(
            {u"qemu-img"_s, u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s, u"-F"_s, u"raw"_s, u"-b"_s, base, middle}));
        QVERIFY(!lab.addOverlay(u"uuid-chain"_s, middle, u"qcow2"_s).isEmpty());
        ScanOptions options;
        options.queryLibvirt = false;
        auto snap = scanHost({u"lab1"_s, u"test:///default"_s, lab.instancesPath()}, options);
        QVERIFY(snap);
        HostSnapshotView v;
        v.host = snap->host;
        v.snapshot = *snap;
        const CleanupPlan plan = planCleanup({{v}, {}}, {}, QDateTime::currentDateTimeUtc().addDays(30));
        QVERIFY(!plan.blocked);
        COMPARE_ACTION(plan.action(sha)->action, Action::Touch);
        QCOMPARE(plan.action(sha)->references, QStringList{u"lab1:uuid-chain"_s});
    }

    void totalsAndOrder()
    {
        SharingGroupState group;
        group.hosts = {reachable(u"lab1"_s,
            {makeBase(u"swap_1024"_s, 3 * 86400, {}, 100), makeBase(sha + u"_5"_s, 7200, {}, 50),
                makeBase(sha, 60, {}, 7), makeBase(u"zzz"_s, 1e6, {}, 1)})};
        const CleanupPlan plan = planCleanup(group, {}, now);
        QCOMPARE(plan.removeCount, 2);
        QCOMPARE(plan.keepCount, 2);
        QCOMPARE(plan.reclaimableBytes, 150);
        QStringList names;
        for (const PlannedAction &a : plan.actions)
            names.append(a.name);
        QStringList sorted = names;
        sorted.sort();
        QCOMPARE(names, sorted);
    }

    void property_data()
    {
        QTest::addColumn<quint32>("seed");
        for (quint32 seed : {1u, 7u, 42u, 2026u, 65537u})
            QTest::addRow("seed %u", seed) << seed;
    }

    // Thousands of random groups and policies: no referenced, pinned, mismatched, unknown or too
    // young file is ever planned for removal, nothing is removed from a blocked group, and the
    // same input at the same time gives the same plan.
    void property()
    {
        QFETCH(quint32, seed);
        QRandomGenerator rng(seed);
        const QStringList shapes{u""_s, u"_10"_s, u"_sm"_s, u".part"_s, u".converted"_s};
        int removals = 0;
        for (int round = 0; round < 2000; ++round) {
            CachePolicy policy;
            policy.originalMinimumAgeSeconds = rng.bounded(0, 3 * 86400);
            policy.resizedMinimumAgeSeconds = rng.bounded(0, 2 * 86400);
            policy.orphanMinimumAgeSeconds = rng.bounded(0, 2 * 86400);
            policy.removeUnused = rng.bounded(10) != 0;
            policy.removeOrphans = rng.bounded(10) != 0;

            QStringList names;
            const int files = rng.bounded(1, 12);
            for (int i = 0; i < files; ++i) {
                switch (rng.bounded(5)) {
                case 0:
                    names.append(u"swap_"_s + QString::number(rng.bounded(1, 4096)));
                    break;
                case 1:
                    names.append(u"ephemeral_%1_abc1234"_s.arg(rng.bounded(1, 100)));
                    break;
                case 2:
                    names.append(u"unknown-%1.img"_s.arg(rng.bounded(1000)));
                    break;
                default:
                    names.append(
                        TestLab::sha1Hex(QString::number(rng.bounded(6))) + shapes.at(rng.bounded(shapes.size())));
                }
            }
            names.removeDuplicates();

            SharingGroupState group;
            const int hosts = rng.bounded(1, 4);
            for (int h = 0; h < hosts; ++h) {
                const QString host = u"lab%1"_s.arg(h);
                if (rng.bounded(8) == 0) {
                    group.hosts.append(down(host));
                    continue;
                }
                QList<BaseFile> bases;
                for (const QString &n : std::as_const(names)) {
                    QStringList refs;
                    if (rng.bounded(3) == 0)
                        for (int r = rng.bounded(1, 3); r > 0; --r)
                            refs.append(u"uuid-%1"_s.arg(rng.bounded(50)));
                    refs.removeDuplicates();
                    BaseFile b = makeBase(n, rng.bounded(-600, 5 * 86400), refs, rng.bounded(1, 1 << 20));
                    if (rng.bounded(50) == 0)
                        b.mtime = QDateTime();
                    bases.append(b);
                }
                HostSnapshotView v = reachable(host, bases);
                if (rng.bounded(20) == 0)
                    v.snapshot->libvirtStatus = u"no answer"_s;
                group.hosts.append(v);
            }
            for (const QString &n : std::as_const(names)) {
                BaseMetadata m;
                m.pinned = rng.bounded(6) == 0;
                m.state = rng.bounded(8) == 0 ? BaseMetadata::ChecksumState::Mismatch : BaseMetadata::ChecksumState::Ok;
                group.metadata.insert(n, m);
            }

            const CleanupPlan plan = planCleanup(group, policy, now);
            QVERIFY(samePlan(plan, planCleanup(group, policy, now)));
            const bool anyReachable = std::any_of(group.hosts.cbegin(), group.hosts.cend(),
                [](const HostSnapshotView &v) { return v.snapshot.has_value(); });
            QCOMPARE(plan.actions.size(), anyReachable ? names.size() : 0);
            QVERIFY(anyReachable || plan.blocked);

            for (const PlannedAction &a : plan.actions) {
                if (a.action != Action::Remove)
                    continue;
                ++removals;
                QVERIFY2(!plan.blocked, qPrintable(a.name));
                const BaseMetadata m = group.metadata.value(a.name);
                QVERIFY(a.kind != BaseKind::Unknown);
                // Referenced anywhere in the group, or too young on any host: never removed.
                for (const HostSnapshotView &v : std::as_const(group.hosts)) {
                    QVERIFY(v.snapshot);
                    const BaseFile *b = v.snapshot->base(a.name);
                    QVERIFY(b);
                    QVERIFY2(b->references.isEmpty(), qPrintable(a.name + u" is referenced on "_s + v.host.name));
                    QVERIFY(b->mtime.isValid());
                    const qint64 age = b->mtime.secsTo(now);
                    const qint64 minimum = a.kind == BaseKind::Partial ? policy.orphanMinimumAgeSeconds
                        : a.kind == BaseKind::Resized                  ? policy.resizedMinimumAgeSeconds
                                                                       : policy.originalMinimumAgeSeconds;
                    QVERIFY2(
                        age >= minimum, qPrintable(u"%1 is %2 s old, minimum %3"_s.arg(a.name).arg(age).arg(minimum)));
                }
                if (a.kind == BaseKind::Partial) {
                    QVERIFY(policy.removeOrphans);
                } else {
                    QVERIFY(policy.removeUnused);
                    QVERIFY(!m.pinned);
                    QVERIFY(m.state != BaseMetadata::ChecksumState::Mismatch);
                }
            }
        }
        QVERIFY2(removals > 100, "the generator must produce removals, or the property proves nothing");
    }
};

QTEST_GUILESS_MAIN(TestCachePlanner)
#include "tst_cacheplanner.moc"
