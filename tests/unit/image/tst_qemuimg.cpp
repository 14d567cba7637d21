#include "host/localtransport.h"
#include "image/imageinfo.h"
#include "image/qemuimg.h"
#include "imagecorpus.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cowherd;
using namespace cowherd::image;
using cowherd::test::ImageCorpus;

class TestQemuImg : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void command();
    void info_data();
    void info();
    void parseInfo_data();
    void parseInfo();
    void progress_data();
    void progress();
    void cpuLimit();
    void memoryLimit_data();
    void memoryLimit();
    void convertWithProgress();
    void convertCancelled();
    void convertFailureRemovesTarget();
    void createOverlay();
    void createOverlayNeedsAbsoluteBacking();
    void resize();
    void formatAgreement_data();
    void formatAgreement();
    void failureNamesFileAndHost();
    void verifiedInfo_data();
    void verifiedInfo();

private:
    QString corpus(const QString &name) const { return m_dir.path() + u"/corpus/"_s + name; }
    QTemporaryDir m_dir;
    ImageCorpus m_corpus{m_dir.path() + u"/corpus"_s};
    host::LocalTransport m_transport;
};

void TestQemuImg::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_corpus.generate(), qPrintable(m_corpus.errorString()));
}

void TestQemuImg::command()
{
    QemuImgLimits limits;
    QCOMPARE(limits.addressSpaceBytes, qint64(1) << 30);
    QCOMPARE(limits.cpuSeconds, 30);
    limits.cpuSeconds = 5;
    limits.addressSpaceBytes = 1000;
    QCOMPARE(limitedCommand({u"qemu-img"_s, u"info"_s}, limits),
        (QStringList{u"prlimit"_s, u"--as=1000"_s, u"--cpu=5"_s, u"--"_s, u"qemu-img"_s, u"info"_s}));
}

void TestQemuImg::info_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("format");
    QTest::addColumn<qint64>("virtualSize");
    QTest::addColumn<QString>("backing");
    QTest::addColumn<bool>("hasDataFile");
    QTest::addRow("raw") << u"raw.img"_s << u"raw"_s << qint64(4 << 20) << QString() << false;
    QTest::addRow("qcow2") << u"qcow2.img"_s << u"qcow2"_s << qint64(64 << 20) << QString() << false;
    QTest::addRow("overlay") << u"overlay.img"_s << u"qcow2"_s << qint64(4 << 20) << corpus(u"raw.img"_s) << false;
    QTest::addRow("data file") << u"data-file.qcow2"_s << u"qcow2"_s << qint64(64 << 20) << QString() << true;
    QTest::addRow("vmdk") << u"vmdk-streamOptimized.vmdk"_s << u"vmdk"_s << qint64(4 << 20) << QString() << false;
    QTest::addRow("vhdx") << u"disk.vhdx"_s << u"vhdx"_s << qint64(4 << 20) << QString() << false;
}

void TestQemuImg::info()
{
    QFETCH(QString, name);
    QFETCH(QString, format);
    QFETCH(qint64, virtualSize);
    QFETCH(QString, backing);
    QFETCH(bool, hasDataFile);
    QemuImg qemu(m_transport);
    const auto info = qemu.info(corpus(name), format);
    QVERIFY2(info.has_value(), info ? "" : qPrintable(info.error().message));
    QCOMPARE(info->format, format);
    QCOMPARE(info->virtualSize, virtualSize);
    QCOMPARE(info->backingFile, backing);
    QCOMPARE(info->fullBackingFile, backing);
    QCOMPARE(info->backingFormat, backing.isEmpty() ? QString() : u"raw"_s);
    QCOMPARE(!info->dataFile.isEmpty(), hasDataFile);
    QVERIFY(info->actualSize >= 0);
    QVERIFY(!checkFormatAgreement(inspectFile(corpus(name)), *info).has_value());
}

