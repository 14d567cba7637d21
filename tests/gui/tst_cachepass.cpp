// The cache pass preview and run, the base cache table's pass columns, Verify, Pin and the
// corrupt base file banner, on a fixture lab with an old unused base file.
#include "cachepass/cacheactions.h"
#include "cachepass/cachepassdialog.h"
#include "cachepass/cachetasks.h"
#include "cachepass/cleanupplanmodel.h"
#include "cachepass/cleanupplanview.h"
#include "hosts/hostbanner.h"
#include "tables/basecachemodel.h"
#include "testlab.h"

#include "cache/basemetadata.h"
#include "cache/cacheplanner.h"
#include "cache/cachepolicy.h"
#include "cache/scanner.h"
#include "host/hostregistry.h"
#include "host/localtransport.h"
#include "task/taskmanager.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QDirIterator>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

using namespace cowherd;
using task::TaskState;

namespace {

constexpr int TaskTimeoutMs = 60000;
const QString U1 = QStringLiteral("2e6d8f4b-1c3a-4d7e-9f0a-000000000001");

bool makeOld(const QString &path, qint64 seconds)
{
    QFile f(path);
    return f.open(QIODevice::ReadWrite)
        && f.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-seconds), QFileDevice::FileModificationTime);
}

QModelIndex rowOf(const QAbstractItemModel &model, const QString &name, int column)
{
    for (int row = 0; row < model.rowCount(); ++row)
        if (model.index(row, 0).data(ui::CleanupPlanModel::NameRole).toString() == name)
            return model.index(row, column);
    return {};
}

// A thread of this process blocked opening a FIFO that nobody writes (0: none).
pid_t threadWaitingForAFifoWriter()
{
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile wchan(tasks.filePath(tid + QStringLiteral("/wchan")));
        if (wchan.open(QIODevice::ReadOnly) && wchan.readAll().trimmed() == "wait_for_partner")
            return pid_t(tid.toInt());
    }
    return 0;
}

} // namespace

