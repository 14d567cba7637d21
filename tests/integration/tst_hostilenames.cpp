// Names from outside that become paths: what terminate removes when there is no domain, the
// instances path given on the command line, and Glance image ids (docs/SECURITY.md).
#include "ctlrun.h"
#include "host/localtransport.h"
#include "source/glanceclient.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cowherd;

namespace {

using cowherd::test::CtlRun;
using cowherd::test::runCtl;

constexpr int exitRefused = 3;

} // namespace

class TestHostileNames : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void terminateRemovesOnlyInstanceDirectories_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addRow("plain directory") << u"lost+found"_s;
        QTest::addRow("base directory") << u"_base"_s;
        QTest::addRow("parent") << u".."_s;
        QTest::addRow("escapes") << u"../outside"_s;
        QTest::addRow("newline") << u"a\nb"_s;
        QTest::addRow("uuid with a tail") << u"6f1c2d3e-4b5a-6978-8a9b-0c1d2e3f4a5b/../../outside"_s;
    }

    void terminateRemovesOnlyInstanceDirectories()
    {
        QFETCH(QString, name);
        QTemporaryDir root;
        QVERIFY(root.isValid());
        const QString instances = root.path() + u"/instances"_s;
        QVERIFY(QDir().mkpath(instances + u"/_base"_s));
        QVERIFY(QDir().mkpath(instances + u"/lost+found"_s));
        QVERIFY(QDir().mkpath(root.path() + u"/outside"_s));
        if (!name.contains(u'/') && name != u".." && name != u"_base")
            QVERIFY(QDir().mkpath(instances + u'/' + name));
        const CtlRun r
            = runCtl({u"--host"_s, u"test:///default"_s, u"--instances-path"_s, instances, u"terminate"_s, name});
        QCOMPARE(r.exitCode, exitRefused);
        QVERIFY2(r.errText().contains(u"nothing was removed"_s) || r.errText().contains(u"not an instance directory"_s)
                || r.errText().contains(u"not directly under"_s),
            qPrintable(r.errText()));
        QVERIFY(QFileInfo(instances + u"/_base"_s).isDir());
        QVERIFY(QFileInfo(instances + u"/lost+found"_s).isDir());
        QVERIFY(QFileInfo(root.path() + u"/outside"_s).isDir());
        if (!name.contains(u'/') && name != u".." && name != u"_base")
            QVERIFY(QFileInfo(instances + u'/' + name).isDir());
    }

    void terminateFinishesAHalfMadeInstance()
    {
        QTemporaryDir root;
        const QString instances = root.path() + u"/instances"_s;
        const QString uuid = u"6f1c2d3e-4b5a-6978-8a9b-0c1d2e3f4a5b"_s;
        QVERIFY(QDir().mkpath(instances + u'/' + uuid));
        QVERIFY(QDir().mkpath(instances + u'/' + uuid + u"_del/deeper"_s));
        const CtlRun r
            = runCtl({u"--host"_s, u"test:///default"_s, u"--instances-path"_s, instances, u"terminate"_s, uuid});
        QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));
        QVERIFY(!QFileInfo::exists(instances + u'/' + uuid));
        QVERIFY(!QFileInfo::exists(instances + u'/' + uuid + u"_del"_s));
    }

    void instancesPathMustBeAbsolute_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addRow("root") << u"/"_s;
        QTest::addRow("root in disguise") << u"/tmp/.."_s;
        QTest::addRow("relative") << u"instances"_s;
        QTest::addRow("control character") << u"/tmp/a\nb"_s;
    }

    void instancesPathMustBeAbsolute()
    {
        QFETCH(QString, path);
        for (const QStringList &command : {QStringList{u"scan"_s}, QStringList{u"cleanup"_s, u"--dry-run"_s},
                 QStringList{u"terminate"_s, u"6f1c2d3e-4b5a-6978-8a9b-0c1d2e3f4a5b"_s}}) {
            const CtlRun r
                = runCtl(QStringList{u"--host"_s, u"test:///default"_s, u"--instances-path"_s, path} + command);
            QCOMPARE(r.exitCode, exitRefused);
            QVERIFY2(r.errText().contains(u"must be an absolute directory"_s), qPrintable(r.errText()));
        }
    }

    void lockFilesAreOwnerOnly()
    {
        // Another local user who could open a lock file could flock() it and stall every fetch.
        QTemporaryDir root;
        host::LocalTransport transport;
        const QString path = root.path() + u"/locks/0123456789abcdef0123456789abcdef01234567.lock"_s;
        auto lock = transport.lock(path, host::LockOptions{});
        QVERIFY2(lock, qPrintable(lock ? QString() : lock.error().message));
        QCOMPARE(QFile::permissions(path)
                & (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther | QFileDevice::WriteOther),
            QFileDevice::Permissions());
    }

    void glanceImageIds_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("accepted");
        QTest::addRow("uuid") << u"5d2b9a2e-0e2a-4f0b-9e3c-7a6d6c1e2f00"_s << true;
        QTest::addRow("short") << u"cirros_0.6.2"_s << true;
        QTest::addRow("dot dot") << u".."_s << false;
        QTest::addRow("path") << u"../../v3/auth/tokens"_s << false;
        QTest::addRow("slash") << u"a/b"_s << false;
        QTest::addRow("query") << u"a?limit=1"_s << false;
        QTest::addRow("newline") << u"a\nb"_s << false;
        QTest::addRow("nul") << QString(u"a"_s + QChar(0) + u"b"_s) << false;
        QTest::addRow("too long") << QString(300, u'a') << false;
    }

    void glanceImageIds()
    {
        QFETCH(QString, id);
        QFETCH(bool, accepted);
        QCOMPARE(source::isGlanceImageId(id), accepted);
        const auto image = source::parseGlanceImage(QJsonObject{{u"id"_s, id}, {u"status"_s, u"active"_s}});
        QCOMPARE(bool(image), accepted);
    }
};

QTEST_GUILESS_MAIN(TestHostileNames)
#include "tst_hostilenames.moc"
