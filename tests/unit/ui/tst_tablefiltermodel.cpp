#include "common/tablefiltermodel.h"
#include "snapshotbuilder.h"
#include "tables/basecachemodel.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace cowherd;
using cowherd::ui::BaseCacheModel;
using cowherd::ui::TableFilterModel;

namespace {
constexpr qint64 KiB = 1024;
constexpr qint64 MiB = 1024 * KiB;
constexpr qint64 GiB = 1024 * MiB;

QStringList columnTexts(const QAbstractItemModel &model, int column)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out.append(model.index(row, column).data().toString());
    return out;
}
} // namespace

class TestTableFilterModel : public QObject
{
    Q_OBJECT

private:
    BaseCacheModel m_source;

private Q_SLOTS:
    void initTestCase()
    {
        m_source.setSnapshot(test::makeSnapshot({
            test::makeBase(QStringLiteral("aaaa"), cache::BaseKind::Original, 10 * GiB, 900 * KiB, 50),
            test::makeBase(QStringLiteral("aaaa_20"), cache::BaseKind::Resized, 20 * GiB, 2 * MiB, 5000),
            test::makeBase(QStringLiteral("swap_512"), cache::BaseKind::Swap, 512 * MiB, 10 * GiB, 500000),
        }));
    }

    void sortsSizesByBytesNotText()
    {
        TableFilterModel proxy(BaseCacheModel::SortRole, {BaseCacheModel::Name});
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&m_source);
        proxy.sort(BaseCacheModel::AllocatedSize, Qt::AscendingOrder);
        // As text, "10.0 GiB" < "2.0 MiB" < "900.0 KiB"; as bytes the order is the reverse.
        QCOMPARE(columnTexts(proxy, BaseCacheModel::Name),
            (QStringList{QStringLiteral("aaaa"), QStringLiteral("aaaa_20"), QStringLiteral("swap_512")}));
        proxy.sort(BaseCacheModel::Age, Qt::DescendingOrder);
        QCOMPARE(columnTexts(proxy, BaseCacheModel::Name),
            (QStringList{QStringLiteral("swap_512"), QStringLiteral("aaaa_20"), QStringLiteral("aaaa")}));
    }

    void filtersOnChosenColumnsOnly()
    {
        TableFilterModel proxy(
            BaseCacheModel::SortRole, {BaseCacheModel::Name, BaseCacheModel::Kind, BaseCacheModel::Format});
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&m_source);
        proxy.sort(BaseCacheModel::Name);

        proxy.setFilterText(QStringLiteral("RESIZED"));
        QCOMPARE(columnTexts(proxy, BaseCacheModel::Name), QStringList{QStringLiteral("aaaa_20")});
        proxy.setFilterText(QStringLiteral("aaaa"));
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setFilterText(QStringLiteral(" raw "));
        QCOMPARE(proxy.rowCount(), 3);
        // Sizes are not a filter column.
        proxy.setFilterText(QStringLiteral("GiB"));
        QCOMPARE(proxy.rowCount(), 0);
        proxy.setFilterText(QString());
        QCOMPARE(proxy.rowCount(), 3);
    }

    // The proxy keeps prepared sort keys while the source changes under it; after every change
    // its order must equal a fresh sort of the same rows. Names share their first eight
    // characters, differ in case, or are not ASCII, so every kind of key is compared.
    void keepsItsOrderWhileTheSourceChanges_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("order");
        QTest::addColumn<bool>("worker"); // the source diffs every snapshot on a worker
        QTest::addRow("name ascending") << int(BaseCacheModel::Name) << int(Qt::AscendingOrder) << false;
        QTest::addRow("name descending") << int(BaseCacheModel::Name) << int(Qt::DescendingOrder) << false;
        QTest::addRow("allocated descending")
            << int(BaseCacheModel::AllocatedSize) << int(Qt::DescendingOrder) << false;
        QTest::addRow("name ascending, worker") << int(BaseCacheModel::Name) << int(Qt::AscendingOrder) << true;
        QTest::addRow("allocated descending, worker")
            << int(BaseCacheModel::AllocatedSize) << int(Qt::DescendingOrder) << true;
    }

    void keepsItsOrderWhileTheSourceChanges()
    {
        QFETCH(int, column);
        QFETCH(int, order);
        QFETCH(bool, worker);
        BaseCacheModel source;
        if (worker)
            source.setAsyncThreshold(0);
        TableFilterModel proxy(BaseCacheModel::SortRole, {BaseCacheModel::Name});
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&source);
        proxy.sort(column, Qt::SortOrder(order));

        QHash<QString, qint64> sizes; // the rows of the snapshot: name -> allocated bytes
        const auto apply = [&] {
            QList<cache::BaseFile> bases;
            for (auto it = sizes.cbegin(); it != sizes.cend(); ++it)
                bases.append(test::makeBase(it.key(), cache::BaseKind::Original, GiB, it.value(), 60));
            QSignalSpy applied(&source, &BaseCacheModel::snapshotApplied);
            source.setSnapshot(test::makeSnapshot(bases));
            QCOMPARE(source.isUpdating(), worker);
            if (worker)
                QVERIFY(applied.wait());
            QCOMPARE(applied.count(), 1);
        };
        const auto expected = [&] {
            QStringList names = sizes.keys();
            std::sort(names.begin(), names.end(), [&](const QString &a, const QString &b) {
                if (column == BaseCacheModel::AllocatedSize && sizes[a] != sizes[b])
                    return sizes[a] < sizes[b];
                if (column == BaseCacheModel::AllocatedSize)
                    return false;
                const bool asciiA = std::all_of(a.cbegin(), a.cend(), [](QChar c) { return c.unicode() < 128; });
                const bool asciiB = std::all_of(b.cbegin(), b.cend(), [](QChar c) { return c.unicode() < 128; });
                if (asciiA != asciiB)
                    return asciiB; // collation keys (not ASCII) come before plain text
                return a.toLower() < b.toLower();
            });
            if (order == Qt::DescendingOrder)
                std::reverse(names.begin(), names.end());
            return names;
        };
        const auto check = [&] {
            const QStringList shown = columnTexts(proxy, BaseCacheModel::Name);
            if (column == BaseCacheModel::AllocatedSize) {
                // Equal sizes may come in any order; the sizes must not.
                QList<qint64> shownSizes, wantedSizes;
                for (const QString &name : shown)
                    shownSizes.append(sizes.value(name));
                for (const QString &name : expected())
                    wantedSizes.append(sizes.value(name));
                QCOMPARE(shownSizes, wantedSizes);
                QCOMPARE(QSet<QString>(shown.cbegin(), shown.cend()), QSet<QString>(sizes.keyBegin(), sizes.keyEnd()));
            } else {
                QCOMPARE(shown, expected());
            }
        };

        // A first load, then inserts, removals and changes in every combination.
        for (int i = 0; i < 40; ++i)
            sizes.insert(QStringLiteral("instance-%1").arg((i * 37) % 101), (i * 7919) % 13 * MiB);
        sizes.insert(QStringLiteral("INSTANCE-500"), 3 * MiB);
        sizes.insert(QStringLiteral("Übung"), 1 * MiB);
        sizes.insert(QStringLiteral("abc"), 1 * MiB);
        apply();
        check();
        if (QTest::currentTestFailed())
            return;

        for (int round = 0; round < 6; ++round) {
            int n = 0;
            for (auto it = sizes.begin(); it != sizes.end();) {
                if (++n % 5 == round % 5)
                    it = sizes.erase(it);
                else {
                    if (n % 3 == round % 3)
                        it.value() = (it.value() + 5 * MiB) % (17 * MiB);
                    ++it;
                }
            }
            for (int i = 0; i < 7; ++i)
                sizes.insert(QStringLiteral("instance-new-%1-%2").arg(round).arg(i), (round * 7 + i) % 11 * MiB);
            apply();
            check();
            if (QTest::currentTestFailed())
                return;
        }

        // Another sort column and back: the keys follow.
        proxy.sort(BaseCacheModel::Age, Qt::AscendingOrder);
        proxy.sort(column, Qt::SortOrder(order));
        check();
        source.clear();
        QCOMPARE(proxy.rowCount(), 0);
    }
    // The selection and the current row follow their key through a rescan diffed on a worker,
    // while the row moves in the sorted proxy and rows around it come and go.
    void selectionSurvivesAWorkerRescan()
    {
        BaseCacheModel source;
        source.setAsyncThreshold(0);
        TableFilterModel proxy(BaseCacheModel::SortRole, {BaseCacheModel::Name});
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&source);
        proxy.sort(BaseCacheModel::AllocatedSize, Qt::AscendingOrder);
        QItemSelectionModel selection(&proxy);
        QSignalSpy applied(&source, &BaseCacheModel::snapshotApplied);

        QList<cache::BaseFile> bases;
        for (int i = 0; i < 10; ++i)
            bases.append(
                test::makeBase(QStringLiteral("base-%1").arg(i), cache::BaseKind::Original, GiB, (i + 1) * MiB, 60));
        source.setSnapshot(test::makeSnapshot(bases));
        QVERIFY(applied.wait());
        const QString chosen = QStringLiteral("base-3");
        const auto rowOf = [&](const QString &name) {
            for (int row = 0; row < proxy.rowCount(); ++row)
                if (proxy.index(row, BaseCacheModel::Name).data().toString() == name)
                    return row;
            return -1;
        };
        selection.setCurrentIndex(
            proxy.index(rowOf(chosen), 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QCOMPARE(rowOf(chosen), 3);

        bases[3].allocatedSize = 100 * MiB; // the chosen row moves to the end
        bases.removeAt(5);
        bases.removeAt(0);
        bases.append(test::makeBase(QStringLiteral("base-new"), cache::BaseKind::Original, GiB, 0, 60));
        source.setSnapshot(test::makeSnapshot(bases));
        QVERIFY(applied.wait());
        QCOMPARE(proxy.rowCount(), 9);
        QCOMPARE(rowOf(chosen), 8);
        QCOMPARE(rowOf(QStringLiteral("base-new")), 0);
        QCOMPARE(selection.currentIndex().row(), 8);
        QCOMPARE(selection.currentIndex().data(BaseCacheModel::NameRole).toString(), chosen);
        QCOMPARE(selection.selectedRows().size(), 1);
        QCOMPARE(selection.selectedRows().first().data(BaseCacheModel::NameRole).toString(), chosen);
    }
    // Many scattered removals are gathered behind the survivors in one layout change, then
    // removed at once: the sorted order, the selection and the other rows' data survive.
    void manyScatteredRemovalsKeepOrderAndSelection()
    {
        BaseCacheModel source;
        QAbstractItemModelTester sourceTester(&source, QAbstractItemModelTester::FailureReportingMode::QtTest);
        TableFilterModel proxy(BaseCacheModel::SortRole, {BaseCacheModel::Name});
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&source);
        proxy.sort(BaseCacheModel::AllocatedSize, Qt::DescendingOrder);
        QItemSelectionModel selection(&proxy);

        QList<cache::BaseFile> bases;
        for (int i = 0; i < 300; ++i)
            bases.append(test::makeBase(QStringLiteral("base-%1").arg(i, 3, 10, QChar(u'0')), cache::BaseKind::Original,
                GiB, (i % 50) * MiB, 60));
        source.setSnapshot(test::makeSnapshot(bases));
        const QString chosen = QStringLiteral("base-100");
        const QModelIndex chosenIndex = proxy.mapFromSource(source.indexOf(chosen));
        selection.setCurrentIndex(chosenIndex, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        const QPersistentModelIndex kept = source.indexOf(QStringLiteral("base-298"), BaseCacheModel::AllocatedSize);

        QSignalSpy layout(&source, &QAbstractItemModel::layoutChanged);
        QSignalSpy removed(&source, &QAbstractItemModel::rowsRemoved);
        QList<cache::BaseFile> next;
        for (int i = 0; i < bases.size(); ++i)
            if (i % 3 != 2) // 100 runs of one row
                next.append(bases[i]);
        next[0].allocatedSize = 999 * MiB; // changed too: base-000 goes to the top
        source.setSnapshot(test::makeSnapshot(next));
        QCOMPARE(layout.count(), 1);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(source.rowCount(), 200);
        for (int row = 0; row < source.rowCount(); ++row)
            QCOMPARE(source.index(row, BaseCacheModel::Name).data().toString(), next[row].name);
        QCOMPARE(proxy.index(0, BaseCacheModel::Name).data().toString(), QStringLiteral("base-000"));
        for (int row = 1; row < proxy.rowCount(); ++row)
            QVERIFY(proxy.index(row - 1, BaseCacheModel::AllocatedSize).data(BaseCacheModel::SortRole).toLongLong()
                >= proxy.index(row, BaseCacheModel::AllocatedSize).data(BaseCacheModel::SortRole).toLongLong());
        QVERIFY(kept.isValid());
        QCOMPARE(kept.row(), 199);
        QCOMPARE(kept.data(BaseCacheModel::SortRole).toLongLong(), 48 * MiB);
        QCOMPARE(selection.currentIndex().data(BaseCacheModel::NameRole).toString(), chosen);
        QCOMPARE(selection.selectedRows().size(), 1);
        QCOMPARE(selection.selectedRows().first().data(BaseCacheModel::NameRole).toString(), chosen);
    }
};

QTEST_MAIN(TestTableFilterModel)
#include "tst_tablefiltermodel.moc"
