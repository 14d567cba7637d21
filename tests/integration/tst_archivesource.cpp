// Compressed images, tarballs, zips and OVAs made by the real tools, through the fetch pipeline.
#include "cache/basename.h"
#include "cache/fetcher.h"
#include "host/localtransport.h"
#include "httpfaultserver.h"
#include "source/imagesource.h"
#include "testlab.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cowherd;
using cowherd::test::sha256Of;
using cowherd::test::TestLab;

namespace {

QStringList dirFiles(const QString &path)
{
    return QDir(path).entryList(QDir::Files);
}

Result<cache::FetchResult> fetch(
    const TestLab &lab, const QString &spec, const source::SourceOptions &options = {}, const QString &imageId = {})
{
    auto source = source::sourceFor(spec, options);
    if (!source)
        return std::unexpected(source.error());
    host::LocalTransport transport;
    cache::FetchOptions fetchOptions;
    fetchOptions.imageId = imageId;
    return cache::fetchImage(transport, lab.instancesPath(), **source, fetchOptions);
}

bool shell(const QString &dir, const QString &script)
{
    return test::runTool({u"bash"_s, u"-ec"_s, u"cd '"_s + dir + u"' && "_s + script});
}

} // namespace

class TestArchiveSource : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QByteArray m_rawSha;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString d = m_dir.path();
        QVERIFY(test::writeFile(d + u"/disk.raw"_s, 4 * 1024 * 1024, "archive test image "));
        m_rawSha = sha256Of(d + u"/disk.raw"_s);
        QVERIFY(test::runTool(
            {u"qemu-img"_s, u"convert"_s, u"-q"_s, u"-O"_s, u"qcow2"_s, d + u"/disk.raw"_s, d + u"/disk.qcow2"_s}));
        QVERIFY(
            test::runTool({u"qemu-img"_s, u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s, d + u"/other.qcow2"_s, u"2M"_s}));
        QVERIFY(test::runTool({u"qemu-img"_s, u"convert"_s, u"-q"_s, u"-O"_s, u"vmdk"_s, u"-o"_s,
            u"subformat=streamOptimized"_s, d + u"/disk.raw"_s, d + u"/appliance-disk1.vmdk"_s}));
        QFile ovf(d + u"/appliance.ovf"_s);
        QVERIFY(ovf.open(QIODevice::WriteOnly));
        ovf.write(
            "<?xml version=\"1.0\"?>\n<Envelope xmlns=\"http://schemas.dmtf.org/ovf/envelope/1\" "
            "xmlns:ovf=\"http://schemas.dmtf.org/ovf/envelope/1\">\n"
            "  <References><File ovf:id=\"file1\" ovf:href=\"appliance-disk1.vmdk\"/></References>\n"
            "  <DiskSection><Info>Virtual disks</Info><Disk ovf:diskId=\"vmdisk1\" ovf:fileRef=\"file1\" "
            "ovf:capacity=\"4\" ovf:capacityAllocationUnits=\"byte * 2^20\" "
            "ovf:format=\"http://www.vmware.com/interfaces/specifications/vmdk.html#streamOptimized\"/></DiskSection>\n"
            "</Envelope>\n");
        ovf.close();
        QVERIFY(shell(d,
            u"gzip -kq disk.raw && xz -kq -T1 disk.raw && zstd -q disk.raw -o disk.raw.zst && bzip2 -kq disk.raw"
            " && gzip -kq disk.qcow2 && echo hello > README.txt"
            " && tar cf one.tar README.txt disk.qcow2 && tar czf one.tar.gz disk.qcow2 README.txt"
            " && tar cJf two.tar.xz disk.qcow2 other.qcow2 README.txt && zip -q one.zip disk.qcow2 README.txt"
            " && tar cf appliance.ova appliance.ovf appliance-disk1.vmdk"
            " && head -c 64M /dev/zero | xz -T1 -q > zeros.raw.xz"_s));
    }

    void compressedSingleImage_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("format");
        for (const char *name : {"disk.raw.gz", "disk.raw.xz", "disk.raw.zst", "disk.raw.bz2"})
            QTest::addRow("%s", name) << QString::fromLatin1(name) << u"raw"_s;
        QTest::addRow("disk.qcow2.gz") << u"disk.qcow2.gz"_s << u"qcow2"_s;
    }

    void compressedSingleImage()
    {
        QFETCH(QString, file);
        TestLab lab;
        auto fetched = fetch(lab, m_dir.path() + u'/' + file);
        QVERIFY2(fetched, qPrintable(fetched ? QString() : fetched.error().message));
        QTEST(fetched->originalFormat, "format");
        QCOMPARE(sha256Of(fetched->path), m_rawSha);
        if (file.startsWith(u"disk.raw"_s)) // named by the decompressed content: shared with the plain file
            QCOMPARE(fetched->imageId, u"sha256:"_s + QString::fromLatin1(m_rawSha));
        QCOMPARE(dirFiles(lab.basePath()), QStringList{fetched->name});
    }

    void archiveWithOneDisk_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("format");
        QTest::addRow("tar") << u"one.tar"_s << u"qcow2"_s;
        QTest::addRow("tar.gz") << u"one.tar.gz"_s << u"qcow2"_s;
        QTest::addRow("zip") << u"one.zip"_s << u"qcow2"_s;
        QTest::addRow("tar.xz with member") << u"two.tar.xz!other.qcow2"_s << u"qcow2"_s;
        QTest::addRow("ova") << u"appliance.ova"_s << u"vmdk"_s;
    }

    void archiveWithOneDisk()
    {
        QFETCH(QString, spec);
        for (const QString &imageId : {QString(), u"given-id"_s}) {
            TestLab lab;
            auto fetched = fetch(lab, m_dir.path() + u'/' + spec, {}, imageId);
            QVERIFY2(fetched, qPrintable(fetched ? QString() : fetched.error().message));
            QTEST(fetched->originalFormat, "format");
            if (!spec.contains(u"other"_s))
                QCOMPARE(sha256Of(fetched->path), m_rawSha);
            if (!imageId.isEmpty())
                QCOMPARE(fetched->imageId, imageId);
            QCOMPARE(dirFiles(lab.basePath()), QStringList{fetched->name});
        }
    }

    void archiveProblems_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("imageId");
        QTest::addColumn<QStringList>("expected");
        const QStringList both{u"several disk images"_s, u"disk.qcow2"_s, u"other.qcow2"_s, u"!MEMBER"_s};
        QTest::addRow("two disks, hashed first") << u"two.tar.xz"_s << QString() << both;
        QTest::addRow("two disks, found at the end") << u"two.tar.xz"_s << u"id"_s << both;
        QTest::addRow("missing member") << u"two.tar.xz!nope.qcow2"_s << u"id"_s
                                        << QStringList{u"no member nope.qcow2"_s, u"README.txt"_s};
        QTest::addRow("not an archive") << u"README.txt.gz"_s << u"id"_s << QStringList{u"README.txt.gz"_s};
    }

    void archiveProblems()
    {
        QFETCH(QString, spec);
        QFETCH(QString, imageId);
        QFETCH(QStringList, expected);
        TestLab lab;
        auto fetched = fetch(lab, m_dir.path() + u'/' + spec, {}, imageId);
        QVERIFY(!fetched);
        for (const QString &part : expected)
            QVERIFY2(fetched.error().message.contains(part), qPrintable(fetched.error().message));
        QVERIFY(dirFiles(lab.basePath()).isEmpty());
    }

    void bombsAreRefused_data()
    {
        QTest::addColumn<qint64>("maxOutput");
        QTest::addColumn<double>("maxRatio");
        QTest::addRow("output size") << qint64(16 << 20) << 1e9;
        QTest::addRow("expansion ratio") << (qint64(1) << 40) << 100.0;
    }

    void bombsAreRefused()
    {
        QFETCH(qint64, maxOutput);
        QFETCH(double, maxRatio);
        source::SourceOptions options;
        options.maxOutputSize = maxOutput;
        options.maxExpansionRatio = maxRatio;
        options.expansionCheckAfter = 1 << 20;
        for (const QString &imageId : {QString(), u"bomb"_s}) {
            TestLab lab;
            auto fetched = fetch(lab, m_dir.path() + u"/zeros.raw.xz"_s, options, imageId);
            QVERIFY(!fetched);
            QVERIFY2(fetched.error().message.contains(u"decompression bomb"_s), qPrintable(fetched.error().message));
            QVERIFY(fetched.error().kind == Error::Kind::Refused);
            QVERIFY(dirFiles(lab.basePath()).isEmpty());
        }
    }

    void archiveChecksumIsOfTheArchiveFile()
    {
        source::SourceOptions options;
        options.sha256 = QString::fromLatin1(sha256Of(m_dir.path() + u"/one.tar.gz"_s));
        TestLab lab;
        auto fetched = fetch(lab, m_dir.path() + u"/one.tar.gz"_s, options);
        QVERIFY2(fetched, qPrintable(fetched ? QString() : fetched.error().message));
        options.sha256 = QString(64, u'a');
        TestLab other;
        auto bad = fetch(other, m_dir.path() + u"/one.tar.gz"_s, options, u"x"_s);
        QVERIFY(!bad);
        QVERIFY2(bad.error().message.contains(QString(64, u'a')), qPrintable(bad.error().message));
        QVERIFY(dirFiles(other.basePath()).isEmpty());
    }

    void archiveOverHttp()
    {
        test::HttpFaultServer server;
        QVERIFY(server.isRunning());
        QVERIFY(QFile::copy(m_dir.path() + u"/two.tar.xz"_s, server.root() + u"/two.tar.xz"_s));
        TestLab lab;
        const QString url = server.url(u"two.tar.xz"_s);
        auto fetched = fetch(lab, url + u"!disk.qcow2"_s);
        QVERIFY2(fetched, qPrintable(fetched ? QString() : fetched.error().message));
        QCOMPARE(fetched->imageId, u"url:"_s + url + u"!disk.qcow2"_s);
        QCOMPARE(sha256Of(fetched->path), m_rawSha);
        QCOMPARE(dirFiles(lab.basePath()), QStringList{fetched->name});
        TestLab other;
        auto both = fetch(other, url);
        QVERIFY(!both);
        QVERIFY2(both.error().message.contains(u"several disk images"_s), qPrintable(both.error().message));
        QVERIFY(dirFiles(other.basePath()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestArchiveSource)
#include "tst_archivesource.moc"
