// The executor against real files and qemu-img overlays: removal under the lock with a fresh
// rescan, a launch racing a removal (thread and second process), orphans, sharing groups.
#include "cache/auditlog.h"
#include "cache/cachelayout.h"
#include "cache/cachepass.h"
#include "host/hostregistry.h"
#include "host/localtransport.h"
#include "testlab.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSemaphore>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace cowherd;
using namespace cowherd::cache;
using cowherd::test::TestLab;
using Action = PlannedAction::Action;

#define COMPARE_ACTION(actual, expected) QCOMPARE(toString(actual), toString(expected))

namespace {

TransportFactory local()
{
    return [](const host::HostConfig &) -> std::unique_ptr<host::Transport> {
        return std::make_unique<host::LocalTransport>();
    };
}

host::HostConfig hostFor(const TestLab &lab, const QString &name = u"lab1"_s)
{
    return {name, u"test:///default"_s, lab.instancesPath()};
}

bool age(const QString &path, qint64 seconds)
{
    QFile f(path);
    return f.open(QIODevice::ReadWrite)
        && f.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-seconds), QFileDevice::FileModificationTime);
}

PassOptions options(AuditLog *audit = nullptr)
{
    PassOptions o;
    o.scan.queryLibvirt = false;
    o.verify = false;
    o.audit = audit;
    return o;
}

QList<QJsonObject> auditLines(const QString &path)
{
    QFile f(path);
    QList<QJsonObject> lines;
    if (!f.open(QIODevice::ReadOnly))
        return lines;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (!line.isEmpty())
            lines.append(QJsonDocument::fromJson(line).object());
    return lines;
}

} // namespace

