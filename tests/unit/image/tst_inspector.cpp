#include "image/bytesource.h"
#include "image/imageinfo.h"
#include "image/safetypolicy.h"
#include "imagecorpus.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cowherd;
using namespace cowherd::image;
using cowherd::test::CorpusImage;
using cowherd::test::ImageCorpus;

Q_DECLARE_METATYPE(CorpusImage)

namespace {

QStringList codes(const QList<Problem> &problems)
{
    QStringList out;
    for (const auto &p : problems)
        out << p.code;
    return out;
}

QJsonObject qemuInfo(const QString &path, const QString &format)
{
    QProcess p;
    p.start(u"qemu-img"_s, {u"info"_s, u"--output=json"_s, u"-U"_s, u"-f"_s, format, path});
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return {};
    return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
}

QByteArray headOf(const QString &path, qint64 bytes)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.read(bytes) : QByteArray();
}

} // namespace

class TestInspector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void goodImage_data();
    void goodImage();
    void badImage_data();
    void badImage();
    void scanPrefix_data();
    void scanPrefix();
    void declaredFormat_data();
    void declaredFormat();
    void luksHeader();
    void problemMessagesNameTheFile();
    void unreadableFile();

private:
    void addRows(const QList<CorpusImage> &images);
    QTemporaryDir m_dir;
    ImageCorpus m_corpus{m_dir.path() + u"/corpus"_s};
};

void TestInspector::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_corpus.generate(), qPrintable(m_corpus.errorString()));
    QVERIFY(m_corpus.goodImages().size() >= 15);
    QVERIFY(m_corpus.badImages().size() >= 20);
}

void TestInspector::addRows(const QList<CorpusImage> &images)
{
    QTest::addColumn<CorpusImage>("image");
    for (const auto &image : images)
        QTest::addRow("%s", qPrintable(image.name)) << image;
}

void TestInspector::goodImage_data()
{
    addRows(m_corpus.goodImages());
}

void TestInspector::goodImage()
{
    QFETCH(CorpusImage, image);
    const ImageInfo info = inspectFile(image.path);
    QCOMPARE(info.format, image.expectedFormat);
    SafetyPolicy policy;
    policy.declaredFormat = image.declaredFormat;
    policy.allowBackingFile = image.isOverlay;
    const QList<Problem> problems = checkSafety(info, policy);
    QVERIFY2(isSafe(problems), qPrintable(codes(problems).join(u", "_s)));

    // qemu-img, told the inspector's format, must read the same disk.
    const QString qemuFormat = info.format == u"iso" ? u"raw"_s : info.format;
    const QJsonObject qemu = qemuInfo(image.path, qemuFormat);
    QVERIFY(!qemu.isEmpty());
    QCOMPARE(qemu.value(u"format"_s).toString(), qemuFormat);
    QCOMPARE(info.virtualSize, qemu.value(u"virtual-size"_s).toInteger());
    QCOMPARE(info.backingFile, qemu.value(u"backing-filename"_s).toString());
    if (image.isOverlay)
        QCOMPARE(info.backingFormat, u"raw"_s);
}

void TestInspector::badImage_data()
{
    addRows(m_corpus.badImages());
}

void TestInspector::badImage()
{
    QFETCH(CorpusImage, image);
    const ImageInfo info = inspectFile(image.path);
    QCOMPARE(info.format, image.expectedFormat);
    SafetyPolicy policy;
    policy.declaredFormat = image.declaredFormat;
    const QList<Problem> problems = checkSafety(info, policy);
    QVERIFY(!isSafe(problems));
    QVERIFY2(codes(problems).contains(image.expectedProblem), qPrintable(codes(problems).join(u", "_s)));
    for (const auto &p : problems)
        QVERIFY2(p.message.contains(image.path), qPrintable(p.code + u": "_s + p.message));
}

void TestInspector::scanPrefix_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<qint64>("headBytes");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("problem"); // empty: none at all

    QTest::addRow("overlay in 8 KiB") << u"overlay.img"_s << qint64(8192) << u"qcow2"_s << QString();
    QTest::addRow("qcow2 in 8 KiB") << u"qcow2.img"_s << qint64(8192) << u"qcow2"_s << QString();
    QTest::addRow("raw in 8 KiB") << u"raw.img"_s << qint64(8192) << u"raw"_s << QString();
    QTest::addRow("iso in 40 KiB") << u"disk.iso"_s << qint64(40960) << u"iso"_s << QString();
    QTest::addRow("vmdk in 40 KiB") << u"vmdk-monolithicSparse.vmdk"_s << qint64(40960) << u"vmdk"_s << QString();
    QTest::addRow("dynamic vhd in 40 KiB") << u"dynamic.vhd"_s << qint64(40960) << u"vpc"_s << QString();
    QTest::addRow("vdi in 8 KiB") << u"disk.vdi"_s << qint64(8192) << u"vdi"_s << QString();
    QTest::addRow("vhdx in 40 KiB") << u"disk.vhdx"_s << qint64(40960) << u"vhdx"_s << u"header-incomplete"_s;
    QTest::addRow("qcow2 in 40 bytes") << u"qcow2.img"_s << qint64(40) << u"qcow2"_s << u"header-incomplete"_s;
    QTest::addRow("truncated qcow2") << u"truncated.qcow2"_s << qint64(8192) << u"qcow2"_s << u"header-truncated"_s;
}

