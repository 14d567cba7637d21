// cowherdctl cleanup, verify, pin and unpin as a user runs them; the JSON is a contract.
#include "ctlrun.h"
#include "testlab.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QTest>

using namespace Qt::StringLiterals;
using cowherd::test::TestLab;

namespace {

using cowherd::test::CtlRun;
using cowherd::test::runCtl;

bool age(const QString &path, qint64 seconds)
{
    QFile f(path);
    return f.open(QIODevice::ReadWrite)
        && f.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-seconds), QFileDevice::FileModificationTime);
}

QJsonObject actionFor(const QJsonObject &root, const QString &name)
{
    for (const QJsonValue &v : root[u"actions"_s].toArray())
        if (v[u"name"_s].toString() == name)
            return v.toObject();
    return {};
}

class Lab
{
public:
    Lab()
    {
        m_conf = m_config.path() + u"/cowherd.conf"_s;
        m_audit = m_config.path() + u"/audit.jsonl"_s;
    }
    bool addHost(const QString &name, const QString &path)
    {
        return runCtl({u"--config"_s, m_conf, u"hosts"_s, u"add"_s, name, u"test:///default"_s, u"--instances-path"_s,
                          path})
                   .exitCode
            == 0;
    }
    CtlRun run(const QStringList &args) const
    {
        QStringList all{u"--config"_s, m_conf, u"--host"_s, u"lab"_s};
        all += args;
        if (args.first() == u"cleanup" || args.first() == u"verify")
            all += {u"--no-libvirt"_s, u"--audit-log"_s, m_audit};
        return runCtl(all);
    }
    QString conf() const { return m_conf; }
    QString audit() const { return m_audit; }
    TestLab files;

private:
    QTemporaryDir m_config;
    QString m_conf;
    QString m_audit;
};

} // namespace

