#pragma once

#include "source/cloudconfig.h"
#include "source/networkthread.h"

#include <QDateTime>

#include <memory>
#include <mutex>

namespace cowherd::source {

// An authenticated connection to one cloud: a Keystone v3 token (password or application
// credential), reused until it is about to expire and renewed then (or when a service answers
// 401), and the image endpoint from the token's service catalog (interface and region as the
// cloud says). For auth_type none there is no token and the endpoint is the configured one.
// Thread-safe.
class CloudSession
{
public:
    CloudSession(CloudConfig cloud, std::shared_ptr<NetworkThread> network);

    const CloudConfig &cloud() const { return m_cloud; }
    std::shared_ptr<NetworkThread> network() const { return m_network; }

    // Empty for auth_type none.
    Result<QByteArray> token();
    // The Glance root, without a version ("http://127.0.0.1:9292").
    Result<QUrl> imageEndpoint();
    // Forget the token: the next call authenticates again.
    void invalidateToken();
    // A token expiring within this margin is renewed before use (default 5 minutes).
    void setRenewMargin(qint64 seconds);
    // How many times Keystone issued a token to this session (tests, diagnostics).
    int authentications() const;

    // Sends a request to the image service (path relative to the endpoint, e.g. "/v2/images")
    // with the token; on a 401 it authenticates once more and retries.
    Result<HttpResponse> sendToImage(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body = {},
        const HttpHeaders &headers = {});
    // The headers a direct download needs (X-Auth-Token).
    Result<HttpHeaders> authHeaders();

private:
    Status authenticateLocked();
    // The endpoint and a valid token, read together (one renewal at most).
    Result<std::pair<QUrl, QByteArray>> access();

    CloudConfig m_cloud;
    std::shared_ptr<NetworkThread> m_network;
    mutable std::mutex m_mutex;
    QByteArray m_token;
    QDateTime m_expiresAt;
    QUrl m_imageEndpoint;
    qint64 m_renewMargin = 300;
    int m_authentications = 0;
};

// Opens a session for --cloud NAME / OS_CLOUD / OS_* with the CA file of the cloud (or caFile).
// idleTimeoutMs: a request that receives nothing for this long fails (a hung Keystone or Glance).
Result<std::shared_ptr<CloudSession>> openCloudSession(
    const QString &cloudName, const QString &caFile = {}, const QString &cloudsYaml = {}, int idleTimeoutMs = 60000);

// A session for a cloud already loaded (the GUI adds a password it asked for or read from
// the keyring), with the cloud's CA file (or caFile).
Result<std::shared_ptr<CloudSession>> sessionForCloud(
    CloudConfig cloud, const QString &caFile = {}, int idleTimeoutMs = 60000);

// The image endpoint in a Keystone v3 catalog (the "catalog" array of a token), or an error
// naming what is there. Exposed for tests.
Result<QUrl> imageEndpointFromCatalog(const QByteArray &tokenBody, const QString &interface, const QString &region);

} // namespace cowherd::source
