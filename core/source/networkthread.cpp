#include "source/networkthread.h"

#include <QFileInfo>
#include <QMetaObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QThread>
#include <QUrlQuery>

#include <condition_variable>
#include <mutex>

using namespace Qt::StringLiterals;

namespace cowherd::source {

struct NetworkThread::Thread : QThread
{
};

QByteArray HttpResponse::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (name.compare(key, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QString redactedUrl(const QUrl &url)
{
    QUrl copy = url;
    copy.setUserInfo({});
    copy.setFragment({});
    if (copy.hasQuery()) {
        QUrlQuery query(copy);
        auto items = query.queryItems();
        for (auto &item : items)
            item.second = u"…"_s;
        query.setQueryItems(items);
        copy.setQuery(query);
    }
    return copy.toDisplayString();
}

QString redactUrlIn(QString text, const QUrl &url)
{
    const QString redacted = redactedUrl(url);
    for (const QString &form : {url.toString(), url.toDisplayString(), url.toString(QUrl::FullyEncoded)}) {
        if (!form.isEmpty())
            text.replace(form, redacted);
    }
    if (!url.password().isEmpty())
        text.replace(url.password(), u"…"_s);
    return text;
}

Error::Kind kindOfHttpStatus(int status)
{
    switch (status) {
    case 401:
    case 407:
        return Error::Kind::Authentication;
    case 403:
        return Error::Kind::Permission;
    case 404:
    case 410:
        return Error::Kind::NotFound;
    case 408:
    case 504:
        return Error::Kind::Timeout;
    case 423:
    case 429:
        return Error::Kind::Busy;
    case 502:
    case 503:
        return Error::Kind::Unreachable;
    default:
        return Error::Kind::Failure;
    }
}

namespace {

Error::Kind kindOfNetworkError(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ServiceUnavailableError:
        return Error::Kind::Unreachable;
    case QNetworkReply::TimeoutError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::OperationCanceledError:
        return Error::Kind::Timeout; // see networkError()
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::AuthenticationRequiredError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
        return Error::Kind::Authentication;
    case QNetworkReply::ContentAccessDenied:
        return Error::Kind::Permission;
    case QNetworkReply::ContentNotFoundError:
        return Error::Kind::NotFound;
    case QNetworkReply::ProtocolUnknownError:
        return Error::Kind::Unsupported;
    default:
        return Error::Kind::Failure;
    }
}

QString describeNetworkError(QNetworkReply *reply, const QUrl &url, const QString &sslErrors)
{
    const QString where = redactedUrl(url);
    if (reply->error() == QNetworkReply::SslHandshakeFailedError) {
        return u"The TLS certificate of %1 is not trusted (%2). Pass the certificate of the CA that "
               "signed it with --ca-file FILE; Cowherd never turns verification off."_s.arg(
                   url.host(), sslErrors.isEmpty() ? redactUrlIn(reply->errorString(), url) : sslErrors);
    }
    if (reply->error() == QNetworkReply::TooManyRedirectsError)
        return u"%1 redirected too many times; check the URL."_s.arg(where);
    if (reply->error() == QNetworkReply::InsecureRedirectError)
        return u"%1 redirected from https to plain http, or elsewhere while carrying a token; refusing to "
               "follow."_s.arg(where);
    // Cowherd aborts replies only through the transfer timeout (a cancelled task never reads the
    // error): say what it means instead of Qt's "Operation canceled".
    if (reply->error() == QNetworkReply::OperationCanceledError)
        return u"%1 sent nothing for %2 s (the server hangs or the network is down; --http-timeout "
               "sets how long to wait)."_s.arg(where)
                   .arg(reply->request().transferTimeout() / 1000);
    return u"Cannot download %1: %2."_s.arg(where, redactUrlIn(reply->errorString(), url));
}

} // namespace

Error networkError(QNetworkReply *reply, const QUrl &url, const QString &sslErrors)
{
    return Error::make(kindOfNetworkError(reply->error()), describeNetworkError(reply, url, sslErrors));
}

NetworkThread::NetworkThread(HttpSettings settings)
    : m_settings(std::move(settings))
    , m_thread(std::make_unique<Thread>())
{
    m_thread->setObjectName(u"cowherd-network"_s);
    m_context = new QObject;
    m_context->moveToThread(m_thread.get());
    m_thread->start();
    runBlocking([this] { m_manager = new QNetworkAccessManager(m_context); });
}

NetworkThread::~NetworkThread()
{
    runBlocking([this] {
        delete m_context;
        m_context = nullptr;
    });
    m_thread->quit();
    m_thread->wait();
}

void NetworkThread::runBlocking(const std::function<void()> &fn)
{
    if (QThread::currentThread() == m_thread.get()) {
        fn();
        return;
    }
    QMetaObject::invokeMethod(m_context, fn, Qt::BlockingQueuedConnection);
}

Status NetworkThread::checkSettings() const
{
    if (m_settings.caFile.isEmpty())
        return {};
    if (!QFileInfo(m_settings.caFile).isReadable())
        return fail(
            Error::Kind::NotFound, u"The CA file %1 does not exist or cannot be read."_s.arg(m_settings.caFile));
    if (QSslCertificate::fromPath(m_settings.caFile, QSsl::Pem).isEmpty())
        return fail(u"The CA file %1 holds no PEM certificate."_s.arg(m_settings.caFile));
    return {};
}

QNetworkRequest NetworkThread::prepare(const HttpRequest &request) const
{
    QNetworkRequest r(request.url);
    // Qt keeps raw headers across redirects: a token must not follow one to another site.
    bool credentials = false;
    for (const auto &[key, value] : request.headers)
        credentials = credentials || key.compare("X-Auth-Token", Qt::CaseInsensitive) == 0
            || key.compare("Authorization", Qt::CaseInsensitive) == 0;
    r.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
        credentials ? QNetworkRequest::SameOriginRedirectPolicy : QNetworkRequest::NoLessSafeRedirectPolicy);
    r.setMaximumRedirectsAllowed(m_settings.maxRedirects);
    r.setTransferTimeout(m_settings.transferTimeoutMs);
    r.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("cowherd"));
    for (const auto &[key, value] : request.headers)
        r.setRawHeader(key, value);
    if (request.url.scheme() == u"https") {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
        if (!m_settings.caFile.isEmpty())
            tls.setCaCertificates(
                QSslConfiguration::systemCaCertificates() + QSslCertificate::fromPath(m_settings.caFile, QSsl::Pem));
        r.setSslConfiguration(tls);
    }
    return r;
}

