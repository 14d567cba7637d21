#include "snapshotbuilder.h"
#include "tables/basecachemodel.h"

#include <QAbstractItemModelTester>
#include <QIcon>
#include <QSignalSpy>
#include <QTest>

using namespace cowherd;
using cowherd::test::makeBase;
using cowherd::test::makeSnapshot;
using cowherd::ui::BaseCacheModel;

namespace {
constexpr qint64 MiB = 1024 * 1024;
constexpr qint64 GiB = 1024 * MiB;
const QString A = QStringLiteral("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
const QString B = QStringLiteral("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
const QString C = QStringLiteral("cccccccccccccccccccccccccccccccccccccccc");
const QString D = QStringLiteral("swap_512");
} // namespace

class TestBaseCacheModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsOneRowPerBaseFile()
    {
        BaseCacheModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(makeSnapshot({
            makeBase(A, cache::BaseKind::Original, 10 * GiB, 300 * MiB, 2 * 86400,
                {QStringLiteral("u1"), QStringLiteral("u2")}),
            makeBase(A + QStringLiteral("_20"), cache::BaseKind::Resized, 20 * GiB, 301 * MiB, 3 * 3600),
        }));

        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(BaseCacheModel::ColumnCount));
        const QModelIndex name = model.indexOf(A);
        QVERIFY(name.isValid());
        const int row = name.row();
        QCOMPARE(model.index(row, BaseCacheModel::Name).data().toString(), A);
        QCOMPARE(model.index(row, BaseCacheModel::Kind).data().toString(), QStringLiteral("original"));
        QCOMPARE(model.index(row, BaseCacheModel::Format).data().toString(), QStringLiteral("raw"));
        QCOMPARE(
            model.index(row, BaseCacheModel::VirtualSize).data().toString(), QLocale().formattedDataSize(10 * GiB, 1));
        QCOMPARE(model.index(row, BaseCacheModel::VirtualSize).data(BaseCacheModel::SortRole).toLongLong(), 10 * GiB);
        QCOMPARE(
            model.index(row, BaseCacheModel::AllocatedSize).data(BaseCacheModel::SortRole).toLongLong(), 300 * MiB);
        QCOMPARE(model.index(row, BaseCacheModel::Age).data(BaseCacheModel::SortRole).toLongLong(), 2 * 86400);
        QCOMPARE(model.index(row, BaseCacheModel::Age).data().toString(), QStringLiteral("2 d"));
        QCOMPARE(model.index(row, BaseCacheModel::References).data().toInt(), 2);
        QCOMPARE(model.index(row, BaseCacheModel::Name).data(BaseCacheModel::NameRole).toString(), A);
        QCOMPARE(model.baseAt(row)->name, A);
        QCOMPARE(model.baseAt(5), nullptr);

        const QModelIndex resized = model.indexOf(A + QStringLiteral("_20"));
        QCOMPARE(model.index(resized.row(), BaseCacheModel::Kind).data().toString(), QStringLiteral("resized"));
        QCOMPARE(model.index(resized.row(), BaseCacheModel::Age).data().toString(), QStringLiteral("3 h"));
        QCOMPARE(
            model.headerData(BaseCacheModel::VirtualSize, Qt::Horizontal).toString(), QStringLiteral("Virtual size"));
    }

