#include "cache/basename.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace cowherd::cache;

class TestBaseName : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void classify_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("original");
        QTest::addColumn<qint64>("size");
        const QString sha = u"0123456789abcdef0123456789abcdef01234567"_s;
        QTest::addRow("original") << sha << u"original"_s << sha << 0ll;
        QTest::addRow("resized") << sha + u"_20"_s << u"resized"_s << sha << 20ll;
        QTest::addRow("legacy small") << sha + u"_sm"_s << u"resized"_s << sha << 0ll;
        QTest::addRow("swap") << u"swap_512"_s << u"swap"_s << QString() << 512ll;
        QTest::addRow("ephemeral") << u"ephemeral_10_0706d66"_s << u"ephemeral"_s << QString() << 10ll;
        QTest::addRow("part") << sha + u".part"_s << u"partial"_s << QString() << 0ll;
        QTest::addRow("converted") << sha + u".converted"_s << u"partial"_s << QString() << 0ll;
        QTest::addRow("upper-case hex") << sha.toUpper() << u"unknown"_s << QString() << 0ll;
        QTest::addRow("short hex") << sha.left(39) << u"unknown"_s << QString() << 0ll;
        QTest::addRow("bad resize suffix") << sha + u"_x"_s << u"unknown"_s << QString() << 0ll;
        QTest::addRow("negative resize") << sha + u"_-1"_s << u"unknown"_s << QString() << 0ll;
        QTest::addRow("swap without size") << u"swap_"_s << u"unknown"_s << QString() << 0ll;
        QTest::addRow("ephemeral without ext") << u"ephemeral_10"_s << u"unknown"_s << QString() << 0ll;
        QTest::addRow("text file") << u"notes.txt"_s << u"unknown"_s << QString() << 0ll;
    }
    void classify()
    {
        QFETCH(QString, name);
        QFETCH(QString, kind);
        QFETCH(QString, original);
        QFETCH(qint64, size);
        const BaseName parsed = classifyBaseName(name);
        QCOMPARE(toString(parsed.kind), kind);
        QCOMPARE(parsed.original, original);
        QCOMPARE(parsed.sizeGiB + parsed.sizeMiB, size);
    }
    void novaNames()
    {
        // Nova names an original hashlib.sha1(image_id.encode()).hexdigest().
        QCOMPARE(originalBaseName(u"abc"_s), u"a9993e364706816aba3e25717850c26c9cd0d89d"_s);
        QCOMPARE(resizedBaseName(u"a9993e364706816aba3e25717850c26c9cd0d89d"_s, 10),
            u"a9993e364706816aba3e25717850c26c9cd0d89d_10"_s);
    }
};

QTEST_GUILESS_MAIN(TestBaseName)
#include "tst_basename.moc"
