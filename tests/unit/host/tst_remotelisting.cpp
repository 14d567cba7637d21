// The remote scan's script and parser, without SSH: the script runs under the local sh and its
// answer must equal what LocalTransport sees; the parser must survive hostile answers.
#include "host/localtransport.h"
#include "host/process.h"
#include "host/remotelisting.h"
#include "testlab.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>

#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace cowherd::host;
using cowherd::test::TestLab;

namespace {

QByteArray runScript(const QByteArray &script, bool perl = true)
{
    RunOptions o;
    o.standardInput = script;
    const QStringList env = perl ? QStringList{} : QStringList{u"env"_s, u"COWHERD_NO_PERL=1"_s};
    auto r = runProcess(env + QStringList{u"sh"_s, u"-s"_s}, o);
    return r && r->succeeded() ? r->standardOutput : QByteArray();
}

QString describe(const FileEntry &e)
{
    // Not the atime: reading the headers (local first, then the script) moves it.
    return u"%1|%2|e%3 d%4 f%5 l%6|%7|%8|%9|atime %10|head:%11|%12"_s.arg(e.path, e.name)
        .arg(e.exists)
        .arg(e.isDir)
        .arg(e.isFile)
        .arg(e.isSymlink)
        .arg(e.apparentSize)
        .arg(e.allocatedSize)
        .arg(e.mtime.toMSecsSinceEpoch())
        .arg(e.atime.isValid())
        .arg(QString::fromLatin1(e.head.toBase64()), e.error);
}

QStringList describe(const CacheListing &l)
{
    QStringList out{l.instancesPath, l.basePath, u"base exists %1"_s.arg(l.baseExists)};
    for (const FileEntry &e : l.baseFiles)
        out << u"base "_s + describe(e);
    for (const FileEntry &e : l.metadata)
        out << u"meta "_s + describe(e);
    for (const InstanceDirectory &d : l.instanceDirectories) {
        out << u"dir "_s + d.name + u'|' + d.path;
        for (const FileEntry &e : d.files)
            out << u"  "_s + describe(e);
    }
    return out;
}

const QString hostileName = u"a b'c\"d;e$(touch x)`id`\nf"_s;

} // namespace

