#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <functional>

namespace cowherd::cache {

// Writes JSON as it is made, in exactly the text QJsonDocument::toJson(Indented) gives for the
// same document, so a large document never exists whole (neither as a QJsonObject nor as
// text). The caller writes each object's keys in the order QJsonObject keeps them (sorted);
// debug builds check it. Output goes to the sink in pieces of about 64 KiB, and at finish().
class JsonWriter
{
public:
    using Sink = std::function<void(QByteArrayView)>;
    explicit JsonWriter(Sink sink);
    ~JsonWriter();
    JsonWriter(const JsonWriter &) = delete;
    JsonWriter &operator=(const JsonWriter &) = delete;

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    // The next member's name, inside an object.
    void key(QLatin1StringView name);

    void value(const QString &s);
    void value(qint64 n);
    void value(bool b);
    void null();
    // Any small value made as a QJsonValue (objects write their keys in QJsonObject's order,
    // which is already sorted): for the few parts of a document not worth writing by hand.
    void value(const QJsonValue &v);
    // A string, or null when it is empty (the snapshot's optional texts).
    void stringOrNull(const QString &s) { s.isEmpty() ? null() : value(s); }

    // Ends the document (after its outermost value) and hands the rest to the sink.
    void finish();

private:
    void beforeValue();
    void flushIfFull();

    struct Level
    {
        bool isObject = false;
        qsizetype count = 0;
        QLatin1StringView lastKey;
    };
    Sink m_sink;
    QByteArray m_buffer;
    QList<Level> m_levels;
    bool m_afterKey = false;
};

} // namespace cowherd::cache
