#include "source/httpsource.h"

#include "host/digest.h"
#include "host/digestworker.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QRegularExpression>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSource, "cowherd.source", QtWarningMsg)

namespace cowherd::source {

namespace {

constexpr qint64 socketBuffer = 1024 * 1024;

// What the network thread and the reading thread share; guarded by mutex.
struct Shared
{
    std::mutex mutex;
    std::condition_variable wake;
    std::deque<QByteArray> chunks;
    qint64 queued = 0;
    bool headers = false;
    bool ended = false;
    bool cancelled = false;
    std::optional<Error> error;
    QByteArray contentType;
    qint64 total = -1;
    int resumptions = 0;
};

bool looksLikeHtml(QByteArrayView head)
{
    const QByteArray start = head.first(std::min<qsizetype>(head.size(), 512)).toByteArray().trimmed().toLower();
    return start.startsWith("<!doctype html") || start.startsWith("<html") || start.startsWith("<head")
        || (start.startsWith("<!--") && start.contains("<html"));
}

// "bytes 100-199/1000" -> {100, 1000}; total -1 when "*".
std::optional<std::pair<qint64, qint64>> parseContentRange(const QByteArray &value)
{
    static const QRegularExpression re(u"^\\s*bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)\\s*$"_s);
    const auto match = re.match(QString::fromLatin1(value));
    if (!match.hasMatch())
        return std::nullopt;
    const qint64 total = match.captured(3) == u"*" ? -1 : match.captured(3).toLongLong();
    return std::pair{match.captured(1).toLongLong(), total};
}

// After a redirect Qt appends the final response's headers to the 3xx ones ("0, 1048576"
// for Content-Length): the last value is the final response's.
QByteArray lastHeaderValue(const QNetworkReply *reply, const char *name)
{
    const QByteArray value = reply->rawHeader(name);
    const qsizetype comma = value.lastIndexOf(',');
    return (comma < 0 ? value : value.mid(comma + 1)).trimmed();
}

// Lives on the network thread; only touches Shared under its mutex.
class Transfer
{
public:
    Transfer(NetworkThread *network, HttpRequest request, std::shared_ptr<Shared> shared, int maxRetries,
        qint64 queueBytes, QString name)
        : m_network(network)
        , m_request(std::move(request))
        , m_shared(std::move(shared))
        , m_maxRetries(maxRetries)
        , m_queueBytes(queueBytes)
        , m_name(std::move(name))
        , m_context(new QObject)
    { }
    ~Transfer()
    {
        dropReply();
        delete m_context;
    }

    QObject *context() const { return m_context; }

    void start()
    {
        QNetworkRequest request = m_network->prepare(m_request);
        // Qt would ask for gzip and inflate it silently: then sizes and ranges no longer match.
        request.setRawHeader("Accept-Encoding", "identity");
        if (m_position > 0)
            request.setRawHeader("Range", "bytes=" + QByteArray::number(m_position) + '-');
        m_metaChecked = false;
        m_finished = false;
        m_skip = 0;
        m_sslErrors.clear();
        m_reply = m_network->manager()->get(request);
        m_reply->setReadBufferSize(socketBuffer);
        QNetworkReply *reply = m_reply;
        QObject::connect(reply, &QNetworkReply::metaDataChanged, m_context, [this, reply] {
            if (reply == m_reply)
                checkMetaData();
        });
        QObject::connect(reply, &QNetworkReply::readyRead, m_context, [this, reply] {
            if (reply == m_reply)
                drain();
        });
        QObject::connect(reply, &QNetworkReply::sslErrors, m_context, [this, reply](const QList<QSslError> &errors) {
            if (reply != m_reply)
                return;
            QStringList texts;
            for (const QSslError &e : errors)
                texts.append(e.errorString());
            m_sslErrors = texts.join(u"; "_s);
        });
        QObject::connect(reply, &QNetworkReply::finished, m_context, [this, reply] {
            if (reply != m_reply)
                return;
            m_finished = true;
            drain();
        });
    }

