#include "host/localtransport.h"
#include "host/process.h"

#include <QElapsedTimer>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace cowherd::host;

class TestProcess : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void outputAndInput()
    {
        LocalTransport t;
        RunOptions o;
        o.standardInput = QByteArray(200000, 'x'); // more than a pipe buffer
        auto r = t.run({u"wc"_s, u"-c"_s}, o);
        QVERIFY(r);
        QVERIFY(r->succeeded());
        QCOMPARE(r->standardOutput.trimmed(), QByteArray("200000"));
    }
    void outputReadAsItArrives()
    {
        // 1 MiB through onOutput, in pieces; kept in the result only when asked.
        for (const bool keep : {true, false}) {
            RunOptions o;
            qint64 seen = 0;
            int pieces = 0;
            o.onOutput = [&](QByteArrayView chunk) {
                seen += chunk.size();
                ++pieces;
            };
            o.keepOutput = keep;
            auto r = runProcess({u"head"_s, u"-c"_s, u"1048576"_s, u"/dev/zero"_s}, o);
            QVERIFY(r && r->succeeded());
            QCOMPARE(seen, 1048576);
            QVERIFY(pieces > 1);
            QCOMPARE(r->standardOutput.size(), keep ? 1048576 : 0);
        }
    }

    void exitCodeAndStderr()
    {
        auto r = runProcess({u"sh"_s, u"-c"_s, u"echo oops >&2; exit 7"_s}, {});
        QVERIFY(r);
        QCOMPARE(r->exitCode, 7);
        QCOMPARE(r->standardError, QByteArray("oops\n"));
        QVERIFY(describeExit(*r).contains(u"7"_s));
    }
    void signalIsReported()
    {
        auto r = runProcess({u"sh"_s, u"-c"_s, u"kill -KILL $$"_s}, {});
        QVERIFY(r);
        QCOMPARE(r->signal, SIGKILL);
        QCOMPARE(describeExit(*r), u"was killed by SIGKILL"_s);
    }
    void cancelKillsPromptly()
    {
        RunOptions o;
        QElapsedTimer clock;
        clock.start();
        o.isCancelled = [&] { return clock.elapsed() > 200; };
        auto r = runProcess({u"sleep"_s, u"30"_s}, o);
        QVERIFY(!r);
        QCOMPARE(r.error().kind, cowherd::Error::Kind::Cancelled);
        QVERIFY(clock.elapsed() < 5000);
    }
    void missingProgram()
    {
        auto r = runProcess({u"no-such-program-cowherd"_s}, {});
        QVERIFY(!r);
        QVERIFY(r.error().message.contains(u"not installed"_s));
    }
    void argumentsAreNotShellWords()
    {
        const QString weird = u"a b'c\"; $(touch /tmp/cowherd-pwned) `x`"_s;
        auto r = runProcess({u"printf"_s, u"%s"_s, weird}, {});
        QVERIFY(r);
        QCOMPARE(QString::fromUtf8(r->standardOutput), weird);
    }
};

QTEST_GUILESS_MAIN(TestProcess)
#include "tst_process.moc"
