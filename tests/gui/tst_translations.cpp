// The German and Chinese translations reach the main window, plural forms work in every
// language, switching back to English works, and the system locale reaches `cowherd --help`.
#include "window/mainwindow.h"
#include "window/translations.h"
#include "windowpart.h"

#include <QAction>
#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using cowherd::ui::MainWindow;
using cowherd::ui::Translations;

namespace {

// "Datei: &Aktualisieren / &Abbrechen" for every two texts of actions that share an accelerator.
QStringList acceleratorClashes(const QString &where, const QList<QAction *> &actions)
{
    QHash<QChar, QString> seen;
    QStringList clashes;
    for (const QAction *action : actions) {
        const QString text = action->text();
        qsizetype at = text.indexOf(u'&');
        while (at >= 0 && at + 1 < text.size() && text.at(at + 1) == u'&')
            at = text.indexOf(u'&', at + 2);
        if (at < 0 || at + 1 >= text.size())
            continue;
        const QChar key = text.at(at + 1).toLower();
        if (seen.contains(key))
            clashes.append(where + u": "_s + seen.value(key) + u" / "_s + text);
        else
            seen.insert(key, text);
    }
    return clashes;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { Translations::install(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void qmFilesInBuildTree_data()
    {
        QTest::addColumn<QString>("language");
        for (const char *language : {"de", "zh_CN", "en"})
            QTest::addRow("%s", language) << QString::fromLatin1(language);
    }

    // Packaging installs build/<preset>/translations/*.qm.
    void qmFilesInBuildTree()
    {
        QFETCH(QString, language);
        const QFileInfo qm(QStringLiteral(COWHERD_BINARY_DIR "/translations/cowherd_%1.qm").arg(language));
        QVERIFY2(qm.exists(), qPrintable(qm.filePath()));
        QVERIFY(qm.size() > 0);
    }

    void mainWindowSpeaksLanguage_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("fileMenu");
        QTest::addColumn<QString>("baseTab");
        QTest::addColumn<QString>("instancesTab");
        QTest::addRow("de") << u"de"_s << u"&Datei"_s << u"Basis-Cache (0)"_s << u"Instanzen (0)"_s;
        QTest::addRow("zh_CN") << u"zh_CN"_s << u"文件(&F)"_s << u"基础镜像缓存 (0)"_s << u"实例 (0)"_s;
        QTest::addRow("en") << u"en"_s << u"&File"_s << u"Base cache (0)"_s << u"Instances (0)"_s;
    }

    void mainWindowSpeaksLanguage()
    {
        QFETCH(QString, language);
        QFETCH(QString, fileMenu);
        QFETCH(QString, baseTab);
        QFETCH(QString, instancesTab);

        QVERIFY(Translations::install(Translations::localeFor(language)));
        const QTemporaryDir dir;
        QVERIFY(dir.isValid());
        MainWindow window(dir.filePath(u"cowherd.conf"_s));
        QSignalSpy loaded(&window, &MainWindow::hostsLoaded);
        QVERIFY(!window.menuBar()->actions().isEmpty());
        QCOMPARE(window.menuBar()->actions().constFirst()->text(), fileMenu);
        const auto *tabs = cowherd::test::windowPart<QTabWidget>(window, u"mainTabs"_s);
        QCOMPARE(tabs->tabText(0), baseTab);
        QCOMPARE(tabs->tabText(1), instancesTab);
        QCOMPARE(QLocale().name(), Translations::localeFor(language).name());

        QStringList clashes = acceleratorClashes(u"menu bar"_s, window.menuBar()->actions());
        for (const QAction *menuAction : window.menuBar()->actions()) {
            QVERIFY(menuAction->menu());
            QVERIFY(!menuAction->menu()->actions().isEmpty());
            clashes += acceleratorClashes(menuAction->text(), menuAction->menu()->actions());
        }
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(u"; "_s)));
        QVERIFY(loaded.wait()); // let the host list load before the window goes away
    }

    // A second install() replaces the first: no German text is left behind.
    void switchesBackToEnglish()
    {
        QVERIFY(Translations::install(QLocale(u"de"_s)));
        QVERIFY(Translations::install(QLocale(u"en_GB"_s)));
        const QTemporaryDir dir;
        MainWindow window(dir.filePath(u"cowherd.conf"_s));
        QSignalSpy loaded(&window, &MainWindow::hostsLoaded);
        QCOMPARE(window.menuBar()->actions().constFirst()->text(), u"&File"_s);
        QVERIFY(loaded.wait());
    }

    void languageWithoutTranslationStaysEnglish()
    {
        QVERIFY(Translations::install(QLocale(u"de"_s)));
        QVERIFY(!Translations::install(QLocale(QLocale::Swahili)));
        QCOMPARE(QCoreApplication::translate("cowherd::ui::MainWindow", "&File"), u"&File"_s);
    }

    void pluralForms_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("expected");
        QTest::addRow("en 1") << u"en"_s << 1 << u"1 instance"_s;
        QTest::addRow("en 2") << u"en"_s << 2 << u"2 instances"_s;
        QTest::addRow("de 1") << u"de"_s << 1 << u"1 Instanz"_s;
        QTest::addRow("de 3") << u"de"_s << 3 << u"3 Instanzen"_s;
        QTest::addRow("zh_CN 3") << u"zh_CN"_s << 3 << u"3 个实例"_s;
    }

    void pluralForms()
    {
        QFETCH(QString, language);
        QFETCH(int, count);
        QFETCH(QString, expected);
        QVERIFY(Translations::install(Translations::localeFor(language)));
        QCOMPARE(QCoreApplication::translate("cowherd::ui::HostListModel", "%n instance(s)", nullptr, count), expected);
    }

    // The command line's own texts follow the system locale (--help exits before --lang applies).
    void helpFollowsSystemLocale()
    {
        QProcess cowherd;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(u"LANGUAGE"_s);
        env.insert(u"LC_ALL"_s, u"de_DE.UTF-8"_s);
        cowherd.setProcessEnvironment(env);
        cowherd.start(QStringLiteral(COWHERD_GUI), {u"--help"_s});
        QVERIFY(cowherd.waitForFinished(30000));
        QCOMPARE(cowherd.exitCode(), 0);
        const QString help = QString::fromUtf8(cowherd.readAllStandardOutput());
        QVERIFY2(help.contains(u"Überwacht den Image-Cache (_base)"_s), qPrintable(help));
        QVERIFY2(help.contains(u"--lang <Sprache>"_s), qPrintable(help));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
