// A cache pass on a Nova host follows Nova's image cache manager: the same state is given to
// Cowherd and to the real nova-compute of the Nova fixture (tests/support/nova.sh), and what
// Cowherd plans and removes is compared with what Nova's manager logs and removes. Also:
// compute_nodes, Nova's shared-storage registry, adds the nodes it names to the sharing group.
#include "ctlrun.h"
#include "novafixture.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using cowherd::test::CtlRun;
using cowherd::test::novaCacheName;
using cowherd::test::NovaCachePass;
using cowherd::test::NovaComputePause;
using cowherd::test::NovaFixture;
using cowherd::test::runCtl;

namespace {

constexpr qint64 twoDays = 2 * 24 * 3600;

QSet<QString> fileNames(const QStringList &paths)
{
    QSet<QString> names;
    for (const QString &p : paths)
        names.insert(QFileInfo(p).fileName());
    return names;
}

QString fmt(const QSet<QString> &names)
{
    QStringList list(names.cbegin(), names.cend());
    list.sort();
    return list.join(u", "_s);
}

} // namespace

class TestNovaCachePass : public QObject
{
    Q_OBJECT

    NovaFixture m_nova;
    QTemporaryDir m_config;
    QString m_conf;
    QTemporaryDir m_data;
    // The state each comparison starts from: base file name -> age in seconds. Files of the
    // images in use are there already (web-1, web-2 and db-1 run on them).
    QMap<QString, qint64> m_state;
    QSet<QString> m_novaRemoved; // what Nova's manager removed from that state

