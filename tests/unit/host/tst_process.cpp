#include "host/localtransport.h"
#include "host/process.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace cowherd;
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
    // One "not installed" error, whoever could not find the program: the launcher itself, a
    // shell (exit status 127, as a host's shell behind ssh says it), or prlimit.
    void missingProgram_data()
    {
        QTest::addColumn<QStringList>("argv");
        QTest::addColumn<QString>("where");
        QTest::addRow("launcher") << QStringList{u"no-such-program-cowherd"_s} << u"on this machine"_s;
        QTest::addRow("child process") << QStringList{} << u"on lab3"_s;
        QTest::addRow("shell") << QStringList{u"sh"_s, u"-c"_s, u"no-such-program-cowherd --version"_s} << u"on lab3"_s;
        QTest::addRow("shell exec") << QStringList{u"sh"_s, u"-c"_s, u"exec no-such-program-cowherd"_s} << u"on lab3"_s;
        QTest::addRow("prlimit") << QStringList{u"prlimit"_s, u"--cpu=5"_s, u"--"_s, u"no-such-program-cowherd"_s}
                                 << u"on this machine"_s;
    }
    void missingProgram()
    {
        QFETCH(QStringList, argv);
        QFETCH(QString, where);
        Result<ProcessResult> r;
        if (argv.isEmpty()) {
            auto child = ChildProcess::start({u"no-such-program-cowherd"_s, u"-x"_s}, where);
            QVERIFY(!child);
            r = std::unexpected(child.error());
        } else {
            r = runProcess(argv, {}, where);
        }
        QVERIFY(!r);
        QCOMPARE(r.error().kind, Error::Kind::Unsupported);
        QCOMPARE(r.error().message,
            u"no-such-program-cowherd is not installed %1; install it (see the README) and try again."_s.arg(where));
    }
    void exitStatus127WithoutNotFoundIsAnExitCode()
    {
        auto r = runProcess({u"sh"_s, u"-c"_s, u"echo 'not found here' >&2; exit 127"_s}, {});
        QVERIFY(r);
        QCOMPARE(r->exitCode, 127);
    }
    void timeoutKillsPromptly()
    {
        RunOptions o;
        o.timeoutMs = 200;
        QElapsedTimer clock;
        clock.start();
        auto r = runProcess({u"sleep"_s, u"30"_s}, o, u"on lab3"_s);
        QVERIFY(!r);
        QCOMPARE(r.error().kind, Error::Kind::Timeout);
        QCOMPARE(r.error().message, u"sleep on lab3 did not finish within 0.2 s and was stopped."_s);
        QVERIFY(clock.elapsed() < 5000);
    }
    void outputArrivesWhileTheChildRuns()
    {
        // The child writes its second line only after onOutput has seen the first: output that
        // came only at the end would run into the timeout.
        QTemporaryDir dir;
        const QString flag = dir.filePath(u"seen"_s);
        RunOptions o;
        o.timeoutMs = 20000;
        QByteArray seen;
        o.onOutput = [&](QByteArrayView chunk) {
            seen += chunk;
            if (seen == "first\n")
                QFile(flag).open(QIODevice::WriteOnly);
        };
        auto r = runProcess(
            {u"sh"_s, u"-c"_s, u"echo first; while [ ! -e \"$1\" ]; do sleep 0.01; done; echo second"_s, u"sh"_s, flag},
            o);
        QVERIFY2(r, r ? "" : qPrintable(r.error().message));
        QCOMPARE(seen, QByteArray("first\nsecond\n"));
        QCOMPARE(r->standardOutput, seen);
    }
    void childProcessLinesInputAndCancel()
    {
        auto child = ChildProcess::start({u"sh"_s, u"-c"_s, u"echo ready; cat; echo done >&2"_s}, u"on lab3"_s);
        QVERIFY(child);
        auto line = (*child)->readLine(5000);
        QVERIFY(line);
        QCOMPARE(*line, QByteArray("ready"));
        QVERIFY((*child)->write(QByteArray(300000, 'y'))); // more than a pipe buffer, drained meanwhile
        auto finished = (*child)->finish(5000);
        QVERIFY(finished);
        QVERIFY(finished->succeeded());
        QCOMPARE(finished->standardOutput.size(), 300000);
        QCOMPARE(finished->standardError, QByteArray("done\n"));

        auto silent = ChildProcess::start({u"sleep"_s, u"30"_s}, u"on lab3"_s);
        QVERIFY(silent);
        auto timedOut = (*silent)->readLine(100);
        QVERIFY(!timedOut);
        QCOMPARE(timedOut.error().kind, Error::Kind::Timeout);
        QElapsedTimer clock;
        clock.start();
        auto cancelled = (*silent)->readLine(-1, [&] { return clock.elapsed() > 100; });
        QVERIFY(!cancelled);
        QCOMPARE(cancelled.error().kind, Error::Kind::Cancelled);
        (*silent)->kill();
        QVERIFY(!(*silent)->isRunning());
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
