// Boots the demo image through libvirt (qemu:///system, TCG when there is no KVM) from a qcow2
// overlay on a base file in _base, and drives the instance through its whole life.
#include "testlab.h"

#include "host/libvirtconnection.h"
#include "host/localtransport.h"
#include "instance/demoimage.h"
#include "instance/domainxml.h"
#include "instance/lifecycle.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTest>
#include <QUuid>

#include <libvirt/libvirt.h>

#include <optional>

using namespace Qt::StringLiterals;
using namespace cowherd;
using cowherd::test::sha256Of;

namespace {

const QString systemUri = u"qemu:///system"_s;
constexpr int bootTimeoutMs = 30000;

QByteArray fileContent(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestInstanceBoot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();
    void bootsFromOverlayAndLivesItsLife();
    void terminateLeavesSharedBaseToOtherInstance();
    void defineAndStartCleansUpAfterFailedStart();

private:
    struct Launched
    {
        QString name;
        QString uuid;
        QString directory;
        QString consoleLog;
    };
    // A demo instance on the lab's base file: overlay, XML, define and start.
    std::optional<Launched> launch(const QString &label);
    void destroyTestDomains();

    std::optional<host::LibvirtConnection> m_conn;
    std::unique_ptr<test::TestLab> m_lab;
    QString m_prefix;
    QString m_basePath;
    QByteArray m_baseHash;
    QString m_domainType;
    int m_counter = 0;
};

void TestInstanceBoot::initTestCase()
{
    m_prefix = u"cowherd-test-%1-"_s.arg(QCoreApplication::applicationPid());
    auto conn = host::LibvirtConnection::open(systemUri);
    QVERIFY2(conn, qPrintable(conn ? QString() : conn.error().message));
    m_conn.emplace(std::move(*conn));
    auto type = instance::chooseDomainType(*m_conn);
    QVERIFY2(type, qPrintable(type ? QString() : type.error().message));
    m_domainType = *type;
    qInfo("domain type: %s", qPrintable(m_domainType));
    QVERIFY(m_domainType == u"kvm" || m_domainType == u"qemu");

    m_lab = std::make_unique<test::TestLab>(test::TestLab::libvirtReachableLabParent());
    QVERIFY(m_lab->isValid());
    // A base file named like Nova's: sha1 of the image id.
    m_basePath = m_lab->basePath() + u'/' + test::TestLab::sha1Hex(u"cowherd-demo-image"_s);
    host::LocalTransport transport;
    auto written = instance::writeDemoImage(transport, m_basePath, u"base"_s, 1);
    QVERIFY2(written, qPrintable(written ? QString() : written.error().message));
    m_baseHash = sha256Of(m_basePath);
    QCOMPARE(QFileInfo(m_basePath).size(), 1024 * 1024);
}

void TestInstanceBoot::destroyTestDomains()
{
    if (!m_conn)
        return;
    auto domains = m_conn->domains();
    if (!domains)
        return;
    for (const host::DomainInfo &d : *domains) {
        if (!d.name.startsWith(m_prefix))
            continue;
        if (virDomainPtr dom = virDomainLookupByUUIDString(m_conn->handle(), d.uuid.toLatin1().constData())) {
            virDomainDestroy(dom);
            virDomainUndefineFlags(dom, VIR_DOMAIN_UNDEFINE_MANAGED_SAVE | VIR_DOMAIN_UNDEFINE_NVRAM);
            virDomainFree(dom);
        }
    }
}

void TestInstanceBoot::cleanup()
{
    destroyTestDomains();
}

void TestInstanceBoot::cleanupTestCase()
{
    destroyTestDomains();
}

std::optional<TestInstanceBoot::Launched> TestInstanceBoot::launch(const QString &label)
{
    Launched l;
    l.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    l.name = m_prefix + label;
    l.directory = m_lab->instanceDir(l.uuid);
    const QString disk = m_lab->addOverlay(l.uuid, m_basePath);
    if (disk.isEmpty())
        return std::nullopt;
    l.consoleLog = l.directory + u"/console.log"_s;

    instance::DomainSpec spec;
    spec.name = l.name;
    spec.uuid = l.uuid;
    spec.memoryMiB = 32;
    spec.diskPath = disk;
    spec.backingPath = m_basePath;
    spec.backingFormat = u"raw"_s;
    spec.consoleLogPath = l.consoleLog;
    spec.domainType = m_domainType;
    auto state = instance::defineAndStart(*m_conn, instance::domainXml(spec));
    if (!state) {
        qWarning("%s", qPrintable(state.error().message));
        return std::nullopt;
    }
    if (*state != u"running") {
        qWarning("state after start: %s", qPrintable(*state));
        return std::nullopt;
    }
    return l;
}

void TestInstanceBoot::bootsFromOverlayAndLivesItsLife()
{
    QElapsedTimer timer;
    timer.start();
    const auto l = launch(u"life"_s);
    QVERIFY(l);
    const QByteArray banner = "COWHERD DEMO: base\r\n";
    QTRY_VERIFY_WITH_TIMEOUT(fileContent(l->consoleLog).contains(banner), bootTimeoutMs);
    qInfo("booted to the banner in %lld ms (domain type %s)", timer.elapsed(), qPrintable(m_domainType));

    // libvirt reports the chain we gave it: the overlay on the base file.
    auto domains = m_conn->domains();
    QVERIFY(domains);
    const auto it = std::find_if(
        domains->cbegin(), domains->cend(), [&](const host::DomainInfo &d) { return d.uuid == l->uuid; });
    QVERIFY(it != domains->cend());
    QCOMPARE(it->disks.size(), 1);
    QCOMPARE(it->disks.first().backingStore.size(), 1);
    QCOMPARE(it->disks.first().backingStore.first().path, m_basePath);

    // The demo guest ignores ACPI: shutdown must fall back to destroy after the timeout.
    auto down = instance::shutdownInstance(*m_conn, l->name, std::chrono::milliseconds(500));
    QVERIFY2(down, qPrintable(down ? QString() : down.error().message));
    QCOMPARE(instance::instanceState(*m_conn, l->uuid).value_or(QString()), u"shutoff"_s);

    // The console log is appended to: a second boot prints the banner a second time.
    auto up = instance::startInstance(*m_conn, l->uuid);
    QVERIFY2(up, qPrintable(up ? QString() : up.error().message));
    QTRY_COMPARE_WITH_TIMEOUT(fileContent(l->consoleLog).count(banner), 2, bootTimeoutMs);

    auto soft = instance::rebootInstance(*m_conn, l->name, instance::RebootKind::Soft);
    QVERIFY2(soft, qPrintable(soft ? QString() : soft.error().message));
    auto hard = instance::rebootInstance(*m_conn, l->name, instance::RebootKind::Hard);
    QVERIFY2(hard, qPrintable(hard ? QString() : hard.error().message));
    QTRY_COMPARE_WITH_TIMEOUT(fileContent(l->consoleLog).count(banner), 3, bootTimeoutMs);

    host::LocalTransport transport;
    auto gone = instance::terminateInstance(
        transport, *m_conn, m_lab->instancesPath(), l->name, std::chrono::milliseconds(200));
    QVERIFY2(gone, qPrintable(gone ? QString() : gone.error().message));
    QVERIFY(!QFileInfo::exists(l->directory));
    QVERIFY(!QFileInfo::exists(l->directory + u"_del"_s));
    QVERIFY(!instance::instanceState(*m_conn, l->uuid));
    QVERIFY(QFileInfo::exists(m_basePath));
    QCOMPARE(sha256Of(m_basePath), m_baseHash);
    qInfo("whole life in %lld ms", timer.elapsed());
}

void TestInstanceBoot::terminateLeavesSharedBaseToOtherInstance()
{
    const auto first = launch(u"first"_s);
    QVERIFY(first);
    const auto second = launch(u"second"_s);
    QVERIFY(second);
    const QByteArray banner = "COWHERD DEMO: base\r\n";
    QTRY_VERIFY_WITH_TIMEOUT(fileContent(first->consoleLog).contains(banner), bootTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(fileContent(second->consoleLog).contains(banner), bootTimeoutMs);

    host::LocalTransport transport;
    auto gone = instance::terminateInstance(
        transport, *m_conn, m_lab->instancesPath(), first->uuid, std::chrono::milliseconds(0));
    QVERIFY2(gone, qPrintable(gone ? QString() : gone.error().message));
    QVERIFY(!QFileInfo::exists(first->directory));
    QCOMPARE(instance::instanceState(*m_conn, second->name).value_or(QString()), u"running"_s);
    QCOMPARE(sha256Of(m_basePath), m_baseHash);

    // The second one still boots from the shared base file after a hard reset.
    auto hard = instance::rebootInstance(*m_conn, second->name, instance::RebootKind::Hard);
    QVERIFY(hard);
    QTRY_COMPARE_WITH_TIMEOUT(fileContent(second->consoleLog).count(banner), 2, bootTimeoutMs);
    gone = instance::terminateInstance(
        transport, *m_conn, m_lab->instancesPath(), second->name, std::chrono::milliseconds(0));
    QVERIFY2(gone, qPrintable(gone ? QString() : gone.error().message));
    QVERIFY(!QFileInfo::exists(second->directory));
    QCOMPARE(sha256Of(m_basePath), m_baseHash);
}

void TestInstanceBoot::defineAndStartCleansUpAfterFailedStart()
{
    instance::DomainSpec spec;
    spec.name = m_prefix + u"broken"_s;
    spec.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    spec.diskPath = m_lab->instancesPath() + u"/missing/disk"_s; // qemu cannot open it
    spec.domainType = m_domainType;
    auto state = instance::defineAndStart(*m_conn, instance::domainXml(spec));
    QVERIFY(!state);
    QVERIFY2(state.error().message.contains(systemUri), qPrintable(state.error().message));
    QVERIFY2(state.error().message.contains(spec.name), qPrintable(state.error().message));
    // Nothing half-made stays.
    QVERIFY(!instance::instanceState(*m_conn, spec.uuid));
}

QTEST_GUILESS_MAIN(TestInstanceBoot)
#include "tst_instance_boot.moc"