void TestQemuImg::parseInfo_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("format");
    QTest::addColumn<qint64>("virtualSize");
    QTest::addColumn<QString>("backing");
    QTest::addColumn<QString>("dataFile");
    QTest::addRow("plain") << QByteArray(
        R"({"virtual-size": 1073741824, "filename": "a", "format": "raw", "actual-size": 4096})")
                           << true << u"raw"_s << qint64(1) * 1073741824 << QString() << QString();
    QTest::addRow("overlay") << QByteArray(R"({"virtual-size": 10, "format": "qcow2", "backing-filename": "b.img",
        "full-backing-filename": "/x/b.img", "backing-filename-format": "raw"})")
                             << true << u"qcow2"_s << qint64(10) << u"b.img"_s << QString();
    QTest::addRow("data file") << QByteArray(R"({"virtual-size": 5, "format": "qcow2",
        "format-specific": {"type": "qcow2", "data": {"compat": "1.1", "data-file": "/etc/shadow"}}})")
                               << true << u"qcow2"_s << qint64(5) << QString() << u"/etc/shadow"_s;
    QTest::addRow("not json") << QByteArray("qemu-img: oops") << false << QString() << qint64(0) << QString()
                              << QString();
    QTest::addRow("array") << QByteArray("[1,2]") << false << QString() << qint64(0) << QString() << QString();
    QTest::addRow("no format") << QByteArray(R"({"virtual-size": 5})") << false << QString() << qint64(0) << QString()
                               << QString();
}

void TestQemuImg::parseInfo()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, valid);
    QFETCH(QString, format);
    QFETCH(qint64, virtualSize);
    QFETCH(QString, backing);
    QFETCH(QString, dataFile);
    const auto info = parseQemuImgInfo(json, u"/images/x"_s, u"lab3"_s);
    QCOMPARE(info.has_value(), valid);
    if (!valid) {
        QVERIFY(info.error().message.contains(u"/images/x"_s));
        QVERIFY(info.error().message.contains(u"lab3"_s));
        return;
    }
    QCOMPARE(info->format, format);
    QCOMPARE(info->virtualSize, virtualSize);
    QCOMPARE(info->backingFile, backing);
    QCOMPARE(info->dataFile, dataFile);
}

void TestQemuImg::progress_data()
{
    QTest::addColumn<QByteArrayList>("chunks");
    QTest::addColumn<QList<double>>("percents");
    QTest::addRow("one") << QByteArrayList{"    (12.50/100%)\r"} << QList<double>{12.5};
    QTest::addRow("several in a chunk") << QByteArrayList{"    (0.00/100%)\r    (1.01/100%)\r    (100.00/100%)\r"}
                                        << QList<double>{0.0, 1.01, 100.0};
    QTest::addRow("split") << QByteArrayList{"    (33.", "33/10", "0%)\r", "    (50.00/100%)\r"}
                           << QList<double>{33.33, 50.0};
    QTest::addRow("noise") << QByteArrayList{"garbage\n", "(x/100%)"} << QList<double>{};
}

void TestQemuImg::progress()
{
    QFETCH(QByteArrayList, chunks);
    QFETCH(QList<double>, percents);
    ConvertProgressParser parser;
    QList<double> seen;
    for (const QByteArray &c : chunks)
        seen += parser.feed(c);
    QCOMPARE(seen, percents);
}

void TestQemuImg::cpuLimit()
{
    QemuImgLimits limits;
    limits.cpuSeconds = 1;
    const auto result
        = runLimited(m_transport, {u"sh"_s, u"-c"_s, u"while :; do :; done"_s}, limits, u"/images/hostile.qcow2"_s);
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().kind, Error::Kind::Refused);
    const QString message = result.error().message;
    QVERIFY2(message.contains(u"stopped by its resource limits"_s), qPrintable(message));
    QVERIFY2(message.contains(u"CPU limit of 1 s"_s), qPrintable(message));
    QVERIFY2(message.contains(u"/images/hostile.qcow2"_s), qPrintable(message));
    QVERIFY2(message.contains(u"this machine"_s), qPrintable(message));
}

void TestQemuImg::memoryLimit_data()
{
    // Each size stops qemu-img at a different stage: mapping libc, first allocations, threads.
    QTest::addColumn<qint64>("addressSpace");
    QTest::addRow("1 MB") << qint64(1000000);
    QTest::addRow("10 MB") << qint64(10000000);
    QTest::addRow("30 MB") << qint64(30000000);
}

void TestQemuImg::memoryLimit()
{
    QFETCH(qint64, addressSpace);
    QemuImgLimits limits;
    limits.addressSpaceBytes = addressSpace;
    QemuImg qemu(m_transport, limits);
    const auto info = qemu.info(corpus(u"qcow2.img"_s), u"qcow2"_s);
    QVERIFY(!info.has_value());
    QCOMPARE(info.error().kind, Error::Kind::Refused);
    const QString message = info.error().message;
    QVERIFY2(message.contains(u"qemu-img was stopped by its resource limits"_s), qPrintable(message));
    QVERIFY2(message.contains(u"memory limit of"_s), qPrintable(message));
    QVERIFY2(message.contains(corpus(u"qcow2.img"_s)), qPrintable(message));
}