    // Moves bytes from the reply to the queue while the queue has room.
    void drain()
    {
        if (!m_reply)
            return;
        if (!m_metaChecked)
            checkMetaData();
        if (!m_reply)
            return;
        const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status >= 300) {
            m_reply->readAll(); // an error page: not image bytes
        } else {
            for (;;) {
                const qint64 available = m_reply->bytesAvailable();
                if (available <= 0)
                    break;
                {
                    std::lock_guard lock(m_shared->mutex);
                    if (m_shared->queued >= m_queueBytes || m_shared->cancelled)
                        break;
                }
                if (m_position == 0 && m_attempts == 0)
                    recordFirstResponse();
                QByteArray bytes = m_reply->read(std::min(available, socketBuffer));
                if (m_skip > 0) {
                    const qint64 dropped = std::min<qint64>(m_skip, bytes.size());
                    bytes.remove(0, dropped);
                    m_skip -= dropped;
                }
                if (bytes.isEmpty())
                    continue;
                m_position += bytes.size();
                std::lock_guard lock(m_shared->mutex);
                m_shared->queued += bytes.size();
                m_shared->chunks.push_back(std::move(bytes));
                m_shared->wake.notify_all();
            }
        }
        if (m_finished && m_reply->bytesAvailable() <= 0)
            complete();
    }

private:
    void dropReply()
    {
        if (!m_reply)
            return;
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(m_context);
        reply->abort();
        reply->deleteLater();
    }

    // Headers of the first response. Called again when its body starts and ends: after a
    // redirect, Qt may signal before the final response's headers replace the 3xx ones.
    void recordFirstResponse()
    {
        const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        std::lock_guard lock(m_shared->mutex);
        m_shared->contentType = lastHeaderValue(m_reply, "Content-Type");
        bool known = false;
        const qint64 length = lastHeaderValue(m_reply, "Content-Length").toLongLong(&known);
        m_shared->total = status == 200 && known ? length : -1;
        m_shared->headers = true;
        m_shared->wake.notify_all();
    }

    void setError(Error error)
    {
        dropReply();
        std::lock_guard lock(m_shared->mutex);
        if (!m_shared->error)
            m_shared->error = std::move(error);
        m_shared->headers = true;
        m_shared->wake.notify_all();
    }

    void checkMetaData()
    {
        const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        // 3xx: Qt is following a redirect (or gives up; complete() reports that).
        if (status == 0 || m_metaChecked || (status >= 300 && status < 400))
            return;
        m_metaChecked = true;
        if (status >= 400)
            return; // reported when the reply finishes
        if (m_position == 0 && !m_started) {
            m_started = true;
            recordFirstResponse();
            return;
        }
        if (status == 206) {
            const auto range = parseContentRange(lastHeaderValue(m_reply, "Content-Range"));
            if (!range || range->first != m_position) {
                setError(Error::failure(u"%1 answered a resume request at byte %2 with the range \"%3\"; "
                                        "the download cannot continue safely. Try again."_s.arg(m_name)
                                            .arg(m_position)
                                            .arg(QString::fromLatin1(m_reply->rawHeader("Content-Range")))));
                return;
            }
            qint64 total;
            {
                std::lock_guard lock(m_shared->mutex);
                total = m_shared->total;
            }
            if (total >= 0 && range->second >= 0 && range->second != total)
                setError(Error::make(Error::Kind::Corrupt,
                    u"%1 changed size while it was being downloaded (%2 bytes, now %3)."_s.arg(m_name).arg(total).arg(
                        range->second)));
        } else {
            // The server ignores Range: it sends everything again; skip what we already have.
            m_skip = m_position;
        }
    }

    void complete()
    {
        QNetworkReply *reply = m_reply;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() == QNetworkReply::TooManyRedirectsError
            || reply->error() == QNetworkReply::InsecureRedirectError) {
            setError(networkError(reply, reply->url(), {}));
            return;
        }
        if (status >= 300) {
            const QByteArray reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
            const QUrl where = reply->url();
            setError(Error::make(kindOfHttpStatus(status),
                u"%1 could not be downloaded: the server answered HTTP %2 %3 for %4."_s.arg(m_name).arg(status).arg(
                    QString::fromLatin1(reason), redactedUrl(where))));
            return;
        }
        qint64 total;
        {
            std::lock_guard lock(m_shared->mutex);
            if (m_shared->cancelled) {
                dropReply();
                return;
            }
            total = m_shared->total;
        }
        if (m_attempts == 0 && m_metaChecked && reply->error() == QNetworkReply::NoError)
            recordFirstResponse();
        {
            std::lock_guard lock(m_shared->mutex);
            total = m_shared->total;
        }
        const bool failed = reply->error() != QNetworkReply::NoError;
        const bool shortBody = total >= 0 && m_position < total;
        if (!failed && !shortBody) {
            dropReply();
            std::lock_guard lock(m_shared->mutex);
            m_shared->ended = true;
            m_shared->wake.notify_all();
            return;
        }
        if (status == 0 && m_position == 0 && !m_started) {
            setError(networkError(reply, m_request.url, m_sslErrors));
            return;
        }
        if (m_attempts >= m_maxRetries) {
            setError(Error::make(Error::Kind::Unreachable,
                u"The download of %1 broke off after %2 of %3 bytes (%4), and %5 attempts to resume it failed."_s
                    .arg(m_name)
                    .arg(m_position)
                    .arg(total < 0 ? u"?"_s : QString::number(total))
                    .arg(!failed ? u"the body was cut short"_s
                            : reply->error() == QNetworkReply::OperationCanceledError
                            ? u"nothing arrived for %1 s"_s.arg(reply->request().transferTimeout() / 1000)
                            : redactUrlIn(reply->errorString(), reply->url()))
                    .arg(m_attempts)));
            return;
        }
        ++m_attempts;
        qCInfo(lcSource) << "resuming" << m_name << "at byte" << m_position << "attempt" << m_attempts;
        {
            std::lock_guard lock(m_shared->mutex);
            ++m_shared->resumptions;
        }
        dropReply();
        start();
    }

