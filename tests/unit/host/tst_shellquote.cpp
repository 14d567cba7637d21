#include "host/process.h"
#include "host/shellquote.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace cowherd::host;

class TestShellQuote : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void quote_data()
    {
        QTest::addColumn<QString>("argument");
        QTest::addColumn<QString>("quoted");
        QTest::addRow("plain") << u"/var/lib/nova/instances"_s << u"/var/lib/nova/instances"_s;
        QTest::addRow("empty") << u""_s << u"''"_s;
        QTest::addRow("space") << u"a b"_s << u"'a b'"_s;
        QTest::addRow("single quote") << u"it's"_s << u"'it'\\''s'"_s;
        QTest::addRow("dollar") << u"$(rm -rf /)"_s << u"'$(rm -rf /)'"_s;
        QTest::addRow("glob") << u"*"_s << u"'*'"_s;
        QTest::addRow("tilde") << u"~root"_s << u"'~root'"_s;
    }
    void quote()
    {
        QFETCH(QString, argument);
        QTEST(shellQuote(argument), "quoted");
    }

    // What matters is what a real sh makes of it: the same words, nothing executed.
    void roundTripThroughSh_data()
    {
        QTest::addColumn<QStringList>("argv");
        QTest::addRow("simple") << QStringList{u"a"_s, u"b c"_s};
        QTest::addRow("hostile") << QStringList{
            u"/x/it's here; touch /tmp/cowherd-pwned $(id) `id` \"q\""_s, u"&|<>"_s};
        QTest::addRow("newline and tab") << QStringList{u"one\ntwo\tthree"_s, u"\\"_s};
        QTest::addRow("empty words") << QStringList{u""_s, u" "_s, u""_s};
        QTest::addRow("unicode") << QStringList{u"Bälle ☃"_s, u"-n"_s};
        QTest::addRow("variables") << QStringList{u"$HOME"_s, u"${IFS}"_s, u"!!"_s, u"#comment"_s};
    }
    void roundTripThroughSh()
    {
        QFETCH(QStringList, argv);
        // ssh hands the joined string to the remote shell as one command line; so do we here.
        const QString command = u"printf '%s\\0' "_s + shellJoin(argv);
        auto result = runProcess({u"sh"_s, u"-c"_s, command}, {});
        QVERIFY(result);
        QVERIFY2(result->succeeded(), result->standardError.constData());
        QStringList words;
        for (const QByteArray &w : result->standardOutput.split('\0'))
            words.append(QString::fromUtf8(w));
        words.removeLast(); // after the final NUL
        QCOMPARE(words, argv);
        QVERIFY(!QFile::exists(u"/tmp/cowherd-pwned"_s));
    }
};

QTEST_GUILESS_MAIN(TestShellQuote)
#include "tst_shellquote.moc"
