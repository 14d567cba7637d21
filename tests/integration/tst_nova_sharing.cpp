// Sharing a cache with nova-compute (tests/support/nova.sh): Cowherd waits for Nova's own lock on
// a base file (held here by oslo.concurrency, as nova-compute holds it), and Nova's shared-storage
// registry compute_nodes adds the nodes seen within Nova's window to the sharing group.
#include "ctlrun.h"
#include "novafixture.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using cowherd::test::CtlRun;
using cowherd::test::novaCacheName;
using cowherd::test::NovaComputePause;
using cowherd::test::NovaFixture;
using cowherd::test::runCtl;

namespace {

const QString osloHelper = QStringLiteral(COWHERD_SOURCE_DIR "/tests/support/nova_oslo.py");

// Nova's lock on a base file, held by oslo.concurrency in a process of its own until release().
class NovaLockHolder
{
public:
    NovaLockHolder(const QString &instancesPath, const QString &name)
    {
        m_process.start(u"/usr/bin/python3"_s, {osloHelper, u"hold"_s, instancesPath, name});
        m_locked = m_process.waitForReadyRead(30'000) && m_process.readLine().trimmed() == "locked";
    }
    ~NovaLockHolder()
    {
        release();
        m_process.kill();
        m_process.waitForFinished(5000);
    }
    bool locked() const { return m_locked; }
    bool release()
    {
        if (m_process.state() != QProcess::Running)
            return false;
        m_process.write("\n");
        return m_process.waitForFinished(30'000) && m_process.exitCode() == 0;
    }

private:
    QProcess m_process;
    bool m_locked = false;
};

bool registerNode(const QString &instancesPath, const QString &node, qint64 ageSeconds)
{
    return QProcess::execute(
               u"/usr/bin/python3"_s, {osloHelper, u"register"_s, instancesPath, node, QString::number(ageSeconds)})
        == 0;
}

bool forgetNode(const QString &instancesPath, const QString &node)
{
    return QProcess::execute(u"/usr/bin/python3"_s, {osloHelper, u"forget"_s, instancesPath, node}) == 0;
}

// Polls until the file exists: the sign that a command reached a given step.
bool waitForFile(const QString &path, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!QFile::exists(path)) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(50);
    }
    return true;
}

bool writeOldFile(const QString &path, qint64 ageSeconds)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(QByteArray(64 * 1024, 'u')) == 64 * 1024
        && f.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-ageSeconds), QFileDevice::FileModificationTime);
}

constexpr qint64 twoDays = 2 * 24 * 3600;
// How long a test holds Nova's lock after Cowherd reached it, to see that Cowherd waits.
constexpr int heldMs = 3000;

} // namespace

class TestNovaSharing : public QObject
{
    Q_OBJECT

    NovaFixture m_nova;
    QTemporaryDir m_config;
    QString m_conf;
    QTemporaryDir m_work;

