#include "snapshotbuilder.h"
#include "tables/instancemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace cowherd;
using cowherd::test::makeBase;
using cowherd::test::makeInstance;
using cowherd::test::makeSnapshot;
using cowherd::ui::InstanceModel;

namespace {
const QString Base1 = QStringLiteral("1111111111111111111111111111111111111111");
const QString Base2 = QStringLiteral("2222222222222222222222222222222222222222_10");
const QString U1 = QStringLiteral("6f1b7c3e-0000-4000-8000-000000000001");
const QString U2 = QStringLiteral("6f1b7c3e-0000-4000-8000-000000000002");
const QString U3 = QStringLiteral("6f1b7c3e-0000-4000-8000-000000000003");

cache::CacheSnapshot lab(const QList<cache::Instance> &instances, const QStringList &base2Users)
{
    QStringList base1Users;
    for (const auto &i : instances)
        base1Users.append(i.uuid);
    return makeSnapshot({makeBase(Base1, cache::BaseKind::Original, 1 << 30, 1 << 30, 10, base1Users),
                            makeBase(Base2, cache::BaseKind::Resized, 1 << 30, 1 << 30, 10, base2Users)},
        instances);
}
} // namespace

class TestInstanceModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsInstancesWithTheirBaseFiles()
    {
        InstanceModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(lab({makeInstance(U1, QStringLiteral("web-1"), {QStringLiteral("/lab/_base/") + Base1}),
                                  makeInstance(U2, QString(),
                                      {QStringLiteral("/lab/_base/") + Base1, QStringLiteral("/lab/_base/") + Base2})},
            {U2}));

        QCOMPARE(model.rowCount(), 2);
        const int r1 = model.indexOf(U1).row();
        const int r2 = model.indexOf(U2).row();
        QCOMPARE(model.index(r1, InstanceModel::Uuid).data().toString(), U1);
        QCOMPARE(model.index(r1, InstanceModel::Name).data().toString(), QStringLiteral("web-1"));
        QCOMPARE(model.index(r1, InstanceModel::State).data().toString(), QStringLiteral("running"));
        QCOMPARE(model.index(r1, InstanceModel::Directory).data().toString(), QStringLiteral("/lab/") + U1);
        QCOMPARE(model.index(r1, InstanceModel::Disks).data().toInt(), 1);
        QCOMPARE(model.index(r1, InstanceModel::BaseFiles).data().toString(), Base1);
        QCOMPARE(model.index(r2, InstanceModel::Name).data().toString(), QStringLiteral("(not defined)"));
        QCOMPARE(model.index(r2, InstanceModel::State).data().toString(), QStringLiteral("undefined"));
        QCOMPARE(model.index(r2, InstanceModel::Disks).data(InstanceModel::SortRole).toInt(), 2);
        QCOMPARE(model.index(r2, 0).data(InstanceModel::BaseFilesRole).toStringList(), (QStringList{Base1, Base2}));
        QCOMPARE(model.index(r2, 0).data(InstanceModel::UuidRole).toString(), U2);
        QCOMPARE(model.instanceAt(r2)->disks.size(), 2);
    }

    void updatesByDiff()
    {
        InstanceModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto i1 = makeInstance(U1, QStringLiteral("web-1"), {QStringLiteral("/lab/_base/") + Base1});
        const auto i2 = makeInstance(U2, QStringLiteral("web-2"), {QStringLiteral("/lab/_base/") + Base1});
        model.setSnapshot(lab({i1, i2}, {}));
        const QPersistentModelIndex kept = model.indexOf(U2, InstanceModel::State);

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        auto stopped = i2;
        stopped.state = QStringLiteral("shutoff");
        model.setSnapshot(
            lab({stopped, makeInstance(U3, QStringLiteral("db-1"), {QStringLiteral("/lab/_base/") + Base1})}, {}));

        QCOMPARE(reset.count(), 0);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(changed.count(), 1);
        QVERIFY(kept.isValid());
        QCOMPARE(kept.data().toString(), QStringLiteral("shutoff"));
        QVERIFY(!model.indexOf(U1).isValid());
        QCOMPARE(model.index(model.indexOf(U3).row(), InstanceModel::Name).data().toString(), QStringLiteral("db-1"));

        // A reference that appears changes the row too: the base files column depends on it.
        changed.clear();
        model.setSnapshot(
            lab({stopped, makeInstance(U3, QStringLiteral("db-1"), {QStringLiteral("/lab/_base/") + Base1})}, {U3}));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), model.indexOf(U3).row());
    }
    // On a worker (a threshold of 0 makes any snapshot big) the base files are joined as well,
    // and a persistent index of a row that stays follows it through the diff.
    void aWorkerDiffJoinsBaseFilesToo()
    {
        InstanceModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setAsyncThreshold(0);
        QSignalSpy applied(&model, &InstanceModel::snapshotApplied);
        const auto i1 = makeInstance(U1, QStringLiteral("web-1"), {QStringLiteral("/lab/_base/") + Base1});
        const auto i2 = makeInstance(U2, QStringLiteral("web-2"), {QStringLiteral("/lab/_base/") + Base1});
        model.setSnapshot(lab({i1, i2}, {}));
        QVERIFY(applied.wait());
        const QPersistentModelIndex kept = model.indexOf(U2, InstanceModel::BaseFiles);
        QCOMPARE(kept.data().toString(), Base1);

        model.setSnapshot(lab({i2}, {U2}));
        QVERIFY(model.isUpdating());
        QVERIFY(applied.wait());
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(kept.isValid());
        QCOMPARE(kept.row(), 0);
        QCOMPARE(kept.data().toString(), Base1 + QStringLiteral(", ") + Base2);
    }
};

QTEST_MAIN(TestInstanceModel)
#include "tst_instancemodel.moc"
