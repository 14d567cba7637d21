// The Images tab's login and listing (CloudBrowser) against the real Keystone and the Glance
// that checks its tokens (tests/support/glance.sh start-keystone): a password from secure.yaml
// logs in once and the session is reused; a refused password is a login failure; a typed wrong
// password is asked again and the right one lists. No D-Bus, so no keyring.
#include "httpfaultserver.h"
#include "images/cloudbrowser.h"
#include "loadclouds.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cowherd;
using cowherd::test::GlanceFixture;
using ui::CloudBrowser;

namespace {

constexpr int Timeout = 60000;
constexpr auto FixturePassword = "adminpw"; // the fixture's admin (tests/support/glance.sh)

} // namespace

class TestCloudLogin : public QObject
{
    Q_OBJECT

    GlanceFixture m_fixture;
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        m_fixture = GlanceFixture::keystone();
        QVERIFY2(!m_fixture.url.isEmpty(), "run through ctest: the keystone fixture sets COWHERD_KEYSTONE_GLANCE_URL");
        QVERIFY(m_dir.isValid());
    }

    void passwordFromSecureYamlLogsInOnce()
    {
        CloudBrowser browser;
        QVERIFY(test::loadClouds(browser, m_fixture.cloudsYaml));
        browser.setPasswordPrompt([](const QString &cloud, const QString &, const QString &) {
            qWarning("asked for the password of %s", qPrintable(cloud));
            return std::nullopt;
        });
        QSignalSpy listed(&browser, &CloudBrowser::imagesListed);
        QSignalSpy failed(&browser, &CloudBrowser::listFailed);
        QSignalSpy started(&browser, &CloudBrowser::stepStarted);
        browser.list(u"lab-password"_s);
        QVERIFY2(listed.wait(Timeout), failed.isEmpty() ? "" : qPrintable(failed.first().at(2).toString()));
        QCOMPARE(listed.first().at(0).toString(), u"lab-password"_s);
        QVERIFY(browser.session(u"lab-password"_s));
        QVERIFY(browser.usesPassword(u"lab-password"_s));
        QCOMPARE(started.size(), 2);

        // Listed again with the same session: no reading, no login.
        started.clear();
        browser.list(u"lab-password"_s);
        QVERIFY(listed.wait(Timeout));
        QCOMPARE(started.size(), 1);
        QCOMPARE(started.first().at(1).value<CloudBrowser::Step>(), CloudBrowser::Step::Listing);
    }

    void refusedPasswordIsALoginFailure()
    {
        CloudBrowser browser;
        QVERIFY(test::loadClouds(browser, m_fixture.cloudsYaml));
        QSignalSpy failed(&browser, &CloudBrowser::listFailed);
        browser.list(u"lab-wrong-password"_s);
        QVERIFY(failed.wait(Timeout));
        QCOMPARE(failed.first().at(1).value<CloudBrowser::Failure>(), CloudBrowser::Failure::Login);
        const QString message = failed.first().at(2).toString();
        QVERIFY2(!message.contains(u"Wr0ng-Secret-Password"_s), qPrintable(message));
    }

    void typedPasswordIsAskedAgainUntilRight()
    {
        // The fixture's clouds.yaml without its secure.yaml: lab-password has no password.
        const QString yaml = m_dir.filePath(u"clouds.yaml"_s);
        QFile::remove(yaml);
        QVERIFY(QFile::copy(m_fixture.cloudsYaml, yaml));
        CloudBrowser browser;
        QVERIFY(test::loadClouds(browser, yaml));
        QStringList answers{u"not-the-password"_s, QString::fromLatin1(FixturePassword)};
        int asked = 0;
        browser.setPasswordPrompt([&](const QString &, const QString &, const QString &) {
            return std::optional(CloudBrowser::PasswordAnswer{answers.value(asked++), false});
        });
        QSignalSpy failed(&browser, &CloudBrowser::listFailed);
        QSignalSpy listed(&browser, &CloudBrowser::imagesListed);
        browser.list(u"lab-password"_s);
        QVERIFY(failed.wait(Timeout));
        QCOMPARE(asked, 1);
        QCOMPARE(failed.first().at(1).value<CloudBrowser::Failure>(), CloudBrowser::Failure::Login);
        QVERIFY(!browser.session(u"lab-password"_s));

        browser.list(u"lab-password"_s);
        QVERIFY2(listed.wait(Timeout), failed.size() < 2 ? "" : qPrintable(failed.last().at(2).toString()));
        QCOMPARE(asked, 2);
        QVERIFY(browser.session(u"lab-password"_s));
    }
};

QTEST_MAIN(TestCloudLogin)
#include "tst_cloudlogin.moc"