    QStringList ctlArgs(QStringList arguments) const { return QStringList{u"--config"_s, m_conf} + arguments; }
    CtlRun ctl(const QStringList &arguments, int timeoutMs = 120'000) { return runCtl(ctlArgs(arguments), timeoutMs); }

    QString lockFile(const QString &name) const { return m_nova.instancesPath + u"/locks/"_s + name + u".lock"_s; }

private Q_SLOTS:
    void initTestCase()
    {
        m_nova = NovaFixture::load();
        QVERIFY2(m_nova.valid(), "run through ctest: the nova fixture writes $COWHERD_NOVA_DIR/fixture.json");
        m_conf = m_config.path() + u"/cowherd.conf"_s;
        const CtlRun add = ctl({u"hosts"_s, u"add"_s, u"nova"_s, u"qemu:///system"_s, u"--instances-path"_s,
            m_nova.instancesPath, u"--nova-conf"_s, m_nova.novaConf, u"--allow-nova-writes"_s});
        QVERIFY2(add.exitCode == 0, add.err.constData());
    }

    // A fetch of base file NAME waits while Nova holds locks/nova-NAME, then completes.
    void fetchWaitsForNovasLock()
    {
        const QString image = m_work.path() + u"/lock-test.raw"_s;
        QCOMPARE(runCtl({u"demo-image"_s, u"--label"_s, u"lock test"_s, image}).exitCode, 0);
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString name = novaCacheName(id);
        const QString base = m_nova.basePath() + u'/' + name;
        const auto removeBase = qScopeGuard([&] { QFile::remove(base); });

        NovaLockHolder nova(m_nova.instancesPath, name);
        QVERIFY(nova.locked());
        QProcess fetch;
        fetch.start(cowherd::test::cowherdctlPath(),
            ctlArgs({u"--host"_s, u"nova"_s, u"fetch"_s, u"--quiet"_s, image, u"--image-id"_s, id}));
        // Cowherd takes its own lock first, then Nova's: its lock file says it got that far.
        QVERIFY(waitForFile(lockFile(name), 30'000));
        QVERIFY(!fetch.waitForFinished(heldMs));
        QVERIFY(!QFile::exists(base));
        QVERIFY(!QFile::exists(base + u".part"_s));
        QVERIFY(nova.release());
        QVERIFY(fetch.waitForFinished(60'000));
        QVERIFY2(fetch.exitCode() == 0, fetch.readAllStandardError().constData());
        QVERIFY(QFile::exists(base));
    }

    // A removal of base file NAME waits while Nova holds locks/nova-NAME, then removes it.
    void removalWaitsForNovasLock()
    {
        const QString name = novaCacheName(QUuid::createUuid().toString(QUuid::WithoutBraces));
        const QString base = m_nova.basePath() + u'/' + name;
        const auto removeBase = qScopeGuard([&] { QFile::remove(base); });
        // nova-compute would remove the file itself (an old unknown base file), or wait on the
        // same lock: it is held still meanwhile.
        NovaComputePause pause(m_nova);
        QVERIFY(pause.paused());
        QVERIFY(writeOldFile(base, twoDays));

        NovaLockHolder nova(m_nova.instancesPath, name);
        QVERIFY(nova.locked());
        QProcess cleanup;
        cleanup.start(cowherd::test::cowherdctlPath(), ctlArgs({u"--host"_s, u"nova"_s, u"--json"_s, u"cleanup"_s}));
        QVERIFY(waitForFile(lockFile(name), 30'000));
        QVERIFY(!cleanup.waitForFinished(heldMs));
        QVERIFY(QFile::exists(base));
        QVERIFY(nova.release());
        QVERIFY(cleanup.waitForFinished(60'000));
        QVERIFY2(cleanup.exitCode() == 0, cleanup.readAllStandardError().constData());
        QVERIFY(!QFile::exists(base));
    }

    // compute_nodes: a node seen a minute ago shares the cache and Cowherd cannot scan it, so
    // nothing is removed and the plan names it; one seen two days ago is outside Nova's window.
    void computeNodesJoinTheGroup_data()
    {
        QTest::addColumn<qint64>("seenAgo");
        QTest::addColumn<bool>("blocks");
        QTest::addRow("seen a minute ago") << qint64(60) << true;
        QTest::addRow("seen two days ago") << twoDays << false;
    }

    void computeNodesJoinTheGroup()
    {
        QFETCH(qint64, seenAgo);
        QFETCH(bool, blocks);
        const QString node = u"cowherd-ghost-compute"_s;
        const QString name = novaCacheName(QUuid::createUuid().toString(QUuid::WithoutBraces));
        const QString base = m_nova.basePath() + u'/' + name;
        const auto restore = qScopeGuard([&] {
            QFile::remove(base);
            forgetNode(m_nova.instancesPath, node);
        });
        NovaComputePause pause(m_nova);
        QVERIFY(pause.paused());
        QVERIFY(writeOldFile(base, twoDays)); // unknown to Nova and old: removable
        QVERIFY(registerNode(m_nova.instancesPath, node, seenAgo));

        const CtlRun dry = ctl({u"--host"_s, u"nova"_s, u"--json"_s, u"cleanup"_s, u"--dry-run"_s});
        const QJsonObject plan = dry.json();
        QCOMPARE(plan[u"blocked"_s].toBool(), blocks);
        QCOMPARE(dry.exitCode, blocks ? 3 : 0);
        if (blocks)
            QVERIFY2(
                plan[u"blocked_reason"_s].toString().contains(node), qPrintable(plan[u"blocked_reason"_s].toString()));

        const CtlRun run = ctl({u"--host"_s, u"nova"_s, u"--json"_s, u"cleanup"_s});
        QCOMPARE(run.exitCode, blocks ? 3 : 0);
        QCOMPARE(QFile::exists(base), blocks);
    }
};

QTEST_GUILESS_MAIN(TestNovaSharing)
#include "tst_nova_sharing.moc"