class TestRemoteListing : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void scriptAnswerEqualsLocalListing_data()
    {
        QTest::addColumn<bool>("perl");
        QTest::addRow("perl reads the headers") << true;
        QTest::addRow("head and base64 read the headers") << false;
    }
    void scriptAnswerEqualsLocalListing()
    {
        QFETCH(bool, perl);
        TestLab lab;
        QVERIFY(lab.isValid());
        const QString base = lab.addRawBase(TestLab::sha1Hex(u"cirros"_s), 1);
        QVERIFY(!lab.addQcow2Base(TestLab::sha1Hex(u"other"_s), 1).isEmpty());
        QVERIFY(!lab.addOverlay(u"11111111-2222-3333-4444-555555555555"_s, base).isEmpty());
        QVERIFY(!lab.addOverlay(hostileName, base).isEmpty());
        QVERIFY(!lab.addOverlay(u"22222222-2222-3333-4444-555555555555"_s, base, u"raw"_s, u"disk.local"_s).isEmpty());
        QVERIFY(cowherd::test::writeFile(
            lab.instanceDir(u"11111111-2222-3333-4444-555555555555"_s) + u"/disk.info"_s, 30, "{}"));
        QVERIFY(cowherd::test::writeFile(
            lab.instanceDir(u"11111111-2222-3333-4444-555555555555"_s) + u"/console.log"_s, 10, "x"));
        QVERIFY(cowherd::test::writeFile(lab.basePath() + u"/"_s + hostileName, 100, "raw"));
        QVERIFY(cowherd::test::writeFile(lab.basePath() + u"/tiny"_s, 0));
        QVERIFY(cowherd::test::writeFile(lab.basePath() + u"/.hidden"_s, 10, "x"));
        QVERIFY(QDir().mkpath(lab.basePath() + u"/.cowherd"_s));
        QVERIFY(cowherd::test::writeFile(
            lab.basePath() + u"/.cowherd/"_s + TestLab::sha1Hex(u"cirros"_s) + u".json"_s, 40, "{\"a\":1}"));
        QVERIFY(QDir().mkpath(lab.instancesPath() + u"/locks"_s));
        QVERIFY(QDir().mkpath(lab.instancesPath() + u"/gone_del"_s));
        QVERIFY(QFile::link(base, lab.basePath() + u"/linked"_s));
        QVERIFY(QFile::link(u"/nonexistent/cowherd"_s, lab.basePath() + u"/dangling"_s));
        QVERIFY(QFile::link(lab.instanceDir(u"11111111-2222-3333-4444-555555555555"_s),
            lab.instancesPath() + u"/symlinked-instance"_s));
        // Runs of zeros of every length around the 16 the script folds, at the start, inside
        // and at the end of a head.
        QByteArray runs(3, '\0');
        for (int n : {1, 15, 16, 17, 40, 4000})
            runs += "\x01" + QByteArray(n, '\0') + "\xff";
        runs += QByteArray(30, '\0');
        QVERIFY(cowherd::test::writeFile(lab.basePath() + u"/runs"_s, runs.size(), runs));

        const ListOptions options;
        LocalTransport local;
        const auto expected = local.listCache(lab.instancesPath(), options);
        QVERIFY(expected);
        const QByteArray answer = runScript(cacheListingScript(lab.instancesPath(), options), perl);
        const auto parsed = parseCacheListing(answer, lab.instancesPath(), options, u"lab3"_s);
        QVERIFY2(parsed, parsed ? "" : qPrintable(parsed.error().message));
        QCOMPARE(describe(*parsed), describe(*expected));
        QCOMPARE(parsed->instanceDirectories.size(), 3);
        QVERIFY(!QFile::exists(u"x"_s));
    }

    void answerReadInPiecesIsTheSame()
    {
        TestLab lab;
        const QString base = lab.addRawBase(TestLab::sha1Hex(u"cirros"_s), 1);
        for (int i = 0; i < 5; ++i)
            QVERIFY(!lab.addOverlay(u"uuid-%1"_s.arg(i), base).isEmpty());
        QVERIFY(QDir().mkpath(lab.basePath() + u"/.cowherd"_s));
        QVERIFY(cowherd::test::writeFile(lab.basePath() + u"/.cowherd/x.json"_s, 20, "{}"));
        const QByteArray answer = runScript(cacheListingScript(lab.instancesPath(), {}));
        const auto whole = parseCacheListing(answer, lab.instancesPath(), {}, u"lab3"_s);
        QVERIFY(whole);
        for (const qsizetype piece : {qsizetype(1), qsizetype(7), qsizetype(4096)}) {
            ListOptions options;
            int handed = 0;
            options.onHead = [&](FileEntry &e) {
                QVERIFY(!e.head.isEmpty());
                e.head.clear();
                ++handed;
            };
            CacheListingParser parser(lab.instancesPath(), options, u"lab3"_s);
            for (qsizetype at = 0; at < answer.size(); at += piece)
                QVERIFY(parser.feed(QByteArrayView(answer).sliced(at, std::min(piece, answer.size() - at))));
            const auto pieces = parser.finish();
            QVERIFY2(pieces, pieces ? "" : qPrintable(pieces.error().message));
            // 1 base file and 5 disks went to onHead, which took their heads; the metadata kept its.
            QCOMPARE(handed, 6);
            CacheListing expected = *whole;
            expected.baseFiles.first().head.clear();
            for (InstanceDirectory &d : expected.instanceDirectories)
                for (FileEntry &e : d.files)
                    e.head.clear();
            QCOMPARE(describe(*pieces), describe(expected));
            QCOMPARE(pieces->metadata.first().head, whole->metadata.first().head);
            QVERIFY(pieces->metadata.first().head.startsWith("{}"));
        }
    }

    void missingInstancesPath()
    {
        const QByteArray answer = runScript(cacheListingScript(u"/nonexistent/cowherd it's"_s, {}));
        const auto parsed = parseCacheListing(answer, u"/nonexistent/cowherd it's"_s, {}, u"lab3"_s);
        QVERIFY(!parsed);
        QVERIFY2(parsed.error().message.contains(u"No such file or directory"_s), qPrintable(parsed.error().message));
        QVERIFY(parsed.error().message.contains(u"lab3"_s));
    }

    void probeEqualsLocalProbe()
    {
        TestLab lab;
        const QString base = lab.addRawBase(TestLab::sha1Hex(u"cirros"_s), 1);
        const QString odd = lab.basePath() + u'/' + hostileName;
        QVERIFY(cowherd::test::writeFile(odd, 5000, "abc"));
        QVERIFY(QFile::link(base, lab.basePath() + u"/linked"_s));
        QVERIFY(QFile::link(u"/nonexistent/x"_s, lab.basePath() + u"/dangling"_s));
        const QStringList paths{base, odd, lab.basePath() + u"/linked"_s, lab.basePath() + u"/dangling"_s,
            lab.basePath() + u"/missing"_s, lab.basePath(), base};
        LocalTransport local;
        const auto expected = local.probe(paths, 4096);
        QVERIFY(expected);
        const auto parsed = parseProbe(runScript(probeScript(paths, 4096)), paths, 4096, u"lab3"_s);
        QVERIFY2(parsed, parsed ? "" : qPrintable(parsed.error().message));
        QCOMPARE(parsed->size(), expected->size());
        for (qsizetype i = 0; i < paths.size(); ++i)
            QCOMPARE(describe(parsed->at(i)), describe(expected->at(i)));
    }

    void hostileAnswers_data()
    {
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<QString>("message");
        // Fields joined by NUL, each one followed by a NUL, as the script writes them.
        auto r = [](std::initializer_list<QByteArray> fields) {
            QByteArray out;
            for (const QByteArray &f : fields)
                out += f + '\0';
            return out;
        };
        const QByteArray head = r({"COWHERD1"});
        const QByteArray end = r({"X"});
        const QByteArray stat = r({"T", "f", "f", "10", "8", "1700000000.5", "1700000000.25", "/i/_base/x"});
        QTest::addRow("empty") << QByteArray() << u"not a Cowherd listing"_s;
        QTest::addRow("login banner") << "Welcome to lab3!\n"_ba << u"not a Cowherd listing"_s;
        QTest::addRow("cut short") << head + stat << u"cut short"_s;
        QTest::addRow("cut inside a record") << head + r({"T", "f", "f"}) + "1" << u"malformed"_s;
        QTest::addRow("unknown tag") << head + r({"Z"}) + end << u"unknown record"_s;
        QTest::addRow("negative size") << head + r({"T", "f", "f", "-1", "8", "1", "1", "/i/_base/x"}) + end
                                       << u"malformed"_s;
        QTest::addRow("huge number") << head
                + r({"T", "f", "f", "99999999999999999999999", "8", "1", "1", "/i/_base/x"})
                + end << u"malformed"_s;
        QTest::addRow("bad time") << head + r({"T", "f", "f", "1", "8", "abc", "1", "/i/_base/x"}) + end
                                  << u"malformed"_s;
        QTest::addRow("two-letter type") << head + r({"T", "ff", "f", "1", "8", "1", "1", "/i/_base/x"}) + end
                                         << u"malformed"_s;
        QTest::addRow("outside") << head + r({"T", "f", "f", "1", "8", "1", "1", "/etc/passwd"}) + end << u"outside"_s;
        QTest::addRow("sibling directory")
            << head + r({"T", "f", "f", "1", "8", "1", "1", "/i2/x"}) + end << u"outside"_s;
        QTest::addRow("bad base64") << head + r({"H", "/i/_base/x", "!!!!"}) + end << u"base64"_s;
        QTest::addRow("bad hex") << head + r({"Y", "/i/_base/x", "0g"}) + end << u"hex"_s;
        QTest::addRow("odd hex") << head + r({"Y", "/i/_base/x", "abc"}) + end << u"hex"_s;
        QTest::addRow("oversized hex head")
            << head + r({"Y", "/i/_base/x", QByteArray(1024 * 1024, 'a')}) + end << u"oversized"_s;
        QTest::addRow("oversized head") << head + r({"H", "/i/_base/x", QByteArray(1024 * 1024, 'A')}) + end
                                        << u"oversized"_s;
        QTest::addRow("oversized path") << head + r({"T", "f", "f", "1", "8", "1", "1", QByteArray(100000, 'a')}) + end
                                        << u"malformed"_s;
        QTest::addRow("no terminator") << head + "T" << u"cut short"_s;
        QTest::addRow("empty zero run") << head + r({"R", "/i/_base/x", "00z;ff"}) + end << u"zero runs"_s;
        QTest::addRow("zero run of none") << head + r({"R", "/i/_base/x", "z0;"}) + end << u"zero runs"_s;
        QTest::addRow("unterminated zero run") << head + r({"R", "/i/_base/x", "ffz12"}) + end << u"zero runs"_s;
        QTest::addRow("zero run too long") << head + r({"R", "/i/_base/x", "z65537;"}) + end << u"zero runs"_s;
        QTest::addRow("zero runs too long together")
            << head + r({"R", "/i/_base/x", "z40000;z25537;"}) + end << u"zero runs"_s;
        QTest::addRow("huge zero run") << head + r({"R", "/i/_base/x", "z99999999999999999999999;"}) + end
                                       << u"zero runs"_s;
        QTest::addRow("odd hex in zero runs") << head + r({"R", "/i/_base/x", "z16;f"}) + end << u"zero runs"_s;
        QTest::addRow("file after headers")
            << head + r({"R", "/i/_base/x", "00"}) + stat + end << u"after the headers"_s;
        QTest::addRow("valid but stat") << head + stat + end << u"!ok"_s;
    }
    void hostileAnswers()
    {
        QFETCH(QByteArray, answer);
        QFETCH(QString, message);
        const auto parsed = parseCacheListing(answer, u"/i"_s, {}, u"lab3"_s);
        // Arriving in small pieces changes nothing, not even the message.
        CacheListingParser parser(u"/i"_s, {}, u"lab3"_s);
        for (qsizetype at = 0; at < answer.size(); at += 3)
            (void)parser.feed(QByteArrayView(answer).sliced(at, std::min<qsizetype>(3, answer.size() - at)));
        const auto pieces = parser.finish();
        QCOMPARE(bool(pieces), bool(parsed));
        if (!parsed)
            QCOMPARE(pieces.error().message, parsed.error().message);
        if (message == u"!ok") {
            QVERIFY(parsed);
            QCOMPARE(parsed->baseFiles.size(), 1);
            QCOMPARE(parsed->baseFiles.first().apparentSize, 10);
            QCOMPARE(parsed->baseFiles.first().allocatedSize, 8 * 512);
            QCOMPARE(parsed->baseFiles.first().mtime.toMSecsSinceEpoch(), 1700000000500);
            QCOMPARE(parsed->baseFiles.first().atime.toMSecsSinceEpoch(), 1700000000250);
            return;
        }
        QVERIFY(!parsed);
        QVERIFY2(parsed.error().message.contains(message), qPrintable(parsed.error().message));
        QVERIFY(parsed.error().message.contains(u"lab3"_s));
    }

    void randomMutationsNeverCrash()
    {
        TestLab lab;
        const QString base = lab.addRawBase(TestLab::sha1Hex(u"cirros"_s), 1);
        QVERIFY(!lab.addOverlay(u"11111111-2222-3333-4444-555555555555"_s, base).isEmpty());
        const QByteArray valid = runScript(cacheListingScript(lab.instancesPath(), {}));
        QVERIFY(parseCacheListing(valid, lab.instancesPath(), {}, u"lab3"_s));
        QRandomGenerator random(7);
        int accepted = 0;
        for (int i = 0; i < 3000; ++i) {
            QByteArray mutated = valid;
            const int edits = 1 + int(random.bounded(8));
            for (int e = 0; e < edits; ++e) {
                const qsizetype at = random.bounded(qint64(mutated.size()));
                switch (random.bounded(3)) {
                case 0:
                    mutated[at] = char(random.bounded(256));
                    break;
                case 1:
                    mutated.remove(at, random.bounded(64));
                    break;
                default:
                    mutated.insert(at, mutated.mid(random.bounded(qint64(mutated.size())), 32));
                    break;
                }
            }
            if (parseCacheListing(mutated, lab.instancesPath(), {}, u"lab3"_s))
                ++accepted;
        }
        QVERIFY(accepted < 3000); // most mutations are caught; none may crash
    }
};

QTEST_GUILESS_MAIN(TestRemoteListing)
#include "tst_remotelisting.moc"