class TestCtlCachePass : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanupJsonContract()
    {
        Lab lab;
        QVERIFY(lab.addHost(u"lab"_s, lab.files.instancesPath()));
        const QString old = TestLab::sha1Hex(u"old"_s), used = TestLab::sha1Hex(u"used"_s);
        const QString oldPath = lab.files.addRawBase(old, 2);
        const QString usedPath = lab.files.addRawBase(used);
        const QString resized = lab.files.addRawBase(used + u"_5"_s);
        QVERIFY(!lab.files.addOverlay(u"uuid-1"_s, usedPath).isEmpty());
        QVERIFY(age(oldPath, 3 * 86400) && age(usedPath, 3 * 86400) && age(resized, 1800));

        CtlRun dry = lab.run({u"cleanup"_s, u"--dry-run"_s, u"--json"_s});
        QVERIFY2(dry.exitCode == 0, dry.err.constData());
        QJsonObject root = dry.json();
        QCOMPARE(root[u"blocked"_s].toBool(true), false);
        QVERIFY(root[u"blocked_reason"_s].isNull());
        QVERIFY(root[u"reclaimable_bytes"_s].toInteger() >= 2 * 1024 * 1024);
        QCOMPARE(root[u"actions"_s].toArray().size(), 3);
        QJsonObject a = actionFor(root, old);
        QCOMPARE(a[u"path"_s].toString(), oldPath);
        QCOMPARE(a[u"kind"_s].toString(), u"original"_s);
        QCOMPARE(a[u"action"_s].toString(), u"remove"_s);
        QCOMPARE(a[u"reason"_s].toString(), u"unused for 3 d (minimum 24 h)"_s);
        QVERIFY(a[u"bytes"_s].toInteger() > 0);
        QCOMPARE(actionFor(root, used)[u"action"_s].toString(), u"touch"_s);
        QCOMPARE(actionFor(root, used + u"_5"_s)[u"reason"_s].toString(), u"unused for 30 min; removable in 30 min"_s);
        QVERIFY(QFile::exists(oldPath));

        // A policy flag overrides the setting: resized files removable after 10 minutes.
        CtlRun real = lab.run({u"cleanup"_s, u"--json"_s, u"--resized-min-age"_s, u"600"_s});
        QVERIFY2(real.exitCode == 0, real.err.constData());
        root = real.json();
        QCOMPARE(actionFor(root, old)[u"action"_s].toString(), u"remove"_s);
        QCOMPARE(actionFor(root, used + u"_5"_s)[u"action"_s].toString(), u"remove"_s);
        QVERIFY(!QFile::exists(oldPath) && !QFile::exists(resized));
        QVERIFY(QFile::exists(usedPath));

        QFile audit(lab.audit());
        QVERIFY(audit.open(QIODevice::ReadOnly));
        const QByteArray log = audit.readAll();
        QCOMPARE(log.count("\"action\":\"remove\""), 2);
        QCOMPARE(log.count("\"action\":\"touch\""), 1);
    }

    void blockedGroupExitsThree()
    {
        Lab lab;
        QVERIFY(lab.addHost(u"lab"_s, lab.files.instancesPath()));
        QVERIFY(lab.addHost(u"lab2"_s, lab.files.instancesPath() + u"/unmounted"_s));
        {
            QSettings s(lab.conf(), QSettings::IniFormat);
            s.setValue(u"hosts/lab/cache_pass/sharing_group"_s, u"nfs"_s);
            s.setValue(u"hosts/lab2/cache_pass/sharing_group"_s, u"nfs"_s);
        }
        const QString old = lab.files.addRawBase(TestLab::sha1Hex(u"old"_s));
        QVERIFY(age(old, 3 * 86400));
        CtlRun r = lab.run({u"cleanup"_s, u"--json"_s});
        QCOMPARE(r.exitCode, 3);
        const QJsonObject root = r.json();
        QVERIFY(root[u"blocked"_s].toBool());
        QVERIFY(root[u"blocked_reason"_s].toString().contains(u"lab2"_s));
        QCOMPARE(root[u"reclaimable_bytes"_s].toInteger(), 0);
        QCOMPARE(actionFor(root, TestLab::sha1Hex(u"old"_s))[u"action"_s].toString(), u"keep"_s);
        QVERIFY(QFile::exists(old));
    }

    void verifyJsonContractAndMismatch()
    {
        Lab lab;
        QVERIFY(lab.addHost(u"lab"_s, lab.files.instancesPath()));
        const QString name = TestLab::sha1Hex(u"v"_s);
        const QString path = lab.files.addRawBase(name, 1);
        QByteArray sum;
        QVERIFY(cowherd::test::runTool({u"sha256sum"_s, path}, &sum));

        CtlRun r = lab.run({u"verify"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QJsonArray files = r.json()[u"files"_s].toArray();
        QCOMPARE(files.size(), 1);
        QJsonObject f = files.at(0).toObject();
        QCOMPARE(f[u"name"_s].toString(), name);
        QCOMPARE(f[u"state"_s].toString(), u"ok"_s);
        QCOMPARE(f[u"sha256"_s].toString().toLatin1(), sum.left(64));
        QVERIFY(QDateTime::fromString(f[u"verified_at"_s].toString(), Qt::ISODate).isValid());

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite) && file.seek(100) && file.putChar('!'));
        file.close();
        r = lab.run({u"verify"_s, name, u"--json"_s});
        QCOMPARE(r.exitCode, 1);
        f = r.json()[u"files"_s].toArray().at(0).toObject();
        QCOMPARE(f[u"state"_s].toString(), u"mismatch"_s);
        QCOMPARE(f[u"result"_s].toString(), u"quarantined"_s);
        QVERIFY(!QFile::exists(path));
        QVERIFY(QFile::exists(lab.files.basePath() + u"/.cowherd/quarantine/"_s + name));
    }

    void pinnedFileIsKept()
    {
        Lab lab;
        QVERIFY(lab.addHost(u"lab"_s, lab.files.instancesPath()));
        const QString name = TestLab::sha1Hex(u"golden"_s);
        const QString path = lab.files.addRawBase(name);
        QVERIFY(age(path, 30 * 86400));
        QCOMPARE(lab.run({u"pin"_s, name}).exitCode, 0);
        QCOMPARE(lab.run({u"pin"_s, u"no-such-file"_s}).exitCode, 1);
        CtlRun r = lab.run({u"cleanup"_s, u"--json"_s});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(actionFor(r.json(), name)[u"reason"_s].toString(), u"pinned"_s);
        QVERIFY(QFile::exists(path));
        QCOMPARE(lab.run({u"unpin"_s, name}).exitCode, 0);
        r = lab.run({u"cleanup"_s, u"--json"_s});
        QCOMPARE(actionFor(r.json(), name)[u"action"_s].toString(), u"remove"_s);
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_GUILESS_MAIN(TestCtlCachePass)
#include "tst_ctl_cachepass.moc"