void TestQemuImg::convertWithProgress()
{
    QemuImg qemu(m_transport);
    const QString target = m_dir.path() + u"/converted.qcow2"_s;
    QList<double> seen;
    ConvertOptions options;
    options.onProgress = [&](double p) { seen << p; };
    const Status ok = qemu.convert(corpus(u"vmdk-streamOptimized.vmdk"_s), u"vmdk"_s, target, u"qcow2"_s, options);
    QVERIFY2(ok.has_value(), ok ? "" : qPrintable(ok.error().message));
    QVERIFY(seen.size() >= 2);
    QCOMPARE(seen.constLast(), 100.0);
    QVERIFY(std::is_sorted(seen.cbegin(), seen.cend()));
    const ImageInfo converted = inspectFile(target);
    QCOMPARE(converted.format, u"qcow2"_s);
    QCOMPARE(converted.virtualSize, qint64(4 << 20));
}

void TestQemuImg::convertCancelled()
{
    // Incompressible data compressed with -c keeps qemu-img busy long enough to cancel it.
    const QString source = m_dir.path() + u"/random.raw"_s;
    {
        QFile f(source);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QRandomGenerator random(42);
        QByteArray block(1 << 20, Qt::Uninitialized);
        for (int i = 0; i < 96; ++i) {
            random.fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
            QCOMPARE(f.write(block), block.size());
        }
    }
    const QString target = m_dir.path() + u"/cancelled.qcow2"_s;
    QemuImg qemu(m_transport);
    bool cancel = false;
    bool targetSeen = false;
    ConvertOptions options;
    options.compress = true;
    // qemu-img reports 0 % before it creates the target; cancel once it is writing.
    options.onProgress = [&](double percent) {
        if (percent <= 0 || cancel)
            return;
        targetSeen = QFile::exists(target);
        cancel = true;
    };
    options.isCancelled = [&] { return cancel; };
    const Status ok = qemu.convert(source, u"raw"_s, target, u"qcow2"_s, options);
    QVERIFY(!ok.has_value());
    QCOMPARE(ok.error().kind, Error::Kind::Cancelled);
    QVERIFY(targetSeen);
    QVERIFY(!QFile::exists(target));
}

void TestQemuImg::convertFailureRemovesTarget()
{
    QemuImg qemu(m_transport);
    const QString target = m_dir.path() + u"/bad.qcow2"_s;
    // qemu-img refuses the huge L1 table; whatever it wrote of the target must not stay.
    const Status ok = qemu.convert(corpus(u"huge-l1.qcow2"_s), u"qcow2"_s, target, u"qcow2"_s);
    QVERIFY(!ok.has_value());
    QVERIFY(ok.error().message.contains(corpus(u"huge-l1.qcow2"_s)));
    QVERIFY(!QFile::exists(target));
}

void TestQemuImg::createOverlay()
{
    QemuImg qemu(m_transport);
    const QString overlay = m_dir.path() + u"/instance/disk"_s;
    QVERIFY(QDir().mkpath(m_dir.path() + u"/instance"_s));
    const Status ok = qemu.createOverlay(overlay, corpus(u"raw.img"_s), u"raw"_s, qint64(8) << 20);
    QVERIFY2(ok.has_value(), ok ? "" : qPrintable(ok.error().message));
    const ImageInfo info = inspectFile(overlay);
    QCOMPARE(info.format, u"qcow2"_s);
    QCOMPARE(info.backingFile, corpus(u"raw.img"_s));
    QCOMPARE(info.backingFormat, u"raw"_s);
    QCOMPARE(info.virtualSize, qint64(8) << 20);
    const auto qinfo = qemu.info(overlay, u"qcow2"_s);
    QVERIFY(qinfo.has_value());
    QCOMPARE(qinfo->backingFormat, u"raw"_s);
}

void TestQemuImg::createOverlayNeedsAbsoluteBacking()
{
    QemuImg qemu(m_transport);
    const QString overlay = m_dir.path() + u"/relative-overlay"_s;
    const Status ok = qemu.createOverlay(overlay, u"raw.img"_s, u"raw"_s);
    QVERIFY(!ok.has_value());
    QVERIFY(ok.error().message.contains(u"absolute"_s));
    QVERIFY(!QFile::exists(overlay));
    QVERIFY(!qemu.createOverlay(overlay, corpus(u"raw.img"_s), QString()).has_value());
}

