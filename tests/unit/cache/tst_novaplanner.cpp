// Nova's own plan (issue 15): the cases of Nova Zed's image cache manager
// (nova/virt/libvirt/imagecache.py) — an original in use through a resized copy, _sm, unknown
// base files, swap and ephemeral files, too young, removal off — and where Cowherd's own rules
// would decide otherwise.
#include "cache/basename.h"
#include "cache/novaplanner.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace cowherd;
using namespace cowherd::cache;

#define COMPARE_ACTION(actual, expected) QCOMPARE(toString(actual), toString(expected))

namespace {

using Action = PlannedAction::Action;

const QDateTime now = QDateTime(QDate(2026, 11, 26), QTime(12, 0), Qt::UTC);
const QString instances = u"/var/lib/nova/instances"_s;
const QString imageA = u"9a3c6f0e-2b1d-4c5e-8f7a-6b5c4d3e2f10"_s; // web-1 runs it
const QString imageC = u"c0ffee00-0000-4000-8000-00000000000c"_s; // web-2's disk backs onto it
const QString imageD = u"d0000000-0000-4000-8000-00000000000d"_s; // web-2's image (rebuilt since)
const QString imageE = u"e0000000-0000-4000-8000-00000000000e"_s; // an orphan directory's disk
const QString imageB = u"b0000000-0000-4000-8000-00000000000b"_s; // nobody's
const QString shaA = originalBaseName(imageA);
const QString shaB = originalBaseName(imageB);
const QString shaC = originalBaseName(imageC);
const QString shaE = originalBaseName(imageE);
const QString ephemeral = u"ephemeral_1_0706d66"_s;

QString base(const QString &name)
{
    return instances + u"/_base/"_s + name;
}

Instance novaInstance(const QString &uuid, const QString &domain, const QString &server, const QString &imageId)
{
    Instance i;
    i.uuid = uuid;
    i.name = domain;
    i.state = u"running"_s;
    i.directory = instances + u'/' + uuid;
    host::NovaInstanceInfo n;
    n.name = server;
    n.uuid = uuid;
    n.imageId = imageId;
    n.flavorName = u"m1.small"_s;
    i.nova = n;
    return i;
}

Disk disk(const QString &directory, const QString &file, const QString &backing)
{
    Disk d;
    d.path = directory + u'/' + file;
    d.format = u"qcow2"_s;
    d.backingChain = {{base(backing), u"raw"_s}};
    return d;
}

// The world every row starts from, on host c1 (or web-1 on c2), plus the row's file.
struct World
{
    QString variant;
    QString name;
    qint64 ageSeconds = 0;

    SharingGroupState state() const
    {
        Instance web1
            = novaInstance(u"11111111-1111-4111-8111-111111111111"_s, u"instance-00000001"_s, u"web-1"_s, imageA);
        web1.nova->swapMiB = 512;
        web1.nova->ephemeralGiB = 1;
        web1.disks = {disk(web1.directory, u"disk"_s, shaA + u"_10"_s),
            disk(web1.directory, u"disk.local"_s, ephemeral), disk(web1.directory, u"disk.swap"_s, u"swap_512"_s)};
        Instance web2
            = novaInstance(u"22222222-2222-4222-8222-222222222222"_s, u"instance-00000002"_s, u"web-2"_s, imageD);
        web2.disks = {disk(web2.directory, u"disk"_s, shaC)};
        Instance orphan; // a directory no domain and no Nova instance owns
        orphan.uuid = u"99999999-9999-4999-8999-999999999999"_s;
        orphan.state = u"undefined"_s;
        orphan.directory = instances + u'/' + orphan.uuid;
        orphan.disks = {disk(orphan.directory, u"disk"_s, shaE)};

        QList<Instance> onC1{web2, orphan};
        QList<Instance> onC2;
        (variant == u"web-1 on c2" ? onC2 : onC1).append(web1);

        QHash<QString, QStringList> references{{shaA + u"_10"_s, {web1.uuid}}, {ephemeral, {web1.uuid}},
            {u"swap_512"_s, {web1.uuid}}, {shaC, {web2.uuid}}, {shaE, {orphan.uuid}}};
        QHash<QString, qint64> ages{
            {shaA + u"_10"_s, 60}, {ephemeral, 60}, {u"swap_512"_s, 60}, {shaC, 90'000}, {shaE, 90'000}};
        ages.insert(name, ageSeconds);
        QList<BaseFile> bases;
        for (auto it = ages.cbegin(); it != ages.cend(); ++it) {
            BaseFile b;
            b.name = it.key();
            b.path = base(it.key());
            const BaseName parsed = classifyBaseName(it.key());
            b.kind = parsed.kind;
            b.originalName = parsed.original;
            b.mtime = now.addSecs(-it.value());
            b.allocatedSize = 1000;
            bases.append(b);
        }

        SharingGroupState state;
        for (const QString &host : {u"c1"_s, u"c2"_s}) {
            HostSnapshotView view;
            view.host = {host, u"qemu+ssh://"_s + host + u"/system"_s, instances};
            if (host == u"c2" && variant == u"c2 unreachable") {
                view.unreachableReason = u"ssh: connect to host c2: No route to host"_s;
                state.hosts.append(view);
                continue;
            }
            CacheSnapshot snap;
            snap.host = view.host;
            snap.takenAt = now;
            snap.managedBy = host::ManagedBy::Nova;
            snap.instances = host == u"c1" ? onC1 : onC2;
            snap.bases = bases;
            for (BaseFile &b : snap.bases)
                for (const Instance &i : std::as_const(snap.instances))
                    if (references.value(b.name).contains(i.uuid))
                        b.references.append(i.uuid);
            view.snapshot = snap;
            state.hosts.append(view);
        }
        if (variant == u"mismatch") {
            BaseMetadata m;
            m.state = BaseMetadata::ChecksumState::Mismatch;
            state.metadata.insert(name, m);
        }
        return state;
    }

