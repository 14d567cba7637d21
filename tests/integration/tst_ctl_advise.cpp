// Advise mode on a cache Nova manages, and dry runs (issue 15), as a user runs cowherdctl:
// nothing under the instances path changes unless the host allows Cowherd to write there;
// every writing command says which setting to change and exits with 3.
#include "ctlrun.h"
#include "testlab.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using cowherd::test::CtlRun;
using cowherd::test::runCtl;
using cowherd::test::TestLab;

namespace {

bool age(const QString &path, qint64 seconds)
{
    QFile f(path);
    return f.open(QIODevice::ReadWrite)
        && f.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-seconds), QFileDevice::FileModificationTime);
}

// Every file and directory under path with its size and modification time.
QStringList listing(const QString &path)
{
    QStringList out;
    QDirIterator it(
        path, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const QFileInfo f = it.fileInfo();
        out.append(
            u"%1 %2 %3"_s.arg(f.filePath()).arg(f.isDir() ? -1 : f.size()).arg(f.lastModified().toMSecsSinceEpoch()));
    }
    out.sort();
    return out;
}

QJsonObject actionFor(const QJsonObject &root, const QString &name)
{
    for (const QJsonValue &v : root[u"actions"_s].toArray())
        if (v[u"name"_s].toString() == name)
            return v.toObject();
    return {};
}

} // namespace

class TestCtlAdvise : public QObject
{
    Q_OBJECT

    QTemporaryDir m_config;
    QString conf() const { return m_config.path() + u"/cowherd.conf"_s; }
    CtlRun ctl(const QStringList &args) const
    {
        QStringList all{u"--config"_s, conf(), u"--host"_s, u"lab"_s};
        all += args;
        if (args.first() == u"cleanup" || args.first() == u"verify")
            all += {u"--no-libvirt"_s, u"--audit-log"_s, m_config.path() + u"/audit.jsonl"_s};
        return runCtl(all);
    }

private Q_SLOTS:
    void init() { QFile::remove(conf()); }

    // Today's cleanup --dry-run wrote _base/.cowherd/storage-id and its lock: no longer, anywhere.
    void dryRunWritesNothing()
    {
        TestLab lab;
        QVERIFY(age(lab.addRawBase(TestLab::sha1Hex(u"old"_s)), 3 * 86400));
        lab.addRawBase(TestLab::sha1Hex(u"young"_s));
        QCOMPARE(runCtl({u"--config"_s, conf(), u"hosts"_s, u"add"_s, u"lab"_s, u"test:///default"_s,
                            u"--instances-path"_s, lab.instancesPath(), u"--managed-by"_s, u"cowherd"_s})
                     .exitCode,
            0);
        const QStringList before = listing(lab.instancesPath());
        const CtlRun plan = ctl({u"cleanup"_s, u"--dry-run"_s, u"--json"_s});
        QVERIFY2(plan.exitCode == 0, qPrintable(plan.errText()));
        QCOMPARE(plan.json()[u"rules"_s].toString(), u"cowherd"_s);
        QCOMPARE(plan.json()[u"policy"_s][u"original_min_age_s"_s].toInt(), 86400);
        QVERIFY(plan.json()[u"policy"_s][u"source"_s].toString().contains(u"cowherd.conf"_s));
        QCOMPARE(actionFor(plan.json(), TestLab::sha1Hex(u"old"_s))[u"action"_s].toString(), u"remove"_s);
        QCOMPARE(listing(lab.instancesPath()), before);
    }

    // A dry run is allowed on every host, Nova's included, without --allow-nova-writes, with
    // libvirt asked or not; and it writes nothing: no storage-id marker, no lock file (neither
    // Cowherd's nor Nova's), no metadata, no touch.
    void dryRunIsAllowedAndWritesNothing_data()
    {
        QTest::addColumn<QString>("managedBy");
        QTest::addColumn<QString>("trace"); // a file of Nova's under the instances path, or none
        QTest::addColumn<bool>("queryLibvirt");
        QTest::addColumn<QString>("rules");
        QTest::addRow("cowherd host") << u"auto"_s << QString() << true << u"cowherd"_s;
        QTest::addRow("Nova's lock files") << u"auto"_s << u"locks/nova-storage-registry-lock"_s << true << u"nova"_s;
        QTest::addRow("Nova's compute_nodes") << u"auto"_s << u"compute_nodes"_s << true << u"nova"_s;
        QTest::addRow("Nova by setting") << u"nova"_s << QString() << true << u"nova"_s;
        QTest::addRow("Nova by setting, no libvirt") << u"nova"_s << QString() << false << u"nova"_s;
    }

