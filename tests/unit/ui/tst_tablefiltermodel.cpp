#include "basecachemodel.h"
#include "snapshotbuilder.h"
#include "tablefiltermodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace cowherd;
using cowherd::ui::BaseCacheModel;
using cowherd::ui::TableFilterModel;

namespace {
constexpr qint64 KiB = 1024;
constexpr qint64 MiB = 1024 * KiB;
constexpr qint64 GiB = 1024 * MiB;

QStringList column(const QAbstractItemModel &model, int column)
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
        QCOMPARE(column(proxy, BaseCacheModel::Name), (QStringList{QStringLiteral("aaaa"), QStringLiteral("aaaa_20"), QStringLiteral("swap_512")}));
        proxy.sort(BaseCacheModel::Age, Qt::DescendingOrder);
        QCOMPARE(column(proxy, BaseCacheModel::Name), (QStringList{QStringLiteral("swap_512"), QStringLiteral("aaaa_20"), QStringLiteral("aaaa")}));
    }

    void filtersOnChosenColumnsOnly()
    {
        TableFilterModel proxy(BaseCacheModel::SortRole, {BaseCacheModel::Name, BaseCacheModel::Kind, BaseCacheModel::Format});
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&m_source);
        proxy.sort(BaseCacheModel::Name);

        proxy.setFilterText(QStringLiteral("RESIZED"));
        QCOMPARE(column(proxy, BaseCacheModel::Name), QStringList{QStringLiteral("aaaa_20")});
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
};

QTEST_MAIN(TestTableFilterModel)
#include "tst_tablefiltermodel.moc"
