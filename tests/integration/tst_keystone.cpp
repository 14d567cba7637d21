// A real Keystone (sqlite, fernet, uwsgi) and a Glance that validates its tokens
// (tests/support/glance.sh start-keystone): login, catalog, token reuse and renewal, failures.
#include "cache/fetcher.h"
#include "host/localtransport.h"
#include "httpfaultserver.h"
#include "source/cloudsession.h"
#include "source/glanceclient.h"
#include "source/glancesource.h"
#include "testlab.h"

#include <QProcess>
#include <QTcpServer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cowherd;
using cowherd::test::GlanceFixture;
using cowherd::test::TestLab;

namespace {
constexpr auto wrongPassword = "Wr0ng-Secret-Password"; // in the fixture's clouds.yaml
}

class TestKeystone : public QObject
{
    Q_OBJECT

    GlanceFixture m_fixture;

    std::shared_ptr<source::CloudSession> session(const QString &cloud)
    {
        auto opened = source::openCloudSession(cloud, {}, m_fixture.cloudsYaml);
        return opened ? *opened : nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_fixture = GlanceFixture::keystone();
        QVERIFY2(!m_fixture.url.isEmpty(), "run through ctest: the keystone fixture sets COWHERD_KEYSTONE_GLANCE_URL");
        QVERIFY(!m_fixture.token.isEmpty());
    }

    void loginCatalogAndFetch_data()
    {
        QTest::addColumn<QString>("cloud");
        QTest::addRow("password") << u"lab-password"_s;
        QTest::addRow("application credential") << u"lab-appcred"_s;
    }

    void loginCatalogAndFetch()
    {
        QFETCH(QString, cloud);
        auto s = session(cloud);
        QVERIFY(s);
        auto endpoint = s->imageEndpoint();
        QVERIFY2(endpoint, qPrintable(endpoint ? QString() : endpoint.error().message));
        QCOMPARE(endpoint->toString(), m_fixture.url); // from the catalog, not from the config
        QVERIFY(!s->token()->isEmpty());

        QTemporaryDir dir;
        QVERIFY(test::runTool(
            {u"qemu-img"_s, u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s, dir.path() + u"/k.qcow2"_s, u"8M"_s}));
        const QString id = m_fixture.createImage(u"keystone-"_s + cloud, u"qcow2"_s, dir.path() + u"/k.qcow2"_s);
        QVERIFY(!id.isEmpty());
        source::GlanceSource source(s, id);
        TestLab lab;
        host::LocalTransport transport;
        auto fetched = cache::fetchImage(transport, lab.instancesPath(), source);
        QVERIFY2(fetched, qPrintable(fetched ? QString() : fetched.error().message));
        QCOMPARE(fetched->name, TestLab::sha1Hex(id));
        QCOMPARE(fetched->virtualSize, 8 * 1024 * 1024);
    }

    void tokensAreReusedAndRenewed()
    {
        auto s = session(u"lab-password"_s);
        QVERIFY(s);
        source::GlanceClient glance(s);
        QVERIFY(glance.listImages());
        const int afterFirst = s->authentications();
        QVERIFY(afterFirst >= 1);
        QVERIFY(glance.listImages());
        QVERIFY(glance.listImages());
        QCOMPARE(s->authentications(), afterFirst); // reused

        // A token that expires within the margin is renewed before it is used.
        s->setRenewMargin(100 * 3600);
        QVERIFY(glance.listImages());
        QCOMPARE(s->authentications(), afterFirst + 1);
        s->setRenewMargin(300);

        // Revoked behind our back (as when it expires): Glance answers 401, the session logs in again.
        auto token = s->token();
        QVERIFY(token);
        QVERIFY(test::runTool({u"curl"_s, u"-sf"_s, u"-X"_s, u"DELETE"_s,
            qEnvironmentVariable("COWHERD_KEYSTONE_URL") + u"/v3/auth/tokens"_s, u"-H"_s,
            u"X-Auth-Token: "_s + QString::fromLatin1(m_fixture.token), u"-H"_s,
            u"X-Subject-Token: "_s + QString::fromLatin1(*token)}));
        const int beforeRevoked = s->authentications();
        auto images = glance.listImages();
        QVERIFY2(images, qPrintable(images ? QString() : images.error().message));
        QCOMPARE(s->authentications(), beforeRevoked + 1);
        QVERIFY(*s->token() != *token);
    }

