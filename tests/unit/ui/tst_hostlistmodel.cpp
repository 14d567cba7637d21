#include "hostlistmodel.h"
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
    return {name, QStringLiteral("qemu+ssh://root@") + name + QStringLiteral("/system"), QStringLiteral("/var/lib/nova/instances")};
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
        QVERIFY(model.indexOf(QStringLiteral("lab1")).data(HostListModel::SummaryRole).toString().contains(QStringLiteral("scanning")));

        auto snapshot = test::makeSnapshot({test::makeBase(QStringLiteral("swap_512"), cache::BaseKind::Swap, 1, 1, 1)},
            {test::makeInstance(QStringLiteral("u1"), QStringLiteral("vm"), {}), test::makeInstance(QStringLiteral("u2"), QStringLiteral("vm2"), {})});
        model.setScanned(QStringLiteral("lab1"), snapshot);
        const int row = model.indexOf(QStringLiteral("lab1")).row();
        QCOMPARE(stateOf(model, QStringLiteral("lab1")), State::Ok);
        QCOMPARE(model.index(row, HostListModel::BaseFiles).data().toInt(), 1);
        QCOMPARE(model.index(row, HostListModel::Instances).data().toInt(), 2);
        QCOMPARE(model.index(row, HostListModel::State).data().toString(), QStringLiteral("ok"));

        model.setFailed(QStringLiteral("lab2"), QStringLiteral("ssh: connect to host lab2 port 22: No route to host"));
        QCOMPARE(stateOf(model, QStringLiteral("lab2")), State::Error);
        const QString state = model.index(model.indexOf(QStringLiteral("lab2")).row(), HostListModel::State).data().toString();
        QVERIFY2(state.contains(QStringLiteral("No route to host")), qPrintable(state));

        // A host-level problem in a snapshot is an error state, with the problem as message.
        snapshot.problems.append({QStringLiteral("instances-path-missing"), QStringLiteral("/var/lib/nova/instances does not exist")});
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