    NetworkThread *m_network;
    HttpRequest m_request;
    std::shared_ptr<Shared> m_shared;
    int m_maxRetries;
    qint64 m_queueBytes;
    QString m_name;
    QObject *m_context;
    QNetworkReply *m_reply = nullptr;
    QString m_sslErrors;
    qint64 m_position = 0; // bytes of the image handed to the queue
    qint64 m_skip = 0;
    int m_attempts = 0;
    bool m_metaChecked = false;
    bool m_finished = false;
    bool m_started = false;
};

} // namespace

struct HttpSource::Private
{
    std::shared_ptr<NetworkThread> network;
    QUrl url;
    HttpSourceOptions options;
    std::shared_ptr<Shared> shared = std::make_shared<Shared>();
    Transfer *transfer = nullptr;
    QPointer<QObject> transferContext;
    std::function<bool()> isCancelled;
    qint64 delivered = 0;
    // Fed by read() with the chunks it hands out, each on its own thread: the network thread
    // only moves bytes, so the socket keeps being read while the digests run.
    std::vector<std::pair<ExpectedDigest, std::unique_ptr<host::DigestWorker>>> digests;

    // Waits, under lock, until ready() or an error or cancellation.
    std::optional<Error> waitFor(std::unique_lock<std::mutex> &lock, const std::function<bool()> &ready)
    {
        while (!ready() && !shared->error) {
            if (shared->cancelled || (isCancelled && isCancelled())) {
                shared->cancelled = true;
                return Error::cancelled(u"Downloading %1 was cancelled."_s.arg(redactedUrl(url)));
            }
            shared->wake.wait_for(lock, std::chrono::milliseconds(100));
        }
        return shared->error;
    }
};

HttpSource::HttpSource(std::shared_ptr<NetworkThread> network, QUrl url, HttpSourceOptions options)
    : d(std::make_unique<Private>())
{
    d->network = std::move(network);
    d->url = std::move(url);
    d->options = std::move(options);
}

HttpSource::~HttpSource()
{
    cancel();
    if (d->transfer) {
        Transfer *transfer = d->transfer;
        d->network->runBlocking([transfer] { delete transfer; });
    }
}

QString HttpSource::displayName() const
{
    return d->options.displayName.isEmpty() ? redactedUrl(d->url) : d->options.displayName;
}

QString HttpSource::imageIdFor(const QUrl &url, const QString &sha256)
{
    if (!sha256.isEmpty())
        return u"sha256:"_s + sha256.toLower();
    QUrl copy = url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveFragment | QUrl::NormalizePathSegments);
    copy.setScheme(copy.scheme().toLower());
    copy.setHost(copy.host().toLower());
    if ((copy.scheme() == u"http" && copy.port() == 80) || (copy.scheme() == u"https" && copy.port() == 443))
        copy.setPort(-1);
    return u"url:"_s + copy.toString(QUrl::FullyEncoded);
}

void HttpSource::cancel()
{
    std::lock_guard lock(d->shared->mutex);
    d->shared->cancelled = true;
    d->shared->wake.notify_all();
}

int HttpSource::resumptions() const
{
    std::lock_guard lock(d->shared->mutex);
    return d->shared->resumptions;
}

