// The parsers behind image sources: clouds.yaml, OVF descriptors, Glance's JSON, the Keystone
// catalog, and how URLs are named and redacted.
#include "source/archivesource.h"
#include "source/cloudconfig.h"
#include "source/cloudsession.h"
#include "source/glanceclient.h"
#include "source/httpsource.h"
#include "source/ovf.h"

#include <QFile>
#include <QJsonObject>
#include <QJsonValue>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace cowherd;
using namespace cowherd::source;

// Raw string literals confuse moc, so the JSON and XML texts live at the end of the file.
static QByteArray rawText(int index);

class TestSourceParsers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cloudsYaml_data()
    {
        QTest::addColumn<QByteArray>("clouds");
        QTest::addColumn<QByteArray>("secure");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("error"); // a part of the message; empty: parses
        QTest::addColumn<QString>("authType");
        QTest::addColumn<QString>("authUrl");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("project");
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("interface");

        const QByteArray lab = "clouds:\n  lab:\n    auth:\n      auth_url: https://keystone.example:5000/v3\n"
                               "      username: alice\n      project_name: demo\n      user_domain_name: Default\n"
                               "    region_name: RegionTwo\n    interface: internal\n";
        QTest::addRow("password from secure.yaml")
            << lab << QByteArray("clouds:\n  lab:\n    auth:\n      password: s3cret\n") << u"lab"_s << QString()
            << u"password"_s << u"https://keystone.example:5000/v3"_s << u"s3cret"_s << u"demo"_s << u"RegionTwo"_s
            << u"internal"_s;
        QTest::addRow("no password anywhere") << lab << QByteArray() << u"lab"_s << u"has no password"_s << QString()
                                              << QString() << QString() << QString() << QString() << QString();
        QTest::addRow("unknown cloud lists the known")
            << lab << QByteArray() << u"other"_s << u"it has: lab"_s << QString() << QString() << QString() << QString()
            << QString() << QString();
        QTest::addRow("auth_type none with endpoint")
            << QByteArray("clouds:\n  g:\n    auth_type: none\n    auth:\n      endpoint: http://127.0.0.1:9292\n")
            << QByteArray() << u"g"_s << QString() << u"none"_s << QString() << QString() << QString() << QString()
            << u"public"_s;
        QTest::addRow("auth_type none without endpoint")
            << QByteArray("clouds:\n  g:\n    auth_type: none\n") << QByteArray() << u"g"_s << u"no auth.endpoint"_s
            << QString() << QString() << QString() << QString() << QString() << QString();
        QTest::addRow("application credential")
            << QByteArray(
                   "clouds:\n  a:\n    auth_type: v3applicationcredential\n    auth:\n      auth_url: http://k/v3\n"
                   "      application_credential_id: abc\n      application_credential_secret: xyz\n")
            << QByteArray() << u"a"_s << QString() << u"v3applicationcredential"_s << u"http://k/v3"_s << QString()
            << QString() << QString() << u"public"_s;
        QTest::addRow("verify false is refused")
            << QByteArray("clouds:\n  v:\n    verify: false\n    auth:\n      auth_url: http://k\n      username: u\n  "
                          "    password: p\n")
            << QByteArray() << u"v"_s << u"never turns TLS verification off"_s << QString() << QString() << QString()
            << QString() << QString() << QString();
        QTest::addRow("unsupported auth type")
            << QByteArray("clouds:\n  o:\n    auth_type: v3oidcpassword\n    auth:\n      auth_url: http://k\n")
            << QByteArray() << u"o"_s << u"v3oidcpassword"_s << QString() << QString() << QString() << QString()
            << QString() << QString();
        QTest::addRow("broken yaml hides values")
            << QByteArray("clouds:\n  lab:\n    auth: {password: \"hunter2\n") << QByteArray() << u"lab"_s
            << u"not valid YAML"_s << QString() << QString() << QString() << QString() << QString() << QString();
        // Found by fuzz_clouds_yaml: an alias inside its own anchor is a cycle, and nested aliases
        // expand exponentially; both used to recurse or allocate without end.
        QTest::addRow("recursive alias") << QByteArray("clouds:\n  lab: &a\n    auth_type: none\n    auth: *a\n")
                                         << QByteArray() << u"lab"_s << u"nests deeper than"_s << QString() << QString()
                                         << QString() << QString() << QString() << QString();
        QByteArray laughs = "l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n";
        for (int i = 1; i < 7; ++i) {
            laughs += "l" + QByteArray::number(i) + ": &l" + QByteArray::number(i) + " [";
            for (int j = 0; j < 10; ++j)
                laughs += (j ? ", *l" : "*l") + QByteArray::number(i - 1);
            laughs += "]\n";
        }
        QTest::addRow("alias expansion") << laughs
                + "clouds:\n  g:\n    auth_type: none\n    auth: {endpoint: 'http://h'}\n    x: *l6\n"
                                         << QByteArray() << u"g"_s << u"holds more than"_s << QString() << QString()
                                         << QString() << QString() << QString() << QString();
        QTest::addRow("tenant_name is project_name")
            << QByteArray("clouds:\n  t:\n    auth:\n      auth_url: http://k\n      username: u\n      password: p\n  "
                          "    tenant_name: old\n")
            << QByteArray() << u"t"_s << QString() << u"password"_s << u"http://k"_s << u"p"_s << u"old"_s << QString()
            << u"public"_s;
    }

    void cloudsYaml()
    {
        QFETCH(QByteArray, clouds);
        QFETCH(QByteArray, secure);
        QFETCH(QString, name);
        QFETCH(QString, error);
        auto cloud = parseCloudsYaml(clouds, secure, name, u"clouds.yaml"_s);
        if (!error.isEmpty()) {
            QVERIFY(!cloud);
            QVERIFY2(cloud.error().message.contains(error), qPrintable(cloud.error().message));
            QVERIFY(!cloud.error().message.contains(u"hunter2"_s));
            return;
        }
        QVERIFY2(cloud, qPrintable(cloud ? QString() : cloud.error().message));
        QTEST(cloud->authType, "authType");
        QTEST(cloud->authUrl, "authUrl");
        QTEST(cloud->password, "password");
        QTEST(cloud->projectName, "project");
        QTEST(cloud->regionName, "region");
        QTEST(cloud->interface, "interface");
    }

    void environment()
    {
        QProcessEnvironment env;
        env.insert(u"OS_AUTH_URL"_s, u"http://k:5000"_s);
        env.insert(u"OS_USERNAME"_s, u"bob"_s);
        env.insert(u"OS_PASSWORD"_s, u"pw"_s);
        env.insert(u"OS_PROJECT_NAME"_s, u"p"_s);
        env.insert(u"OS_INTERFACE"_s, u"admin"_s);
        auto cloud = loadCloud({}, {}, env);
        QVERIFY(cloud);
        QCOMPARE(cloud->name, u"envvars"_s);
        QCOMPARE(cloud->username, u"bob"_s);
        QCOMPARE(cloud->interface, u"admin"_s);
        auto none = loadCloud({}, {}, QProcessEnvironment());
        QVERIFY(!none);
        QVERIFY(none.error().message.contains(u"--cloud"_s));
    }

    void missingPasswordLeftToTheGui()
    {
        const QByteArray clouds(
            "clouds:\n  b:\n    auth:\n      auth_url: http://k\n      username: u\n  a:\n    auth_type: none\n"
            "    auth:\n      endpoint: http://g\n");
        auto strict = parseCloudsYaml(clouds, {}, u"b"_s, u"clouds.yaml"_s);
        QVERIFY(!strict);
        QVERIFY(strict.error().message.contains(u"no password"_s));
        auto lenient = parseCloudsYaml(clouds, {}, u"b"_s, u"clouds.yaml"_s, MissingPassword::Allowed);
        QVERIFY2(lenient, qPrintable(lenient ? QString() : lenient.error().message));
        QVERIFY(needsPassword(*lenient));
        auto none = parseCloudsYaml(clouds, {}, u"a"_s, u"clouds.yaml"_s, MissingPassword::Allowed);
        QVERIFY(none && !needsPassword(*none));

        QTemporaryDir dir;
        QFile file(dir.filePath(u"clouds.yaml"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(clouds);
        file.close();
        QProcessEnvironment env;
        QCOMPARE(configuredCloudNames(file.fileName(), env), (QStringList{u"a"_s, u"b"_s}));
        env.insert(u"OS_AUTH_URL"_s, u"http://k:5000"_s);
        env.insert(u"OS_USERNAME"_s, u"bob"_s);
        QCOMPARE(configuredCloudNames(file.fileName(), env), (QStringList{u"a"_s, u"b"_s, u"envvars"_s}));
        auto fromEnv = loadCloud(u"envvars"_s, file.fileName(), env, MissingPassword::Allowed);
        QVERIFY2(fromEnv, qPrintable(fromEnv ? QString() : fromEnv.error().message));
        QCOMPARE(fromEnv->username, u"bob"_s);
        QVERIFY(needsPassword(*fromEnv));
    }

    void ovf_data()
    {
        QTest::addColumn<QByteArray>("xml");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("href");
        QTest::addColumn<QString>("format");
        QTest::addColumn<qint64>("capacity");
        const QByteArray head = rawText(0);
        QTest::addRow("one vmdk disk") << head + rawText(1) << QString() << u"disk1.vmdk"_s << u"vmdk"_s
                                       << (qint64(1) << 30);
        QTest::addRow("no disk section") << head + rawText(2) << u"no disk"_s << QString() << QString() << qint64(0);
        QTest::addRow("dangling fileRef") << head + rawText(3) << u"missing"_s << QString() << QString() << qint64(0);
        // Found by fuzz_ovf: capacity times its unit overflowed a qint64 (undefined behaviour).
        QTest::addRow("capacity beyond 63 bits is unknown") << head
                + QByteArray("<References><File ovf:id=\"f\" ovf:href=\"d.vmdk\"/></References><DiskSection>"
                             "<Disk ovf:diskId=\"d\" ovf:fileRef=\"f\" ovf:capacity=\"9223372036854775807\" "
                             "ovf:capacityAllocationUnits=\"byte * 2^40\" ovf:format=\"http://www.vmware.com/"
                             "interfaces/specifications/vmdk.html#streamOptimized\"/></DiskSection></Envelope>")
                                                            << QString() << u"d.vmdk"_s << u"vmdk"_s << qint64(-1);
        QTest::addRow("not xml") << QByteArray("<Envelope><oops") << u"not valid XML"_s << QString() << QString()
                                 << qint64(0);
        QTest::addRow("not an envelope") << QByteArray("<Other/>") << u"no Envelope"_s << QString() << QString()
                                         << qint64(0);
    }

    void ovf()
    {
        QFETCH(QByteArray, xml);
        QFETCH(QString, error);
        auto disks = parseOvf(xml);
        if (!error.isEmpty()) {
            QVERIFY(!disks);
            QVERIFY2(disks.error().message.contains(error), qPrintable(disks.error().message));
            return;
        }
        QVERIFY(disks);
        QCOMPARE(disks->size(), 1);
        QTEST(disks->first().fileHref, "href");
        QTEST(disks->first().format, "format");
        QTEST(disks->first().capacity, "capacity");
    }

    void glancePage_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("next");
        QTest::addColumn<bool>("ok");
        QTest::addRow("last page") << (rawText(4)) << 1 << QString() << true;
        QTest::addRow("more pages") << (rawText(5)) << 2 << u"b"_s << true;
        QTest::addRow("queued image has null sizes") << (rawText(6)) << 1 << QString() << true;
        QTest::addRow("not json") << QByteArray("<html>") << 0 << QString() << false;
        QTest::addRow("no images") << (rawText(7)) << 0 << QString() << false;
        QTest::addRow("image without id") << (rawText(8)) << 0 << QString() << false;
    }

    void glancePage()
    {
        QFETCH(QByteArray, json);
        QString next;
        auto images = parseGlanceImagePage(json, &next);
        QFETCH(bool, ok);
        QCOMPARE(bool(images), ok);
        if (!ok)
            return;
        QTEST(int(images->size()), "count");
        QTEST(next, "next");
        if (images->first().id == u"a" && images->size() == 1) {
            QCOMPARE(images->first().size, 196616);
            QCOMPARE(images->first().virtualSize, 16777216);
            QCOMPARE(images->first().osHashAlgo, u"sha512"_s);
            QCOMPARE(images->first().diskFormat, u"qcow2"_s);
        }
        if (images->first().id == u"q")
            QCOMPARE(images->first().size, -1);
    }

    void glanceSizes_data()
    {
        QTest::addColumn<QJsonValue>("size");
        QTest::addColumn<qint64>("expected");
        QTest::addRow("bytes") << QJsonValue(196616) << qint64(196616);
        QTest::addRow("null") << QJsonValue() << qint64(-1);
        QTest::addRow("text") << QJsonValue(u"12"_s) << qint64(-1);
        QTest::addRow("negative") << QJsonValue(-5) << qint64(-1);
        // Found by fuzz_glance_json: converting 1.5e300 to qint64 is undefined behaviour.
        QTest::addRow("beyond qint64") << QJsonValue(1.5e300) << qint64(-1);
        QTest::addRow("not a number") << QJsonValue(std::nan("")) << qint64(-1);
    }

    void glanceSizes()
    {
        QFETCH(QJsonValue, size);
        auto image = parseGlanceImage(QJsonObject{{u"id"_s, u"a"_s}, {u"size"_s, size}, {u"virtual_size"_s, size}});
        QVERIFY(image);
        QTEST(image->size, "expected");
        QTEST(image->virtualSize, "expected");
    }

    void catalog_data()
    {
        QTest::addColumn<QString>("interface");
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("url"); // empty: error
        QTest::addRow("public") << u"public"_s << QString() << u"http://pub:9292"_s;
        QTest::addRow("internal in region two") << u"internal"_s << u"Two"_s << u"http://int2:9292"_s;
        QTest::addRow("publicURL spelling") << u"publicURL"_s << u"One"_s << u"http://pub:9292"_s;
        QTest::addRow("missing region") << u"public"_s << u"Three"_s << QString();
    }

    void catalog()
    {
        const QByteArray body = rawText(9);
        QFETCH(QString, interface);
        QFETCH(QString, region);
        QFETCH(QString, url);
        auto endpoint = imageEndpointFromCatalog(body, interface, region);
        QCOMPARE(bool(endpoint), !url.isEmpty());
        if (endpoint)
            QCOMPARE(endpoint->toString(), url);
        else
            QVERIFY(endpoint.error().message.contains(u"internal@Two"_s));
    }

    void urlNames_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("sha256");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("redacted");
        QTest::addRow("plain") << u"HTTP://Example.COM:80/a/../img.qcow2"_s << QString()
                               << u"url:http://example.com/img.qcow2"_s << u"http://example.com:80/a/../img.qcow2"_s;
        QTest::addRow("credentials and fragment dropped") << u"https://bob:pw@h:8443/x.img#frag"_s << QString()
                                                          << u"url:https://h:8443/x.img"_s << u"https://h:8443/x.img"_s;
        QTest::addRow("query values hidden in messages")
            << u"https://h/x.img?token=s3cr3t"_s << QString() << u"url:https://h/x.img?token=s3cr3t"_s
            << u"https://h/x.img?token=…"_s;
        QTest::addRow("sha256 names the content")
            << u"http://h/x"_s << u"ABCDEF"_s << u"sha256:abcdef"_s << u"http://h/x"_s;
    }

    void urlNames()
    {
        QFETCH(QString, url);
        QFETCH(QString, sha256);
        QTEST(HttpSource::imageIdFor(QUrl(url), sha256), "id");
        QTEST(redactedUrl(QUrl(url)), "redacted");
    }

    void archiveNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("archive");
        for (const char *yes :
            {"a.img.gz", "a.raw.xz", "a.qcow2.zst", "a.bz2", "a.tar", "a.tar.gz", "a.tgz", "a.zip", "a.OVA"})
            QTest::addRow("%s", yes) << QString::fromLatin1(yes) << true;
        for (const char *no : {"a.qcow2", "a.img", "a.vmdk", "a.iso", "gz"})
            QTest::addRow("%s", no) << QString::fromLatin1(no) << false;
    }

    void archiveNames()
    {
        QFETCH(QString, name);
        QTEST(isArchiveName(name), "archive");
    }
};

