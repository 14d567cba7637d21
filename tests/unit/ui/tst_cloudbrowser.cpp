// The Images tab's login and listing without widgets, on clouds.yaml states that fail fast
// (ports nothing listens on, broken entries; no D-Bus, so no keyring): which failure each step
// reports, when the password is asked again, that only the latest listing reports, and that
// sessions are forgotten with the clouds. tst_cloudlogin does the same against a real Keystone.
#include "images/cloudbrowser.h"
#include "loadclouds.h"

#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

using namespace Qt::StringLiterals;
using namespace cowherd;
using ui::CloudBrowser;
using Failure = CloudBrowser::Failure;

namespace {

constexpr int Timeout = 30000;

// A port nothing listens on: bound once, then released.
quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

Failure failureOf(const QSignalSpy &spy, qsizetype i = 0)
{
    return spy.at(i).at(1).value<Failure>();
}

// Every step that was started has delivered its result (or been dropped as stale).
void settle()
{
    QThreadPool::globalInstance()->waitForDone();
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
}

} // namespace

class TestCloudBrowser : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_yaml;
    quint16 m_port = 0;

    bool load(CloudBrowser &browser) { return test::loadClouds(browser, m_yaml, Timeout); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_port = closedPort();
        m_yaml = m_dir.filePath(u"clouds.yaml"_s);
        QFile file(m_yaml);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(u"clouds:\n"
                   "  down-glance:\n    auth_type: none\n    auth:\n      endpoint: http://127.0.0.1:%1\n"
                   "  no-auth-url:\n    auth:\n      username: admin\n"
                   "  password:\n    auth:\n      auth_url: http://127.0.0.1:%1/v3\n      username: admin\n"
                   "      project_name: admin\n      user_domain_name: Default\n      project_domain_name: Default\n"_s
                       .arg(m_port)
                       .toUtf8());
    }

    void loadsTheConfiguredClouds()
    {
        CloudBrowser browser;
        QVERIFY(load(browser));
        QCOMPARE(browser.clouds(), (QStringList{u"down-glance"_s, u"no-auth-url"_s, u"password"_s}));
    }

    void eachStepReportsItsFailure_data()
    {
        QTest::addColumn<QString>("cloud");
        QTest::addColumn<Failure>("failure");
        QTest::addColumn<QList<CloudBrowser::Step>>("steps");
        QTest::addColumn<bool>("usesPassword");
        QTest::addRow("Glance unreachable")
            << u"down-glance"_s << Failure::Glance
            << QList{CloudBrowser::Step::ReadingCloud, CloudBrowser::Step::Listing} << false;
        QTest::addRow("broken entry") << u"no-auth-url"_s << Failure::CloudEntry
                                      << QList{CloudBrowser::Step::ReadingCloud} << false;
        QTest::addRow("unknown cloud") << u"nowhere"_s << Failure::CloudEntry << QList{CloudBrowser::Step::ReadingCloud}
                                       << false;
        // The prompt below gives no password.
        QTest::addRow("no password") << u"password"_s << Failure::NoPassword << QList{CloudBrowser::Step::ReadingCloud}
                                     << true;
    }

    void eachStepReportsItsFailure()
    {
        QFETCH(QString, cloud);
        QFETCH(Failure, failure);
        QFETCH(QList<CloudBrowser::Step>, steps);
        QFETCH(bool, usesPassword);
        CloudBrowser browser;
        QVERIFY(load(browser));
        browser.setPasswordPrompt([](const QString &, const QString &, const QString &) { return std::nullopt; });
        QSignalSpy started(&browser, &CloudBrowser::stepStarted);
        QSignalSpy failed(&browser, &CloudBrowser::listFailed);
        QSignalSpy listed(&browser, &CloudBrowser::imagesListed);
        browser.list(cloud);
        QVERIFY(failed.wait(Timeout));
        QCOMPARE(failed.first().at(0).toString(), cloud);
        QCOMPARE(failureOf(failed), failure);
        QCOMPARE(failure == Failure::NoPassword, failed.first().at(2).toString().isEmpty());
        QList<CloudBrowser::Step> seen;
        for (const QList<QVariant> &step : std::as_const(started))
            seen.append(step.at(1).value<CloudBrowser::Step>());
        QCOMPARE(seen, steps);
        QVERIFY(listed.isEmpty());
        QCOMPARE(browser.usesPassword(cloud), usesPassword);
    }

    void typedPasswordIsAskedAgainAfterAFailedListing()
    {
        CloudBrowser browser;
        QVERIFY(load(browser));
        QStringList asked;
        QString keyringReason;
        browser.setPasswordPrompt([&](const QString &cloud, const QString &who, const QString &unavailable) {
            asked.append(cloud + u'|' + who);
            keyringReason = unavailable;
            return std::optional(CloudBrowser::PasswordAnswer{u"typed-secret"_s, true});
        });
        QSignalSpy failed(&browser, &CloudBrowser::listFailed);
        QSignalSpy notKept(&browser, &CloudBrowser::passwordNotKept);
        browser.list(u"password"_s);
        QVERIFY(failed.wait(Timeout));
        QCOMPARE(asked, QStringList{u"password|admin at http://127.0.0.1:%1/v3"_s.arg(m_port)});
        QVERIFY2(!keyringReason.isEmpty(), "no D-Bus here: the prompt is told why the keyring cannot keep it");
        // Nothing listens where the entry's Keystone should be: unreachable, not a refused
        // login (tst_cloudlogin has those); the message never shows the secret.
        QCOMPARE(failureOf(failed), Failure::Glance);
        QVERIFY2(failed.first().at(2).toString().contains(u"Keystone"_s), qPrintable(failed.first().at(2).toString()));
        QVERIFY(!failed.first().at(2).toString().contains(u"typed-secret"_s));
        QVERIFY(!notKept.isEmpty() || notKept.wait(Timeout));
        QCOMPARE(notKept.first().at(1).value<CloudBrowser::NotKept>(), CloudBrowser::NotKept::KeyringRefused);
        QVERIFY(!browser.session(u"password"_s));

        browser.list(u"password"_s);
        QVERIFY(failed.wait(Timeout));
        QCOMPARE(asked.size(), 2);
    }

    void declinedOrUnreachableKeyringIsSaid()
    {
        CloudBrowser browser;
        QVERIFY(load(browser));
        browser.setPasswordPrompt([](const QString &, const QString &, const QString &) {
            return std::optional(CloudBrowser::PasswordAnswer{u"typed"_s, false});
        });
        QSignalSpy notKept(&browser, &CloudBrowser::passwordNotKept);
        QSignalSpy failed(&browser, &CloudBrowser::listFailed);
        browser.list(u"password"_s);
        QVERIFY(failed.wait(Timeout));
        QCOMPARE(notKept.size(), 1);
        const auto why = notKept.first().at(1).value<CloudBrowser::NotKept>();
        // Not kept because the person said so, or because no keyring answers (and it says why).
        QVERIFY(why == CloudBrowser::NotKept::Declined || why == CloudBrowser::NotKept::NoKeyring);
        QCOMPARE(why == CloudBrowser::NotKept::NoKeyring, !notKept.first().at(2).toString().isEmpty());
    }

    void onlyTheLatestListingReports()
    {
        CloudBrowser browser;
        QVERIFY(load(browser));
        QSignalSpy failed(&browser, &CloudBrowser::listFailed);
        browser.list(u"down-glance"_s);
        browser.list(u"no-auth-url"_s);
        QVERIFY(failed.wait(Timeout));
        settle();
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().at(0).toString(), u"no-auth-url"_s);
    }

    void sessionsAreKeptAndForgottenWithTheClouds()
    {
        CloudBrowser browser;
        QVERIFY(load(browser));
        QSignalSpy failed(&browser, &CloudBrowser::listFailed);
        QSignalSpy started(&browser, &CloudBrowser::stepStarted);
        browser.list(u"down-glance"_s);
        QVERIFY(failed.wait(Timeout));
        // Glance failed, the session (no password involved) stays: the next listing reuses it.
        QVERIFY(browser.session(u"down-glance"_s));
        started.clear();
        browser.list(u"down-glance"_s);
        QVERIFY(failed.wait(Timeout));
        QCOMPARE(started.size(), 1);
        QCOMPARE(started.first().at(1).value<CloudBrowser::Step>(), CloudBrowser::Step::Listing);

        QSignalSpy changed(&browser, &CloudBrowser::sessionsChanged);
        QVERIFY(load(browser));
        QVERIFY(!browser.session(u"down-glance"_s));
        QVERIFY(!changed.isEmpty());
    }

    void forgetsAPasswordWithoutAKeyring()
    {
        CloudBrowser browser;
        QVERIFY(load(browser));
        QSignalSpy forgotten(&browser, &CloudBrowser::passwordForgotten);
        browser.forgetPassword(u"password"_s); // not read yet: nothing to forget
        browser.forgetPassword(u"down-glance"_s);
        settle();
        QVERIFY(forgotten.isEmpty());

        browser.setPasswordPrompt([](const QString &, const QString &, const QString &) { return std::nullopt; });
        QSignalSpy failed(&browser, &CloudBrowser::listFailed);
        browser.list(u"password"_s);
        QVERIFY(failed.wait(Timeout));
        QVERIFY(browser.usesPassword(u"password"_s));
        browser.forgetPassword(u"password"_s);
        QVERIFY(forgotten.wait(Timeout));
        QCOMPARE(forgotten.first().at(0).toString(), u"password"_s);
        QCOMPARE(forgotten.first().at(1).value<ui::CloudKeyring::Forgotten>(), ui::CloudKeyring::Forgotten::Failed);
        QVERIFY(!forgotten.first().at(2).toString().isEmpty());
    }

    void loginFailuresAreToldFromGlanceFailures_data()
    {
        QTest::addColumn<Error::Kind>("kind");
        QTest::addColumn<bool>("login");
        QTest::addRow("refused") << Error::Kind::Authentication << true;
        QTest::addRow("not allowed") << Error::Kind::Permission << true;
        QTest::addRow("unreachable") << Error::Kind::Unreachable << false;
        QTest::addRow("timeout") << Error::Kind::Timeout << false;
        QTest::addRow("other") << Error::Kind::Failure << false;
    }

    void loginFailuresAreToldFromGlanceFailures()
    {
        QFETCH(Error::Kind, kind);
        QFETCH(bool, login);
        // The message says Keystone either way: only the kind decides.
        QCOMPARE(CloudBrowser::isLoginFailure(Error::make(kind, u"Keystone at http://k:5000/v3: something"_s)), login);
    }
};

QTEST_MAIN(TestCloudBrowser)
#include "tst_cloudbrowser.moc"