class TestCacheExecutor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void removesUnusedTouchesInUse()
    {
        TestLab lab;
        QTemporaryDir data;
        AuditLog audit(data.path() + u"/audit.jsonl"_s);
        const QString unused = lab.addRawBase(TestLab::sha1Hex(u"old"_s));
        const QString used = lab.addRawBase(TestLab::sha1Hex(u"used"_s));
        const QString young = lab.addRawBase(TestLab::sha1Hex(u"young"_s));
        QVERIFY(!lab.addOverlay(u"uuid-1"_s, used).isEmpty());
        QVERIFY(age(unused, 2 * 86400) && age(used, 30 * 86400) && age(young, 3600));
        host::LocalTransport t;
        QVERIFY(t.lock(baseLockPath(lab.instancesPath(), QFileInfo(unused).fileName()), {}));

        const PassResult r = runCachePass({hostFor(lab)}, local(), options(&audit));
        QVERIFY(!r.plan.blocked);
        QVERIFY(!QFile::exists(unused));
        QVERIFY(QFile::exists(used) && QFile::exists(young));
        QVERIFY(!QFile::exists(baseLockPath(lab.instancesPath(), QFileInfo(unused).fileName())));
        QVERIFY(QFileInfo(used).lastModified().secsTo(QDateTime::currentDateTime()) < 60);
        COMPARE_ACTION(r.plan.action(QFileInfo(unused).fileName())->action, Action::Remove);
        COMPARE_ACTION(r.plan.action(QFileInfo(used).fileName())->action, Action::Touch);
        COMPARE_ACTION(r.plan.action(QFileInfo(young).fileName())->action, Action::Keep);
        QCOMPARE(r.plan.reclaimableBytes,
            QFileInfo(used).size() > 0 ? r.plan.action(QFileInfo(unused).fileName())->bytes : -1);

        const QList<QJsonObject> lines = auditLines(audit.path());
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.at(0)[u"action"_s].toString(), u"touch"_s);
        QCOMPARE(lines.at(0)[u"file"_s].toString(), used);
        QCOMPARE(lines.at(1)[u"action"_s].toString(), u"remove"_s);
        QCOMPARE(lines.at(1)[u"file"_s].toString(), unused);
        QCOMPARE(lines.at(1)[u"host"_s].toString(), u"lab1"_s);
        QVERIFY(lines.at(1)[u"reason"_s].toString().startsWith(u"unused for 2 d"_s));
        QVERIFY(lines.at(1)[u"bytes"_s].toInteger() > 0);
        QVERIFY(QDateTime::fromString(lines.at(1)[u"time"_s].toString(), Qt::ISODateWithMs).isValid());
    }

    void dryRunChangesNothing()
    {
        TestLab lab;
        const QString unused = lab.addRawBase(TestLab::sha1Hex(u"old"_s));
        const QString used = lab.addRawBase(TestLab::sha1Hex(u"used"_s));
        QVERIFY(!lab.addOverlay(u"uuid-1"_s, used).isEmpty());
        QVERIFY(age(unused, 2 * 86400) && age(used, 30 * 86400));
        const QDateTime usedMtime = QFileInfo(used).lastModified();
        PassOptions o = options();
        o.dryRun = true;
        const PassResult r = runCachePass({hostFor(lab)}, local(), o);
        QCOMPARE(r.plan.removeCount, 1);
        QVERIFY(QFile::exists(unused));
        QCOMPARE(QFileInfo(used).lastModified(), usedMtime);
    }

    void launchHoldingTheLockWins()
    {
        TestLab lab;
        const QString name = TestLab::sha1Hex(u"old"_s);
        const QString base = lab.addRawBase(name);
        QVERIFY(age(base, 2 * 86400));
        host::LocalTransport t;
        auto held = t.lock(baseLockPath(lab.instancesPath(), name), {});
        QVERIFY(held);
        const PassResult r = runCachePass({hostFor(lab)}, local(), options());
        QVERIFY(QFile::exists(base));
        COMPARE_ACTION(r.plan.action(name)->action, Action::Keep);
        QVERIFY2(r.plan.action(name)->reason.contains(u"lock is held"_s), qPrintable(r.plan.action(name)->reason));
        QCOMPARE(r.plan.reclaimableBytes, 0);
    }

    void overlayMadeAfterPlanningKeepsBase()
    {
        TestLab lab;
        const QString name = TestLab::sha1Hex(u"old"_s);
        const QString base = lab.addRawBase(name);
        QVERIFY(age(base, 2 * 86400));
        const QList<host::HostConfig> group{hostFor(lab)};
        ScanOptions scan;
        scan.queryLibvirt = false;
        const CleanupPlan plan
            = planCleanup(scanSharingGroup(group, local(), scan), {}, QDateTime::currentDateTimeUtc());
        COMPARE_ACTION(plan.action(name)->action, Action::Remove);

        // A launch between plan and execution: the rescan under the lock must see it.
        QVERIFY(!lab.addOverlay(u"late-instance"_s, base).isEmpty());
        host::LocalTransport t;
        ExecuteOptions e;
        e.rescan = [&] { return scanSharingGroup(group, local(), scan); };
        const CleanupPlan done = executeCleanup(plan, t, lab.instancesPath(), {}, e);
        QVERIFY(QFile::exists(base));
        COMPARE_ACTION(done.action(name)->action, Action::Keep);
        QVERIFY2(done.action(name)->reason.contains(u"used by 1 instance on lab1 (changed since planned)"_s),
            qPrintable(done.action(name)->reason));
    }

    void withoutRescanNothingIsRemoved()
    {
        TestLab lab;
        const QString name = TestLab::sha1Hex(u"old"_s);
        const QString base = lab.addRawBase(name);
        QVERIFY(age(base, 2 * 86400));
        ScanOptions scan;
        scan.queryLibvirt = false;
        const CleanupPlan plan
            = planCleanup(scanSharingGroup({hostFor(lab)}, local(), scan), {}, QDateTime::currentDateTimeUtc());
        host::LocalTransport t;
        const CleanupPlan done = executeCleanup(plan, t, lab.instancesPath(), {}, {});
        QVERIFY(QFile::exists(base));
        COMPARE_ACTION(done.action(name)->action, Action::Keep);
    }

    void heldLockBlocksOrphanRemoval()
    {
        TestLab lab;
        const QString name = TestLab::sha1Hex(u"downloading"_s);
        const QString part = lab.basePath() + u'/' + name + u".part"_s;
        QVERIFY(test::writeFile(part, 4096, "x"));
        QVERIFY(age(part, 3 * 86400));
        host::LocalTransport t;
        {
            auto held = t.lock(baseLockPath(lab.instancesPath(), name), {});
            QVERIFY(held);
            const PassResult r = runCachePass({hostFor(lab)}, local(), options());
            QVERIFY(QFile::exists(part));
            QVERIFY(r.plan.action(QString(name + u".part"_s))->reason.contains(u"lock is held"_s));
        }
        const PassResult r = runCachePass({hostFor(lab)}, local(), options());
        QVERIFY(!QFile::exists(part));
        COMPARE_ACTION(r.plan.action(QString(name + u".part"_s))->action, Action::Remove);
    }

    void staleLockFilesAreSwept()
    {
        TestLab lab;
        const QString kept = TestLab::sha1Hex(u"kept"_s);
        QVERIFY(!lab.addRawBase(kept).isEmpty());
        const QString gone = baseLockPath(lab.instancesPath(), TestLab::sha1Hex(u"gone"_s));
        const QString held = baseLockPath(lab.instancesPath(), TestLab::sha1Hex(u"fetching"_s));
        const QString fresh = baseLockPath(lab.instancesPath(), TestLab::sha1Hex(u"fresh"_s));
        const QString ofKept = baseLockPath(lab.instancesPath(), kept);
        for (const QString &p : {gone, held, fresh, ofKept})
            QVERIFY(test::writeFile(p, 0));
        QVERIFY(age(gone, 2 * 86400) && age(held, 2 * 86400) && age(ofKept, 2 * 86400));
        host::LocalTransport t;
        auto lock = t.lock(held, {});
        QVERIFY(lock);
        runCachePass({hostFor(lab)}, local(), options());
        QVERIFY(!QFile::exists(gone));
        QVERIFY(QFile::exists(held)); // a launch holds it
        QVERIFY(QFile::exists(fresh)); // younger than the orphan age
        QVERIFY(QFile::exists(ofKept)); // its base file exists
    }

    void freshPartialIsInFlight()
    {
        TestLab lab;
        const QString part = lab.basePath() + u'/' + TestLab::sha1Hex(u"x"_s) + u".converted"_s;
        QVERIFY(test::writeFile(part, 4096, "x"));
        QVERIFY(age(part, 600));
        runCachePass({hostFor(lab)}, local(), options());
        QVERIFY(QFile::exists(part));
    }

    void unreachableHostBlocksRemovalNotTouches()
    {
        TestLab lab;
        const QString unused = lab.addRawBase(TestLab::sha1Hex(u"old"_s));
        const QString used = lab.addRawBase(TestLab::sha1Hex(u"used"_s));
        QVERIFY(!lab.addOverlay(u"uuid-1"_s, used).isEmpty());
        QVERIFY(age(unused, 5 * 86400) && age(used, 5 * 86400));
        const host::HostConfig gone{u"lab2"_s, u"test:///default"_s, lab.instancesPath() + u"/not-mounted"_s};
        QTemporaryDir data;
        AuditLog audit(data.path() + u"/audit.jsonl"_s);
        const PassResult r = runCachePass({hostFor(lab), gone}, local(), options(&audit));
        QVERIFY(r.plan.blocked);
        const QList<QJsonObject> lines = auditLines(audit.path());
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.at(0)[u"action"_s].toString(), u"blocked"_s);
        QCOMPARE(lines.at(0)[u"file"_s].toString(), unused);
        QCOMPARE(lines.at(1)[u"action"_s].toString(), u"touch"_s);
        QVERIFY2(r.plan.blockedReason.contains(u"lab2"_s), qPrintable(r.plan.blockedReason));
        QVERIFY(QFile::exists(unused));
        QVERIFY(r.plan.action(QFileInfo(unused).fileName())->reason.contains(u"blocked: "_s));
        QVERIFY(QFileInfo(used).lastModified().secsTo(QDateTime::currentDateTime()) < 60);
    }

    void sharedStorageReferencesProtect()
    {
        // lab2 mounts lab1's _base (a symbolic link stands in for NFS); only lab2 uses the file.
        TestLab lab1, lab2;
        const QString name = TestLab::sha1Hex(u"shared"_s);
        const QString base = lab1.addRawBase(name);
        QVERIFY(QDir(lab2.basePath()).removeRecursively());
        QVERIFY(QFile::link(lab1.basePath(), lab2.basePath()));
        QVERIFY(!lab2.addOverlay(u"uuid-on-lab2"_s, lab2.basePath() + u'/' + name).isEmpty());
        QVERIFY(age(base, 10 * 86400));

        const PassResult alone = runCachePass({hostFor(lab1)}, local(), [] {
            PassOptions o = options();
            o.dryRun = true;
            return o;
        }());
        COMPARE_ACTION(alone.plan.action(name)->action, Action::Remove); // what Nova on lab1 would do

        host::LocalTransport t;
        auto id1 = ensureStorageId(t, lab1.basePath());
        auto id2 = ensureStorageId(t, lab2.basePath());
        QVERIFY(id1 && id2);
        QCOMPARE(*id1, *id2);
        QTemporaryDir config;
        const QString conf = config.path() + u"/cowherd.conf"_s;
        host::HostRegistry registry(conf);
        QVERIFY(registry.add(hostFor(lab1)) && registry.add(hostFor(lab2, u"lab2"_s)));
        const QList<host::HostConfig> group = sharingGroupOf(hostFor(lab1), registry.hosts(), conf, local());
        QCOMPARE(group.size(), 2);

        const PassResult r = runCachePass(group, local(), options());
        QVERIFY(QFile::exists(base));
        COMPARE_ACTION(r.plan.action(name)->action, Action::Touch);
        QCOMPARE(r.plan.action(name)->reason, u"used by 1 instance on lab2"_s);
    }

    void rememberedMemberStillBlocks()
    {
        TestLab lab1, lab2;
        QTemporaryDir config;
        const QString conf = config.path() + u"/cowherd.conf"_s;
        host::HostRegistry registry(conf);
        QVERIFY(registry.add(hostFor(lab1)) && registry.add(hostFor(lab2, u"lab2"_s)));
        // lab2 was seen sharing lab1's storage; now its mount is gone.
        host::LocalTransport t;
        auto id = ensureStorageId(t, lab1.basePath());
        QVERIFY(id);
        QVERIFY(rememberStorageId(conf, u"lab2"_s, *id));
        QVERIFY(QDir(lab2.instancesPath()).removeRecursively());
        const QList<host::HostConfig> group = sharingGroupOf(hostFor(lab1), registry.hosts(), conf, local());
        QCOMPARE(group.size(), 2);
        const QString base = lab1.addRawBase(TestLab::sha1Hex(u"old"_s));
        QVERIFY(age(base, 5 * 86400));
        const PassResult r = runCachePass(group, local(), options());
        QVERIFY(r.plan.blocked);
        QVERIFY(QFile::exists(base));
    }

    void raceWithLaunchThread_data()
    {
        QTest::addColumn<bool>("launchFirst");
        QTest::addRow("pass starts first") << false;
        QTest::addRow("launch starts first") << true;
    }

    // A launch takes the base's lock, checks the base exists, makes its overlay and releases;
    // a removal runs at the same moment. Afterwards no overlay may point at a missing base.
    void raceWithLaunchThread()
    {
        QFETCH(bool, launchFirst);
        int overlays = 0, removals = 0;
        for (int round = 0; round < 12; ++round) {
            TestLab lab;
            const QString name = TestLab::sha1Hex(u"race-%1"_s.arg(round));
            const QString base = lab.addRawBase(name);
            QVERIFY(age(base, 5 * 86400));
            const QString overlay = lab.instanceDir(u"racer"_s) + u"/disk"_s;
            QSemaphore go;
            std::atomic_bool launched = false;
            QThread *launch = QThread::create([&] {
                go.acquire();
                host::LocalTransport t;
                auto lock = t.lock(baseLockPath(lab.instancesPath(), name), {});
                if (!lock || !QFile::exists(base))
                    return;
                QDir().mkpath(QFileInfo(overlay).absolutePath());
                launched = test::runTool({u"qemu-img"_s, u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s, u"-F"_s, u"raw"_s,
                    u"-b"_s, base, overlay});
            });
            launch->start();
            if (launchFirst)
                go.release();
            PassOptions o = options();
            bool released = launchFirst;
            o.log = [&](const QString &) {
                if (!released) {
                    released = true;
                    go.release(); // the pass is under way: let the launch run against it
                }
            };
            const PassResult r = runCachePass({hostFor(lab)}, local(), o);
            if (!released)
                go.release();
            QVERIFY(launch->wait(60000));
            delete launch;
            if (QFile::exists(overlay)) {
                ++overlays;
                QVERIFY2(QFile::exists(base), "an overlay points at a removed base file");
                QVERIFY(launched);
            }
            if (!QFile::exists(base)) {
                ++removals;
                COMPARE_ACTION(r.plan.action(name)->action, Action::Remove);
            }
            QVERIFY(QFile::exists(base) || !QFile::exists(overlay));
        }
        QVERIFY(overlays + removals >= 12); // every round ends one way or the other
    }

    // The same race against a second process that uses flock(1), as an outside launcher would.
    void raceWithLaunchProcess()
    {
        int overlays = 0;
        for (int round = 0; round < 8; ++round) {
            TestLab lab;
            const QString name = TestLab::sha1Hex(u"proc-%1"_s.arg(round));
            const QString base = lab.addRawBase(name);
            QVERIFY(age(base, 5 * 86400));
            const QString overlay = lab.instanceDir(u"racer"_s) + u"/disk"_s;
            QDir().mkpath(lab.instanceDir(u"racer"_s));
            const QString lockPath = baseLockPath(lab.instancesPath(), name);
            QDir().mkpath(QFileInfo(lockPath).absolutePath());
            QProcess launch;
            launch.start(u"flock"_s,
                {lockPath, u"sh"_s, u"-c"_s,
                    u"test -f \"$1\" && qemu-img create -q -f qcow2 -F raw -b \"$1\" \"$2\"; exit 0"_s, u"launch"_s,
                    base, overlay});
            QVERIFY(launch.waitForStarted());
            runCachePass({hostFor(lab)}, local(), options());
            QVERIFY(launch.waitForFinished(60000));
            if (QFile::exists(overlay)) {
                ++overlays;
                QVERIFY2(QFile::exists(base), "an overlay points at a removed base file");
            }
        }
        qInfo("%d of 8 launches won", overlays);
    }
};

QTEST_GUILESS_MAIN(TestCacheExecutor)
#include "tst_cacheexecutor.moc"