    CtlRun ctl(QStringList arguments, int timeoutMs = 120'000)
    {
        arguments.prepend(m_conf);
        arguments.prepend(u"--config"_s);
        return runCtl(arguments, timeoutMs);
    }

    QString a() const { return novaCacheName(m_nova.images.value(u"cowherd-nova-a"_s)); }

    // Writes the state: every file of m_state with its age (mtime = now - age).
    bool writeState()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (auto it = m_state.cbegin(); it != m_state.cend(); ++it) {
            QFile f(m_nova.basePath() + u'/' + it.key());
            if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(QByteArray(64 * 1024, 'n')) != 64 * 1024)
                return false;
            if (!f.setFileTime(now.addSecs(-it.value()), QFileDevice::FileModificationTime))
                return false;
        }
        return true;
    }

    void removeState()
    {
        for (auto it = m_state.cbegin(); it != m_state.cend(); ++it)
            QFile::remove(m_nova.basePath() + u'/' + it.key());
    }

    // The dry run's plan: action -> names.
    static QMap<QString, QSet<QString>> actionsOf(const QJsonObject &plan)
    {
        QMap<QString, QSet<QString>> byAction;
        for (const QJsonValue &a : plan[u"actions"_s].toArray())
            byAction[a[u"action"_s].toString()].insert(a[u"name"_s].toString());
        return byAction;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_nova = NovaFixture::load();
        QVERIFY2(m_nova.valid(), "run through ctest: the nova fixture writes $COWHERD_NOVA_DIR/fixture.json");
        m_conf = m_config.path() + u"/cowherd.conf"_s;
        const CtlRun add = ctl({u"hosts"_s, u"add"_s, u"nova"_s, u"qemu:///system"_s, u"--instances-path"_s,
            m_nova.instancesPath, u"--nova-conf"_s, m_nova.novaConf});
        QVERIFY2(add.exitCode == 0, add.err.constData());
        // Each of Nova's cases, far from the fixture's ages (originals 300 s, resized 60 s) so
        // that the seconds between Cowherd's plan and Nova's pass change nothing.
        m_state = {
            {a() + u"_sm"_s, twoDays}, // legacy name of an image in use: active, touched
            {a() + u"_2147483648"_s, twoDays}, // resized copy of an image in use: active, touched
            {novaCacheName(u"old"_s), twoDays}, // unexplained original, old: removed
            {novaCacheName(u"young"_s), 0}, // unexplained original, young: too young
            {novaCacheName(u"between"_s), 180}, // original younger than 300 s: too young
            {novaCacheName(u"resized"_s) + u"_1073741824"_s, 180}, // resized older than 60 s: removed
            {u"swap_512"_s, twoDays}, // swap nobody uses, old: removed
            {u"swap_256"_s, 0}, // swap nobody uses, young: too young
            {u"ephemeral_1_0706d66"_s, twoDays}, // ephemeral nobody uses, old: removed
            {u"cowherd-notes.txt"_s, twoDays}, // a name Nova ignores: kept
        };
    }

    void cleanup() { removeState(); }

    // The dry run's plan follows Nova's rules with nova.conf's ages, and says so.
    void planNamesNovasRulesAndAges()
    {
        const CtlRun r = ctl({u"--host"_s, u"nova"_s, u"--json"_s, u"cleanup"_s, u"--dry-run"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject plan = r.json();
        QCOMPARE(plan[u"rules"_s].toString(), u"nova"_s);
        const QJsonObject policy = plan[u"policy"_s].toObject();
        QCOMPARE(policy[u"original_min_age_s"_s].toInteger(), m_nova.originalMinAge);
        QCOMPARE(policy[u"resized_min_age_s"_s].toInteger(), m_nova.resizedMinAge);
        QCOMPARE(policy[u"remove_unused"_s].toBool(), true);
        QVERIFY2(policy[u"source"_s].toString().contains(m_nova.novaConf), qPrintable(policy[u"source"_s].toString()));
    }

    // The same state, planned by Cowherd and then handled by Nova's own manager: what Cowherd
    // would touch, remove and keep is what Nova marks active, removes, and finds too young.
    void planMatchesNovasManager()
    {
        QMap<QString, QSet<QString>> planned;
        qint64 offset = 0;
        {
            NovaComputePause pause(m_nova);
            QVERIFY(pause.paused());
            QVERIFY(writeState());
            const CtlRun r = ctl({u"--host"_s, u"nova"_s, u"--json"_s, u"cleanup"_s, u"--dry-run"_s});
            QVERIFY2(r.exitCode == 0, r.err.constData());
            planned = actionsOf(r.json());
            offset = pause.logOffset();
        } // nova-compute goes on: its next pass sees the same state
        // The first pass that saw the state: one nova-compute began just before the pause may
        // have listed _base before the state was written, and mentions none of its files.
        const auto sawState = [this](const NovaCachePass &p) {
            for (const QStringList &list : {p.unknown, p.tooYoung, p.removed})
                for (const QString &path : list)
                    if (m_state.contains(QFileInfo(path).fileName()))
                        return true;
            return false;
        };
        std::optional<NovaCachePass> pass;
        QDeadlineTimer deadline((m_nova.managerInterval + 60) * 1000);
        while (!deadline.hasExpired()) {
            pass = m_nova.waitForCachePass(offset, int(deadline.remainingTime()));
            if (!pass || sawState(*pass))
                break;
            offset = pass->endOffset;
            pass.reset();
        }
        QVERIFY2(pass, "no image cache pass of nova-compute saw the state after the dry run");

        const QSet<QString> active = fileNames(pass->active);
        const QSet<QString> removed = fileNames(pass->removed);
        QSet<QString> kept = fileNames(pass->tooYoung);
        kept.insert(u"cowherd-notes.txt"_s); // Nova ignores the name: it logs nothing about it
        QVERIFY2(planned[u"touch"_s] == active,
            qPrintable(u"Cowherd touches "_s + fmt(planned[u"touch"_s]) + u"; Nova's active: "_s + fmt(active)));
        QVERIFY2(planned[u"remove"_s] == removed,
            qPrintable(u"Cowherd removes "_s + fmt(planned[u"remove"_s]) + u"; Nova removed "_s + fmt(removed)));
        QVERIFY2(planned[u"keep"_s] == kept,
            qPrintable(u"Cowherd keeps "_s + fmt(planned[u"keep"_s]) + u"; Nova too young or ignored: "_s + fmt(kept)));
        QCOMPARE(removed.size(), 4);
        m_novaRemoved = removed;
        // And Nova did what it logged.
        for (const QString &name : removed)
            QVERIFY2(!QFile::exists(m_nova.basePath() + u'/' + name), qPrintable(name));
        for (const QString &name : kept)
            QVERIFY2(QFile::exists(m_nova.basePath() + u'/' + name), qPrintable(name));
    }

    // Without the host's permission Cowherd writes nothing on a Nova host: exit 3, the setting named.
    void writesNeedThePermission()
    {
        NovaComputePause pause(m_nova);
        QVERIFY(pause.paused());
        QVERIFY(writeState());
        const auto before = cowherd::test::treeListing(m_nova.instancesPath);
        const CtlRun r = ctl({u"--host"_s, u"nova"_s, u"cleanup"_s});
        const auto after = cowherd::test::treeListing(m_nova.instancesPath);
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains("--allow-nova-writes"), r.err.constData());
        const QString diff = cowherd::test::listingDiff(before, after);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    // With it, a real cleanup removes exactly what Nova's manager removed from the same state,
    // and touches what Nova marks active.
    void cleanupRemovesWhatNovaWould()
    {
        QVERIFY(ctl({u"hosts"_s, u"set"_s, u"nova"_s, u"--allow-nova-writes"_s}).exitCode == 0);
        const auto forbid = qScopeGuard([this] { ctl({u"hosts"_s, u"set"_s, u"nova"_s, u"--deny-nova-writes"_s}); });
        QSet<QString> removed;
        QSet<QString> touched;
        {
            NovaComputePause pause(m_nova);
            QVERIFY(pause.paused());
            QVERIFY(writeState());
            const QDateTime started = QDateTime::currentDateTimeUtc().addSecs(-1);
            const CtlRun r = ctl({u"--host"_s, u"nova"_s, u"--json"_s, u"cleanup"_s});
            QVERIFY2(r.exitCode == 0, r.err.constData());
            const auto done = actionsOf(r.json());
            removed = done[u"remove"_s];
            touched = done[u"touch"_s];
            for (const QString &name : std::as_const(touched))
                QVERIFY2(
                    QFileInfo(m_nova.basePath() + u'/' + name).lastModified().toUTC() >= started, qPrintable(name));
        }
        QVERIFY2(!m_novaRemoved.isEmpty(), "planMatchesNovasManager did not see Nova remove anything");
        QVERIFY2(removed == m_novaRemoved,
            qPrintable(u"Cowherd removed "_s + fmt(removed) + u"; Nova removed "_s + fmt(m_novaRemoved)));
        for (auto it = m_state.cbegin(); it != m_state.cend(); ++it)
            QCOMPARE(QFile::exists(m_nova.basePath() + u'/' + it.key()), !removed.contains(it.key()));
        QVERIFY(touched.contains(a()));
        QVERIFY(touched.contains(a() + u"_sm"_s));
    }
};

QTEST_GUILESS_MAIN(TestNovaCachePass)
#include "tst_nova_cachepass.moc"
