#include "source/archivesource.h"

#include "host/digest.h"
#include "source/ovf.h"

#include <archive.h>
#include <archive_entry.h>
#include <cerrno>

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace cowherd::source {

namespace {

constexpr qint64 innerChunk = 1024 * 1024;
constexpr qint64 maxDescriptor = 4 * 1024 * 1024;

QString normalMember(QString name)
{
    while (name.startsWith(u"./"))
        name.remove(0, 2);
    while (name.startsWith(u'/'))
        name.remove(0, 1);
    return name;
}

bool isDiskCandidate(const QString &name)
{
    static const QRegularExpression notDisks(
        u"\\.(ovf|mf|cert|txt|md|asc|sig|sha(1|256|512)(sum)?s?|json|xml|yaml|yml|html?)$"_s,
        QRegularExpression::CaseInsensitiveOption);
    const QString base = name.section(u'/', -1);
    return !base.isEmpty() && !base.startsWith(u'.') && !notDisks.match(base).hasMatch() && !name.contains(u"/."_s)
        && base != u"SHA256SUMS" && base != u"MD5SUMS";
}

QString libarchiveError(archive *a)
{
    const char *text = archive_error_string(a);
    return text ? QString::fromUtf8(text) : u"unknown libarchive error"_s;
}

} // namespace

bool isArchiveName(const QString &name)
{
    static const QRegularExpression archives(
        u"\\.(gz|xz|zst|bz2|tar|tgz|txz|tbz2?|tzst|zip|ova)$"_s, QRegularExpression::CaseInsensitiveOption);
    return archives.match(name).hasMatch();
}

struct ArchiveSource::Reader
{
    archive *a = nullptr;
    std::unique_ptr<ImageSource> inner;
    QByteArray buffer;
    std::optional<Error> innerError;
    bool raw = false;
    qint64 output = 0;

    ~Reader()
    {
        if (a)
            archive_read_free(a);
    }

    static la_ssize_t readCallback(archive *a, void *client, const void **data)
    {
        auto *self = static_cast<Reader *>(client);
        auto chunk = self->inner->read(innerChunk);
        if (!chunk) {
            self->innerError = chunk.error();
            archive_set_error(a, EIO, "%s", chunk.error().message.toUtf8().constData());
            return -1;
        }
        self->buffer = std::move(*chunk);
        *data = self->buffer.constData();
        return self->buffer.size();
    }

    qint64 compressed() const { return archive_filter_bytes(a, -1); }

    Error error(const QString &what) const
    {
        if (innerError)
            return *innerError;
        // libarchive reports a damaged or unknown format as EILSEQ, a truncated one as -1.
        const int e = archive_errno(a);
        const auto kind = e == EILSEQ || e < 0 ? Error::Kind::Corrupt : kindOfErrno(e);
        return Error::make(kind, what + u": "_s + libarchiveError(a) + u'.');
    }
};

ArchiveSource::ArchiveSource(
    QString archiveName, OpenInner openInner, QString member, ArchiveLimits limits, QString innerId)
    : m_archiveName(std::move(archiveName))
    , m_openInner(std::move(openInner))
    , m_member(normalMember(std::move(member)))
    , m_limits(limits)
    , m_innerId(std::move(innerId))
{ }

ArchiveSource::~ArchiveSource() = default;

QString ArchiveSource::displayName() const
{
    const QString member = m_member.isEmpty() ? m_chosen : m_member;
    return member.isEmpty() || member == u"data" ? m_archiveName : m_archiveName + u'!' + member;
}

QString ArchiveSource::memberName() const
{
    return m_chosen;
}

Result<std::unique_ptr<ArchiveSource::Reader>> ArchiveSource::startReader()
{
    auto inner = m_openInner();
    if (!inner)
        return std::unexpected(inner.error());
    auto reader = std::make_unique<Reader>();
    reader->inner = std::move(*inner);
    OpenOptions innerOptions;
    if (auto opened = reader->inner->open(innerOptions); !opened)
        return std::unexpected(opened.error());
    reader->a = archive_read_new();
    archive_read_support_filter_all(reader->a);
    // The name decides: an image whose first blocks are zeros would pass for an empty tar.
    static const QRegularExpression container(
        u"\\.(tar(\\.[a-z0-9]+)?|tgz|txz|tbz2?|tzst|zip|ova)$"_s, QRegularExpression::CaseInsensitiveOption);
    if (container.match(m_archiveName.section(u'?', 0, 0)).hasMatch()) {
        archive_read_support_format_tar(reader->a);
        archive_read_support_format_zip_streamable(reader->a);
    } else {
        archive_read_support_format_raw(reader->a);
    }
    if (archive_read_open(reader->a, reader.get(), nullptr, &Reader::readCallback, nullptr) != ARCHIVE_OK)
        return std::unexpected(reader->error(u"Cannot open %1 as an archive"_s.arg(m_archiveName)));
    return reader;
}

// Advances to the member to stream: the one named, the OVF's disk, or the first disk image.
Status ArchiveSource::seekMember(Reader &reader)
{
    QString wanted = m_member;
    QStringList seen;
    for (;;) {
        archive_entry *entry = nullptr;
        const int r = archive_read_next_header(reader.a, &entry);
        if (r == ARCHIVE_EOF)
            break;
        if (r < ARCHIVE_WARN)
            return std::unexpected(reader.error(u"Cannot read %1"_s.arg(m_archiveName)));
        reader.raw = archive_format(reader.a) == ARCHIVE_FORMAT_RAW;
        const char *path = archive_entry_pathname(entry);
        const QString name = reader.raw ? u"data"_s : normalMember(QString::fromUtf8(path ? path : ""));
        if (!reader.raw && archive_entry_filetype(entry) != AE_IFREG)
            continue;
        seen.append(name);
        if (wanted.isEmpty() && name.endsWith(u".ovf"_s, Qt::CaseInsensitive)) {
            const qint64 size = archive_entry_size_is_set(entry) ? archive_entry_size(entry) : -1;
            if (size < 0 || size > maxDescriptor)
                return fail(u"The OVF descriptor %1 in %2 is too large to be one."_s.arg(name, m_archiveName));
            QByteArray xml(size, Qt::Uninitialized);
            if (archive_read_data(reader.a, xml.data(), size) != size)
                return std::unexpected(reader.error(u"Cannot read %1 in %2"_s.arg(name, m_archiveName)));
            auto disks = parseOvf(xml);
            if (!disks)
                return fail(disks.error(), u"%1 in %2: %3"_s.arg(name, m_archiveName, disks.error().message));
            if (disks->size() > 1) {
                QStringList hrefs;
                for (const OvfDisk &d : *disks)
                    hrefs.append(d.fileHref);
                return fail(u"%1 describes %2 disks (%3); name the one to fetch as %4!MEMBER."_s.arg(m_archiveName)
                                .arg(disks->size())
                                .arg(hrefs.join(u", "_s), m_archiveName));
            }
            const QString dir = name.contains(u'/') ? name.section(u'/', 0, -2) + u'/' : QString();
            wanted = normalMember(dir + disks->first().fileHref);
            m_declaredFormat = disks->first().format;
            continue;
        }
        const bool match = wanted.isEmpty() ? (reader.raw || isDiskCandidate(name)) : name == wanted;
        if (!match)
            continue;
        m_chosen = name;
        m_candidates = {name};
        return {};
    }
    if (!wanted.isEmpty())
        return fail(Error::Kind::NotFound,
            u"%1 has no member %2; it holds: %3."_s.arg(
                m_archiveName, wanted, seen.isEmpty() ? u"nothing"_s : seen.join(u", "_s)));
    return fail(Error::Kind::NotFound,
        u"%1 holds no disk image%2."_s.arg(
            m_archiveName, seen.isEmpty() ? QString() : u" (only %1)"_s.arg(seen.join(u", "_s))));
}

Result<SourceDescription> ArchiveSource::open(const OpenOptions &options)
{
    SourceDescription description;
    if (options.needImageId && m_innerId.isEmpty()) {
        // A local archive: hash the decompressed member in a first pass, then stream it again.
        auto reader = startReader();
        if (!reader)
            return std::unexpected(reader.error());
        m_reader = std::move(*reader);
        if (auto found = seekMember(*m_reader); !found)
            return std::unexpected(found.error());
        host::Digest digest(host::Digest::Algorithm::Sha256);
        for (;;) {
            if (options.isCancelled && options.isCancelled())
                return std::unexpected(Error::cancelled(u"Hashing %1 was cancelled."_s.arg(displayName())));
            auto chunk = read(4 * 1024 * 1024);
            if (!chunk)
                return std::unexpected(chunk.error());
            if (chunk->isEmpty())
                break;
            digest.addData(*chunk);
            if (options.onHashProgress)
                options.onHashProgress(m_reader->output, -1);
        }
        if (auto whole = finish(); !whole)
            return std::unexpected(whole.error());
        description.imageId = u"sha256:"_s + QString::fromLatin1(digest.hexResult());
        m_reader.reset();
    }
    auto reader = startReader();
    if (!reader)
        return std::unexpected(reader.error());
    m_reader = std::move(*reader);
    if (auto found = seekMember(*m_reader); !found)
        return std::unexpected(found.error());
    if (options.needImageId && !m_innerId.isEmpty())
        description.imageId = m_member.isEmpty() && m_reader->raw ? m_innerId : m_innerId + u'!' + m_chosen;
    description.declaredFormat = m_declaredFormat;
    description.location = m_reader->raw ? m_archiveName : m_archiveName + u'!' + m_chosen;
    description.size = -1; // tar headers know it, compressed streams do not; progress copes
    return description;
}

Result<QByteArray> ArchiveSource::read(qint64 maxBytes)
{
    if (!m_reader)
        return fail(u"%1 is not open."_s.arg(displayName()));
    QByteArray chunk(std::min<qint64>(maxBytes, 4 * 1024 * 1024), Qt::Uninitialized);
    const la_ssize_t n = archive_read_data(m_reader->a, chunk.data(), chunk.size());
    if (n < 0)
        return std::unexpected(m_reader->error(u"Cannot unpack %1"_s.arg(displayName())));
    chunk.truncate(n);
    m_reader->output += n;
    const qint64 compressed = std::max<qint64>(1, m_reader->compressed());
    if (m_reader->output > m_limits.maxOutputSize)
        return std::unexpected(
            Error::refused(u"%1 unpacks to more than %2 bytes, the limit; refusing a possible decompression bomb "
                           "(raise the maximum output size if the image is genuine)."_s.arg(displayName())
                               .arg(m_limits.maxOutputSize)));
    if (m_reader->output > m_limits.expansionCheckAfter
        && double(m_reader->output) / double(compressed) > m_limits.maxExpansionRatio)
        return std::unexpected(Error::refused(
            u"%1 expands more than %2 times (%3 bytes from %4 compressed); refusing a possible "
            "decompression bomb (raise the maximum expansion ratio if the image is genuine)."_s.arg(displayName())
                .arg(m_limits.maxExpansionRatio)
                .arg(m_reader->output)
                .arg(compressed)));
    return chunk;
}

Status ArchiveSource::finish()
{
    if (!m_reader)
        return {};
    if (m_member.isEmpty() && !m_reader->raw && !m_checkedWhole) {
        // Without a member name the archive must hold just one disk: read the rest of it.
        for (;;) {
            archive_entry *entry = nullptr;
            const int r = archive_read_next_header(m_reader->a, &entry);
            if (r == ARCHIVE_EOF)
                break;
            if (r < ARCHIVE_WARN)
                return std::unexpected(m_reader->error(u"Cannot read %1"_s.arg(m_archiveName)));
            const char *path = archive_entry_pathname(entry);
            const QString name = normalMember(QString::fromUtf8(path ? path : ""));
            if (archive_entry_filetype(entry) == AE_IFREG && isDiskCandidate(name) && m_declaredFormat.isEmpty())
                m_candidates.append(name);
        }
        m_checkedWhole = true;
        if (m_candidates.size() > 1)
            return fail(u"%1 holds several disk images (%2); name the one to fetch as %1!MEMBER."_s.arg(
                m_archiveName, m_candidates.join(u", "_s)));
    }
    // Let the underlying source verify what it promised (--sha256 of the archive file).
    for (;;) {
        auto rest = m_reader->inner->read(innerChunk);
        if (!rest)
            return std::unexpected(rest.error());
        if (rest->isEmpty())
            break;
    }
    return m_reader->inner->finish();
}

} // namespace cowherd::source