void TestQemuImg::resize()
{
    const QString path = m_dir.path() + u"/resize.qcow2"_s;
    QVERIFY(QFile::copy(corpus(u"qcow2.img"_s), path));
    QemuImg qemu(m_transport);
    const Status ok = qemu.resize(path, u"qcow2"_s, qint64(128) << 20);
    QVERIFY2(ok.has_value(), ok ? "" : qPrintable(ok.error().message));
    QCOMPARE(inspectFile(path).virtualSize, qint64(128) << 20);
    QCOMPARE(qemu.info(path, u"qcow2"_s)->virtualSize, qint64(128) << 20);
}

void TestQemuImg::formatAgreement_data()
{
    QTest::addColumn<QString>("inspected");
    QTest::addColumn<QString>("qemu");
    QTest::addColumn<bool>("agrees");
    QTest::addRow("qcow2") << u"qcow2"_s << u"qcow2"_s << true;
    QTest::addRow("iso read as raw") << u"iso"_s << u"raw"_s << true;
    QTest::addRow("qcow2 read as raw") << u"qcow2"_s << u"raw"_s << false;
    QTest::addRow("raw read as qcow2") << u"raw"_s << u"qcow2"_s << false;
    QTest::addRow("vpc read as raw") << u"vpc"_s << u"raw"_s << false;
}

void TestQemuImg::formatAgreement()
{
    QFETCH(QString, inspected);
    QFETCH(QString, qemu);
    QFETCH(bool, agrees);
    ImageInfo info;
    info.path = u"/b/x"_s;
    info.format = inspected;
    QemuImgInfo qinfo;
    qinfo.format = qemu;
    const auto problem = checkFormatAgreement(info, qinfo);
    QCOMPARE(!problem.has_value(), agrees);
    if (problem) {
        QCOMPARE(problem->code, u"qemu-format-disagrees"_s);
        QVERIFY(problem->message.contains(u"/b/x"_s));
    }
}

void TestQemuImg::failureNamesFileAndHost()
{
    QemuImg qemu(m_transport);
    const QString missing = m_dir.path() + u"/missing.qcow2"_s;
    const auto info = qemu.info(missing, u"qcow2"_s);
    QVERIFY(!info.has_value());
    QCOMPARE(info.error().kind, Error::Kind::NotFound);
    QVERIFY(info.error().message.contains(missing));
    QVERIFY(info.error().message.contains(m_transport.displayName()));
}

void TestQemuImg::verifiedInfo_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("lieFormat"); // pretend the inspector found this format
    QTest::addColumn<QString>("lieBacking"); // pretend the inspector found this backing file
    QTest::addColumn<bool>("accepted");
    QTest::addRow("overlay") << u"overlay.img"_s << QString() << QString() << true;
    QTest::addRow("vmdk") << u"vmdk-monolithicSparse.vmdk"_s << QString() << QString() << true;
    QTest::addRow("iso") << u"disk.iso"_s << QString() << QString() << true;
    QTest::addRow("fixed vhd") << u"fixed.vhd"_s << QString() << QString() << true;
    QTest::addRow("data file") << u"data-file.qcow2"_s << QString() << QString() << true;
    QTest::addRow("qcow2 taken for raw") << u"qcow2.img"_s << u"raw"_s << QString() << false;
    QTest::addRow("backing missed") << u"overlay.img"_s << QString() << u"-"_s << false;
}

void TestQemuImg::verifiedInfo()
{
    QFETCH(QString, name);
    QFETCH(QString, lieFormat);
    QFETCH(QString, lieBacking);
    QFETCH(bool, accepted);
    ImageInfo inspected = inspectFile(corpus(name));
    if (!lieFormat.isEmpty())
        inspected.format = lieFormat;
    if (!lieBacking.isEmpty())
        inspected.backingFile.clear();
    QemuImg qemu(m_transport);
    const auto info = qemu.verifiedInfo(inspected);
    QCOMPARE(info.has_value(), accepted);
    if (!accepted) {
        QCOMPARE(info.error().kind, Error::Kind::Refused);
        QVERIFY(info.error().message.contains(corpus(name)));
    }
}

QTEST_GUILESS_MAIN(TestQemuImg)
#include "tst_qemuimg.moc"
