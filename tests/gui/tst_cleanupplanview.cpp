// The cleanup plan widget: model under QAbstractItemModelTester, banner when blocked.
#include "cachepass/cleanupplanmodel.h"
#include "cachepass/cleanupplanview.h"

#include <QAbstractItemModelTester>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cowherd;
using namespace cowherd::ui;

namespace {

cache::CleanupPlan plan(bool blocked)
{
    cache::CleanupPlan p;
    p.blocked = blocked;
    p.blockedReason = blocked ? u"blocked: lab2 unreachable (no route)"_s : QString();
    cache::PlannedAction a;
    a.name = u"aaa"_s;
    a.action = cache::PlannedAction::Action::Touch;
    a.reason = u"used by 1 instance on lab1"_s;
    a.bytes = 10;
    cache::PlannedAction b;
    b.name = u"bbb"_s;
    b.action = blocked ? cache::PlannedAction::Action::Keep : cache::PlannedAction::Action::Remove;
    b.reason = u"unused for 3 d (minimum 24 h)"_s;
    b.bytes = 2048;
    p.actions = {a, b};
    p.touchCount = 1;
    (blocked ? p.keepCount : p.removeCount) = 1;
    p.reclaimableBytes = blocked ? 0 : 2048;
    return p;
}

} // namespace

class TestCleanupPlanView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void modelRowsAndUpdates()
    {
        CleanupPlanModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPlan(plan(false));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(1, CleanupPlanModel::Action).data().toString(), u"remove"_s);
        QCOMPARE(model.index(1, CleanupPlanModel::Size).data(CleanupPlanModel::SortRole).toLongLong(), 2048);
        QCOMPARE(model.index(0, CleanupPlanModel::Reason).data().toString(), u"used by 1 instance on lab1"_s);

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setPlan(plan(true)); // same files: updated in place
        QCOMPARE(reset.size(), 0);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.index(1, CleanupPlanModel::Action).data().toString(), u"keep"_s);
        model.setPlan({});
        QCOMPARE(model.rowCount(), 0);
    }

    void bannerAndSummary()
    {
        CleanupPlanView view;
        view.setPlan(plan(true), false);
        QVERIFY(view.bannerText().contains(u"lab2 unreachable"_s));
        QVERIFY(view.summaryText().startsWith(u"Would remove 0 files"_s));
        view.setPlan(plan(false), true);
        QVERIFY(view.bannerText().isEmpty());
        QVERIFY(view.summaryText().startsWith(u"Removed 1 files"_s));

        QSignalSpy run(&view, &CleanupPlanView::runRequested);
        QSignalSpy dry(&view, &CleanupPlanView::dryRunRequested);
        const auto buttons = view.findChildren<QPushButton *>();
        QCOMPARE(buttons.size(), 2);
        for (QPushButton *b : buttons)
            QTest::mouseClick(b, Qt::LeftButton);
        QCOMPARE(run.size(), 1);
        QCOMPARE(dry.size(), 1);
        view.setBusy(true);
        QVERIFY(!buttons.first()->isEnabled());
    }
};

QTEST_MAIN(TestCleanupPlanView)
#include "tst_cleanupplanview.moc"
