// A real Glance (tests/support/glance.sh, no-auth pipeline): images created and uploaded through
// its API, fetched through GlanceSource and cowherdctl.
#include "cache/basename.h"
#include "cache/fetcher.h"
#include "host/localtransport.h"
#include "httpfaultserver.h"
#include "source/cloudsession.h"
#include "source/glanceclient.h"
#include "source/glancesource.h"
#include "testlab.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <atomic>

using namespace Qt::StringLiterals;
using namespace cowherd;
using cowherd::test::GlanceFixture;
using cowherd::test::sha256Of;
using cowherd::test::TestLab;

class TestGlance : public QObject
{
    Q_OBJECT

    GlanceFixture m_glance;
    std::shared_ptr<source::CloudSession> m_session;
    QTemporaryDir m_files;

    Result<cache::FetchResult> fetchGlance(const TestLab &lab, const QString &id)
    {
        source::GlanceSource source(m_session, id);
        host::LocalTransport transport;
        return cache::fetchImage(transport, lab.instancesPath(), source);
    }

    static QStringList baseDirFiles(const TestLab &lab) { return QDir(lab.basePath()).entryList(QDir::Files); }

private Q_SLOTS:
    void initTestCase()
    {
        m_glance = GlanceFixture::noAuth();
        QVERIFY2(!m_glance.url.isEmpty(), "run through ctest: the glance fixture sets COWHERD_GLANCE_URL");
        auto session = source::openCloudSession(u"lab-noauth"_s, {}, m_glance.cloudsYaml);
        QVERIFY2(session, qPrintable(session ? QString() : session.error().message));
        m_session = *session;
        QVERIFY(test::writeFile(m_files.path() + u"/disk.raw"_s, 3 * 1024 * 1024, "glance raw image "));
        QVERIFY(test::runTool({u"qemu-img"_s, u"convert"_s, u"-q"_s, u"-O"_s, u"qcow2"_s,
            m_files.path() + u"/disk.raw"_s, m_files.path() + u"/disk.qcow2"_s}));
    }