class TestCachePass : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_configDir;
    std::unique_ptr<test::TestLab> m_lab;
    ui::CacheTarget m_target;
    QString m_old;
    QString m_used;

    TaskState runTask(task::TaskManager &manager, const QString &title, task::TaskWork work)
    {
        QSignalSpy finished(&manager, &task::TaskManager::taskFinished);
        const quint64 id = manager.submit(title, m_target.host.name, std::move(work));
        if (!finished.wait(TaskTimeoutMs))
            return TaskState::Queued;
        const auto info = manager.task(id);
        if (info->state != TaskState::Succeeded)
            qWarning("%s: %s", qPrintable(title), qPrintable(info->error));
        return info->state;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_configDir.isValid());
        m_lab = std::make_unique<test::TestLab>();
        QVERIFY(m_lab->isValid());
        m_old = test::TestLab::sha1Hex(QStringLiteral("old-image"));
        m_used = test::TestLab::sha1Hex(QStringLiteral("used-image"));
        QVERIFY(makeOld(m_lab->addRawBase(m_old), 3 * 86400));
        const QString used = m_lab->addRawBase(m_used);
        QVERIFY(makeOld(used, 3 * 86400));
        QVERIFY(!m_lab->addOverlay(U1, used).isEmpty());
        const QString config
            = m_configDir.filePath(QStringLiteral("cowherd-%1-%2.conf")
                                       .arg(QString::fromLatin1(QTest::currentTestFunction()),
                                           QString::fromLatin1(QByteArray(QTest::currentDataTag()).toHex())));
        const host::HostConfig host{QStringLiteral("lab1"), QStringLiteral("test:///default"), m_lab->instancesPath()};
        QVERIFY(host::HostRegistry(config).add(host));
        m_target = {host, {host}, config};
    }

    void previewThenRun()
    {
        task::TaskManager manager;
        ui::CachePassDialog dialog(&manager, m_target);
        QAbstractItemModelTester tester(
            dialog.planView()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy shown(&dialog, &ui::CachePassDialog::planShown);
        dialog.show();
        dialog.plan();
        QVERIFY(shown.wait(TaskTimeoutMs));
        QCOMPARE(shown.last().at(0).toBool(), false);

        const ui::CleanupPlanModel &model = *dialog.planView()->model();
        const QModelIndex old = rowOf(model, m_old, ui::CleanupPlanModel::Action);
        QVERIFY(old.isValid());
        QCOMPARE(old.data(ui::CleanupPlanModel::ActionRole).toString(), QStringLiteral("remove"));
        const QString reason = rowOf(model, m_old, ui::CleanupPlanModel::Reason).data().toString();
        QVERIFY2(reason.contains(QStringLiteral("unused")), qPrintable(reason));
        QCOMPARE(rowOf(model, m_used, 0).data(ui::CleanupPlanModel::ActionRole).toString(), QStringLiteral("touch"));
        QVERIFY2(dialog.planView()->summaryText().startsWith(QStringLiteral("Would remove 1 files")),
            qPrintable(dialog.planView()->summaryText()));
        QVERIFY(QFile::exists(m_lab->basePath() + u'/' + m_old)); // a plan changes nothing

        dialog.run();
        QVERIFY(shown.wait(TaskTimeoutMs));
        QCOMPARE(shown.last().at(0).toBool(), true);
        QVERIFY(dialog.hasExecuted());
        QVERIFY(!QFile::exists(m_lab->basePath() + u'/' + m_old));
        QVERIFY(QFile::exists(m_lab->basePath() + u'/' + m_used));
        QVERIFY2(dialog.planView()->summaryText().startsWith(QStringLiteral("Removed 1 files")),
            qPrintable(dialog.planView()->summaryText()));
    }

    // The GUI's verify and scheduled pass hash at the I/O priority the policy asks for. A FIFO as
    // a base file holds the hash in open(2), after the priority is set, until the test writes
    // to it: the hashing thread's priority is read while it hashes.
    void hashingHonoursTheIoPriorityPolicy_data()
    {
        QTest::addColumn<bool>("idle");
        QTest::addColumn<bool>("scheduledPass");
        QTest::addRow("verify, idle") << true << false;
        QTest::addRow("verify, normal") << false << false;
        QTest::addRow("scheduled pass, idle") << true << true;
        QTest::addRow("scheduled pass, normal") << false << true;
    }
    void hashingHonoursTheIoPriorityPolicy()
    {
        QFETCH(bool, idle);
        QFETCH(bool, scheduledPass);
        cache::CachePolicy policy = cache::loadCachePolicy(m_target.configFile, m_target.host.name);
        policy.verifyAtIdleIoPriority = idle;
        QVERIFY(cache::saveCachePolicy(m_target.configFile, m_target.host.name, policy));
        const QString name = test::TestLab::sha1Hex(QStringLiteral("fifo-image"));
        const QByteArray fifo = QFile::encodeName(m_lab->basePath() + u'/' + name);
        QCOMPARE(::mkfifo(fifo.constData(), 0600), 0);
        const auto release = qScopeGuard([&] {
            // Whatever happened, no hashing thread stays blocked on the FIFO.
            const int fd = ::open(fifo.constData(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
            if (fd >= 0)
                ::close(fd);
            ::unlink(fifo.constData());
        });

        task::TaskManager manager;
        QSignalSpy finished(&manager, &task::TaskManager::taskFinished);
        manager.submit(QStringLiteral("Hash"), m_target.host.name,
            scheduledPass ? ui::CacheTasks::pass(m_target, ui::CacheTasks::PassMode::Scheduled)
                          : ui::CacheTasks::verify(m_target, {name}));
        pid_t hashing = 0;
        QTRY_VERIFY_WITH_TIMEOUT((hashing = threadWaitingForAFifoWriter()) > 0, TaskTimeoutMs);
        const long priority = ::syscall(SYS_ioprio_get, 1 /* IOPRIO_WHO_PROCESS: a thread id */, hashing);
        QVERIFY(priority >= 0);
        const int fd = ::open(fifo.constData(), O_WRONLY | O_CLOEXEC);
        QVERIFY(fd >= 0);
        QCOMPARE(::write(fd, "bytes", 5), ssize_t(5));
        ::close(fd);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, TaskTimeoutMs);
        QCOMPARE(priority >> 13 == 3 /* IOPRIO_CLASS_IDLE */, idle);
        host::LocalTransport transport;
        auto meta = cache::readMetadata(transport, m_lab->basePath(), name);
        QVERIFY(meta);
        QCOMPARE(meta->sha256.size(), 64); // the FIFO's bytes were hashed and recorded
    }

    // Issue 15: on a cache Nova manages, the periodic pass only plans (by Nova's rules and the
    // ages of that host's nova.conf) and says "Nova manages this cache"; the plan dialog says so
    // too; nothing under the instances path changes, not even a marker or a lock file.
    void periodicPassOnANovaHostOnlyPlans()
    {
        QVERIFY(QDir().mkpath(m_lab->instancesPath() + QStringLiteral("/locks")));
        QFile registryLock(m_lab->instancesPath() + QStringLiteral("/locks/nova-storage-registry-lock"));
        QVERIFY(registryLock.open(QIODevice::WriteOnly));
        registryLock.close();
        QVERIFY(makeOld(registryLock.fileName(), 600));
        const QString novaConf = m_configDir.filePath(QStringLiteral("nova.conf"));
        QFile conf(novaConf);
        QVERIFY(conf.open(QIODevice::WriteOnly));
        conf.write("[image_cache]\nremove_unused_original_minimum_age_seconds = 7200\n");
        conf.close();
        m_target.host.novaConf = {novaConf};
        m_target.allHosts = {m_target.host};
        const auto listing = [&] {
            QStringList out;
            QDirIterator it(m_lab->instancesPath(), QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot,
                QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QFileInfo f(it.next());
                out.append(QStringLiteral("%1 %2").arg(f.filePath()).arg(f.lastModified().toMSecsSinceEpoch()));
            }
            out.sort();
            return out;
        };
        const QStringList before = listing();

        task::TaskManager manager;
        QSignalSpy finished(&manager, &task::TaskManager::taskFinished);
        const quint64 id = manager.submit(QStringLiteral("Periodic pass"), m_target.host.name,
            ui::CacheTasks::pass(m_target, ui::CacheTasks::PassMode::Scheduled));
        QVERIFY(finished.wait(TaskTimeoutMs));
        const auto info = manager.task(id);
        QCOMPARE(task::toString(info->state), task::toString(TaskState::Succeeded));
        const QString log = info->log.join(u'\n');
        QVERIFY2(log.contains(QStringLiteral("Nova manages this cache")), qPrintable(log));
        QVERIFY2(log.contains(novaConf), qPrintable(log)); // the ages came from that nova.conf
        QVERIFY(QFile::exists(m_lab->basePath() + u'/' + m_old)); // Nova's rules would remove it; nothing did
        QCOMPARE(listing(), before);

        ui::CachePassDialog dialog(&manager, m_target);
        QSignalSpy shown(&dialog, &ui::CachePassDialog::planShown);
        dialog.plan();
        QVERIFY(shown.wait(TaskTimeoutMs));
        const QString summary = dialog.planView()->summaryText();
        QVERIFY2(summary.startsWith(QStringLiteral("Nova manages this cache")), qPrintable(summary));
        QCOMPARE(rowOf(*dialog.planView()->model(), m_old, 0).data(ui::CleanupPlanModel::ActionRole).toString(),
            QStringLiteral("remove"));
        QCOMPARE(listing(), before);
    }

    void baseColumnsVerifyPinAndCorruptBanner()
    {
        task::TaskManager manager;
        ui::BaseCacheModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto scan = [&] {
            auto snapshot = cache::scanHost(m_target.host);
            if (snapshot)
                model.setSnapshot(*snapshot);
            return snapshot;
        };
        auto cell = [&](const QString &name, int column) { return model.indexOf(name, column).data().toString(); };
        const auto first = scan();
        QVERIFY(first);
        // Removable in reads the plan of the host's sharing group; nothing until one is known.
        QCOMPARE(cell(m_old, ui::BaseCacheModel::RemovableIn), QString());
        cache::SharingGroupState group;
        group.hosts.append({m_target.host, *first, {}});
        model.setPlan(cache::planCleanup(group, {}, first->takenAt));
        QCOMPARE(cell(m_old, ui::BaseCacheModel::RemovableIn), QStringLiteral("now"));
        QCOMPARE(cell(m_used, ui::BaseCacheModel::RemovableIn), QStringLiteral("in use"));
        QCOMPARE(cell(m_used, ui::BaseCacheModel::LastUsed), QStringLiteral("in use"));
        QCOMPARE(cell(m_old, ui::BaseCacheModel::LastUsed), QStringLiteral("3 d ago"));
        QCOMPARE(cell(m_old, ui::BaseCacheModel::Checksum), QStringLiteral("unverified"));
        cache::CachePolicy longer;
        longer.originalMinimumAgeSeconds = 3 * 86400 + 5 * 3600 + 1800;
        model.setPlan(cache::planCleanup(group, longer, first->takenAt));
        QCOMPARE(cell(m_old, ui::BaseCacheModel::RemovableIn), QStringLiteral("5 h"));
        // Another host of the sharing group uses the file: in use, and the tooltip says where.
        cache::CacheSnapshot other = *first;
        for (cache::BaseFile &b : other.bases)
            b.references
                = b.name == m_old ? QStringList{QStringLiteral("0f1e2d3c-aaaa-4bbb-8ccc-000000000001")} : QStringList{};
        other.instances.clear();
        host::HostConfig lab2 = m_target.host;
        lab2.name = QStringLiteral("lab2");
        cache::SharingGroupState shared = group;
        shared.hosts.append({lab2, other, {}});
        model.setPlan(cache::planCleanup(shared, {}, first->takenAt));
        QCOMPARE(cell(m_old, ui::BaseCacheModel::RemovableIn), QStringLiteral("in use"));
        const QString why = model.indexOf(m_old, ui::BaseCacheModel::RemovableIn).data(Qt::ToolTipRole).toString();
        QVERIFY2(why.contains(QStringLiteral("lab2")), qPrintable(why));
        // A member that cannot be seen blocks every removal of the group.
        cache::SharingGroupState blocked = group;
        blocked.hosts.append({lab2, std::nullopt, QStringLiteral("connection refused")});
        model.setPlan(cache::planCleanup(blocked, {}, first->takenAt));
        QCOMPARE(cell(m_old, ui::BaseCacheModel::RemovableIn), QStringLiteral("blocked"));
        model.setPlan(cache::planCleanup(group, {}, first->takenAt));

        QCOMPARE(task::toString(runTask(manager, QStringLiteral("Verify"), ui::CacheTasks::verify(m_target))),
            task::toString(TaskState::Succeeded));
        QVERIFY(scan());
        QCOMPARE(cell(m_old, ui::BaseCacheModel::Checksum), QStringLiteral("ok"));
        QCOMPARE(cell(m_used, ui::BaseCacheModel::Checksum), QStringLiteral("ok"));

        QCOMPARE(task::toString(
                     runTask(manager, QStringLiteral("Pin"), ui::CacheTasks::setPinned(m_target.host, m_old, true))),
            task::toString(TaskState::Succeeded));
        QVERIFY(scan());
        QVERIFY(model.indexOf(m_old).data(ui::BaseCacheModel::PinnedRole).toBool());
        QCOMPARE(cell(m_old, ui::BaseCacheModel::RemovableIn), QStringLiteral("pinned"));
        // A pinned file survives a pass.
        QCOMPARE(task::toString(runTask(
                     manager, QStringLiteral("Pass"), ui::CacheTasks::pass(m_target, ui::CacheTasks::PassMode::Clean))),
            task::toString(TaskState::Succeeded));
        QVERIFY(QFile::exists(m_lab->basePath() + u'/' + m_old));

        // A corrupt (mismatch) base file raises the banner.
        ui::CacheActions actions(&manager, nullptr);
        auto snapshot = scan();
        QVERIFY(snapshot);
        actions.setSnapshot(&*snapshot);
        QVERIFY(actions.corruptBanner()->isHidden());
        host::LocalTransport transport;
        auto meta = cache::readMetadata(transport, m_lab->basePath(), m_used);
        QVERIFY(meta);
        meta->state = cache::BaseMetadata::ChecksumState::Mismatch;
        QVERIFY(cache::writeMetadata(transport, m_lab->basePath(), m_used, *meta));
        snapshot = scan();
        QVERIFY(snapshot);
        QCOMPARE(cell(m_used, ui::BaseCacheModel::Checksum), QStringLiteral("MISMATCH"));
        actions.setSnapshot(&*snapshot);
        QVERIFY(!actions.corruptBanner()->isHidden());
        QCOMPARE(actions.corruptBanner()->level(), ui::HostBanner::Level::Error);
        QVERIFY2(actions.corruptBanner()->text().contains(m_used), qPrintable(actions.corruptBanner()->text()));
    }
};

QTEST_MAIN(TestCachePass)
#include "tst_cachepass.moc"
