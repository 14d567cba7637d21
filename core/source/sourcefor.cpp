#include "source/archivesource.h"
#include "source/filesource.h"
#include "source/glancesource.h"
#include "source/httpsource.h"
#include "source/verifyingsource.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace cowherd::source {

VerifyingSource::VerifyingSource(std::unique_ptr<ImageSource> inner, QByteArray sha256Hex)
    : m_inner(std::move(inner))
    , m_expected(sha256Hex.toLower())
    , m_digest(host::Digest::Algorithm::Sha256)
{ }

Result<SourceDescription> VerifyingSource::open(const OpenOptions &options)
{
    return m_inner->open(options);
}

Result<QByteArray> VerifyingSource::read(qint64 maxBytes)
{
    auto chunk = m_inner->read(maxBytes);
    if (chunk)
        m_digest.addData(*chunk); // shared with the caller, not copied
    return chunk;
}

Status VerifyingSource::finish()
{
    if (auto inner = m_inner->finish(); !inner)
        return inner;
    const QByteArray actual = m_digest.hexResult();
    if (actual != m_expected)
        return std::unexpected(
            Error::refused(u"%1 failed its checksum: --sha256 promised %2, the file has sha256 %3."_s.arg(
                displayName(), QString::fromLatin1(m_expected), QString::fromLatin1(actual))));
    return {};
}

namespace {

bool isUrl(const QString &spec)
{
    return spec.startsWith(u"http://"_s, Qt::CaseInsensitive) || spec.startsWith(u"https://"_s, Qt::CaseInsensitive);
}

Result<QUrl> parseUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return fail(u"%1 is not a valid URL: %2"_s.arg(redactedUrl(QUrl(text)), url.errorString()));
    return url;
}

} // namespace

Result<std::unique_ptr<ImageSource>> sourceFor(const QString &specification, const SourceOptions &options)
{
    if (specification.isEmpty())
        return fail(u"No image given."_s);
    static const QRegularExpression hex64(u"^[0-9a-fA-F]{64}$"_s);
    if (!options.sha256.isEmpty() && !hex64.match(options.sha256).hasMatch())
        return fail(u"--sha256 takes 64 hexadecimal digits, not \"%1\"."_s.arg(options.sha256));
    if (specification.startsWith(u"glance:"_s))
        return glanceSourceFor(specification.mid(7), options);

    // "archive.tar.xz!member": split at the last '!' whose left side is an archive name.
    QString location = specification;
    QString member;
    if (const qsizetype bang = specification.lastIndexOf(u'!'); bang > 0 && isArchiveName(specification.left(bang))) {
        location = specification.left(bang);
        member = specification.mid(bang + 1);
        if (member.isEmpty())
            return fail(u"%1 names no member after '!'."_s.arg(location));
    }
    ArchiveLimits limits{options.maxOutputSize, options.maxExpansionRatio, options.expansionCheckAfter};
    const QByteArray sha256 = options.sha256.toLatin1().toLower();

    if (isUrl(location)) {
        auto url = parseUrl(location);
        if (!url)
            return std::unexpected(url.error());
        auto network = std::make_shared<NetworkThread>(HttpSettings{options.caFile, 5, options.idleTimeoutMs});
        HttpSourceOptions http;
        if (!sha256.isEmpty())
            http.digests.append({u"sha256"_s, sha256, u"--sha256"_s});
        if (!isArchiveName(url->path()))
            return std::make_unique<HttpSource>(network, *url, http);
        auto openInner = [network, url = *url, http]() -> Result<std::unique_ptr<ImageSource>> {
            return std::make_unique<HttpSource>(network, url, http);
        };
        return std::make_unique<ArchiveSource>(
            redactedUrl(*url), openInner, member, limits, HttpSource::imageIdFor(*url, {}));
    }

    if (!isArchiveName(location)) {
        auto file = std::make_unique<FileSource>(location);
        if (sha256.isEmpty())
            return file;
        return std::make_unique<VerifyingSource>(std::move(file), sha256);
    }
    auto openInner = [location, sha256]() -> Result<std::unique_ptr<ImageSource>> {
        auto file = std::make_unique<FileSource>(location);
        if (sha256.isEmpty())
            return file;
        return std::make_unique<VerifyingSource>(std::move(file), sha256);
    };
    return std::make_unique<ArchiveSource>(location, openInner, member, limits);
}

} // namespace cowherd::source
