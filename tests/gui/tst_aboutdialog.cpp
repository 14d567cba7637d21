// The About dialog shows the version CMake's project(VERSION) gives and the licence.
#include "window/aboutdialog.h"

#include <QLabel>
#include <QTest>

using namespace Qt::StringLiterals;

class TestAboutDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsVersionAndLicence()
    {
        cowherd::ui::AboutDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.versionText(), u"Version "_s + QStringLiteral(COWHERD_VERSION));
        QVERIFY2(dialog.licenseText().contains(QStringLiteral(COWHERD_LICENSE)), qPrintable(dialog.licenseText()));
        const auto *name = dialog.findChild<QLabel *>(u"name"_s);
        QVERIFY(name);
        QCOMPARE(name->text(), u"Cowherd"_s);
        QVERIFY(dialog.windowTitle().contains(u"Cowherd"_s));
    }

    void closes()
    {
        cowherd::ui::AboutDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
    }
};

QTEST_MAIN(TestAboutDialog)
#include "tst_aboutdialog.moc"