void TestInspector::scanPrefix()
{
    QFETCH(QString, name);
    QFETCH(qint64, headBytes);
    QFETCH(QString, format);
    QFETCH(QString, problem);
    const QString path = m_dir.path() + u"/corpus/"_s + name;
    const ImageInfo whole = inspectFile(path);
    PrefixByteSource source(headOf(path, headBytes), QFileInfo(path).size());
    const ImageInfo info = inspect(source);
    QCOMPARE(info.format, format);
    if (problem.isEmpty()) {
        QVERIFY2(info.problems.isEmpty(), qPrintable(codes(info.problems).join(u", "_s)));
        QCOMPARE(info.virtualSize, whole.virtualSize);
        QCOMPARE(info.backingFile, whole.backingFile);
        QCOMPARE(info.backingFormat, whole.backingFormat);
    } else {
        QCOMPARE(codes(info.problems), QStringList{problem});
    }
    SafetyPolicy scan;
    scan.allowIncompleteHeader = true;
    scan.allowBackingFile = true;
    QCOMPARE(isSafe(checkSafety(info, scan)), problem != u"header-truncated");
}

void TestInspector::declaredFormat_data()
{
    QTest::addColumn<QString>("declared");
    QTest::addColumn<QString>("detected");
    QTest::addColumn<bool>("matches");
    QTest::addRow("raw raw") << u"raw"_s << u"raw"_s << true;
    QTest::addRow("raw iso") << u"raw"_s << u"iso"_s << true;
    QTest::addRow("iso raw") << u"iso"_s << u"raw"_s << true;
    QTest::addRow("raw qcow2") << u"raw"_s << u"qcow2"_s << false;
    QTest::addRow("vhd vpc") << u"vhd"_s << u"vpc"_s << true;
    QTest::addRow("VHD vpc") << u"VHD"_s << u"vpc"_s << true;
    QTest::addRow("vhd vhdx") << u"vhd"_s << u"vhdx"_s << false;
    QTest::addRow("ami raw") << u"ami"_s << u"raw"_s << true;
    QTest::addRow("aki qcow2") << u"aki"_s << u"qcow2"_s << false;
    QTest::addRow("ploop parallels") << u"ploop"_s << u"parallels"_s << true;
    QTest::addRow("vmdk vmdk") << u"vmdk"_s << u"vmdk"_s << true;
    QTest::addRow("qcow2 qed") << u"qcow2"_s << u"qed"_s << false;
    QTest::addRow("unknown") << u"floppy"_s << u"raw"_s << false;
}

void TestInspector::declaredFormat()
{
    QFETCH(QString, declared);
    QFETCH(QString, detected);
    QFETCH(bool, matches);
    QCOMPARE(declaredFormatMatches(declared, detected), matches);
    ImageInfo info;
    info.format = detected;
    SafetyPolicy policy;
    policy.declaredFormat = declared;
    const QStringList found = codes(checkSafety(info, policy));
    QCOMPARE(found.contains(u"format-mismatch"_s) || found.contains(u"declared-format-unknown"_s), !matches);
}

void TestInspector::luksHeader()
{
    // qemu-img's LUKS creation times PBKDF iterations and fails on a busy machine; a header
    // written here is enough for the inspector.
    QByteArray luks(4 << 20, '\0');
    luks.replace(0, 6, "LUKS\xba\xbe");
    luks[7] = 1;
    luks.replace(104, 4, ImageCorpus::be32(4096));
    PrefixByteSource source(luks.first(8192), luks.size());
    const ImageInfo info = inspect(source);
    QCOMPARE(info.format, u"luks"_s);
    QCOMPARE(info.formatsMatched, QStringList{u"luks"_s});
    QCOMPARE(info.virtualSize, qint64(4 << 20) - 4096 * 512);
    QVERIFY(isSafe(checkSafety(info)));
    SafetyPolicy declared;
    declared.declaredFormat = u"raw"_s;
    QCOMPARE(codes(checkSafety(info, declared)), QStringList{u"format-mismatch"_s});
}

void TestInspector::problemMessagesNameTheFile()
{
    const QString path = m_dir.path() + u"/corpus/backing-host-file.qcow2"_s;
    const QList<Problem> problems = checkSafety(inspectFile(path));
    QCOMPARE(codes(problems), QStringList{u"backing-file"_s});
    QVERIFY(problems.constFirst().message.contains(path));
    QVERIFY(problems.constFirst().message.contains(u"/etc/passwd"_s));
}

void TestInspector::unreadableFile()
{
    const ImageInfo info = inspectFile(m_dir.path() + u"/does-not-exist"_s);
    QCOMPARE(codes(info.problems), QStringList{u"unreadable"_s});
    QVERIFY(!isSafe(checkSafety(info)));
    QCOMPARE(codes(inspectFile(m_dir.path()).problems), QStringList{u"unreadable"_s});
    QCOMPARE(codes(checkSafety(ImageInfo{})), QStringList{u"not-inspected"_s});
}

QTEST_GUILESS_MAIN(TestInspector)
#include "tst_inspector.moc"
