#include "source/cloudsession.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcSource)

namespace cowherd::source {

namespace {

QUrl withoutVersion(QString url)
{
    while (url.endsWith(u'/'))
        url.chop(1);
    if (url.endsWith(u"/v2"_s))
        url.chop(3);
    return QUrl(url);
}

QJsonObject named(const QString &name, const QString &id)
{
    return id.isEmpty() ? QJsonObject{{u"name"_s, name}} : QJsonObject{{u"id"_s, id}};
}

QByteArray authBody(const CloudConfig &c)
{
    QJsonObject identity;
    QJsonObject auth;
    if (c.authType == u"v3applicationcredential") {
        QJsonObject credential{{u"secret"_s, c.applicationCredentialSecret}};
        if (!c.applicationCredentialId.isEmpty()) {
            credential.insert(u"id"_s, c.applicationCredentialId);
        } else {
            credential.insert(u"name"_s, c.applicationCredentialName);
            QJsonObject user = named(c.username, c.userId);
            user.insert(
                u"domain"_s, named(c.userDomainName.isEmpty() ? u"Default"_s : c.userDomainName, c.userDomainId));
            credential.insert(u"user"_s, user);
        }
        identity = {{u"methods"_s, QJsonArray{u"application_credential"_s}}, {u"application_credential"_s, credential}};
    } else {
        QJsonObject user = named(c.username, c.userId);
        if (c.userId.isEmpty())
            user.insert(
                u"domain"_s, named(c.userDomainName.isEmpty() ? u"Default"_s : c.userDomainName, c.userDomainId));
        user.insert(u"password"_s, c.password);
        identity = {{u"methods"_s, QJsonArray{u"password"_s}}, {u"password"_s, QJsonObject{{u"user"_s, user}}}};
        if (!c.projectName.isEmpty() || !c.projectId.isEmpty()) {
            QJsonObject project = named(c.projectName, c.projectId);
            if (c.projectId.isEmpty())
                project.insert(u"domain"_s,
                    named(c.projectDomainName.isEmpty() ? u"Default"_s : c.projectDomainName, c.projectDomainId));
            auth.insert(u"scope"_s, QJsonObject{{u"project"_s, project}});
        }
    }
    auth.insert(u"identity"_s, identity);
    return QJsonDocument(QJsonObject{{u"auth"_s, auth}}).toJson(QJsonDocument::Compact);
}

QString who(const CloudConfig &c)
{
    if (c.authType == u"v3applicationcredential")
        return u"application credential %1"_s.arg(
            c.applicationCredentialId.isEmpty() ? c.applicationCredentialName : c.applicationCredentialId);
    QString text = u"user %1"_s.arg(c.username.isEmpty() ? c.userId : c.username);
    if (!c.projectName.isEmpty() || !c.projectId.isEmpty())
        text += u" in project %1"_s.arg(c.projectName.isEmpty() ? c.projectId : c.projectName);
    return text;
}

} // namespace

Result<QUrl> imageEndpointFromCatalog(const QByteArray &tokenBody, const QString &interface, const QString &region)
{
    QString wantedInterface = interface.isEmpty() ? u"public"_s : interface.toLower();
    if (wantedInterface.endsWith(u"url"_s))
        wantedInterface.chop(3); // "publicURL" in the style of old clients
    const QJsonArray catalog
        = QJsonDocument::fromJson(tokenBody).object().value(u"token"_s).toObject().value(u"catalog"_s).toArray();
    QStringList offered;
    for (const QJsonValue &service : catalog) {
        if (service[u"type"_s].toString() != u"image")
            continue;
        for (const QJsonValue &endpoint : service[u"endpoints"_s].toArray()) {
            const QString itsRegion = endpoint[u"region_id"_s].toString(endpoint[u"region"_s].toString());
            const QString itsInterface = endpoint[u"interface"_s].toString();
            offered.append(itsInterface + u'@' + itsRegion);
            if (itsInterface == wantedInterface && (region.isEmpty() || region == itsRegion))
                return withoutVersion(endpoint[u"url"_s].toString());
        }
    }
    if (offered.isEmpty())
        return fail(Error::Kind::NotFound, u"The service catalog has no image service (Glance)."_s);
    return fail(Error::Kind::NotFound,
        u"The service catalog has no %1 image endpoint%2 (it has: %3)."_s.arg(
            wantedInterface, region.isEmpty() ? QString() : u" in region "_s + region, offered.join(u", "_s)));
}

CloudSession::CloudSession(CloudConfig cloud, std::shared_ptr<NetworkThread> network)
    : m_cloud(std::move(cloud))
    , m_network(std::move(network))
{ }

void CloudSession::setRenewMargin(qint64 seconds)
{
    std::lock_guard lock(m_mutex);
    m_renewMargin = seconds;
}

int CloudSession::authentications() const
{
    std::lock_guard lock(m_mutex);
    return m_authentications;
}

void CloudSession::invalidateToken()
{
    std::lock_guard lock(m_mutex);
    m_token.clear();
}

Status CloudSession::authenticateLocked()
{
    QString base = m_cloud.authUrl;
    while (base.endsWith(u'/'))
        base.chop(1);
    if (!base.endsWith(u"/v3"_s))
        base += u"/v3"_s;
    HttpRequest request;
    request.method = "POST";
    request.url = QUrl(base + u"/auth/tokens"_s);
    request.headers = {{"Content-Type", "application/json"}, {"Accept", "application/json"}};
    request.body = authBody(m_cloud);
    auto response = m_network->send(request);
    if (!response)
        return fail(
            response.error(), u"Cannot reach Keystone for cloud %1: %2"_s.arg(m_cloud.name, response.error().message));
    if (response->status == 401)
        return fail(Error::Kind::Authentication,
            u"Keystone at %1 refused the credentials of %2 (cloud %3, from %4): HTTP 401. Check the "
            "password or secret in clouds.yaml/secure.yaml or OS_PASSWORD."_s.arg(
                redactedUrl(request.url), who(m_cloud), m_cloud.name, m_cloud.origin));
    if (response->status != 201 && response->status != 200)
        return fail(kindOfHttpStatus(response->status),
            u"Keystone at %1 answered HTTP %2 %3 to the login of %4 (cloud %5)."_s.arg(redactedUrl(request.url))
                .arg(response->status)
                .arg(QString::fromLatin1(response->reason), who(m_cloud), m_cloud.name));
    const QByteArray token = response->header("X-Subject-Token");
    if (token.isEmpty())
        return fail(Error::Kind::Corrupt, u"Keystone at %1 answered without a token."_s.arg(redactedUrl(request.url)));
    const QJsonObject body = QJsonDocument::fromJson(response->body).object().value(u"token"_s).toObject();
    QDateTime expires = QDateTime::fromString(body.value(u"expires_at"_s).toString(), Qt::ISODateWithMs);
    if (!expires.isValid())
        expires = QDateTime::currentDateTimeUtc().addSecs(3600);
    if (m_cloud.imageEndpointOverride.isEmpty()) {
        auto endpoint = imageEndpointFromCatalog(response->body, m_cloud.interface, m_cloud.regionName);
        if (!endpoint)
            return fail(endpoint.error(), u"Cloud %1: %2"_s.arg(m_cloud.name, endpoint.error().message));
        m_imageEndpoint = *endpoint;
    } else {
        m_imageEndpoint = withoutVersion(m_cloud.imageEndpointOverride);
    }
    m_token = token;
    m_expiresAt = expires;
    ++m_authentications;
    qCInfo(lcSource) << "authenticated to cloud" << m_cloud.name << "token expires" << expires;
    return {};
}

Result<std::pair<QUrl, QByteArray>> CloudSession::access()
{
    if (!m_cloud.usesKeystone())
        return std::pair{withoutVersion(m_cloud.endpoint), QByteArray()};
    std::lock_guard lock(m_mutex);
    if (m_token.isEmpty() || QDateTime::currentDateTimeUtc().addSecs(m_renewMargin) >= m_expiresAt) {
        if (auto ok = authenticateLocked(); !ok)
            return std::unexpected(ok.error());
    }
    return std::pair{m_imageEndpoint, m_token};
}

Result<QByteArray> CloudSession::token()
{
    auto a = access();
    if (!a)
        return std::unexpected(a.error());
    return a->second;
}

Result<QUrl> CloudSession::imageEndpoint()
{
    auto a = access();
    if (!a)
        return std::unexpected(a.error());
    return a->first;
}

Result<HttpHeaders> CloudSession::authHeaders()
{
    auto t = token();
    if (!t)
        return std::unexpected(t.error());
    if (t->isEmpty())
        return HttpHeaders();
    return HttpHeaders{{"X-Auth-Token", *t}};
}

Result<HttpResponse> CloudSession::sendToImage(
    const QByteArray &method, const QString &pathAndQuery, const QByteArray &body, const HttpHeaders &headers)
{
    for (int attempt = 0;; ++attempt) {
        auto a = access();
        if (!a)
            return std::unexpected(a.error());
        HttpRequest request;
        request.method = method;
        request.url = QUrl(a->first.toString() + pathAndQuery);
        if (!a->second.isEmpty())
            request.headers.append({"X-Auth-Token", a->second});
        request.headers += headers;
        request.body = body;
        auto response = m_network->send(request);
        if (response && response->status == 401 && m_cloud.usesKeystone() && attempt == 0) {
            qCInfo(lcSource) << "image service refused the token; authenticating again";
            invalidateToken();
            continue;
        }
        return response;
    }
}

Result<std::shared_ptr<CloudSession>> openCloudSession(
    const QString &cloudName, const QString &caFile, const QString &cloudsYaml, int idleTimeoutMs)
{
    auto cloud = loadCloud(cloudName, cloudsYaml);
    if (!cloud)
        return std::unexpected(cloud.error());
    return sessionForCloud(std::move(*cloud), caFile, idleTimeoutMs);
}

Result<std::shared_ptr<CloudSession>> sessionForCloud(CloudConfig cloud, const QString &caFile, int idleTimeoutMs)
{
    const QString ca = caFile.isEmpty() ? cloud.caCert : caFile;
    auto network = std::make_shared<NetworkThread>(HttpSettings{ca, 5, idleTimeoutMs});
    if (auto ok = network->checkSettings(); !ok)
        return std::unexpected(ok.error());
    return std::make_shared<CloudSession>(std::move(cloud), std::move(network));
}

} // namespace cowherd::source
