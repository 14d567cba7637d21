// On a real Nova host (tests/support/nova.sh): Cowherd recognises it, names its servers from
// Nova's metadata, and in advise mode (the default there) writes nothing: a dry run leaves the
// instances path as it was, and every command that would write is refused with exit status 3.
#include "ctlrun.h"
#include "novafixture.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using cowherd::test::CtlRun;
using cowherd::test::novaCacheName;
using cowherd::test::NovaComputePause;
using cowherd::test::NovaFixture;
using cowherd::test::runCtl;
using cowherd::test::treeListing;

class TestNovaAdvise : public QObject
{
    Q_OBJECT

    NovaFixture m_nova;
    QTemporaryDir m_config;
    QString m_conf;
    QTemporaryDir m_work;

    CtlRun ctl(QStringList arguments, int timeoutMs = 120'000)
    {
        arguments.prepend(m_conf);
        arguments.prepend(u"--config"_s);
        return runCtl(arguments, timeoutMs);
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
        m_conf = m_config.path() + u"/cowherd.conf"_s;
        // managed-by stays auto: Cowherd must find out by itself.
        const CtlRun add = ctl({u"hosts"_s, u"add"_s, u"nova"_s, u"qemu:///system"_s, u"--instances-path"_s,
            m_nova.instancesPath, u"--nova-conf"_s, m_nova.novaConf});
        QVERIFY2(add.exitCode == 0, add.err.constData());
    }

    // The host is Nova's; each server is named from its domain's Nova metadata, and each base
    // file knows the image it holds.
    void scanNamesNovasServers()
    {
        const CtlRun r = ctl({u"--host"_s, u"nova"_s, u"--json"_s, u"scan"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject root = r.json();
        QCOMPARE(root[u"host"_s][u"managed_by"_s].toString(), u"nova"_s);
        const QJsonArray instances = root[u"instances"_s].toArray();
        for (const auto &s : std::as_const(m_nova.servers)) {
            const QJsonObject instance = byKey(instances, u"uuid"_s, s.id);
            QVERIFY2(!instance.isEmpty(), qPrintable(s.name));
            QCOMPARE(instance[u"name"_s].toString(), s.domain); // the domain's own name stays
            const QJsonObject nova = instance[u"nova"_s].toObject();
            QCOMPARE(nova[u"name"_s].toString(), s.name);
            QCOMPARE(nova[u"uuid"_s].toString(), s.id);
            QCOMPARE(nova[u"image_id"_s].toString(), s.imageId);
            QCOMPARE(nova[u"project"_s][u"name"_s].toString(), s.projectName);
            QCOMPARE(nova[u"user"_s][u"name"_s].toString(), s.userName);
            const QJsonObject flavor = nova[u"flavor"_s].toObject();
            QCOMPARE(flavor[u"name"_s].toString(), u"cowherd.tiny"_s);
            QCOMPARE(flavor[u"memory_mib"_s].toInt(), 64);
            QCOMPARE(flavor[u"disk_gib"_s].toInt(), 1);
            QCOMPARE(flavor[u"vcpus"_s].toInt(), 1);
            const QDateTime created = QDateTime::fromString(nova[u"created"_s].toString(), Qt::ISODate);
            QVERIFY2(created.isValid() && created < QDateTime::currentDateTimeUtc(),
                qPrintable(nova[u"created"_s].toString()));
        }
        const QJsonArray bases = root[u"bases"_s].toArray();
        for (const QString &id : std::as_const(m_nova.images)) {
            const QJsonObject base = byKey(bases, u"name"_s, novaCacheName(id));
            QCOMPARE(base[u"image_ids"_s].toArray(), QJsonArray{id});
        }
    }

    // Neither a scan nor a dry run writes anything under Nova's instances path: no marker, no
    // metadata, no touch, no lock file. nova-compute is held still meanwhile (its own passes
    // touch the base files in use).
    void dryRunWritesNothing()
    {
        const NovaComputePause pause(m_nova);
        QVERIFY(pause.paused());
        const auto before = treeListing(m_nova.instancesPath);
        const CtlRun scan = ctl({u"--host"_s, u"nova"_s, u"--json"_s, u"scan"_s});
        const CtlRun dry = ctl({u"--host"_s, u"nova"_s, u"--json"_s, u"cleanup"_s, u"--dry-run"_s});
        const CtlRun table = ctl({u"--host"_s, u"nova"_s, u"cleanup"_s, u"--dry-run"_s});
        const auto after = treeListing(m_nova.instancesPath);
        QVERIFY2(scan.exitCode == 0, scan.err.constData());
        QVERIFY2(dry.exitCode == 0, dry.err.constData());
        QVERIFY2(table.exitCode == 0, table.err.constData());
        QCOMPARE(dry.json()[u"rules"_s].toString(), u"nova"_s);
        QVERIFY(!after.contains(u"_base/.cowherd"_s));
        const QString diff = cowherd::test::listingDiff(before, after);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    // Every command that would write on the Nova host is refused (exit 3) and names the setting
    // that allows it; nothing under the instances path changes.
    void writesAreRefused_data()
    {
        QTest::addColumn<QStringList>("command");
        const QString base = novaCacheName(m_nova.images.value(u"cowherd-nova-a"_s));
        const QString image = m_work.path() + u"/refused.raw"_s;
        QTest::addRow("cleanup") << QStringList{u"cleanup"_s};
        QTest::addRow("verify") << QStringList{u"verify"_s};
        QTest::addRow("pin") << QStringList{u"pin"_s, base};
        QTest::addRow("fetch") << QStringList{u"fetch"_s, u"--quiet"_s, image, u"--image-id"_s, u"refused-fetch"_s};
        QTest::addRow("launch") << QStringList{u"launch"_s, u"--quiet"_s, u"--image"_s, image, u"--image-id"_s,
            u"refused-launch"_s, u"--name"_s, u"cowherd-refused"_s, u"--virt-type"_s, u"qemu"_s};
        QTest::addRow("terminate") << QStringList{u"terminate"_s, m_nova.servers.value(2).domain};
    }

    void writesAreRefused()
    {
        QFETCH(QStringList, command);
        const QString image = m_work.path() + u"/refused.raw"_s;
        if (!QFile::exists(image))
            QCOMPARE(runCtl({u"demo-image"_s, u"--label"_s, u"refused"_s, image}).exitCode, 0);
        const NovaComputePause pause(m_nova);
        QVERIFY(pause.paused());
        const auto before = treeListing(m_nova.instancesPath);
        const CtlRun r = ctl(QStringList{u"--host"_s, u"nova"_s} + command);
        const auto after = treeListing(m_nova.instancesPath);
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains("--allow-nova-writes"), r.err.constData());
        const QString diff = cowherd::test::listingDiff(before, after);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }
};

QTEST_GUILESS_MAIN(TestNovaAdvise)
#include "tst_nova_advise.moc"
