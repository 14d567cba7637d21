// cowherdctl's scan and hosts commands, run as a user would run them; the JSON is a contract.
#include "ctlrun.h"
#include "testlab.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using cowherd::test::TestLab;

namespace {

using cowherd::test::CtlRun;
using cowherd::test::runCtl;

} // namespace

class TestCtlScan : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyCommandHasItsHelp()
    {
        const CtlRun top = runCtl({u"--help"_s});
        QCOMPARE(top.exitCode, 0);
        const QString text = QString::fromUtf8(top.out);
        const qsizetype from = text.indexOf(u"Commands:\n"_s);
        QVERIFY(from > 0);
        QStringList commands;
        for (const QString &line : text.mid(from).split(u'\n').mid(1)) {
            if (!line.startsWith(u"  "_s))
                break;
            commands << line.trimmed().section(u' ', 0, 0);
        }
        QCOMPARE(commands.size(), 18);
        for (const char *added : {"pause", "resume", "console"})
            QVERIFY(commands.contains(QString::fromLatin1(added)));
        for (const QString &command : std::as_const(commands)) {
            const CtlRun help = runCtl({command, u"--help"_s});
            QVERIFY2(help.exitCode == 0, qPrintable(command + u": "_s + help.errText()));
            QVERIFY2(help.out.startsWith(QByteArray("Usage: cowherdctl " + command.toUtf8() + " [options]")),
                help.out.constData());
            QVERIFY2(help.out.contains("-h, --help"), help.out.constData());
        }
        const CtlRun wrong = runCtl({u"fetch"_s, u"--no-such-option"_s});
        QCOMPARE(wrong.exitCode, 2);
        QVERIFY(wrong.err.contains("no-such-option"));
    }

    void scanJsonContract()
    {
        TestLab lab;
        QTemporaryDir config;
        const QString conf = config.path() + u"/cowherd.conf"_s;
        const QString image = TestLab::sha1Hex(u"cirros"_s);
        const QString base = lab.addRawBase(image, 2);
        const QString overlay = lab.addOverlay(u"11111111-2222-3333-4444-555555555555"_s, base);
        QVERIFY(!overlay.isEmpty());

        CtlRun add = runCtl({u"--config"_s, conf, u"hosts"_s, u"add"_s, u"lab"_s, u"test:///default"_s,
            u"--instances-path"_s, lab.instancesPath()});
        QCOMPARE(add.exitCode, 0);

        CtlRun r = runCtl({u"--config"_s, conf, u"--json"_s, u"scan"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QJsonParseError error;
        const QJsonObject root = QJsonDocument::fromJson(r.out, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));

        const QJsonObject host = root[u"host"_s].toObject();
        QCOMPARE(host[u"name"_s].toString(), u"lab"_s);
        QCOMPARE(host[u"uri"_s].toString(), u"test:///default"_s);
        QCOMPARE(host[u"instances_path"_s].toString(), lab.instancesPath());

        const QJsonArray bases = root[u"bases"_s].toArray();
        QCOMPARE(bases.size(), 1);
        const QJsonObject b = bases.at(0).toObject();
        QCOMPARE(b[u"name"_s].toString(), image);
        QCOMPARE(b[u"path"_s].toString(), base);
        QCOMPARE(b[u"kind"_s].toString(), u"original"_s);
        QCOMPARE(b[u"format"_s].toString(), u"raw"_s);
        QCOMPARE(b[u"virtual_size"_s].toInteger(), 2 * 1024 * 1024);
        QCOMPARE(b[u"apparent_size"_s].toInteger(), 2 * 1024 * 1024);
        QVERIFY(b[u"allocated_size"_s].toInteger() > 0);
        QVERIFY(QDateTime::fromString(b[u"mtime"_s].toString(), Qt::ISODate).isValid());
        QVERIFY(b[u"mtime"_s].toString().endsWith(u'Z'));
        QVERIFY(b[u"image_id"_s].isNull());
        QCOMPARE(b[u"references"_s].toArray(), QJsonArray{u"11111111-2222-3333-4444-555555555555"_s});
        QCOMPARE(b[u"problems"_s].toArray().size(), 0);

        const QJsonArray instances = root[u"instances"_s].toArray();
        QCOMPARE(instances.size(), 1);
        const QJsonObject i = instances.at(0).toObject();
        QCOMPARE(i[u"uuid"_s].toString(), u"11111111-2222-3333-4444-555555555555"_s);
        QVERIFY(i[u"name"_s].isNull());
        QCOMPARE(i[u"state"_s].toString(), u"undefined"_s);
        QCOMPARE(i[u"directory"_s].toString(), lab.instanceDir(u"11111111-2222-3333-4444-555555555555"_s));
        const QJsonObject d = i[u"disks"_s].toArray().at(0).toObject();
        QCOMPARE(d[u"path"_s].toString(), overlay);
        QCOMPARE(d[u"format"_s].toString(), u"qcow2"_s);
        QCOMPARE(d[u"virtual_size"_s].toInteger(), 2 * 1024 * 1024);
        const QJsonObject link = d[u"backing_chain"_s].toArray().at(0).toObject();
        QCOMPARE(link[u"path"_s].toString(), base);
        QCOMPARE(link[u"format"_s].toString(), u"raw"_s);
    }

    void scanTableAndOverrides()
    {
        TestLab lab;
        QVERIFY(!lab.addRawBase(TestLab::sha1Hex(u"x"_s)).isEmpty());
        QTemporaryDir config;
        CtlRun r = runCtl({u"--config"_s, config.path() + u"/c.conf"_s, u"--host"_s, u"test:///default"_s,
            u"--instances-path"_s, lab.instancesPath(), u"scan"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("BASE FILE"));
        QVERIFY(r.out.contains(TestLab::sha1Hex(u"x"_s).toLatin1()));
    }

    void hostsRoundTrip()
    {
        QTemporaryDir config;
        const QString conf = config.path() + u"/c.conf"_s;
        QCOMPARE(runCtl({u"--config"_s, conf, u"hosts"_s, u"add"_s, u"lab 3"_s, u"qemu+ssh://root@lab3/system"_s,
                            u"--instances-path"_s, u"/srv/nova/instances"_s})
                     .exitCode,
            0);
        // The same name twice is refused with a message, not overwritten.
        CtlRun twice = runCtl({u"--config"_s, conf, u"hosts"_s, u"add"_s, u"lab 3"_s, u"qemu:///system"_s});
        QCOMPARE(twice.exitCode, 1);
        QVERIFY(twice.err.contains("already exists"));

        CtlRun list = runCtl({u"--config"_s, conf, u"--json"_s, u"hosts"_s, u"list"_s});
        QCOMPARE(list.exitCode, 0);
        const QJsonArray hosts = QJsonDocument::fromJson(list.out).object()[u"hosts"_s].toArray();
        QCOMPARE(hosts.size(), 1);
        QCOMPARE(hosts.at(0)[u"name"_s].toString(), u"lab 3"_s);
        QCOMPARE(hosts.at(0)[u"uri"_s].toString(), u"qemu+ssh://root@lab3/system"_s);
        QCOMPARE(hosts.at(0)[u"instances_path"_s].toString(), u"/srv/nova/instances"_s);

        QCOMPARE(runCtl({u"--config"_s, conf, u"hosts"_s, u"remove"_s, u"lab 3"_s}).exitCode, 0);
        QCOMPARE(runCtl({u"--config"_s, conf, u"hosts"_s, u"remove"_s, u"lab 3"_s}).exitCode, 1);
    }

    void exitCodes_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addRow("no command") << QStringList{} << 2;
        QTest::addRow("unknown command") << QStringList{u"graze"_s} << 2;
        QTest::addRow("unknown option") << QStringList{u"scan"_s, u"--frobnicate"_s} << 2;
        QTest::addRow("unknown host") << QStringList{u"--host"_s, u"nosuchhost"_s, u"scan"_s} << 1;
        QTest::addRow("bad hosts verb") << QStringList{u"hosts"_s, u"rename"_s} << 2;
        QTest::addRow("help") << QStringList{u"--help"_s} << 0;
        QTest::addRow("version") << QStringList{u"--version"_s} << 0;
    }
    void exitCodes()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QTemporaryDir config;
        CtlRun r = runCtl(QStringList{u"--config"_s, config.path() + u"/c.conf"_s} + args);
        QCOMPARE(r.exitCode, code);
        if (code != 0)
            QVERIFY(r.err.startsWith("cowherdctl: "));
    }
};

QTEST_GUILESS_MAIN(TestCtlScan)
#include "tst_ctl_scan.moc"
