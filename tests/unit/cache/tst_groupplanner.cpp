// The group planner: which hosts are planned together (hand-set group, storage-id marker, or
// alone), that a file one member uses is never removable, that a shared file is one action, and
// that a member without a snapshot blocks its group's removals.
#include "cache/basename.h"
#include "cache/groupplanner.h"
#include "testlab.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace cowherd;
using namespace cowherd::cache;
using cowherd::test::TestLab;

namespace {

const QDateTime now = QDateTime(QDate(2026, 11, 26), QTime(12, 0), Qt::UTC);
const QString unused = TestLab::sha1Hex(u"unused"_s);
const QString busy = TestLab::sha1Hex(u"busy"_s);
constexpr qint64 UnusedBytes = 1000;
constexpr qint64 BusyBytes = 2000;

BaseFile makeBase(const QString &name, qint64 bytes, const QStringList &references)
{
    BaseFile base;
    base.name = name;
    base.path = u"/var/lib/nova/instances/_base/"_s + name;
    base.kind = classifyBaseName(name).kind;
    base.mtime = now.addDays(-30); // well past Nova's minimum age of a day
    base.allocatedSize = bytes;
    base.references = references;
    return base;
}

struct HostSpec
{
    QString name;
    QString storageId;
    QString sharingGroup;
    bool scanned = true;
};

// Every scanned host sees the same two files (one _base or two alike); only an instance on the
// host named "b" uses `busy`.
PlanningHost planningHost(const HostSpec &spec)
{
    PlanningHost host;
    host.view.host = {spec.name, u"qemu+ssh://"_s + spec.name + u"/system"_s, u"/var/lib/nova/instances"_s};
    host.policy.sharingGroup = spec.sharingGroup;
    host.storageId = spec.storageId;
    if (!spec.scanned) {
        host.view.unreachableReason = u"no scan yet"_s;
        return host;
    }
    CacheSnapshot snapshot;
    snapshot.host = host.view.host;
    snapshot.takenAt = now;
    snapshot.bases = {makeBase(unused, UnusedBytes, {}),
        makeBase(busy, BusyBytes, spec.name == u"b" ? QStringList{u"uuid-on-b"_s} : QStringList{})};
    host.view.snapshot = snapshot;
    return host;
}

QList<PlanningHost> planningHosts(const QList<HostSpec> &specs)
{
    QList<PlanningHost> hosts;
    for (const HostSpec &spec : specs)
        hosts.append(planningHost(spec));
    return hosts;
}

} // namespace

Q_DECLARE_METATYPE(HostSpec)

class TestGroupPlanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void groupKeys_data()
    {
        QTest::addColumn<QString>("storageId");
        QTest::addColumn<QString>("sharingGroup");
        QTest::addColumn<QString>("key");
        QTest::addRow("marker") << u"1234"_s << QString() << u"storage:1234"_s;
        QTest::addRow("hand-set group wins") << u"1234"_s << u"nfs1"_s << u"group:nfs1"_s;
        QTest::addRow("alone") << QString() << QString() << u"host:lab1"_s;
    }

    void groupKeys()
    {
        QFETCH(QString, storageId);
        QFETCH(QString, sharingGroup);
        QFETCH(QString, key);
        CachePolicy policy;
        policy.sharingGroup = sharingGroup;
        QCOMPARE(groupKeyOf(u"lab1"_s, policy, storageId), key);
    }

    void groups_data()
    {
        QTest::addColumn<QList<HostSpec>>("hosts");
        QTest::addColumn<QStringList>("groups"); // members of each planned group, in order
        QTest::addColumn<QList<qint64>>("reclaimable"); // per group
        QTest::addColumn<QList<int>>("removals"); // per group
        QTest::addColumn<QList<bool>>("blocked"); // per group

        // Planned together, the file b uses stays and the unused file is counted once.
        QTest::addRow("shared marker") << QList<HostSpec>{{u"a"_s, u"s1"_s, {}}, {u"b"_s, u"s1"_s, {}}}
                                       << QStringList{u"a,b"_s} << QList<qint64>{UnusedBytes} << QList<int>{1}
                                       << QList<bool>{false};
        // Two _base directories: on a, nothing uses `busy`.
        QTest::addRow("two markers") << QList<HostSpec>{{u"a"_s, u"s1"_s, {}}, {u"b"_s, u"s2"_s, {}}}
                                     << QStringList{u"a"_s, u"b"_s}
                                     << QList<qint64>{UnusedBytes + BusyBytes, UnusedBytes} << QList<int>{2, 1}
                                     << QList<bool>{false, false};
        QTest::addRow("no marker: alone")
            << QList<HostSpec>{{u"a"_s, {}, {}}, {u"b"_s, {}, {}}} << QStringList{u"a"_s, u"b"_s}
            << QList<qint64>{UnusedBytes + BusyBytes, UnusedBytes} << QList<int>{2, 1} << QList<bool>{false, false};
        QTest::addRow("hand-set group over markers")
            << QList<HostSpec>{{u"a"_s, u"s1"_s, u"nfs"_s}, {u"b"_s, u"s2"_s, u"nfs"_s}} << QStringList{u"a,b"_s}
            << QList<qint64>{UnusedBytes} << QList<int>{1} << QList<bool>{false};
        QTest::addRow("groups in the order of their first member")
            << QList<HostSpec>{{u"a"_s, u"s1"_s, {}}, {u"c"_s, u"s2"_s, {}}, {u"b"_s, u"s1"_s, {}}}
            << QStringList{u"a,b"_s, u"c"_s} << QList<qint64>{UnusedBytes, UnusedBytes + BusyBytes} << QList<int>{1, 2}
            << QList<bool>{false, false};
        // b's instances are unknown: b may use either file.
        QTest::addRow("member without snapshot blocks")
            << QList<HostSpec>{{u"a"_s, u"s1"_s, {}}, {u"b"_s, u"s1"_s, {}, false}} << QStringList{u"a,b"_s}
            << QList<qint64>{0} << QList<int>{0} << QList<bool>{true};
        QTest::addRow("group without snapshot: no plan")
            << QList<HostSpec>{{u"a"_s, u"s1"_s, {}, false}, {u"c"_s, u"s2"_s, {}}} << QStringList{u"c"_s}
            << QList<qint64>{UnusedBytes + BusyBytes} << QList<int>{2} << QList<bool>{false};
        QTest::addRow("no host") << QList<HostSpec>{} << QStringList{} << QList<qint64>{} << QList<int>{}
                                 << QList<bool>{};
    }

    void groups()
    {
        QFETCH(QList<HostSpec>, hosts);
        QFETCH(QStringList, groups);
        QFETCH(QList<qint64>, reclaimable);
        QFETCH(QList<int>, removals);
        QFETCH(QList<bool>, blocked);

        const GroupPlans plans = planGroups(planningHosts(hosts), now);
        QStringList members;
        for (const GroupPlan &group : plans.groups)
            members.append(group.members.join(u','));
        QCOMPARE(members, groups);
        for (qsizetype i = 0; i < plans.groups.size(); ++i) {
            const GroupPlan &group = plans.groups.at(i);
            QCOMPARE(group.plan.reclaimableBytes, reclaimable.at(i));
            QCOMPARE(group.plan.removeCount, removals.at(i));
            QCOMPARE(group.plan.blocked, blocked.at(i));
            // One action per file, however many members see it.
            QCOMPARE(group.plan.actions.size(), 2);
            for (const QString &member : group.members) {
                QCOMPARE(plans.groupOf(member), &group);
                QCOMPARE(plans.planOf(member), &group.plan);
            }
        }
        for (const HostSpec &spec : hosts) {
            const bool planned
                = std::ranges::any_of(groups, [&spec](const QString &g) { return g.split(u',').contains(spec.name); });
            QCOMPARE(plans.groupOf(spec.name) != nullptr, planned);
        }
    }

    void fileAMemberUsesIsTouched()
    {
        const GroupPlans plans = planGroups(planningHosts({{u"a"_s, u"s1"_s, {}}, {u"b"_s, u"s1"_s, {}}}), now);
        const PlannedAction *action = plans.planOf(u"a"_s)->action(busy);
        QVERIFY(action);
        QCOMPARE(toString(action->action), u"touch"_s);
        QCOMPARE(action->references, QStringList{u"b:uuid-on-b"_s});
    }

    void pinnedAndCorruptFilesFromTheSnapshotStay()
    {
        QList<PlanningHost> hosts = planningHosts({{u"a"_s, u"s1"_s, {}}});
        hosts[0].view.snapshot->bases[0].pinned = true; // unused
        hosts[0].view.snapshot->bases[1].checksumState = u"mismatch"_s; // busy, unused on a
        const GroupPlans plans = planGroups(hosts, now);
        QCOMPARE(plans.planOf(u"a"_s)->removeCount, 0);
        QCOMPARE(plans.planOf(u"a"_s)->action(unused)->reason, u"pinned"_s);
        QVERIFY(plans.planOf(u"a"_s)->action(busy)->reason.startsWith(u"checksum mismatch"_s));
    }

    void theFirstMembersPolicyPlans()
    {
        QList<PlanningHost> hosts = planningHosts({{u"a"_s, u"s1"_s, {}}, {u"b"_s, u"s1"_s, {}}});
        hosts[0].policy.removeUnused = false;
        QCOMPARE(planGroups(hosts, now).planOf(u"b"_s)->removeCount, 0);
        std::swap(hosts[0], hosts[1]);
        QCOMPARE(planGroups(hosts, now).planOf(u"b"_s)->removeCount, 1);
    }

    // A group with a member whose cache Nova manages is planned by Nova's rules with that
    // member's nova.conf ages (the views then agree with cleanup --dry-run); a policy given for a
    // host whose snapshot does not say Nova changes nothing.
    void aNovaMemberPlansByNovasRules()
    {
        QList<PlanningHost> hosts = planningHosts({{u"a"_s, u"s1"_s, {}}, {u"b"_s, u"s1"_s, {}}});
        NovaPlanPolicy nova;
        nova.originalMinimumAgeSeconds = 40 * 86400; // the files are 30 days old: too young for Nova
        nova.source = u"nova.conf on b: /etc/nova/nova.conf"_s;
        hosts[1].nova = nova;
        QVERIFY(planGroups(hosts, now).planOf(u"a"_s)->rules == PlanRules::Cowherd); // b's snapshot: Cowherd's
        QCOMPARE(planGroups(hosts, now).planOf(u"a"_s)->removeCount, 1);

        hosts[1].view.snapshot->managedBy = host::ManagedBy::Nova;
        const GroupPlans plans = planGroups(hosts, now);
        const CleanupPlan *plan = plans.planOf(u"a"_s);
        QVERIFY(plan);
        QCOMPARE(plan, plans.planOf(u"b"_s));
        QVERIFY(plan->rules == PlanRules::Nova);
        QCOMPARE(plan->policy.originalMinimumAgeSeconds, 40 * 86400);
        QCOMPARE(plan->policy.source, nova.source);
        QCOMPARE(plan->removeCount, 0);
        QVERIFY2(plan->action(unused)->reason.startsWith(u"Nova: "_s), qPrintable(plan->action(unused)->reason));

        nova.originalMinimumAgeSeconds = 86400;
        hosts[1].nova = nova;
        QVERIFY(planGroups(hosts, now).planOf(u"a"_s)->action(unused)->action == PlannedAction::Action::Remove);
    }
};

QTEST_MAIN(TestGroupPlanner)
#include "tst_groupplanner.moc"
