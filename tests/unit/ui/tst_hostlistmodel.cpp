#include "hosts/hostlistmodel.h"
#include "snapshotbuilder.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace cowherd;
using cowherd::ui::HostListModel;
using State = cowherd::ui::HostListModel::ScanState;

namespace {
host::HostConfig hostNamed(const QString &name)
{
    return {name, QStringLiteral("qemu+ssh://root@") + name + QStringLiteral("/system"),
        QStringLiteral("/var/lib/nova/instances")};
}

State stateOf(const HostListModel &model, const QString &name)
{
    return State(model.indexOf(name).data(HostListModel::ScanStateRole).toInt());
}
} // namespace

class TestHostListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void followsScans()
    {
        HostListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setHosts({hostNamed(QStringLiteral("lab1")), hostNamed(QStringLiteral("lab2"))});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(stateOf(model, QStringLiteral("lab1")), State::NotScanned);
        QCOMPARE(model.index(model.indexOf(QStringLiteral("lab2")).row(), HostListModel::Uri).data().toString(),
            QStringLiteral("qemu+ssh://root@lab2/system"));

        model.setScanning(QStringLiteral("lab1"));
        QCOMPARE(stateOf(model, QStringLiteral("lab1")), State::Scanning);
        QVERIFY(model.indexOf(QStringLiteral("lab1"))
                    .data(HostListModel::SummaryRole)
                    .toString()
                    .contains(QStringLiteral("scanning")));

        auto snapshot = test::makeSnapshot({test::makeBase(QStringLiteral("swap_512"), cache::BaseKind::Swap, 1, 1, 1)},
            {test::makeInstance(QStringLiteral("u1"), QStringLiteral("vm"), {}),
                test::makeInstance(QStringLiteral("u2"), QStringLiteral("vm2"), {})});
        model.setScanned(QStringLiteral("lab1"), snapshot);
        const int row = model.indexOf(QStringLiteral("lab1")).row();
        QCOMPARE(stateOf(model, QStringLiteral("lab1")), State::Ok);
        QCOMPARE(model.index(row, HostListModel::BaseFiles).data().toInt(), 1);
        QCOMPARE(model.index(row, HostListModel::Instances).data().toInt(), 2);
        QCOMPARE(model.index(row, HostListModel::State).data().toString(), QStringLiteral("ok"));

        model.setFailed(QStringLiteral("lab2"), QStringLiteral("ssh: connect to host lab2 port 22: No route to host"));
        QCOMPARE(stateOf(model, QStringLiteral("lab2")), State::Error);
        const QString state
            = model.index(model.indexOf(QStringLiteral("lab2")).row(), HostListModel::State).data().toString();
        QVERIFY2(state.contains(QStringLiteral("No route to host")), qPrintable(state));

        // A host-level problem in a snapshot is an error state, with the problem as message.
        snapshot.problems.append(
            {QStringLiteral("instances-path-missing"), QStringLiteral("/var/lib/nova/instances does not exist")});
        model.setScanned(QStringLiteral("lab1"), snapshot);
        QCOMPARE(stateOf(model, QStringLiteral("lab1")), State::Error);
        QVERIFY(model.index(row, HostListModel::State).data().toString().contains(QStringLiteral("does not exist")));
    }

    void setHostsKeepsSurvivorsByDiff()
    {
        HostListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setHosts({hostNamed(QStringLiteral("lab1")), hostNamed(QStringLiteral("lab2"))});
        model.setScanned(QStringLiteral("lab2"), test::makeSnapshot({}));
        const QPersistentModelIndex lab2 = model.indexOf(QStringLiteral("lab2"));

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.setHosts({hostNamed(QStringLiteral("lab2")), hostNamed(QStringLiteral("lab3"))});

        QCOMPARE(reset.count(), 0);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(inserted.count(), 1);
        QVERIFY(lab2.isValid());
        QCOMPARE(State(lab2.data(HostListModel::ScanStateRole).toInt()), State::Ok);
        QVERIFY(!model.indexOf(QStringLiteral("lab1")).isValid());
        QCOMPARE(model.hosts().size(), 2);
        QCOMPARE(model.hostAt(model.indexOf(QStringLiteral("lab3")).row())->name, QStringLiteral("lab3"));
    }

    void showsConnectionStateAndFigures()
    {
        using Conn = host::HostConnection::State;
        HostListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setHosts({hostNamed(QStringLiteral("lab1")), hostNamed(QStringLiteral("lab2"))});
        const int row = model.indexOf(QStringLiteral("lab1")).row();
        auto cell = [&](int column) { return model.index(row, column).data().toString(); };
        QCOMPARE(model.index(row, 0).data(HostListModel::ConnectionStateRole).toInt(), -1);
        QCOMPARE(cell(HostListModel::LastPass), QStringLiteral("none yet"));
        QVERIFY(cell(HostListModel::Reclaimable).isEmpty()); // not planned yet

        model.setScanned(QStringLiteral("lab1"),
            test::makeSnapshot({test::makeBase(QStringLiteral("swap_512"), cache::BaseKind::Swap, 1, 3 << 20, 1),
                test::makeBase(QStringLiteral("swap_1024"), cache::BaseKind::Swap, 1, 1 << 20, 1)}));
        QCOMPARE(cell(HostListModel::CacheSize), QStringLiteral("4.0 MiB"));
        QCOMPARE(model.index(row, HostListModel::CacheSize).data(HostListModel::SortRole).toLongLong(), 4 << 20);
        model.setReclaimable(QStringLiteral("lab1"), 1 << 20, 1);
        QCOMPARE(cell(HostListModel::Reclaimable), QStringLiteral("1.0 MiB"));

        model.setConnectionState(QStringLiteral("lab1"), Conn::Connected, {}, 0);
        QCOMPARE(cell(HostListModel::State), QStringLiteral("connected"));
        QVERIFY(model.index(row, 0).data(HostListModel::MessageRole).toString().isEmpty());

        // A lost connection wins over the scan's "ok", with its attempt and reason.
        const QString why = QStringLiteral("Lost the connection to lab1: the host closed the connection");
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setConnectionState(QStringLiteral("lab1"), Conn::Reconnecting, why, 3);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), row);
        QCOMPARE(cell(HostListModel::State), QStringLiteral("reconnecting (attempt 3)"));
        QCOMPARE(model.index(row, 0).data(HostListModel::MessageRole).toString(), why);
        QVERIFY(
            model.index(row, 0).data(HostListModel::SummaryRole).toString().contains(QStringLiteral("reconnecting")));
        QVERIFY(model.index(row, HostListModel::State).data(Qt::ToolTipRole).toString().contains(why));
        // ... and sorts before the healthy hosts.
        model.setConnectionState(QStringLiteral("lab2"), Conn::Connected, {}, 0);
        QVERIFY(model.index(row, HostListModel::State).data(HostListModel::SortRole).toString()
            < model.index(model.indexOf(QStringLiteral("lab2")).row(), HostListModel::State)
                  .data(HostListModel::SortRole)
                  .toString());

        model.setConnectionState(QStringLiteral("lab1"), Conn::Failed, QStringLiteral("not a libvirt URI"), 0);
        QCOMPARE(cell(HostListModel::State), QStringLiteral("failed: not a libvirt URI"));

        const QDateTime when = test::testNow();
        model.setLastPass(QStringLiteral("lab1"), {when, QStringLiteral("nothing to remove"), false});
        QVERIFY2(cell(HostListModel::LastPass).endsWith(QStringLiteral("nothing to remove")),
            qPrintable(cell(HostListModel::LastPass)));
        QCOMPARE(model.index(row, HostListModel::LastPass).data(HostListModel::SortRole).toDateTime(), when);
    }

    void lastPassFromTheAuditLog()
    {
        const QDateTime t = test::testNow();
        auto entry = [](const QDateTime &time, const QString &host, const QString &action, qint64 bytes = 0) {
            return ui::AuditEntry{time, host, QStringLiteral("/lab/_base/f"), action, QStringLiteral("why"), bytes};
        };
        // Newest first, as readRecentAudit() returns them.
        const QList<ui::AuditEntry> log{
            entry(t, QStringLiteral("lab1"), QStringLiteral("remove"), 1 << 20),
            entry(t.addSecs(-2), QStringLiteral("lab2"), QStringLiteral("blocked")),
            entry(t.addSecs(-5), QStringLiteral("lab1"), QStringLiteral("remove"), 2 << 20),
            entry(t.addSecs(-6), QStringLiteral("lab1"), QStringLiteral("touch")),
            entry(t.addSecs(-7), QStringLiteral("lab1"), QStringLiteral("quarantined")),
            // An older pass of lab1, an hour before: not part of the last one.
            entry(t.addSecs(-3600), QStringLiteral("lab1"), QStringLiteral("remove"), 8 << 20),
            entry(t.addSecs(-60), QStringLiteral("lab3"), QStringLiteral("pin")),
            entry(t.addSecs(-120), QStringLiteral("lab3"), QStringLiteral("keep")),
        };
        const auto passes = ui::LastPasses::fromAudit(log);
        QCOMPARE(passes.value(QStringLiteral("lab1")).time, t);
        QCOMPARE(passes.value(QStringLiteral("lab1")).outcome,
            QStringLiteral(
                "removed 2 file(s) (3.0 MiB); 1 corrupt or unreadable file(s)")); // no translator: the source text
        QVERIFY(passes.value(QStringLiteral("lab1")).failed);
        QCOMPARE(passes.value(QStringLiteral("lab2")).outcome, QStringLiteral("blocked: nothing removed"));
        QCOMPARE(passes.value(QStringLiteral("lab3")).time, t.addSecs(-120));
        QCOMPARE(passes.value(QStringLiteral("lab3")).outcome, QStringLiteral("nothing to remove"));
        QVERIFY(!passes.value(QStringLiteral("lab3")).failed);
        QVERIFY(!passes.contains(QStringLiteral("lab4")));
    }

    void namesTheDemoLab()
    {
        HostListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setHosts({hostNamed(QStringLiteral("demo"))}, true);
        QVERIFY(model.isDemoLab());
        QCOMPARE(model.index(0, HostListModel::Name).data().toString(), QStringLiteral("Local demo lab"));
        QCOMPARE(model.index(0, 0).data(HostListModel::HostNameRole).toString(), QStringLiteral("demo"));
    }
};

QTEST_MAIN(TestHostListModel)
#include "tst_hostlistmodel.moc"