    void dryRunIsAllowedAndWritesNothing()
    {
        QFETCH(QString, managedBy);
        QFETCH(QString, trace);
        QFETCH(bool, queryLibvirt);
        QFETCH(QString, rules);
        TestLab lab;
        const QString old = TestLab::sha1Hex(u"an image nobody runs"_s);
        const QString used = TestLab::sha1Hex(u"an image in use"_s);
        QVERIFY(age(lab.addRawBase(old), 3 * 86400));
        const QString usedPath = lab.addRawBase(used);
        QVERIFY(age(usedPath, 3 * 86400));
        QVERIFY(!lab.addOverlay(u"6f1b7c3e-0000-4000-8000-0000000000aa"_s, usedPath).isEmpty());
        lab.addRawBase(u"swap_512"_s);
        if (!trace.isEmpty()) {
            const QString path = lab.instancesPath() + u'/' + trace;
            QVERIFY(QDir().mkpath(QFileInfo(path).path()));
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            // compute_nodes names this machine's node, seen now: a member Cowherd can scan.
            if (trace == u"compute_nodes")
                f.write(u"{\"lab\": %1}"_s.arg(QDateTime::currentSecsSinceEpoch()).toUtf8());
            f.close();
            QVERIFY(age(path, 600));
        }
        const QString novaConf = m_config.path() + u"/nova.conf"_s;
        QFile confFile(novaConf);
        QVERIFY(confFile.open(QIODevice::WriteOnly));
        confFile.write("[image_cache]\nremove_unused_original_minimum_age_seconds = 7200\n");
        confFile.close();
        QCOMPARE(
            runCtl({u"--config"_s, conf(), u"hosts"_s, u"add"_s, u"lab"_s, u"test:///default"_s, u"--instances-path"_s,
                       lab.instancesPath(), u"--managed-by"_s, managedBy, u"--nova-conf"_s, novaConf})
                .exitCode,
            0);
        const QStringList before = listing(lab.instancesPath());

        QStringList args{u"--config"_s, conf(), u"--host"_s, u"lab"_s, u"cleanup"_s, u"--dry-run"_s, u"--json"_s,
            u"--audit-log"_s, m_config.path() + u"/audit.jsonl"_s};
        if (!queryLibvirt)
            args.append(u"--no-libvirt"_s);
        const CtlRun plan = runCtl(args);
        QVERIFY2(plan.exitCode == 0, qPrintable(plan.errText()));
        QVERIFY2(!plan.errText().contains(u"Refused"_s), qPrintable(plan.errText()));
        QCOMPARE(plan.json()[u"dry_run"_s].toBool(), true);
        QCOMPARE(plan.json()[u"rules"_s].toString(), rules);
        QVERIFY(plan.json()[u"refused"_s].isNull());
        QCOMPARE(actionFor(plan.json(), old)[u"action"_s].toString(), u"remove"_s);
        // In use by a disk: touched by Cowherd's rules, active (kept, untouched) by Nova's.
        QCOMPARE(actionFor(plan.json(), used)[u"action"_s].toString(), rules == u"nova" ? u"keep"_s : u"touch"_s);
        // The table form too.
        args.removeAll(u"--json"_s);
        const CtlRun table = runCtl(args);
        QVERIFY2(table.exitCode == 0, qPrintable(table.errText()));

        const QStringList after = listing(lab.instancesPath());
        QCOMPARE(after, before);
        QVERIFY(!QFileInfo::exists(lab.basePath() + u"/.cowherd"_s));
        for (const QString &line : after)
            QVERIFY2(!line.contains(u".lock "_s) && !line.contains(u"/locks/nova-"_s + old), qPrintable(line));
    }

