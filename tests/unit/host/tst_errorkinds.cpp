// The kinds of errors that callers decide on, from representative producers on this machine
// (the SSH, Keystone and Glance producers are asserted in their integration tests).
#include "host/hostregistry.h"
#include "host/libvirtconnection.h"
#include "host/localtransport.h"
#include "host/process.h"
#include "host/remotelisting.h"
#include "image/qemuimg.h"
#include "instance/lifecycle.h"
#include "source/filesource.h"
#include "source/networkthread.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>

using namespace Qt::StringLiterals;
using namespace cowherd;
using Kind = Error::Kind;

class TestErrorKinds : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void missingFilesAreNotFound()
    {
        host::LocalTransport local;
        host::Transport &t = local; // the defaults are the interface's
        const QString missing = m_dir.filePath(u"no-such-file"_s);
        auto read = t.readFile(missing);
        QVERIFY(!read);
        QCOMPARE(read.error().kind, Kind::NotFound);
        auto hashed = t.sha256(missing);
        QVERIFY(!hashed);
        QCOMPARE(hashed.error().kind, Kind::NotFound);
        auto touched = t.touch(missing, QDateTime::currentDateTimeUtc());
        QVERIFY(!touched);
        QCOMPARE(touched.error().kind, Kind::NotFound);
        auto listed = t.listCache(m_dir.filePath(u"no-instances"_s), {});
        QVERIFY(!listed);
        QCOMPARE(listed.error().kind, Kind::NotFound);

        source::FileSource file(missing);
        auto opened = file.open({});
        QVERIFY(!opened);
        QCOMPARE(opened.error().kind, Kind::NotFound);

        image::QemuImg qemuImg(t, {});
        auto info = qemuImg.info(missing, u"raw"_s);
        QVERIFY(!info);
        QCOMPARE(info.error().kind, Kind::NotFound); // qemu-img's own "No such file or directory"

        host::HostRegistry registry(m_dir.filePath(u"cowherd.conf"_s));
        auto removed = registry.remove(u"lab9"_s);
        QVERIFY(!removed);
        QCOMPARE(removed.error().kind, Kind::NotFound);
    }

    void aHeldLockIsBusy()
    {
        host::LocalTransport local;
        host::Transport &t = local;
        const QString path = m_dir.filePath(u"locks/base.lock"_s);
        auto held = t.lock(path);
        QVERIFY(held);
        auto now = t.lock(path, {.wait = false});
        QVERIFY(!now);
        QCOMPARE(now.error().kind, Kind::Busy);
        auto waited = t.lock(path, {.wait = true, .isCancelled = {}, .timeoutMs = 50});
        QVERIFY(!waited);
        QCOMPARE(waited.error().kind, Kind::Busy);
        auto cancelled = t.lock(path, {.wait = true, .isCancelled = [] { return true; }, .timeoutMs = -1});
        QVERIFY(!cancelled);
        QCOMPARE(cancelled.error().kind, Kind::Cancelled);
    }

    void libvirtThatIsNotThereIsUnreachable()
    {
        const QString socket = m_dir.filePath(u"no-libvirtd.sock"_s);
        auto opened = host::LibvirtConnection::open(u"qemu+unix:///system?socket=%1"_s.arg(socket));
        QVERIFY(!opened);
        QCOMPARE(opened.error().kind, Kind::Unreachable);
    }

    void aGarbledListingIsCorrupt()
    {
        auto parsed = host::parseCacheListing("<html>login</html>", u"/var/lib/nova/instances"_s, {}, u"lab3"_s);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().kind, Kind::Corrupt);
    }

    void errnoValues_data()
    {
        QTest::addColumn<int>("error");
        QTest::addColumn<Kind>("kind");
        QTest::addRow("ENOENT") << ENOENT << Kind::NotFound;
        QTest::addRow("EACCES") << EACCES << Kind::Permission;
        QTest::addRow("EROFS") << EROFS << Kind::Permission;
        QTest::addRow("ENOSPC") << ENOSPC << Kind::NoSpace;
        QTest::addRow("EDQUOT") << EDQUOT << Kind::NoSpace;
        QTest::addRow("EWOULDBLOCK") << EWOULDBLOCK << Kind::Busy;
        QTest::addRow("ECONNREFUSED") << ECONNREFUSED << Kind::Unreachable;
        QTest::addRow("EIO") << EIO << Kind::Failure;
    }
    void errnoValues()
    {
        QFETCH(int, error);
        QFETCH(Kind, kind);
        QCOMPARE(kindOfErrno(error), kind);
    }

    // What programs on a host say, in their own words.
    void toolMessages_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<Kind>("kind");
        QTest::addRow("rm") << u"rm: cannot remove '/x': Permission denied"_s << Kind::Permission;
        QTest::addRow("read-only") << u"touch: cannot touch '/x': Read-only file system"_s << Kind::Permission;
        QTest::addRow("cat") << u"cat: write error: No space left on device"_s << Kind::NoSpace;
        QTest::addRow("qemu-img") << u"qemu-img: Could not open '/x': Could not open '/x': No such file or directory"_s
                                  << Kind::NotFound;
        QTest::addRow("other") << u"qemu-img: Image is not in qcow2 format"_s << Kind::Failure;
    }
    void toolMessages()
    {
        QFETCH(QString, message);
        QFETCH(Kind, kind);
        QCOMPARE(host::kindOfToolMessage(message), kind);
    }

    void httpStatuses_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<Kind>("kind");
        QTest::addRow("401") << 401 << Kind::Authentication;
        QTest::addRow("403") << 403 << Kind::Permission;
        QTest::addRow("404") << 404 << Kind::NotFound;
        QTest::addRow("503") << 503 << Kind::Unreachable;
        QTest::addRow("500") << 500 << Kind::Failure;
    }
    void httpStatuses()
    {
        QFETCH(int, status);
        QFETCH(Kind, kind);
        QCOMPARE(source::kindOfHttpStatus(status), kind);
    }

    // launchInstance() boots under TCG when the start under KVM fails as Unsupported.
    void startFailures_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<Kind>("libvirtKind");
        QTest::addColumn<Kind>("kind");
        QTest::addRow("no KVM module")
            << u"internal error: process exited while connecting to monitor: Could not access "
               "KVM kernel module: Permission denied"_s
            << Kind::Failure << Kind::Unsupported;
        QTest::addRow("qemu init")
            << u"internal error: qemu unexpectedly closed the monitor: failed to initialize kvm: "
               "Permission denied"_s
            << Kind::Failure << Kind::Unsupported;
        QTest::addRow("libvirt") << u"unsupported configuration: Domain requires KVM, but it is not available"_s
                                 << Kind::Unsupported << Kind::Unsupported;
        // A host whose name holds "kvm" says nothing about KVM.
        QTest::addRow("host name") << u"Cannot recv data: ssh: connect to host kvm01 port 22: Connection refused"_s
                                   << Kind::Unreachable << Kind::Unreachable;
        QTest::addRow("other unsupported")
            << u"unsupported configuration: spice graphics are not supported"_s << Kind::Unsupported << Kind::Failure;
    }
    void startFailures()
    {
        QFETCH(QString, message);
        QFETCH(Kind, libvirtKind);
        QFETCH(Kind, kind);
        QCOMPARE(instance::kindOfStartFailure(message, libvirtKind), kind);
    }

    void kindNamesAreDistinct()
    {
        QSet<QString> names;
        for (int k = int(Kind::Failure); k <= int(Kind::NoSpace); ++k)
            names.insert(kindName(Kind(k)));
        QCOMPARE(names.size(), int(Kind::NoSpace) + 1);
        QCOMPARE(kindName(Kind::NotFound), u"not-found"_s);
    }
};

QTEST_GUILESS_MAIN(TestErrorKinds)
#include "tst_errorkinds.moc"