    void warnsAboutFilesWithProblems()
    {
        BaseCacheModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto broken = makeBase(B, cache::BaseKind::Original, GiB, GiB, 60);
        broken.problems.append(
            {QStringLiteral("checksum-mismatch"), QStringLiteral("The checksum does not match the recorded one")});
        broken.problems.append(
            {QStringLiteral("truncated"), QStringLiteral("The file is shorter than its header says")});
        model.setSnapshot(makeSnapshot({makeBase(A, cache::BaseKind::Original, GiB, GiB, 60), broken}));

        const QModelIndex good = model.indexOf(A);
        const QModelIndex bad = model.indexOf(B);
        QVERIFY(good.data(Qt::DecorationRole).isNull());
        QVERIFY(!good.data(BaseCacheModel::HasProblemsRole).toBool());
        QVERIFY(bad.data(BaseCacheModel::HasProblemsRole).toBool());
        const auto icon = bad.data(Qt::DecorationRole).value<QIcon>();
        QVERIFY(!icon.isNull());
        const QString tip = bad.data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QStringLiteral("The checksum does not match")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("shorter than its header")), qPrintable(tip));
    }

    void updatesByDiff()
    {
        BaseCacheModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(makeSnapshot({
            makeBase(A, cache::BaseKind::Original, GiB, GiB, 60),
            makeBase(B, cache::BaseKind::Original, GiB, GiB, 60, {QStringLiteral("u1")}),
            makeBase(C, cache::BaseKind::Original, GiB, GiB, 60),
        }));
        const QPersistentModelIndex keptB = model.indexOf(B, BaseCacheModel::References);
        const QPersistentModelIndex keptC = model.indexOf(C);

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        // A vanished, B lost its reference, C is unchanged, D is new.
        model.setSnapshot(makeSnapshot({
            makeBase(C, cache::BaseKind::Original, GiB, GiB, 60),
            makeBase(B, cache::BaseKind::Original, GiB, GiB, 60),
            makeBase(D, cache::BaseKind::Swap, 512 * MiB, 512 * MiB, 60),
        }));

        QCOMPARE(reset.count(), 0);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(changed.count(), 1);
        const auto changedRow = changed.first().at(0).value<QModelIndex>().row();
        QCOMPARE(changedRow, keptB.row());
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(!model.indexOf(A).isValid());
        QVERIFY(keptB.isValid());
        QVERIFY(keptC.isValid());
        QCOMPARE(keptC.data().toString(), C);
        QCOMPARE(keptB.data().toInt(), 0);
        QCOMPARE(model.index(model.indexOf(D).row(), BaseCacheModel::Kind).data().toString(), QStringLiteral("swap"));

        // The same snapshot again changes nothing.
        changed.clear();
        model.setSnapshot(makeSnapshot({
            makeBase(C, cache::BaseKind::Original, GiB, GiB, 60),
            makeBase(B, cache::BaseKind::Original, GiB, GiB, 60),
            makeBase(D, cache::BaseKind::Swap, 512 * MiB, 512 * MiB, 60),
        }));
        QCOMPARE(changed.count(), 0);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(inserted.count(), 1);
    }

    void agesMoveWithTheSnapshotTime()
    {
        BaseCacheModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto snapshot = makeSnapshot({makeBase(A, cache::BaseKind::Original, GiB, GiB, 60)});
        model.setSnapshot(snapshot);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        snapshot.takenAt = snapshot.takenAt.addSecs(3600);
        model.setSnapshot(snapshot);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.index(0, BaseCacheModel::Age).data(BaseCacheModel::SortRole).toLongLong(), 3660);
    }

    void announcesChangedRowsInRuns()
    {
        BaseCacheModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<cache::BaseFile> bases;
        for (int i = 0; i < 6; ++i)
            bases.append(makeBase(QStringLiteral("base-%1").arg(i), cache::BaseKind::Original, GiB, GiB, 60));
        model.setSnapshot(makeSnapshot(bases));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        // Rows 0, 1, 2 and 4 change: two runs, announced once each, over every column.
        for (const int i : {0, 1, 2, 4})
            bases[i].allocatedSize = 2 * GiB;
        model.setSnapshot(makeSnapshot(bases));
        QCOMPARE(changed.count(), 2);
        const auto range = [&changed](int signal) {
            return std::pair(
                changed.at(signal).at(0).value<QModelIndex>(), changed.at(signal).at(1).value<QModelIndex>());
        };
        QCOMPARE(range(0).first.row(), 0);
        QCOMPARE(range(0).second.row(), 2);
        QCOMPARE(range(0).first.column(), 0);
        QCOMPARE(range(0).second.column(), BaseCacheModel::ColumnCount - 1);
        QCOMPARE(range(1).first.row(), 4);
        QCOMPARE(range(1).second.row(), 4);
        for (int row = 0; row < model.rowCount(); ++row) {
            const qint64 expected = (row == 3 || row == 5) ? GiB : 2 * GiB;
            QCOMPARE(
                model.index(row, BaseCacheModel::AllocatedSize).data(BaseCacheModel::SortRole).toLongLong(), expected);
        }

        // A change in the last row closes its run at the end.
        changed.clear();
        bases[5].allocatedSize = 3 * GiB;
        model.setSnapshot(makeSnapshot(bases));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(range(0).first.row(), 5);
        QCOMPARE(range(0).second.row(), 5);
    }

    void firstLoadKeepsTheLastRowOfARepeatedName()
    {
        BaseCacheModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.setSnapshot(makeSnapshot({
            makeBase(A, cache::BaseKind::Original, GiB, GiB, 60),
            makeBase(B, cache::BaseKind::Original, GiB, GiB, 60),
            makeBase(A, cache::BaseKind::Original, GiB, 2 * GiB, 60),
            makeBase(C, cache::BaseKind::Original, GiB, GiB, 60),
        }));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, BaseCacheModel::Name).data().toString(), B);
        QCOMPARE(model.index(1, BaseCacheModel::Name).data().toString(), A);
        QCOMPARE(model.index(1, BaseCacheModel::AllocatedSize).data(BaseCacheModel::SortRole).toLongLong(), 2 * GiB);
        QCOMPARE(model.index(2, BaseCacheModel::Name).data().toString(), C);
    }

    void clearRemovesEveryRow()
    {
        BaseCacheModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(makeSnapshot({makeBase(A, cache::BaseKind::Original, GiB, GiB, 60),
            makeBase(C, cache::BaseKind::Original, GiB, GiB, 60)}));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }
    // Big snapshots are made into rows and diffed on a worker (a threshold of 0 makes any
    // snapshot big): the model keeps its rows until the diff is applied, then says so.
    void aWorkerDiffIsAppliedLater()
    {
        BaseCacheModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setAsyncThreshold(0);
        QSignalSpy applied(&model, &BaseCacheModel::snapshotApplied);
        auto snapshot = makeSnapshot(
            {makeBase(A, cache::BaseKind::Original, GiB, GiB, 60), makeBase(B, cache::BaseKind::Original, GiB, GiB, 60),
                makeBase(C, cache::BaseKind::Original, GiB, GiB, 60)});
        model.setSnapshot(snapshot);
        QVERIFY(model.isUpdating());
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(applied.wait());
        QVERIFY(!model.isUpdating());
        QCOMPARE(model.rowCount(), 3);

        // A rescan: B grew, C went, D came. Rows change only when the diff is applied.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        snapshot.bases[1].allocatedSize = 2 * GiB;
        snapshot.bases[2] = makeBase(D, cache::BaseKind::Swap, GiB, GiB, 60);
        model.setSnapshot(snapshot);
        QVERIFY(model.isUpdating());
        QCOMPARE(model.indexOf(C).isValid(), true);
        QVERIFY(applied.wait());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(!model.indexOf(C).isValid());
        QCOMPARE(model.indexOf(B, BaseCacheModel::AllocatedSize).data(BaseCacheModel::SortRole).toLongLong(), 2 * GiB);
        QCOMPARE(model.index(2, BaseCacheModel::Name).data().toString(), D);
    }

    // Snapshots that come while a worker diffs: only the latest is applied, and a diff made
    // before clear() never reaches the rows.
    void onlyTheLatestSnapshotIsApplied()
    {
        BaseCacheModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setAsyncThreshold(0);
        QSignalSpy applied(&model, &BaseCacheModel::snapshotApplied);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.setSnapshot(makeSnapshot({makeBase(A, cache::BaseKind::Original, GiB, GiB, 60)}));
        model.setSnapshot(makeSnapshot({makeBase(B, cache::BaseKind::Original, GiB, GiB, 60)}));
        model.setSnapshot(makeSnapshot({makeBase(C, cache::BaseKind::Original, GiB, GiB, 60)}));
        QVERIFY(applied.wait());
        QCOMPARE(applied.count(), 1);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, BaseCacheModel::Name).data().toString(), C);

        applied.clear();
        inserted.clear();
        model.setSnapshot(makeSnapshot({makeBase(A, cache::BaseKind::Original, GiB, GiB, 60)}));
        model.clear(); // at once: its rows are gone and the worker's diff is stale
        QCOMPARE(applied.count(), 1);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.isUpdating());
        model.setSnapshot(makeSnapshot({makeBase(D, cache::BaseKind::Swap, GiB, GiB, 60)}));
        QVERIFY(applied.wait());
        QCOMPARE(applied.count(), 2);
        QCOMPARE(inserted.count(), 1); // D only; A never came in
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, BaseCacheModel::Name).data().toString(), D);
    }

    // A small snapshot is applied at once even while a big one is diffed; the big one's diff,
    // computed from rows that are gone, is dropped.
    void aSmallSnapshotOvertakesAWorker()
    {
        BaseCacheModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setAsyncThreshold(3);
        QList<cache::BaseFile> big;
        for (int i = 0; i < 4; ++i)
            big.append(makeBase(QStringLiteral("base-%1").arg(i), cache::BaseKind::Original, GiB, GiB, 60));
        QSignalSpy applied(&model, &BaseCacheModel::snapshotApplied);
        model.setSnapshot(makeSnapshot(big));
        QVERIFY(model.isUpdating());
        model.setSnapshot(makeSnapshot({makeBase(A, cache::BaseKind::Original, GiB, GiB, 60)}));
        QVERIFY(!model.isUpdating());
        QCOMPARE(applied.count(), 1);
        QCOMPARE(model.rowCount(), 1);
        // The next big snapshot waits for the stale worker, then is diffed against A's row.
        big.append(makeBase(A, cache::BaseKind::Original, GiB, 2 * GiB, 60));
        model.setSnapshot(makeSnapshot(big));
        QVERIFY(applied.wait());
        QCOMPARE(applied.count(), 2);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.index(0, BaseCacheModel::Name).data().toString(), A);
        QCOMPARE(model.index(0, BaseCacheModel::AllocatedSize).data(BaseCacheModel::SortRole).toLongLong(), 2 * GiB);
    }
};

QTEST_MAIN(TestBaseCacheModel)
#include "tst_basecachemodel.moc"