    void novaHostOnlyAdvises()
    {
        TestLab lab;
        const QString old = TestLab::sha1Hex(u"an image nobody runs"_s);
        QVERIFY(age(lab.addRawBase(old), 3 * 86400));
        QFile nova(lab.instancesPath() + u"/locks/nova-storage-registry-lock"_s);
        QVERIFY(QDir().mkpath(lab.instancesPath() + u"/locks"_s) && nova.open(QIODevice::WriteOnly));
        nova.close();
        QVERIFY(age(nova.fileName(), 600));
        const QString novaConf = m_config.path() + u"/nova.conf"_s;
        QFile confFile(novaConf);
        QVERIFY(confFile.open(QIODevice::WriteOnly));
        confFile.write("[image_cache]\nremove_unused_original_minimum_age_seconds = 7200\n");
        confFile.close();
        QCOMPARE(runCtl({u"--config"_s, conf(), u"hosts"_s, u"add"_s, u"lab"_s, u"test:///default"_s,
                            u"--instances-path"_s, lab.instancesPath(), u"--nova-conf"_s, novaConf})
                     .exitCode,
            0);
        const QStringList before = listing(lab.instancesPath());

        const CtlRun scan = ctl({u"scan"_s, u"--json"_s, u"--no-libvirt"_s});
        QCOMPARE(scan.exitCode, 0);
        QCOMPARE(scan.json()[u"host"_s][u"managed_by"_s].toString(), u"nova"_s);
        QCOMPARE(scan.json()[u"host"_s][u"managed_by_setting"_s].toString(), u"auto"_s);

        const CtlRun plan = ctl({u"cleanup"_s, u"--dry-run"_s, u"--json"_s});
        QVERIFY2(plan.exitCode == 0, qPrintable(plan.errText()));
        QCOMPARE(plan.json()[u"rules"_s].toString(), u"nova"_s);
        QCOMPARE(plan.json()[u"policy"_s][u"original_min_age_s"_s].toInt(), 7200);
        QCOMPARE(plan.json()[u"policy"_s][u"resized_min_age_s"_s].toInt(), 3600);
        QCOMPARE(plan.json()[u"policy"_s][u"remove_unused"_s].toBool(), true);
        QVERIFY(plan.json()[u"policy"_s][u"source"_s].toString().contains(novaConf));
        const QJsonObject action = actionFor(plan.json(), old);
        QCOMPARE(action[u"action"_s].toString(), u"remove"_s);
        QVERIFY2(action[u"reason"_s].toString().startsWith(u"Nova: unknown base file"_s),
            qPrintable(action[u"reason"_s].toString()));

        const QString image = m_config.path() + u"/image.raw"_s;
        QVERIFY(cowherd::test::writeFile(image, 1024 * 1024, "x"));
        const QList<QStringList> writes{{u"cleanup"_s}, {u"verify"_s}, {u"pin"_s, old}, {u"unpin"_s, old},
            {u"fetch"_s, image, u"--quiet"_s}, {u"launch"_s, u"--name"_s, u"vm1"_s, u"--image"_s, image, u"--quiet"_s},
            {u"terminate"_s, u"vm1"_s}};
        for (const QStringList &args : writes) {
            const CtlRun refused = ctl(args);
            QVERIFY2(refused.exitCode == 3, qPrintable(args.join(u' ') + u": "_s + refused.errText()));
            QVERIFY2(refused.errText().contains(u"allow_nova_writes"_s), qPrintable(refused.errText()));
            QVERIFY2(refused.errText().contains(u"--allow-nova-writes"_s), qPrintable(refused.errText()));
        }
        QCOMPARE(listing(lab.instancesPath()), before);

        QCOMPARE(runCtl({u"--config"_s, conf(), u"hosts"_s, u"set"_s, u"lab"_s, u"--allow-nova-writes"_s}).exitCode, 0);
        const CtlRun done = ctl({u"cleanup"_s, u"--json"_s});
        QVERIFY2(done.exitCode == 0, qPrintable(done.errText()));
        QCOMPARE(done.json()[u"rules"_s].toString(), u"nova"_s);
        QCOMPARE(actionFor(done.json(), old)[u"action"_s].toString(), u"remove"_s);
        QVERIFY(!QFile::exists(lab.basePath() + u'/' + old));
    }
};

QTEST_GUILESS_MAIN(TestCtlAdvise)
#include "tst_ctl_advise.moc"