QTEST_GUILESS_MAIN(TestSourceParsers)
#include "tst_sourceparsers.moc"

static QByteArray rawText(int index)
{
    static const char *const texts[] = {
        R"(<?xml version="1.0"?><Envelope xmlns="http://schemas.dmtf.org/ovf/envelope/1" xmlns:ovf="http://schemas.dmtf.org/ovf/envelope/1">)",
        R"(<References><File ovf:id="file1" ovf:href="disk1.vmdk"/><File ovf:id="f2" ovf:href="notes.txt"/></References>
            <DiskSection><Info>x</Info><Disk ovf:diskId="vmdisk1" ovf:fileRef="file1" ovf:capacity="1" ovf:capacityAllocationUnits="byte * 2^30"
            ovf:format="http://www.vmware.com/interfaces/specifications/vmdk.html#streamOptimized"/></DiskSection></Envelope>)",
        R"(<References><File ovf:id="a" ovf:href="a.vmdk"/></References></Envelope>)",
        R"(<DiskSection><Disk ovf:diskId="d" ovf:fileRef="missing" ovf:capacity="10"/></DiskSection></Envelope>)",
        R"({"images":[{"id":"a","name":"cirros","status":"active","disk_format":"qcow2",
            "container_format":"bare","size":196616,"virtual_size":16777216,"os_hash_algo":"sha512","os_hash_value":"ab",
            "checksum":"cd","visibility":"public"}],"first":"/v2/images","schema":"/v2/schemas/images"})",
        R"({"images":[{"id":"a"},{"id":"b"}],"next":"/v2/images?marker=b&limit=2"})",
        R"({"images":[{"id":"q","status":"queued","size":null,"virtual_size":null}]})",
        R"({"error":1})",
        R"({"images":[{"name":"x"}]})",
        R"({"token":{"catalog":[{"type":"identity","endpoints":[{"interface":"public","region_id":"One","url":"http://k/v3"}]},
            {"type":"image","endpoints":[{"interface":"public","region_id":"One","url":"http://pub:9292/"},
            {"interface":"internal","region_id":"One","url":"http://int1:9292"},
            {"interface":"internal","region_id":"Two","url":"http://int2:9292/v2"}]}]}})",
    };
    return QByteArray(texts[index]);
}
