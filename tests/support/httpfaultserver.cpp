#include "httpfaultserver.h"

#include "testlab.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>

using namespace Qt::StringLiterals;

namespace cowherd::test {

HttpFaultServer::HttpFaultServer(bool tls)
    : m_tls(tls)
{
    QStringList arguments{
        QStringLiteral(COWHERD_SOURCE_DIR) + u"/tests/support/httpfaults.py"_s, u"--root"_s, m_root.path()};
    if (tls) {
        const QString key = m_dir.path() + u"/key.pem"_s;
        if (!runTool({u"openssl"_s, u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-days"_s, u"2"_s,
                u"-subj"_s, u"/CN=127.0.0.1"_s, u"-addext"_s, u"subjectAltName=IP:127.0.0.1"_s, u"-keyout"_s, key,
                u"-out"_s, certificateFile()}))
            return;
        arguments += {u"--cert"_s, certificateFile(), u"--key"_s, key};
    }
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start(u"/usr/bin/python3"_s, arguments);
    while (m_process.state() != QProcess::NotRunning && !m_process.canReadLine())
        m_process.waitForReadyRead(10000);
    const QByteArray line = m_process.readLine().trimmed();
    if (line.startsWith("PORT "))
        m_port = line.mid(5).toInt();
}

HttpFaultServer::~HttpFaultServer()
{
    m_process.kill();
    m_process.waitForFinished(5000);
}

QString HttpFaultServer::url(const QString &path) const
{
    return u"%1://127.0.0.1:%2/%3"_s.arg(m_tls ? u"https"_s : u"http"_s).arg(m_port).arg(path);
}

GlanceFixture GlanceFixture::noAuth()
{
    const auto env = QProcessEnvironment::systemEnvironment();
    return {env.value(u"COWHERD_GLANCE_URL"_s), env.value(u"COWHERD_GLANCE_DIR"_s) + u"/clouds.yaml"_s, {}};
}

GlanceFixture GlanceFixture::keystone()
{
    const auto env = QProcessEnvironment::systemEnvironment();
    GlanceFixture fixture{
        env.value(u"COWHERD_KEYSTONE_GLANCE_URL"_s), env.value(u"COWHERD_KEYSTONE_DIR"_s) + u"/clouds.yaml"_s, {}};
    const QString body
        = uR"({"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"admin","domain":{"name":"Default"},"password":"adminpw"}}},"scope":{"project":{"name":"admin","domain":{"name":"Default"}}}}})"_s;
    QByteArray headers;
    if (runTool({u"curl"_s, u"-sf"_s, u"-D"_s, u"-"_s, u"-o"_s, u"/dev/null"_s, u"-X"_s, u"POST"_s,
                    env.value(u"COWHERD_KEYSTONE_URL"_s) + u"/v3/auth/tokens"_s, u"-H"_s,
                    u"Content-Type: application/json"_s, u"-d"_s, body},
            &headers)) {
        for (const QByteArray &line : headers.split('\n')) {
            if (line.toLower().startsWith("x-subject-token:"))
                fixture.token = line.mid(16).trimmed();
        }
    }
    return fixture;
}

QString GlanceFixture::createImage(const QString &name, const QString &diskFormat, const QString &file) const
{
    QStringList auth;
    if (!token.isEmpty())
        auth = {u"-H"_s, u"X-Auth-Token: "_s + QString::fromLatin1(token)};
    const QString body
        = u"{\"name\":\"%1\",\"disk_format\":\"%2\",\"container_format\":\"bare\"}"_s.arg(name, diskFormat);
    QByteArray out;
    // The first request with a fresh token makes Glance's keystonemiddleware log in itself; on a
    // cold machine that can fail once, so the set-up (not the code under test) retries.
    if (!runTool(
            QStringList{u"curl"_s, u"-sf"_s, u"--retry"_s, u"3"_s, u"--retry-all-errors"_s, u"--retry-delay"_s, u"1"_s,
                u"-X"_s, u"POST"_s, url + u"/v2/images"_s, u"-H"_s, u"Content-Type: application/json"_s, u"-d"_s, body}
                + auth,
            &out))
        return {};
    const QString id = QJsonDocument::fromJson(out).object().value(u"id"_s).toString();
    if (id.isEmpty() || file.isEmpty())
        return id;
    if (!runTool(QStringList{u"curl"_s, u"-sf"_s, u"-X"_s, u"PUT"_s, url + u"/v2/images/"_s + id + u"/file"_s, u"-H"_s,
                     u"Content-Type: application/octet-stream"_s, u"--data-binary"_s, u'@' + file}
            + auth))
        return {};
    return id;
}

QByteArray GlanceFixture::show(const QString &id) const
{
    QStringList auth;
    if (!token.isEmpty())
        auth = {u"-H"_s, u"X-Auth-Token: "_s + QString::fromLatin1(token)};
    QByteArray out;
    runTool(QStringList{u"curl"_s, u"-sf"_s, url + u"/v2/images/"_s + id} + auth, &out);
    return out;
}

} // namespace cowherd::test
