#include "ctlrun.h"
#include "imagecorpus.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using cowherd::test::CtlRun;
using cowherd::test::ImageCorpus;
using cowherd::test::runCtl;

// cowherdctl inspect as a user runs it: exit codes, JSON fields, readable text.
class TestInspectCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void exitCodes_data();
    void exitCodes();
    void json();
    void text();

private:
    QString corpus(const QString &name) const { return m_dir.path() + u"/corpus/"_s + name; }
    QTemporaryDir m_dir;
    ImageCorpus m_corpus{m_dir.path() + u"/corpus"_s};
};

void TestInspectCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_corpus.generate(), qPrintable(m_corpus.errorString()));
}

void TestInspectCli::exitCodes_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addRow("safe qcow2") << QStringList{corpus(u"qcow2.img"_s)} << 0;
    QTest::addRow("safe declared") << QStringList{corpus(u"dynamic.vhd"_s), u"--disk-format"_s, u"vhd"_s} << 0;
    QTest::addRow("lying format") << QStringList{u"--disk-format"_s, u"raw"_s, corpus(u"declared-raw.img"_s)} << 3;
    QTest::addRow("host backing file") << QStringList{corpus(u"backing-host-file.qcow2"_s)} << 3;
    QTest::addRow("overlay allowed") << QStringList{corpus(u"overlay.img"_s), u"--allow-backing-file"_s} << 0;
    QTest::addRow("missing file") << QStringList{corpus(u"nope"_s)} << 1;
    QTest::addRow("no file") << QStringList{} << 2;
    QTest::addRow("two files") << QStringList{corpus(u"raw.img"_s), corpus(u"raw.img"_s)} << 2;
    QTest::addRow("unknown format") << QStringList{u"--disk-format"_s, u"floppy"_s, corpus(u"raw.img"_s)} << 2;
}

void TestInspectCli::exitCodes()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    const CtlRun run = runCtl(QStringList{u"inspect"_s} + arguments);
    QCOMPARE(run.exitCode, exitCode);
    QCOMPARE(run.err.isEmpty(), exitCode == 0 || exitCode == 3);
}

void TestInspectCli::json()
{
    const CtlRun run = runCtl({u"inspect"_s, u"--json"_s, corpus(u"backing-host-file.qcow2"_s)});
    QCOMPARE(run.exitCode, 3);
    const QJsonObject o = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(o.value(u"path"_s).toString(), corpus(u"backing-host-file.qcow2"_s));
    QCOMPARE(o.value(u"format"_s).toString(), u"qcow2"_s);
    QCOMPARE(o.value(u"virtual_size"_s).toInteger(), qint64(64) << 20);
    QCOMPARE(o.value(u"backing_file"_s).toString(), u"/etc/passwd"_s);
    QCOMPARE(o.value(u"backing_format"_s).toString(), u"raw"_s);
    QVERIFY(o.value(u"data_file"_s).isNull());
    QCOMPARE(o.value(u"formats_matched"_s).toArray(), QJsonArray{u"qcow2"_s});
    QCOMPARE(o.value(u"safe"_s).toBool(true), false);
    const QJsonArray problems = o.value(u"problems"_s).toArray();
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.at(0).toObject().value(u"code"_s).toString(), u"backing-file"_s);

    // --json before the command is a global option and works the same.
    const CtlRun global = runCtl({u"--json"_s, u"inspect"_s, corpus(u"hybrid-gpt.iso"_s)});
    QCOMPARE(global.exitCode, 0);
    const QJsonObject iso = QJsonDocument::fromJson(global.out).object();
    QCOMPARE(iso.value(u"formats_matched"_s).toArray(), (QJsonArray{u"iso"_s, u"gpt"_s}));
    QCOMPARE(iso.value(u"safe"_s).toBool(false), true);
    QVERIFY(iso.value(u"problems"_s).toArray().isEmpty());
}

void TestInspectCli::text()
{
    const CtlRun run = runCtl({u"inspect"_s, corpus(u"data-file.qcow2"_s)});
    QCOMPARE(run.exitCode, 3);
    const QString out = QString::fromUtf8(run.out);
    QVERIFY2(out.contains(u"UNSAFE"_s), qPrintable(out));
    QVERIFY2(out.contains(u"[qcow2-data-file]"_s), qPrintable(out));
    QVERIFY2(out.contains(corpus(u"data-file.raw"_s)), qPrintable(out));
}

QTEST_GUILESS_MAIN(TestInspectCli)
#include "tst_inspectcli.moc"