    void fetchesRawAndQcow2_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("diskFormat");
        QTest::addRow("raw") << u"disk.raw"_s << u"raw"_s;
        QTest::addRow("qcow2") << u"disk.qcow2"_s << u"qcow2"_s;
    }

    void fetchesRawAndQcow2()
    {
        QFETCH(QString, file);
        QFETCH(QString, diskFormat);
        const QString id = m_glance.createImage(u"cowherd-"_s + diskFormat, diskFormat, m_files.path() + u'/' + file);
        QVERIFY(!id.isEmpty());
        TestLab lab;
        auto fetched = fetchGlance(lab, id);
        QVERIFY2(fetched, qPrintable(fetched ? QString() : fetched.error().message));
        QCOMPARE(fetched->imageId, id);
        QCOMPARE(fetched->name, TestLab::sha1Hex(id)); // Nova's name for the base file
        QCOMPARE(fetched->originalFormat, diskFormat);
        QCOMPARE(sha256Of(fetched->path), sha256Of(m_files.path() + u"/disk.raw"_s));
        QCOMPARE(baseDirFiles(lab), QStringList{fetched->name});

        // By name, when one image has it: still named by its id.
        const QString name = u"by-name-"_s + diskFormat;
        const QString named = m_glance.createImage(name, diskFormat, m_files.path() + u'/' + file);
        TestLab other;
        auto byName = fetchGlance(other, name);
        QVERIFY2(byName, qPrintable(byName ? QString() : byName.error().message));
        QCOMPARE(byName->imageId, named);
    }

    void cancelLeavesNothingThenFetchesAgain()
    {
        // Large enough that the transfer is under way at the first progress report.
        const QString big = m_files.path() + u"/cancel.raw"_s;
        QVERIFY(test::writeFile(big, 64 * 1024 * 1024, "cancelled glance image "));
        const QString id = m_glance.createImage(u"cancel-me"_s, u"raw"_s, big);
        QVERIFY(!id.isEmpty());
        TestLab lab;
        source::GlanceSource source(m_session, id);
        host::LocalTransport transport;
        cache::FetchOptions options;
        // Cancelled from the progress report itself: the next chunk sees it, whatever the speed.
        std::atomic_bool downloading = false;
        options.onProgress = [&downloading](const cache::FetchProgress &p) {
            if (p.stage == cache::FetchProgress::Stage::Downloading && p.done > 0)
                downloading = true;
        };
        options.isCancelled = [&downloading] { return downloading.load(); };
        auto fetched = cache::fetchImage(transport, lab.instancesPath(), source, options);
        QVERIFY(downloading);
        QVERIFY2(!fetched, "the fetch ended although it was cancelled");
        QVERIFY2(fetched.error().kind == Error::Kind::Cancelled, qPrintable(fetched.error().message));
        const QString name = cache::originalBaseName(id);
        QVERIFY(!QFile::exists(lab.basePath() + u'/' + name));
        // No final name, no .part or .converted, no hidden temporary.
        QCOMPARE(QDir(lab.basePath()).entryList(QDir::Files | QDir::Hidden), QStringList());

        auto again = fetchGlance(lab, id);
        QVERIFY2(again, qPrintable(again ? QString() : again.error().message));
        QVERIFY(!again->reused);
        QCOMPARE(baseDirFiles(lab), QStringList{name});
        QCOMPARE(sha256Of(lab.basePath() + u'/' + name), sha256Of(big));
    }

    void listsWithPaging()
    {
        QStringList ids;
        for (int i = 0; i < 3; ++i) {
            ids.append(m_glance.createImage(u"paged-%1"_s.arg(i), u"raw"_s));
            QVERIFY(!ids.last().isEmpty());
        }
        source::GlanceClient client(m_session);
        auto images = client.listImages(2);
        QVERIFY2(images, qPrintable(images ? QString() : images.error().message));
        QStringList listed;
        for (const source::GlanceImage &image : *images)
            listed.append(image.id);
        for (const QString &id : ids)
            QVERIFY(listed.contains(id));
        QCOMPARE(QSet<QString>(listed.begin(), listed.end()).size(), listed.size()); // no page twice
        auto one = client.image(ids.first());
        QVERIFY(one);
        QCOMPARE(one->status, u"queued"_s);
        QCOMPARE(one->size, -1);
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("expected");
        QTest::addRow("disk_format lies") << u"lie"_s << u"Refused"_s;
        QTest::addRow("not active") << u"queued"_s << u"not active"_s;
        QTest::addRow("no such image") << u"missing"_s << u"has no image"_s;
        QTest::addRow("no such name") << u"missing-name"_s << u"no image with the id or name"_s;
        QTest::addRow("ambiguous name") << u"twins"_s << u"Several images"_s;
        QTest::addRow("stored bytes changed") << u"corrupt"_s << u"failed its checksum"_s;
    }

    void refusals()
    {
        QFETCH(QString, kind);
        QFETCH(QString, expected);
        QString id;
        if (kind == u"lie") {
            id = m_glance.createImage(u"liar"_s, u"raw"_s, m_files.path() + u"/disk.qcow2"_s);
        } else if (kind == u"queued") {
            id = m_glance.createImage(u"empty"_s, u"qcow2"_s);
        } else if (kind == u"missing") {
            id = u"00000000-0000-0000-0000-000000000000"_s;
        } else if (kind == u"missing-name") {
            id = u"no-image-is-called-this"_s;
        } else if (kind == u"twins") {
            QVERIFY(!m_glance.createImage(u"twin"_s, u"raw"_s).isEmpty());
            QVERIFY(!m_glance.createImage(u"twin"_s, u"raw"_s).isEmpty());
            id = u"twin"_s;
        } else {
            id = m_glance.createImage(u"corrupt"_s, u"raw"_s, m_files.path() + u"/disk.raw"_s);
            // Bit rot in Glance's store: same size, other bytes; os_hash_value no longer matches.
            const QString stored = qEnvironmentVariable("COWHERD_GLANCE_DIR") + u"/glance/images/"_s + id;
            QVERIFY(QFileInfo::exists(stored));
            QVERIFY(test::writeFile(stored, 3 * 1024 * 1024, "rotten bytes "));
        }
        QVERIFY(!id.isEmpty());
        TestLab lab;
        auto fetched = fetchGlance(lab, id);
        QVERIFY(!fetched);
        QVERIFY2(fetched.error().message.contains(expected), qPrintable(fetched.error().message));
        if (kind == u"corrupt") {
            const QJsonObject shown = QJsonDocument::fromJson(m_glance.show(id)).object();
            QVERIFY(fetched.error().message.contains(shown.value(u"os_hash_value"_s).toString())); // both values
        }
        QVERIFY(baseDirFiles(lab).isEmpty()); // no .part, no base file
    }

    void cliFetchAndImages()
    {
        const QString id = m_glance.createImage(u"cli"_s, u"qcow2"_s, m_files.path() + u"/disk.qcow2"_s);
        QVERIFY(!id.isEmpty());
        TestLab lab;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"OS_CLIENT_CONFIG_FILE"_s, m_glance.cloudsYaml);
        QProcess fetch;
        fetch.setProcessEnvironment(env);
        fetch.start(QStringLiteral(COWHERDCTL),
            {u"--instances-path"_s, lab.instancesPath(), u"fetch"_s, u"--quiet"_s, u"--cloud"_s, u"lab-noauth"_s,
                u"glance:"_s + id});
        QVERIFY(fetch.waitForFinished(120000));
        QVERIFY2(fetch.exitCode() == 0, fetch.readAllStandardError().constData());
        QCOMPARE(QString::fromLatin1(fetch.readAllStandardOutput().trimmed()), TestLab::sha1Hex(id));

        QProcess images;
        images.setProcessEnvironment(env);
        images.start(QStringLiteral(COWHERDCTL),
            {u"--instances-path"_s, lab.instancesPath(), u"images"_s, u"--cloud"_s, u"lab-noauth"_s, u"--json"_s});
        QVERIFY(images.waitForFinished(60000));
        QVERIFY2(images.exitCode() == 0, images.readAllStandardError().constData());
        const QJsonArray rows
            = QJsonDocument::fromJson(images.readAllStandardOutput()).object().value(u"images"_s).toArray();
        int cached = 0;
        bool sawOurs = false;
        for (const QJsonValue &row : rows) {
            cached += row[u"cached"_s].toBool();
            if (row[u"id"_s].toString() == id) {
                sawOurs = true;
                QVERIFY(row[u"cached"_s].toBool());
                QCOMPARE(row[u"base_name"_s].toString(), TestLab::sha1Hex(id));
                QCOMPARE(row[u"disk_format"_s].toString(), u"qcow2"_s);
            }
        }
        QVERIFY(sawOurs);
        QCOMPARE(cached, 1);
        QVERIFY(rows.size() > 1);
    }

    void cliUsesOsVariablesWithoutACloud()
    {
        TestLab lab;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString &key : env.keys()) {
            if (key.startsWith(u"OS_"_s))
                env.remove(key);
        }
        env.insert(u"OS_CLIENT_CONFIG_FILE"_s, lab.instancesPath() + u"/none.yaml"_s);
        env.insert(u"OS_AUTH_TYPE"_s, u"none"_s);
        env.insert(u"OS_ENDPOINT"_s, m_glance.url);
        QProcess images;
        images.setProcessEnvironment(env);
        images.start(
            QStringLiteral(COWHERDCTL), {u"--instances-path"_s, lab.instancesPath(), u"images"_s, u"--json"_s});
        QVERIFY(images.waitForFinished(60000));
        QVERIFY2(images.exitCode() == 0, images.readAllStandardError().constData());
        const QJsonObject listing = QJsonDocument::fromJson(images.readAllStandardOutput()).object();
        QCOMPARE(listing.value(u"cloud"_s).toString(), u"envvars"_s);
        QVERIFY(!listing.value(u"images"_s).toArray().isEmpty());

        env.remove(u"OS_ENDPOINT"_s);
        env.remove(u"OS_AUTH_TYPE"_s);
        QProcess none;
        none.setProcessEnvironment(env);
        none.start(QStringLiteral(COWHERDCTL), {u"--instances-path"_s, lab.instancesPath(), u"images"_s});
        QVERIFY(none.waitForFinished(60000));
        QCOMPARE(none.exitCode(), 1);
        QVERIFY(none.readAllStandardError().contains("--cloud NAME"));
    }
};

QTEST_GUILESS_MAIN(TestGlance)
#include "tst_glance.moc"
