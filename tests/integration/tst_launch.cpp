// `cowherdctl launch` end to end against qemu:///system: fetch, resize, overlay, boot; shared
// base files; terminate; two processes racing on a new image; an image too large to fit.
#include "ctlrun.h"
#include "testlab.h"

#include "cache/basename.h"
#include "cache/scanner.h"
#include "host/libvirtconnection.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <libvirt/libvirt.h>

using namespace Qt::StringLiterals;
using namespace cowherd;

namespace {

const QString systemUri = u"qemu:///system"_s;
constexpr int bootTimeoutMs = 60000;

using cowherd::test::CtlRun;
using cowherd::test::runCtl;

QByteArray fileContent(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestLaunch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_prefix = u"cowherd-test-%1-"_s.arg(QCoreApplication::applicationPid());
        m_lab = std::make_unique<test::TestLab>(test::TestLab::libvirtReachableLabParent());
        QVERIFY(m_lab->isValid());
        m_images = m_lab->instancesPath() + u"/images"_s;
        QVERIFY(QDir().mkpath(m_images));
        m_demo = makeDemo(u"shared"_s);
        QVERIFY(!m_demo.isEmpty());
    }

    void cleanupTestCase()
    {
        // Whatever happened, no test domain outlives the test.
        auto conn = host::LibvirtConnection::open(systemUri);
        if (!conn)
            return;
        virDomainPtr *domains = nullptr;
        const int n = virConnectListAllDomains(conn->handle(), &domains, 0);
        for (int i = 0; i < n; ++i) {
            const QString name = QString::fromUtf8(virDomainGetName(domains[i]));
            if (name.startsWith(m_prefix)) {
                virDomainDestroy(domains[i]);
                virDomainUndefine(domains[i]);
            }
            virDomainFree(domains[i]);
        }
        free(domains);
    }

    void twoInstancesShareOneBase()
    {
        const CtlRun a = launch({u"--image"_s, m_demo, u"--name"_s, m_prefix + u"a"_s});
        QVERIFY2(a.exitCode == 0, a.err.constData());
        const CtlRun b = launch({u"--image"_s, m_demo, u"--name"_s, m_prefix + u"b"_s});
        QVERIFY2(b.exitCode == 0, b.err.constData());
        QCOMPARE(a.json()[u"state"_s].toString(), u"running"_s);
        QCOMPARE(b.json()[u"state"_s].toString(), u"running"_s);
        QVERIFY(!a.json()[u"base_reused"_s].toBool());
        QVERIFY(b.json()[u"base_reused"_s].toBool());
        QCOMPARE(a.json()[u"base"_s].toString(), b.json()[u"base"_s].toString());
        QVERIFY(a.json()[u"uuid"_s].toString() != b.json()[u"uuid"_s].toString());
        QCOMPARE(QFileInfo(a.json()[u"disk"_s].toString()).path(), a.json()[u"directory"_s].toString());

        for (const CtlRun *r : {&a, &b}) {
            const QString console = r->json()[u"directory"_s].toString() + u"/console.log"_s;
            QTRY_VERIFY_WITH_TIMEOUT(fileContent(console).contains("COWHERD DEMO: shared"), bootTimeoutMs);
            QVERIFY(QFile::exists(r->json()[u"directory"_s].toString() + u"/disk.info"_s));
            QVERIFY(QFile::exists(r->json()[u"directory"_s].toString() + u"/libvirt.xml"_s));
        }

        // The scan sees one base file referenced by both instances through their overlays.
        auto snap = cache::scanHost({u"t"_s, systemUri, m_lab->instancesPath()});
        QVERIFY(snap);
        const cache::BaseFile *base = snap->base(a.json()[u"base"_s].toString());
        QVERIFY(base);
        QVERIFY(base->references.contains(a.json()[u"uuid"_s].toString()));
        QVERIFY(base->references.contains(b.json()[u"uuid"_s].toString()));
        QCOMPARE(snap->instance(a.json()[u"uuid"_s].toString())->state, u"running"_s);
        m_first = a.json();
        m_second = b.json();
    }