    void wrongPasswordIsClearAndSecret()
    {
        auto s = session(u"lab-wrong-password"_s);
        QVERIFY(s);
        auto token = s->token();
        QVERIFY(!token);
        QVERIFY2(token.error().message.contains(u"HTTP 401"_s) && token.error().message.contains(u"user admin"_s),
            qPrintable(token.error().message));
        QVERIFY(!token.error().message.contains(QLatin1StringView(wrongPassword)));
        QCOMPARE(token.error().kind, Error::Kind::Authentication); // what the Images panel decides on

        TestLab lab;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"OS_CLIENT_CONFIG_FILE"_s, m_fixture.cloudsYaml);
        env.insert(u"QT_LOGGING_RULES"_s, u"cowherd.*=true"_s); // even debug logs must not show it
        QProcess cli;
        cli.setProcessEnvironment(env);
        cli.start(QStringLiteral(COWHERDCTL),
            {u"--instances-path"_s, lab.instancesPath(), u"fetch"_s, u"--cloud"_s, u"lab-wrong-password"_s,
                u"glance:abc"_s});
        QVERIFY(cli.waitForFinished(60000));
        QCOMPARE(cli.exitCode(), 1);
        const QByteArray output = cli.readAllStandardError() + cli.readAllStandardOutput();
        QVERIFY(output.contains("HTTP 401"));
        QVERIFY(!output.contains(wrongPassword));
    }

    void wrongRegionListsTheCatalog()
    {
        auto s = session(u"lab-wrong-region"_s);
        QVERIFY(s);
        auto endpoint = s->imageEndpoint();
        QVERIFY(!endpoint);
        QVERIFY2(
            endpoint.error().message.contains(u"Nowhere"_s) && endpoint.error().message.contains(u"public@RegionOne"_s),
            qPrintable(endpoint.error().message));
        QCOMPARE(endpoint.error().kind, Error::Kind::NotFound);
    }

    void keystoneThatIsNotThereIsUnreachable()
    {
        // The fixture's password cloud, sent to a port nothing listens on: Keystone is down.
        auto cloud = source::loadCloud(u"lab-password"_s, m_fixture.cloudsYaml);
        QVERIFY2(cloud, qPrintable(cloud ? QString() : cloud.error().message));
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        cloud->authUrl = u"http://127.0.0.1:%1/v3"_s.arg(port);
        auto s = source::sessionForCloud(*cloud);
        QVERIFY(s);
        auto token = (*s)->token();
        QVERIFY(!token);
        QVERIFY2(token.error().message.contains(u"Cannot reach Keystone"_s), qPrintable(token.error().message));
        QCOMPARE(token.error().kind, Error::Kind::Unreachable);
    }

    void cliFetchWithPasswordCloud()
    {
        QTemporaryDir dir;
        QVERIFY(test::writeFile(dir.path() + u"/r.raw"_s, 1024 * 1024, "keystone cli "));
        const QString id = m_fixture.createImage(u"keystone-cli"_s, u"raw"_s, dir.path() + u"/r.raw"_s);
        QVERIFY(!id.isEmpty());
        TestLab lab;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"OS_CLIENT_CONFIG_FILE"_s, m_fixture.cloudsYaml);
        env.insert(u"OS_CLOUD"_s, u"lab-password"_s); // instead of --cloud
        QProcess cli;
        cli.setProcessEnvironment(env);
        cli.start(QStringLiteral(COWHERDCTL),
            {u"--instances-path"_s, lab.instancesPath(), u"fetch"_s, u"--quiet"_s, u"glance:"_s + id});
        QVERIFY(cli.waitForFinished(60000));
        QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
        QCOMPARE(QString::fromLatin1(cli.readAllStandardOutput().trimmed()), TestLab::sha1Hex(id));
    }
};

QTEST_GUILESS_MAIN(TestKeystone)
#include "tst_keystone.moc"