Result<HttpResponse> NetworkThread::send(const HttpRequest &request)
{
    if (auto ok = checkSettings(); !ok)
        return std::unexpected(ok.error());
    std::mutex mutex;
    std::condition_variable done;
    std::optional<Result<HttpResponse>> outcome;
    QString sslErrors;

    QMetaObject::invokeMethod(m_context, [&] {
        QNetworkReply *reply = m_manager->sendCustomRequest(prepare(request), request.method, request.body);
        QObject::connect(reply, &QNetworkReply::sslErrors, m_context, [&](const QList<QSslError> &errors) {
            QStringList texts;
            for (const QSslError &e : errors)
                texts.append(e.errorString());
            sslErrors = texts.join(u"; "_s);
        });
        QObject::connect(reply, &QNetworkReply::finished, m_context, [&, reply] {
            Result<HttpResponse> result;
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status == 0) {
                result = std::unexpected(networkError(reply, request.url, sslErrors));
            } else {
                HttpResponse response;
                response.status = status;
                response.reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
                for (const auto &pair : reply->rawHeaderPairs())
                    response.headers.append(pair);
                response.body = reply->readAll();
                response.url = reply->url();
                result = std::move(response);
            }
            reply->deleteLater();
            std::lock_guard lock(mutex);
            outcome = std::move(result);
            done.notify_all();
        });
    });
    std::unique_lock lock(mutex);
    done.wait(lock, [&] { return outcome.has_value(); });
    return std::move(*outcome);
}

} // namespace cowherd::source
