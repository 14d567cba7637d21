// Cowherd beside a real, running Nova (tests/support/nova.sh: Debian 12's Zed packages, libvirt
// driver, three servers from two Glance images): what cowherdctl reads on a Nova host, and that
// reading writes nothing there.
#include "ctlrun.h"
#include "novafixture.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using cowherd::test::CtlRun;
using cowherd::test::novaCacheName;
using cowherd::test::NovaFixture;
using cowherd::test::runCtl;
using cowherd::test::treeListing;

class TestNova : public QObject
{
    Q_OBJECT

    NovaFixture m_nova;
    QTemporaryDir m_config;
    QString m_conf;

    CtlRun ctl(QStringList arguments, int timeoutMs = 120'000)
    {
        arguments.prepend(m_conf);
        arguments.prepend(u"--config"_s);
        return runCtl(arguments, timeoutMs);
    }

    QJsonObject scan()
    {
        const CtlRun r = ctl({u"--json"_s, u"scan"_s});
        if (r.exitCode != 0)
            qWarning("scan failed: %s", r.err.constData());
        return r.json();
    }

    static QJsonObject byKey(const QJsonArray &array, const QString &key, const QString &value)
    {
        for (const QJsonValue &v : array)
            if (v[key].toString() == value)
                return v.toObject();
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_nova = NovaFixture::load();
        QVERIFY2(m_nova.valid(), "run through ctest: the nova fixture writes $COWHERD_NOVA_DIR/fixture.json");
        QCOMPARE(m_nova.servers.size(), 3);
        QCOMPARE(m_nova.images.size(), 2);
        m_conf = m_config.path() + u"/cowherd.conf"_s;
        const CtlRun add
            = ctl({u"hosts"_s, u"add"_s, u"nova"_s, u"qemu:///system"_s, u"--instances-path"_s, m_nova.instancesPath});
        QVERIFY2(add.exitCode == 0, add.err.constData());
    }

    // What a Nova host holds, which Cowherd's recognition relies on: the layout is Nova's own.
    void novaLeftItsMarks()
    {
        const QDir instances(m_nova.instancesPath);
        QVERIFY(instances.exists(u"compute_nodes"_s));
        QFile nodes(instances.filePath(u"compute_nodes"_s));
        QVERIFY(nodes.open(QIODevice::ReadOnly));
        const QJsonObject seen = QJsonDocument::fromJson(nodes.readAll()).object();
        QVERIFY2(seen.contains(m_nova.computeHost), qPrintable(QString::fromUtf8(QJsonDocument(seen).toJson())));
        for (const QString &id : std::as_const(m_nova.images))
            QVERIFY2(instances.exists(u"locks/nova-"_s + novaCacheName(id)), qPrintable(id));
    }

    // The cache as Cowherd reads it: two base files (the qcow2 image was made raw by Nova), each
    // the backing file of the overlays of the servers booted from it.
    void scanReadsTheCache()
    {
        const QJsonObject root = scan();
        const QJsonArray bases = root[u"bases"_s].toArray();
        const QJsonArray instances = root[u"instances"_s].toArray();
        for (auto it = m_nova.images.cbegin(); it != m_nova.images.cend(); ++it) {
            const QString name = novaCacheName(it.value());
            const QJsonObject base = byKey(bases, u"name"_s, name);
            QVERIFY2(!base.isEmpty(), qPrintable(it.key() + u" has no base file "_s + name));
            QCOMPARE(base[u"kind"_s].toString(), u"original"_s);
            QCOMPARE(base[u"format"_s].toString(), u"raw"_s);
            QSet<QString> expected;
            for (const auto &s : std::as_const(m_nova.servers))
                if (s.imageId == it.value())
                    expected.insert(s.id);
            QSet<QString> references;
            for (const QJsonValue &r : base[u"references"_s].toArray())
                references.insert(r.toString());
            QCOMPARE(references, expected);
        }
        for (const auto &s : std::as_const(m_nova.servers)) {
            const QJsonObject instance = byKey(instances, u"uuid"_s, s.id);
            QVERIFY2(!instance.isEmpty(), qPrintable(s.name));
            QCOMPARE(instance[u"name"_s].toString(), s.domain);
            QCOMPARE(instance[u"state"_s].toString(), u"running"_s);
            const QJsonObject disk = instance[u"disks"_s].toArray().at(0).toObject();
            QCOMPARE(disk[u"path"_s].toString(), m_nova.instancesPath + u'/' + s.id + u"/disk"_s);
            QCOMPARE(disk[u"format"_s].toString(), u"qcow2"_s);
            const QJsonArray chain = disk[u"backing_chain"_s].toArray();
            QCOMPARE(chain.size(), 1);
            QCOMPARE(chain.at(0)[u"path"_s].toString(), m_nova.basePath() + u'/' + novaCacheName(s.imageId));
        }
    }

    // Nova's image cache manager runs within the test and logs what it decided; the tests that
    // compare Cowherd's plan with Nova's read these lines.
    void novasManagerLogsItsPasses()
    {
        const auto pass = m_nova.waitForCachePass(m_nova.logSize(), (m_nova.managerInterval + 60) * 1000);
        QVERIFY2(pass, "no image cache pass in nova-compute's log");
        QStringList expected;
        for (const QString &id : std::as_const(m_nova.images))
            expected << m_nova.basePath() + u'/' + novaCacheName(id);
        QStringList active = pass->active;
        active.sort();
        expected.sort();
        QCOMPARE(active, expected);
        QVERIFY(pass->removed.isEmpty());
    }

    // Reading a Nova host writes nothing under its instances path. nova-compute is held still
    // meanwhile: its own passes touch the base files in use and rewrite compute_nodes.
    void scanWritesNothing()
    {
        const cowherd::test::NovaComputePause pause(m_nova);
        QVERIFY(pause.paused());
        const auto before = treeListing(m_nova.instancesPath);
        const CtlRun json = ctl({u"--json"_s, u"scan"_s});
        const CtlRun table = ctl({u"scan"_s});
        const auto after = treeListing(m_nova.instancesPath);
        QCOMPARE(json.exitCode, 0);
        QCOMPARE(table.exitCode, 0);
        QVERIFY(before.size() > 10);
        const QString diff = cowherd::test::listingDiff(before, after);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }
};

QTEST_GUILESS_MAIN(TestNova)
#include "tst_nova.moc"