    NovaPlanPolicy policy() const
    {
        NovaPlanPolicy p;
        p.source = u"nova.conf on c1: /etc/nova/nova.conf"_s;
        p.removeUnused = variant != u"removal off";
        return p;
    }
};

} // namespace

class TestNovaPlanner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void classify_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("kind");
        QTest::addRow("original") << shaA << int(NovaBaseKind::Original);
        QTest::addRow("any 40 characters") << QString(40, u'x') << int(NovaBaseKind::Original);
        QTest::addRow("resized") << shaA + u"_10"_s << int(NovaBaseKind::Derived);
        QTest::addRow("_sm") << shaA + u"_sm"_s << int(NovaBaseKind::Derived);
        QTest::addRow("<sha1>_N with one digit is too short") << shaA + u"_5"_s << int(NovaBaseKind::Ignored);
        QTest::addRow("a partial resized file") << shaA + u"_10.part"_s << int(NovaBaseKind::Derived);
        QTest::addRow("a partial original") << shaA + u".part"_s << int(NovaBaseKind::Ignored);
        QTest::addRow("swap") << u"swap_512"_s << int(NovaBaseKind::Swap);
        QTest::addRow("swap without size") << u"swap_"_s << int(NovaBaseKind::Ignored);
        QTest::addRow("ephemeral") << ephemeral << int(NovaBaseKind::Ephemeral);
        QTest::addRow("ephemeral, 6-character fs") << u"ephemeral_1_0706d6"_s << int(NovaBaseKind::Ignored);
        QTest::addRow("other") << u"ubuntu.img"_s << int(NovaBaseKind::Ignored);
    }
    void classify()
    {
        QFETCH(QString, name);
        QFETCH(int, kind);
        QCOMPARE(int(classifyForNova(name)), kind);
    }

    void novaCases_data()
    {
        QTest::addColumn<QString>("variant");
        QTest::addColumn<QString>("name");
        QTest::addColumn<qint64>("age");
        QTest::addColumn<int>("action");
        QTest::addColumn<QString>("reason"); // a part of Nova's reason
        QTest::addColumn<QString>("advice"); // a part of the advice; empty: none expected
        const int keep = int(Action::Keep), touch = int(Action::Touch), remove = int(Action::Remove);
        const qint64 day = 86400;

        QTest::addRow("original in use via a resized copy")
            << QString() << shaA << 2 * day << touch
            << u"image " + imageA + u" is in use by c1:web-1 (instance-00000001)" << u"would remove"_s;
        QTest::addRow("the resized copy itself")
            << QString() << shaA + u"_10"_s << qint64(60) << touch << u"is in use by c1:web-1"_s << QString();
        QTest::addRow("every <sha1>_<size> of an image in use")
            << QString() << shaA + u"_20"_s << 2 * day << touch << u"image " + imageA << u"would remove"_s;
        QTest::addRow("_sm of an image in use")
            << QString() << shaA + u"_sm"_s << 2 * day << touch << u"image " + imageA << u"would remove"_s;
        QTest::addRow("_sm of an unused image, old")
            << QString() << shaB + u"_sm"_s << qint64(7200) << remove << u"unknown base file"_s << QString();
        QTest::addRow("in use on another host of the group")
            << u"web-1 on c2"_s << shaA << 2 * day << touch << u"c2:web-1 (instance-00000001)"_s << u"would remove"_s;
        QTest::addRow("unexplained original, old")
            << QString() << shaB << 2 * day << remove
            << u"unknown base file (no instance Nova knows uses its image), removable: unused for 2 d (minimum 24 h)"_s
            << QString();
        QTest::addRow("unexplained original, too young")
            << QString() << shaB << 2 * 3600LL << keep << u"too young to remove: unused for 2 h, removable in 22 h"_s
            << QString();
        QTest::addRow("unexplained original, exactly old enough")
            << QString() << shaB << day << remove << u"removable"_s << QString();
        QTest::addRow("unexplained resized, past the resized age")
            << QString() << shaB + u"_10"_s << qint64(7200) << remove << u"minimum 60 min"_s << QString();
        QTest::addRow("unexplained resized, too young")
            << QString() << shaB + u"_10"_s << qint64(1800) << keep << u"too young"_s << QString();
        QTest::addRow("removal off") << u"removal off"_s << shaB << 2 * day << keep
                                     << u"remove_unused_base_images is off"_s << QString();
        QTest::addRow("backing file of a directory Nova knows")
            << QString() << shaC << 2 * day << keep
            << u"the backing file of c1:/var/lib/nova/instances/22222222-2222-4222-8222-222222222222/disk (Nova does not touch it)"_s
            << u"would touch"_s;
        QTest::addRow("backing file of a directory Nova does not know")
            << QString() << shaE << 2 * day << keep << u"but kept: a disk Nova does not know backs onto it"_s
            << u"would touch"_s;
        QTest::addRow("swap in use") << QString() << u"swap_512"_s << qint64(60) << touch
                                     << u"swap file in use by c1:web-1"_s << QString();
        QTest::addRow("swap a flavor asks for, no disk on it")
            << u"web-1 on c2"_s << u"swap_512"_s << 2 * day << touch << u"swap file in use"_s << QString();
        QTest::addRow("swap unused, old")
            << QString() << u"swap_1024"_s << 2 * day << remove << u"swap file not in use"_s << QString();
        QTest::addRow("swap unused, young")
            << QString() << u"swap_1024"_s << qint64(7200) << keep << u"too young"_s << QString();
        QTest::addRow("ephemeral in use")
            << QString() << ephemeral << qint64(60) << touch << u"ephemeral file in use"_s << QString();
        QTest::addRow("ephemeral unused, old") << QString() << u"ephemeral_2_0706d66"_s << 2 * day << remove
                                               << u"ephemeral file not in use"_s << QString();
        QTest::addRow("ephemeral unused, removal off") << u"removal off"_s << u"ephemeral_2_0706d66"_s << 2 * day
                                                       << keep << u"remove_unused_base_images is off"_s << QString();
        QTest::addRow("a name Nova ignores, which Cowherd would remove")
            << QString() << shaB + u"_5"_s << 2 * day << keep << u"Nova ignores this name"_s << u"would remove"_s;
        QTest::addRow("a name both ignore")
            << QString() << u"ubuntu.img"_s << 2 * day << keep << u"Nova ignores this name"_s << QString();
        QTest::addRow("a stale partial original: Nova ignores it")
            << QString() << shaB + u".part"_s << 2 * day << keep << u"Nova ignores"_s << u"orphan"_s;
        QTest::addRow("a stale partial resized file: Nova removes it")
            << QString() << shaB + u"_10.part"_s << 2 * day << remove << u"unknown base file"_s << QString();
        QTest::addRow("40 characters that are no sha1")
            << QString() << QString(40, u'x') << 2 * day << remove << u"unknown base file"_s << u"would keep"_s;
        QTest::addRow("checksum mismatch")
            << u"mismatch"_s << shaB << 2 * day << remove << u"unknown base file"_s << u"checksum mismatch"_s;
        QTest::addRow("a member that cannot be scanned blocks removal")
            << u"c2 unreachable"_s << shaB << 2 * day << keep << u"blocked: c2 unreachable"_s << QString();
    }
    void novaCases()
    {
        QFETCH(QString, variant);
        QFETCH(QString, name);
        QFETCH(qint64, age);
        QFETCH(int, action);
        QFETCH(QString, reason);
        QFETCH(QString, advice);
        const World world{variant, name, age};
        const CleanupPlan plan = planNovaCleanup(world.state(), world.policy(), now);
        QCOMPARE(toString(plan.rules), u"nova"_s);
        QCOMPARE(plan.policy.source, world.policy().source);
        const PlannedAction *a = plan.action(name);
        QVERIFY(a);
        COMPARE_ACTION(a->action, Action(action));
        QVERIFY2(a->reason.contains(reason), qPrintable(a->reason));
        if (advice.isEmpty())
            QVERIFY2(a->advice.isEmpty(), qPrintable(a->advice));
        else
            QVERIFY2(a->advice.contains(advice), qPrintable(a->advice));
        if (a->action == Action::Remove)
            QVERIFY(!plan.blocked);
        // The base cache table's Removable in: now for a removal (blocked or not), the time left
        // for one too young, never for the rest.
        if (a->action == Action::Remove || a->blocked)
            QCOMPARE(a->removableInSeconds, 0);
        else if (a->reason.contains(u"too young"_s))
            QCOMPARE(a->removableInSeconds,
                (classifyForNova(name) == NovaBaseKind::Derived ? world.policy().resizedMinimumAgeSeconds
                                                                : world.policy().originalMinimumAgeSeconds)
                    - age);
        else
            QCOMPARE(a->removableInSeconds, -1);
    }

    void policyFromConfig()
    {
        NovaConfig config;
        config.originalMinimumAgeSeconds = 600;
        config.resizedMinimumAgeSeconds = 60;
        config.removeUnused = false;
        config.imagesType = u"rbd"_s;
        config.subdirectoryName = u"_base_10.0.0.1"_s;
        config.filesRead = {u"/etc/nova/nova.conf"_s};
        config.instancesPath = u"/srv/nova/instances"_s;
        config.hostName = u"c1"_s;
        const NovaPlanPolicy p = NovaPlanPolicy::fromConfig(config, instances);
        QCOMPARE(p.originalMinimumAgeSeconds, 600);
        QCOMPARE(p.resizedMinimumAgeSeconds, 60);
        QVERIFY(!p.removeUnused);
        QCOMPARE(p.source, u"nova.conf on c1: /etc/nova/nova.conf"_s);
        QCOMPARE(p.notes.size(), 2); // images_type, instances_path
        QVERIFY(p.notes.first().contains(u"no file cache of overlays"_s));
        QCOMPARE(p.blockers.size(), 1);

        const World world{QString(), shaB, 2 * 86400};
        const CleanupPlan plan = planNovaCleanup(world.state(), p, now);
        QVERIFY(plan.blocked);
        QVERIFY(plan.blockedReason.contains(u"subdirectory_name = _base_10.0.0.1"_s));
        QCOMPARE(plan.notes, p.notes);
        QCOMPARE(plan.removeCount, 0);
    }

    // The same state, policy and time always give the same plan; nothing in use is ever removed.
    void stableAndSafe()
    {
        const World world{QString(), shaB, 2 * 86400};
        const CleanupPlan a = planNovaCleanup(world.state(), world.policy(), now);
        const CleanupPlan b = planNovaCleanup(world.state(), world.policy(), now);
        QCOMPARE(a.actions.size(), b.actions.size());
        for (qsizetype i = 0; i < a.actions.size(); ++i) {
            QCOMPARE(a.actions[i].name, b.actions[i].name);
            QCOMPARE(a.actions[i].reason, b.actions[i].reason);
            if (!a.actions[i].references.isEmpty())
                QVERIFY(a.actions[i].action != Action::Remove);
        }
        QCOMPARE(a.removeCount + a.touchCount + a.keepCount, a.actions.size());
    }
};

QTEST_GUILESS_MAIN(TestNovaPlanner)
#include "tst_novaplanner.moc"
