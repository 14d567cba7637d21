#include "host/remoteanswer.h"

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace cowherd::host {

namespace {

constexpr qsizetype maxFieldBytes = 64 * 1024; // a path or a number; PATH_MAX is 4096
constexpr qint64 maxRecords = 10'000'000;

std::optional<qint64> number(QByteArrayView text)
{
    if (text.isEmpty() || text.size() > 20)
        return std::nullopt;
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < 0)
        return std::nullopt;
    return value;
}

// find's %T@: seconds since the epoch with a fraction ("1700000000.1234567890").
std::optional<QDateTime> timestamp(QByteArrayView text)
{
    const qsizetype dot = text.indexOf('.');
    const auto seconds = number(dot < 0 ? text : text.first(dot));
    if (!seconds || *seconds > qint64(1) << 40)
        return std::nullopt;
    qint64 ms = *seconds * 1000;
    if (dot >= 0) {
        const QByteArrayView fraction = text.sliced(dot + 1);
        qint64 scale = 100;
        for (qsizetype i = 0; i < fraction.size() && i < 3; ++i, scale /= 10) {
            const char c = fraction.at(i);
            if (c < '0' || c > '9')
                return std::nullopt;
            ms += (c - '0') * scale;
        }
    }
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

// The length an R record's text decodes to: hex byte pairs, and "z<count>;" for a run of
// zero bytes. Nothing when the text is malformed or decodes to more than maxBytes.
std::optional<qint64> zeroRunLength(QByteArrayView text, qint64 maxBytes)
{
    qint64 length = 0;
    for (qsizetype i = 0; i < text.size();) {
        if (text.at(i) == 'z') {
            const qsizetype end = text.indexOf(';', i + 1);
            const auto count = end < 0 ? std::nullopt : number(text.sliced(i + 1, end - i - 1));
            if (!count || *count == 0 || *count > maxBytes)
                return std::nullopt;
            length += *count;
            i = end + 1;
        } else {
            if (i + 1 >= text.size() || hexValue(text.at(i)) < 0 || hexValue(text.at(i + 1)) < 0)
                return std::nullopt;
            length += 1;
            i += 2;
        }
        if (length > maxBytes)
            return std::nullopt;
    }
    return length;
}

} // namespace

// Fields of the answer, each NUL-terminated. A field whose terminator has not arrived yet (and
// that may still fit) is "short": with more of the answer it may still be read.
class FieldReader
{
public:
    explicit FieldReader(QByteArrayView data)
        : m_data(data)
    { }
    qsizetype position() const { return m_pos; }
    void rewind(qsizetype to) { m_pos = to, m_short = false; }
    bool isShort() const { return m_short; }

    std::optional<QByteArrayView> field(qsizetype maxBytes = maxFieldBytes)
    {
        if (m_pos >= m_data.size()) {
            m_short = true;
            return std::nullopt;
        }
        const qsizetype end = m_data.indexOf('\0', m_pos);
        if (end < 0) {
            m_short = m_data.size() - m_pos <= maxBytes;
            return std::nullopt;
        }
        if (end - m_pos > maxBytes)
            return std::nullopt;
        const QByteArrayView f = m_data.sliced(m_pos, end - m_pos);
        m_pos = end + 1;
        return f;
    }

private:
    QByteArrayView m_data;
    qsizetype m_pos = 0;
    bool m_short = false;
};

QByteArray HeadRecord::decode(qint64 maxBytes) const
{
    if (encoding == 'H')
        return bytes.left(maxBytes);
    if (encoding == 'Y')
        return QByteArray::fromHex(text.first(std::min<qsizetype>(text.size(), maxBytes * 2)).toByteArray());
    const qint64 length = std::min(zeroRunLength(text, std::numeric_limits<qint64>::max()).value_or(0), maxBytes);
    QByteArray out(length, '\0');
    qint64 at = 0;
    for (qsizetype i = 0; i < text.size() && at < length;) {
        if (text.at(i) == 'z') {
            const qsizetype end = text.indexOf(';', i + 1);
            at += number(text.sliced(i + 1, end - i - 1)).value_or(0); // zeros already
            i = end + 1;
        } else {
            out[at++] = char(hexValue(text.at(i)) << 4 | hexValue(text.at(i + 1)));
            i += 2;
        }
    }
    return out;
}

AnswerReader::AnswerReader(qint64 maxHeadBytes, QString hostName, Callbacks callbacks)
    : m_maxHeadBytes(std::max<qint64>(maxHeadBytes, 0))
    , m_hostName(std::move(hostName))
    , m_callbacks(std::move(callbacks))
{ }

Status AnswerReader::feed(QByteArrayView chunk)
{
    if (m_failure || m_ended)
        return m_failure ? Status(std::unexpected(*m_failure)) : Status();
    m_pending += chunk;
    return consume(false);
}

Status AnswerReader::finish()
{
    if (!m_failure && !m_ended)
        (void)consume(true);
    if (m_failure)
        return std::unexpected(*m_failure);
    return {};
}

Status AnswerReader::consume(bool final)
{
    FieldReader reader(m_pending);
    auto garbled = [&](const QString &why) {
        return Error::make(Error::Kind::Corrupt,
            u"The answer from %1 is not a Cowherd listing (%2). Check that the host runs a POSIX sh "
            "with GNU find, head and base64, and that nothing in the login scripts prints to "
            "standard output."_s.arg(m_hostName, why));
    };
    if (!m_headerRead) {
        const auto magic = reader.field(16);
        if (!magic && !final && reader.isShort())
            return {};
        if (!magic || *magic != "COWHERD1") {
            m_failure = garbled(u"no header"_s);
            return std::unexpected(*m_failure);
        }
        m_headerRead = true;
    }
    for (;;) {
        const qsizetype start = reader.position();
        if (m_records >= maxRecords) {
            m_failure = garbled(u"too many records"_s);
            break;
        }
        auto step = readRecord(reader, final);
        if (!step) {
            m_failure = step.error();
            break;
        }
        if (*step == Step::NeedMore) {
            reader.rewind(start);
            break;
        }
        if (*step == Step::End) {
            m_ended = true;
            break;
        }
        ++m_records;
    }
    m_pending.remove(0, reader.position());
    if (m_ended)
        m_pending.clear();
    if (m_failure)
        return std::unexpected(*m_failure);
    return {};
}

Result<AnswerReader::Step> AnswerReader::readRecord(FieldReader &reader, bool final)
{
    auto garbled = [&](const QString &why) {
        return fail(Error::Kind::Corrupt,
            u"The answer from %1 is not a Cowherd listing (%2). Check that the host runs a POSIX sh "
            "with GNU find, head and base64, and that nothing in the login scripts prints to "
            "standard output."_s.arg(m_hostName, why));
    };
    // A record that stops early may only be waiting for the rest of the answer.
    auto incomplete = [&](const QString &why) -> Result<Step> {
        if (!final && reader.isShort())
            return Step::NeedMore;
        return garbled(why);
    };
    const auto tag = reader.field(4);
    if (!tag) {
        if (!final && reader.isShort())
            return Step::NeedMore;
        return fail(Error::Kind::Corrupt,
            u"The listing from %1 was cut short; the SSH connection may have dropped. Try "
            "again."_s.arg(m_hostName));
    }
    if (*tag == "X")
        return Step::End;
    if (*tag == "T" || *tag == "M" || *tag == "P" || *tag == "L") {
        const auto type = reader.field(), followed = reader.field(), size = reader.field(), blocks = reader.field(),
                   mtime = reader.field(), atime = reader.field(), path = reader.field();
        if (!path)
            return incomplete(u"a malformed file record"_s);
        StatRecord r;
        const auto s = number(*size), b = number(*blocks);
        const auto m = timestamp(*mtime), a = timestamp(*atime);
        if (type->size() != 1 || followed->size() != 1 || !s || !b || !m || !a || path->isEmpty())
            return garbled(u"a malformed file record"_s);
        r.type = type->at(0);
        r.followed = followed->at(0);
        r.size = *s;
        r.blocks = *b;
        r.mtime = *m;
        r.atime = *a;
        r.path = QString::fromUtf8(*path);
        if (auto handled = m_callbacks.stat(tag->at(0), std::move(r)); !handled)
            return std::unexpected(handled.error());
        return Step::Record;
    }
    if (*tag == "H" || *tag == "Y" || *tag == "R") {
        const char encoding = tag->at(0);
        // base64 is 4/3 of the bytes, hex twice, hex with runs of zeros at most twice.
        const qsizetype maxText
            = encoding == 'H' ? qsizetype((m_maxHeadBytes + 2) / 3 * 4 + 4) : qsizetype(m_maxHeadBytes * 2);
        const auto path = reader.field();
        const auto data = path ? reader.field(maxText) : std::nullopt;
        if (!data)
            return incomplete(u"a malformed or oversized header record"_s);
        HeadRecord head;
        head.encoding = encoding;
        if (encoding == 'H') {
            auto decoded = QByteArray::fromBase64Encoding(data->toByteArray(), QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded)
                return garbled(u"invalid base64"_s);
            head.bytes = (*decoded).left(m_maxHeadBytes);
        } else if (encoding == 'Y') { // hex, from perl (base64 needs a module perl-base lacks)
            const bool hex = data->size() % 2 == 0
                && std::all_of(data->begin(), data->end(), [](char c) { return hexValue(c) >= 0; });
            if (!hex)
                return garbled(u"invalid hex"_s);
            head.text = *data;
        } else { // hex with runs of zeros as z<count>; (perl, since issue 18: 8 KiB of an
                 // overlay's header are about 400 characters instead of 16,384)
            if (!zeroRunLength(*data, m_maxHeadBytes))
                return garbled(u"invalid hex or zero runs"_s);
            head.text = *data;
        }
        if (auto handled = m_callbacks.head(*path, head); !handled)
            return std::unexpected(handled.error());
        return Step::Record;
    }
    if (*tag == "N") {
        const auto path = reader.field();
        if (!path)
            return incomplete(u"a malformed record"_s);
        if (m_callbacks.missing)
            m_callbacks.missing(QString::fromUtf8(*path));
        return Step::Record;
    }
    if (*tag == "E") {
        const auto reason = reader.field(4096);
        if (!reason)
            return incomplete(u"a malformed error record"_s);
        if (m_callbacks.error)
            m_callbacks.error(QString::fromUtf8(*reason));
        return Step::Record;
    }
    return garbled(u"an unknown record"_s);
}

} // namespace cowherd::host