Result<SourceDescription> HttpSource::open(const OpenOptions &options)
{
    if (d->transfer)
        return fail(u"%1 was opened twice."_s.arg(displayName()));
    if (d->url.scheme() != u"http" && d->url.scheme() != u"https")
        return fail(u"%1 is not an http or https URL."_s.arg(displayName()));
    if (auto ok = d->network->checkSettings(); !ok)
        return std::unexpected(ok.error());
    for (const ExpectedDigest &expected : d->options.digests) {
        const auto algorithm = host::Digest::fromName(expected.algorithm);
        if (!algorithm)
            return fail(Error::Kind::Unsupported,
                u"%1 promises a %2 checksum, which Cowherd cannot verify."_s.arg(displayName(), expected.algorithm));
        d->digests.emplace_back(expected, std::make_unique<host::DigestWorker>(*algorithm));
    }
    d->isCancelled = options.isCancelled;

    HttpRequest request;
    request.url = d->url;
    request.headers = d->options.headers;
    d->network->runBlocking([&] {
        d->transfer = new Transfer(
            d->network.get(), request, d->shared, d->options.maxRetries, d->options.queueBytes, displayName());
        d->transferContext = d->transfer->context();
        d->transfer->start();
    });

    SourceDescription description;
    {
        std::unique_lock lock(d->shared->mutex);
        if (auto error = d->waitFor(lock, [&] { return d->shared->headers || d->shared->ended; }))
            return std::unexpected(*error);
        const auto webPage = Error::refused(
            u"%1: the server answered with a web page, not an image (check the URL; a login or error page "
            "is not a disk image)."_s.arg(displayName()));
        if (d->shared->contentType.toLower().startsWith("text/html"))
            return std::unexpected(webPage);
        if (auto error = d->waitFor(lock, [&] { return !d->shared->chunks.empty() || d->shared->ended; }))
            return std::unexpected(*error);
        if (!d->shared->chunks.empty() && looksLikeHtml(d->shared->chunks.front()))
            return std::unexpected(webPage);
        description.size = d->shared->total;
    }
    description.location = redactedUrl(d->url);
    description.declaredFormat = d->options.declaredFormat;
    QString sha256;
    for (const ExpectedDigest &expected : d->options.digests) {
        if (expected.algorithm == u"sha256")
            sha256 = QString::fromLatin1(expected.hex);
    }
    if (!d->options.imageId.isEmpty())
        description.imageId = d->options.imageId;
    else if (options.needImageId)
        description.imageId = imageIdFor(d->url, sha256);
    return description;
}

Result<QByteArray> HttpSource::read(qint64 maxBytes)
{
    QByteArray chunk;
    bool pull = false;
    {
        std::unique_lock lock(d->shared->mutex);
        if (auto error = d->waitFor(lock, [&] { return !d->shared->chunks.empty() || d->shared->ended; }))
            return std::unexpected(*error);
        if (d->shared->chunks.empty())
            return QByteArray();
        QByteArray &front = d->shared->chunks.front();
        if (front.size() > maxBytes) {
            chunk = front.first(maxBytes);
            front.remove(0, maxBytes);
        } else {
            chunk = std::move(front);
            d->shared->chunks.pop_front();
        }
        const bool wasFull = d->shared->queued >= d->options.queueBytes;
        d->shared->queued -= chunk.size();
        pull = wasFull || d->shared->queued < d->options.queueBytes / 2;
    }
    if (pull && d->transferContext) {
        Transfer *transfer = d->transfer;
        QMetaObject::invokeMethod(
            d->transferContext.data(), [transfer] { transfer->drain(); }, Qt::QueuedConnection);
    }
    for (auto &[expected, digest] : d->digests)
        digest->addData(chunk);
    d->delivered += chunk.size();
    return chunk;
}

Status HttpSource::finish()
{
    {
        std::lock_guard lock(d->shared->mutex);
        if (!d->shared->ended)
            return fail(u"%1: the download is not complete."_s.arg(displayName()));
    }
    for (auto &[expected, digest] : d->digests) {
        const QByteArray actual = digest->hexResult();
        if (actual != expected.hex.toLower())
            return std::unexpected(
                Error::refused(u"%1 failed its checksum: %2 promised %3 %4, the downloaded bytes have %3 %5."_s.arg(
                    displayName(), expected.origin, expected.algorithm, QString::fromLatin1(expected.hex.toLower()),
                    QString::fromLatin1(actual))));
    }
    return {};
}

} // namespace cowherd::source
