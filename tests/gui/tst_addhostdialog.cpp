#include "hosts/addhostdialog.h"
#include "testlab.h"

#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cowherd;

class TestAddHostDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void buildsUris()
    {
        ui::AddHostDialog dialog;
        dialog.transportBox()->setCurrentIndex(0); // SSH
        QTest::keyClicks(dialog.hostEdit(), u"lab3"_s);
        QTest::keyClicks(dialog.userEdit(), u"root"_s);
        dialog.portBox()->setValue(2222);
        QCOMPARE(dialog.uriEdit()->text(), u"qemu+ssh://root@lab3:2222/system"_s);
        QCOMPARE(dialog.host().name, u"lab3"_s);
        dialog.transportBox()->setCurrentIndex(dialog.transportBox()->findData(u"test"_s));
        QCOMPARE(dialog.uriEdit()->text(), u"test:///default"_s);
        QVERIFY(!dialog.hostEdit()->isEnabled());
        // The raw field wins over the builder.
        dialog.uriEdit()->setText(u"qemu+ssh://cowherd-lab-a/system?keyfile=/k"_s);
        QCOMPARE(dialog.host().uri, u"qemu+ssh://cowherd-lab-a/system?keyfile=/k"_s);
    }

    void testReportsWhatWorks()
    {
        test::TestLab lab;
        ui::AddHostDialog dialog;
        dialog.transportBox()->setCurrentIndex(dialog.transportBox()->findData(u"test"_s));
        dialog.instancesPathEdit()->setText(lab.instancesPath());
        QSignalSpy tested(&dialog, &ui::AddHostDialog::tested);
        QVERIFY(dialog.testButton()->isEnabled());
        dialog.testButton()->click();
        QVERIFY(tested.wait(30000));
        QVERIFY2(tested.first().first().toBool(), qPrintable(dialog.report()->toPlainText()));
        const QString report = dialog.report()->toPlainText();
        QVERIFY(report.contains(u"libvirt"_s));
        QVERIFY(report.contains(u"qemu-img"_s));
        QVERIFY(report.contains(u"write access to _base"_s));
        QVERIFY(!QFile::exists(lab.basePath() + u"/.cowherd-write-test"_s));
    }

    void testReportsFailures()
    {
        const ui::HostCheck check = ui::checkHost({u"x"_s, u"qemu+ssh://-oProxyCommand=evil/system"_s, u"/srv"_s});
        QVERIFY(!check.ok);
        QVERIFY(check.lines.first().contains(u"URI"_s));
    }

    void readOnlyPathFails()
    {
        QTemporaryDir dir;
        const QString blocker = dir.path() + u"/file"_s;
        QVERIFY(test::writeFile(blocker, 10, "x"));
        // An instances path below a regular file can never be created, even by root.
        const ui::HostCheck check = ui::checkHost({u"x"_s, u"test:///default"_s, blocker + u"/instances"_s});
        QVERIFY(!check.ok);
        QVERIFY(check.lines.join(u'\n').contains(u"write access to _base"_s));
    }
};

QTEST_MAIN(TestAddHostDialog)
#include "tst_addhostdialog.moc"