    void terminateLeavesBaseAndNeighbour()
    {
        QVERIFY(!m_first.isEmpty());
        const QString basePath = m_lab->basePath() + u'/' + m_first[u"base"_s].toString();
        const QByteArray before = fileContent(basePath);
        const CtlRun terminated = runCtl({u"--host"_s, systemUri, u"--instances-path"_s, m_lab->instancesPath(),
                                             u"terminate"_s, m_first[u"name"_s].toString(), u"--timeout"_s, u"5"_s},
            120'000);
        QVERIFY2(terminated.exitCode == 0, terminated.err.constData());
        QVERIFY(!QFileInfo::exists(m_first[u"directory"_s].toString()));
        QVERIFY(!QFileInfo::exists(m_first[u"directory"_s].toString() + u"_del"_s));
        QCOMPARE(fileContent(basePath), before);
        auto conn = host::LibvirtConnection::open(systemUri);
        QVERIFY(conn);
        virDomainPtr other = virDomainLookupByName(conn->handle(), m_second[u"name"_s].toString().toUtf8().constData());
        QVERIFY(other);
        QCOMPARE(virDomainIsActive(other), 1);
        virDomainFree(other);
        QVERIFY(!virDomainLookupByName(conn->handle(), m_first[u"name"_s].toString().toUtf8().constData()));
    }

    void largerSizeSharesOneResizedBase()
    {
        const CtlRun a = launch({u"--image"_s, m_demo, u"--name"_s, m_prefix + u"big-a"_s, u"--size"_s, u"1"_s});
        QVERIFY2(a.exitCode == 0, a.err.constData());
        const CtlRun b = launch({u"--image"_s, m_demo, u"--name"_s, m_prefix + u"big-b"_s, u"--size"_s, u"1"_s});
        QVERIFY2(b.exitCode == 0, b.err.constData());
        QVERIFY(a.json()[u"base"_s].toString().endsWith(u"_1"_s));
        QCOMPARE(b.json()[u"base"_s].toString(), a.json()[u"base"_s].toString());
        QVERIFY(!a.json()[u"base_reused"_s].toBool());
        QVERIFY(b.json()[u"base_reused"_s].toBool());
        const QString resized = m_lab->basePath() + u'/' + a.json()[u"base"_s].toString();
        QCOMPARE(QFileInfo(resized).size(), qint64(1) << 30);
        for (const CtlRun *r : {&a, &b})
            QTRY_VERIFY_WITH_TIMEOUT(
                fileContent(r->json()[u"directory"_s].toString() + u"/console.log"_s).contains("COWHERD DEMO: shared"),
                bootTimeoutMs);
    }

    void racingLaunchesFetchOnce()
    {
        const QString image = makeDemo(u"race"_s);
        QVERIFY(!image.isEmpty());
        const QStringList common{u"--host"_s, systemUri, u"--instances-path"_s, m_lab->instancesPath(), u"launch"_s,
            u"--image"_s, image, u"--json"_s, u"--virt-type"_s, u"qemu"_s};
        QProcess a, b;
        a.start(QStringLiteral(COWHERDCTL), common + QStringList{u"--name"_s, m_prefix + u"race-a"_s});
        b.start(QStringLiteral(COWHERDCTL), common + QStringList{u"--name"_s, m_prefix + u"race-b"_s});
        QVERIFY(a.waitForFinished(180000) && b.waitForFinished(180000));
        QVERIFY2(a.exitCode() == 0, a.readAllStandardError().constData());
        QVERIFY2(b.exitCode() == 0, b.readAllStandardError().constData());
        const QJsonObject ja = QJsonDocument::fromJson(a.readAllStandardOutput()).object();
        const QJsonObject jb = QJsonDocument::fromJson(b.readAllStandardOutput()).object();
        QCOMPARE(ja[u"base"_s].toString(), jb[u"base"_s].toString());
        QVERIFY2(ja[u"base_reused"_s].toBool() != jb[u"base_reused"_s].toBool(), "exactly one fetch");
        for (const QJsonObject *j : {&ja, &jb})
            QTRY_VERIFY_WITH_TIMEOUT(
                fileContent((*j)[u"directory"_s].toString() + u"/console.log"_s).contains("COWHERD DEMO: race"),
                bootTimeoutMs);
        QVERIFY(QDir(m_lab->basePath()).entryList({u"*.part"_s}, QDir::Files).isEmpty());
    }

    void imageLargerThanSizeIsRefused()
    {
        const QString big = m_images + u"/big.qcow2"_s;
        QVERIFY(test::runTool({u"qemu-img"_s, u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s, big, u"2G"_s}));
        const CtlRun r = launch({u"--image"_s, big, u"--name"_s, m_prefix + u"too-big"_s, u"--size"_s, u"1"_s});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains("more than the requested 1 GiB"), r.err.constData());
        auto conn = host::LibvirtConnection::open(systemUri);
        QVERIFY(conn);
        QVERIFY(!virDomainLookupByName(conn->handle(), (m_prefix + u"too-big"_s).toUtf8().constData()));
    }

private:
    QString makeDemo(const QString &label)
    {
        const QString path = m_images + u'/' + label + u".raw"_s;
        return runCtl({u"demo-image"_s, path, u"--label"_s, label}).exitCode == 0 ? path : QString();
    }

    CtlRun launch(const QStringList &args)
    {
        return runCtl(QStringList{u"--host"_s, systemUri, u"--instances-path"_s, m_lab->instancesPath(), u"launch"_s,
                          u"--json"_s, u"--virt-type"_s, u"qemu"_s}
                + args,
            180'000);
    }

    std::unique_ptr<test::TestLab> m_lab;
    QString m_prefix;
    QString m_images;
    QString m_demo;
    QJsonObject m_first;
    QJsonObject m_second;
};

QTEST_GUILESS_MAIN(TestLaunch)
#include "tst_launch.moc"
