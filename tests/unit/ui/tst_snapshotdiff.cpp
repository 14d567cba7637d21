#include "tables/snapshotdiff.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using cowherd::ui::diffRows;
using cowherd::ui::RowDiff;

namespace {

struct Row
{
    QString key;
    int value = 0;
    bool operator==(const Row &) const = default;
};

using Rows = QList<Row>;
using Diff = RowDiff<Row>;

Diff diff(const Rows &rows, const Rows &next)
{
    return diffRows(
        rows, next, [](const Row &r) { return r.key; }, [](const Row &a, const Row &b) { return a.value == b.value; });
}

// What a model does with a diff, on a plain list, checking every index it is given.
Rows apply(Rows rows, Diff d)
{
    qsizetype previousFirst = rows.size();
    for (const auto &run : std::as_const(d.removed)) {
        if (run.first > run.last || run.last >= previousFirst)
            qFatal("removed run %lld..%lld out of order", qlonglong(run.first), qlonglong(run.last));
        previousFirst = run.first;
        rows.remove(run.first, run.last - run.first + 1);
    }
    qsizetype previousEnd = 0;
    for (const auto &run : std::as_const(d.changed)) {
        // Runs are maximal: two runs never touch.
        if (run.rows.isEmpty() || run.first < previousEnd || (previousEnd > 0 && run.first == previousEnd)
            || run.first + run.rows.size() > rows.size())
            qFatal("changed run at %lld out of order", qlonglong(run.first));
        for (qsizetype i = 0; i < run.rows.size(); ++i)
            rows[run.first + i] = run.rows[i];
        previousEnd = run.first + run.rows.size();
    }
    rows.append(d.added);
    return rows;
}

QStringList keys(const Rows &rows)
{
    QStringList out;
    for (const auto &row : rows)
        out.append(row.key);
    return out;
}

} // namespace

class TestSnapshotDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstLoadAddsEveryRowAndKeepsTheLastOfARepeatedKey()
    {
        const Diff d = diff({}, {{u"a"_s, 1}, {u"b"_s, 1}, {u"a"_s, 2}, {u"c"_s, 1}});
        QVERIFY(d.removed.isEmpty());
        QVERIFY(d.changed.isEmpty());
        QCOMPARE(d.added, (Rows{{u"b"_s, 1}, {u"a"_s, 2}, {u"c"_s, 1}}));
    }

    void unchangedRowsGiveAnEmptyDiff()
    {
        const Rows rows{{u"a"_s, 1}, {u"b"_s, 2}, {u"c"_s, 3}};
        QVERIFY(diff(rows, rows).isEmpty());
        // Order of next does not matter for rows that stay.
        QVERIFY(diff(rows, {{u"c"_s, 3}, {u"a"_s, 1}, {u"b"_s, 2}}).isEmpty());
    }

    void removalsComeInRunsLastRunFirst()
    {
        const Rows rows{{u"a"_s, 1}, {u"b"_s, 1}, {u"c"_s, 1}, {u"d"_s, 1}, {u"e"_s, 1}, {u"f"_s, 1}};
        const Diff d = diff(rows, {{u"a"_s, 1}, {u"d"_s, 1}});
        QCOMPARE(d.removed.size(), 2);
        QCOMPARE(d.removed[0].first, 4);
        QCOMPARE(d.removed[0].last, 5);
        QCOMPARE(d.removed[1].first, 1);
        QCOMPARE(d.removed[1].last, 2);
        QVERIFY(d.changed.isEmpty());
        QVERIFY(d.added.isEmpty());
    }

    void changedRowsAreNumberedAfterTheRemovals()
    {
        // b goes; a and c become neighbours and change: one run. e changes alone.
        const Rows rows{{u"a"_s, 1}, {u"b"_s, 1}, {u"c"_s, 1}, {u"d"_s, 1}, {u"e"_s, 1}};
        const Diff d = diff(rows, {{u"a"_s, 2}, {u"c"_s, 2}, {u"d"_s, 1}, {u"e"_s, 3}});
        QCOMPARE(d.changed.size(), 2);
        QCOMPARE(d.changed[0].first, 0);
        QCOMPARE(d.changed[0].rows, (Rows{{u"a"_s, 2}, {u"c"_s, 2}}));
        QCOMPARE(d.changed[1].first, 3);
        QCOMPARE(d.changed[1].rows, (Rows{{u"e"_s, 3}}));
    }

    void newKeysAreAddedInTheOrderOfNext()
    {
        const Diff d = diff({{u"a"_s, 1}}, {{u"x"_s, 1}, {u"a"_s, 1}, {u"y"_s, 1}, {u"x"_s, 2}});
        QVERIFY(d.removed.isEmpty());
        QVERIFY(d.changed.isEmpty());
        QCOMPARE(d.added, (Rows{{u"y"_s, 1}, {u"x"_s, 2}})); // x's last row, where it last appears
    }

    // Random rescans: applied to the rows, every diff gives the survivors in their order, with
    // next's values, then the new keys in next's order.
    void applyingADiffGivesTheNextRows()
    {
        QRandomGenerator random(4711);
        Rows rows;
        for (int round = 0; round < 200; ++round) {
            Rows next;
            for (const auto &row : std::as_const(rows)) {
                if (random.bounded(6) == 0)
                    continue; // removed
                next.append({row.key, random.bounded(4) == 0 ? row.value + 1 : row.value});
            }
            for (int i = 0, added = random.bounded(8); i < added; ++i)
                next.insert(random.bounded(next.size() + 1), {QStringLiteral("k%1-%2").arg(round).arg(i), 0});
            std::shuffle(next.begin(), next.end(), random);

            Rows expected;
            for (const auto &row : std::as_const(rows))
                for (const auto &candidate : std::as_const(next))
                    if (candidate.key == row.key)
                        expected.append(candidate);
            for (const auto &candidate : std::as_const(next))
                if (!keys(rows).contains(candidate.key))
                    expected.append(candidate);

            rows = apply(rows, diff(rows, next));
            QCOMPARE(rows, expected);
        }
        QVERIFY(rows.size() > 10);
    }
};

QTEST_GUILESS_MAIN(TestSnapshotDiff)
#include "tst_snapshotdiff.moc"
