// The serial console log reader and follower on this machine, the live figures' arithmetic, and
// pause/resume on libvirt's test driver (fast; the real domains are in tst_console_remote).
#include "host/domainstats.h"
#include "host/libvirtconnection.h"
#include "host/localtransport.h"
#include "instance/consolelog.h"
#include "instance/lifecycle.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cowherd;

namespace {

void append(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::Append));
    QCOMPARE(f.write(bytes), bytes.size());
}

} // namespace

class TestConsoleStats : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsFromOffsetAndTail()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"console.log"_s);
        host::LocalTransport transport;
        auto missing = instance::readConsoleLog(transport, path, -1);
        QVERIFY(missing);
        QVERIFY(missing->missing);
        QVERIFY(missing->data.isEmpty());

        append(path, "0123456789");
        auto first = instance::readConsoleLog(transport, path, -1, 4);
        QVERIFY(first);
        QVERIFY(first->restarted);
        QCOMPARE(first->data, "6789"_ba);
        QCOMPARE(first->end, 10);

        append(path, "ab");
        auto next = instance::readConsoleLog(transport, path, first->end, 4);
        QVERIFY(next);
        QVERIFY(!next->restarted);
        QCOMPARE(next->data, "ab"_ba);
        QCOMPARE(next->end, 12);

        // Truncated under us: the offset is beyond the end, start again.
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("new");
        f.close();
        auto again = instance::readConsoleLog(transport, path, next->end, 4);
        QVERIFY(again);
        QVERIFY(again->restarted);
        QCOMPARE(again->data, "new"_ba);
    }

    void lastLines()
    {
        QCOMPARE(instance::lastLines("a\nb\nc\n", 2), "b\nc\n"_ba);
        QCOMPARE(instance::lastLines("a\nb\nc", 1), "c"_ba);
        QCOMPARE(instance::lastLines("a\nb\n", 5), "a\nb\n"_ba);
        QCOMPARE(instance::lastLines("a\nb\n", 0), QByteArray());
    }

    void followerSeesAppendsAndStops()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"console.log"_s);
        instance::ConsoleFollower follower;
        follower.setInterval(50);
        QByteArray seen;
        connect(&follower, &instance::ConsoleFollower::received, this,
            [&](const QByteArray &data, bool restarted) { seen = restarted ? data : seen + data; });
        follower.follow(std::make_shared<host::LocalTransport>(), path);
        append(path, "COWHERD DEMO: one\r\n");
        QTRY_COMPARE(seen, "COWHERD DEMO: one\r\n"_ba);
        append(path, "two\r\n");
        QTRY_COMPARE(seen, "COWHERD DEMO: one\r\ntwo\r\n"_ba);
        follower.stop();
        QVERIFY(!follower.isFollowing());
        QSignalSpy received(&follower, &instance::ConsoleFollower::received);
        append(path, "three\r\n");
        follower.readNow(); // stopped: reads nothing
        QVERIFY(!QTest::qWaitFor([&] { return received.size() > 0; }, 300));
    }

    void liveFiguresFromTwoSamples()
    {
        host::DomainStatsSample a{u"u1"_s, u"one"_s, 1'000'000'000, 2'000'000'000, 2, 100 << 20, 1000, 0};
        host::DomainStatsSample b = a;
        b.takenNs += 2'000'000'000; // 2 s later
        b.cpuTimeNs += 1'000'000'000; // 1 s of CPU over 2 vCPUs in 2 s: 25 %
        b.readBytes += 4096;
        b.writeBytes += 8192;
        const auto first = host::liveFigures({}, {a});
        QCOMPARE(first.value(u"u1"_s).memoryBytes, qint64(100 << 20));
        QCOMPARE(first.value(u"u1"_s).cpuPercent, -1.0); // one sample: no rate yet
        const auto figures = host::liveFigures({a}, {b});
        const host::LiveFigures f = figures.value(u"u1"_s);
        QCOMPARE(f.cpuPercent, 25.0);
        QCOMPARE(f.readBytesPerSecond, 2048.0);
        QCOMPARE(f.writeBytesPerSecond, 4096.0);
        // A restarted domain's counters start again at zero: no negative rate.
        host::DomainStatsSample c = b;
        c.takenNs += 1'000'000'000;
        c.cpuTimeNs = 10;
        QCOMPARE(host::liveFigures({b}, {c}).value(u"u1"_s).cpuPercent, -1.0);
    }

    void pauseAndResumeOnTheTestDriver()
    {
        auto conn = host::LibvirtConnection::open(u"test:///default"_s);
        QVERIFY2(conn, qPrintable(conn ? QString() : conn.error().message));
        QVERIFY(instance::pauseInstance(*conn, u"test"_s));
        QCOMPARE(instance::instanceState(*conn, u"test"_s).value_or(QString()), u"paused"_s);
        QVERIFY(instance::pauseInstance(*conn, u"test"_s)); // already paused: fine
        QVERIFY(instance::resumeInstance(*conn, u"test"_s));
        QCOMPARE(instance::instanceState(*conn, u"test"_s).value_or(QString()), u"running"_s);
        QVERIFY(instance::resumeInstance(*conn, u"test"_s)); // already running: fine

        auto missing = instance::pauseInstance(*conn, u"no-such-domain"_s);
        QVERIFY(!missing);
        QCOMPARE(missing.error().kind, Error::Kind::NotFound);
        QVERIFY(instance::shutdownInstance(*conn, u"test"_s, std::chrono::milliseconds(0)));
        auto stopped = instance::resumeInstance(*conn, u"test"_s);
        QVERIFY(!stopped);
        QCOMPARE(stopped.error().kind, Error::Kind::Refused);
        QVERIFY2(stopped.error().message.contains(u"not running"), qPrintable(stopped.error().message));
    }
};

QTEST_GUILESS_MAIN(TestConsoleStats)
#include "tst_consolestats.moc"
