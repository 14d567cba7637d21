#include "cache/jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace cowherd::cache {

namespace {

constexpr qsizetype flushBytes = 64 * 1024;

void indent(QByteArray &out, qsizetype levels)
{
    out.append(4 * levels, ' ');
}

} // namespace

JsonWriter::JsonWriter(Sink sink)
    : m_sink(std::move(sink))
{
    m_buffer.reserve(flushBytes + 4096);
}

JsonWriter::~JsonWriter() = default;

void JsonWriter::beforeValue()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_levels.isEmpty())
        return;
    Level &level = m_levels.last();
    Q_ASSERT(!level.isObject); // an object's members start with key()
    m_buffer += level.count++ > 0 ? ",\n" : "\n";
    indent(m_buffer, m_levels.size());
}

void JsonWriter::key(QLatin1StringView name)
{
    Q_ASSERT(!m_levels.isEmpty() && m_levels.last().isObject && !m_afterKey);
    Level &level = m_levels.last();
    // QJsonObject keeps its keys sorted; so must we, or the text would differ from Qt's.
    Q_ASSERT(level.count == 0 || level.lastKey < name);
    level.lastKey = name;
    m_buffer += level.count++ > 0 ? ",\n" : "\n";
    indent(m_buffer, m_levels.size());
    m_buffer += '"';
    m_buffer += name;
    m_buffer += "\": ";
    m_afterKey = true;
}

void JsonWriter::beginObject()
{
    beforeValue();
    m_buffer += '{';
    m_levels.append({true, 0, {}});
}

void JsonWriter::endObject()
{
    Q_ASSERT(!m_levels.isEmpty() && m_levels.last().isObject && !m_afterKey);
    m_levels.removeLast();
    m_buffer += '\n';
    indent(m_buffer, m_levels.size());
    m_buffer += '}';
    flushIfFull();
}

void JsonWriter::beginArray()
{
    beforeValue();
    m_buffer += '[';
    m_levels.append({false, 0, {}});
}

void JsonWriter::endArray()
{
    Q_ASSERT(!m_levels.isEmpty() && !m_levels.last().isObject);
    m_levels.removeLast();
    m_buffer += '\n';
    indent(m_buffer, m_levels.size());
    m_buffer += ']';
    flushIfFull();
}

void JsonWriter::value(const QString &s)
{
    beforeValue();
    // Printable ASCII but the quote and the backslash is written as it is, by every writer.
    const qsizetype start = m_buffer.size();
    m_buffer.resize(start + s.size() + 2);
    char *out = m_buffer.data() + start;
    *out++ = '"';
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        if (u < 0x20 || u > 0x7e || u == u'"' || u == u'\\') {
            // Anything to escape or encode is rare here (paths and messages are ASCII as a
            // rule): Qt's own writer does it, so the text stays Qt's to the byte.
            m_buffer.resize(start);
            const QByteArray text = QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact);
            m_buffer += QByteArrayView(text).sliced(1, text.size() - 2); // without [ and ]
            return;
        }
        *out++ = char(u);
    }
    *out = '"';
}

void JsonWriter::value(qint64 n)
{
    beforeValue();
    m_buffer += QByteArray::number(n);
}

void JsonWriter::value(bool b)
{
    beforeValue();
    m_buffer += b ? "true" : "false";
}

void JsonWriter::null()
{
    beforeValue();
    m_buffer += "null";
}

void JsonWriter::value(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        null();
        return;
    case QJsonValue::Bool:
        value(v.toBool());
        return;
    case QJsonValue::String:
        value(v.toString());
        return;
    case QJsonValue::Array:
        beginArray();
        for (const QJsonValue &item : v.toArray())
            value(item);
        endArray();
        return;
    case QJsonValue::Object: {
        beginObject();
        const QJsonObject object = v.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QByteArray name = it.key().toLatin1();
            key(QLatin1StringView(name));
            value(it.value());
            m_levels.last().lastKey = {}; // the name's bytes go now; the order is QJsonObject's
        }
        endObject();
        return;
    }
    default: {
        // Numbers (and undefined): Qt's own text for them.
        beforeValue();
        const QByteArray text = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
        m_buffer += QByteArrayView(text).sliced(1, text.size() - 2);
        return;
    }
    }
}

void JsonWriter::finish()
{
    Q_ASSERT(m_levels.isEmpty());
    m_buffer += '\n';
    m_sink(m_buffer);
    m_buffer.resize(0);
}

void JsonWriter::flushIfFull()
{
    if (m_buffer.size() >= flushBytes) {
        m_sink(m_buffer);
        m_buffer.resize(0); // keeps the capacity, unlike clear()
    }
}

} // namespace cowherd::cache
