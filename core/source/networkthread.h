#pragma once

#include "error.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;
class QObject;

namespace cowherd::source {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

struct HttpSettings
{
    QString caFile; // extra trusted CA certificates (PEM); the system's stay trusted
    int maxRedirects = 5;
    int transferTimeoutMs = 60000; // a transfer with no bytes for this long fails
};

struct HttpRequest
{
    QByteArray method = "GET";
    QUrl url;
    HttpHeaders headers;
    QByteArray body;
};

struct HttpResponse
{
    int status = 0;
    QByteArray reason;
    HttpHeaders headers;
    QByteArray body;
    QUrl url; // after redirects

    QByteArray header(QByteArrayView name) const;
};

// A URL for messages, logs and metadata: no user name or password, no query values (signed
// URLs carry their secrets there).
QString redactedUrl(const QUrl &url);
// Replaces every spelling of url in text (Qt's error strings quote it) with its redacted form.
QString redactUrlIn(QString text, const QUrl &url);
// "The TLS certificate of … is not trusted …" — what to do about a failed transfer, with its
// kind (Unreachable, Timeout, Authentication for an untrusted certificate…).
Error networkError(QNetworkReply *reply, const QUrl &url, const QString &sslErrors);
// The kind of an HTTP error status: 401 Authentication, 403 Permission, 404 NotFound…
Error::Kind kindOfHttpStatus(int status);

// One QNetworkAccessManager on a thread of its own, so blocking callers on any thread (the
// fetch pipeline's worker, the CLI) can use QtNetwork without an event loop of their own.
class NetworkThread
{
public:
    explicit NetworkThread(HttpSettings settings = {});
    ~NetworkThread();
    NetworkThread(const NetworkThread &) = delete;
    NetworkThread &operator=(const NetworkThread &) = delete;

    const HttpSettings &settings() const { return m_settings; }
    // Fails when the CA file is missing or holds no certificate.
    Status checkSettings() const;

    // Blocking; for small bodies (API calls). An HTTP error status is a response, not an error.
    Result<HttpResponse> send(const HttpRequest &request);

    // Network-thread only.
    QNetworkAccessManager *manager() const { return m_manager; }
    QObject *context() const { return m_context; }
    QNetworkRequest prepare(const HttpRequest &request) const;
    // Runs fn on the network thread and waits for it.
    void runBlocking(const std::function<void()> &fn);

private:
    struct Thread;
    HttpSettings m_settings;
    std::unique_ptr<Thread> m_thread;
    QObject *m_context = nullptr;
    QNetworkAccessManager *m_manager = nullptr;
};

} // namespace cowherd::source
