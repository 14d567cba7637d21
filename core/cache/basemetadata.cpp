#include "cache/basemetadata.h"

#include "host/transport.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace cowherd::cache {

namespace {

QJsonValue time(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue(QJsonValue::Null);
}

QDateTime parseTime(const QJsonValue &v)
{
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : QDateTime();
}

} // namespace

QString toString(BaseMetadata::ChecksumState state)
{
    switch (state) {
    case BaseMetadata::ChecksumState::Ok:
        return u"ok"_s;
    case BaseMetadata::ChecksumState::Mismatch:
        return u"mismatch"_s;
    case BaseMetadata::ChecksumState::Unverified:
        break;
    }
    return u"unverified"_s;
}

QJsonObject BaseMetadata::toJson() const
{
    return {
        {u"image_id"_s, imageId},
        {u"source"_s, source},
        {u"original_format"_s, originalFormat},
        {u"size"_s, size},
        {u"sha256"_s, sha256},
        {u"fetched_at"_s, time(fetchedAt)},
        {u"recorded_at"_s, time(recordedAt)},
        {u"verified_at"_s, time(verifiedAt)},
        {u"state"_s, toString(state)},
        {u"pinned"_s, pinned},
    };
}

BaseMetadata BaseMetadata::fromJson(const QJsonObject &o)
{
    BaseMetadata m;
    m.imageId = o.value(u"image_id"_s).toString();
    m.source = o.value(u"source"_s).toString();
    m.originalFormat = o.value(u"original_format"_s).toString();
    m.size = o.value(u"size"_s).toInteger();
    m.sha256 = o.value(u"sha256"_s).toString();
    m.fetchedAt = parseTime(o.value(u"fetched_at"_s));
    m.recordedAt = parseTime(o.value(u"recorded_at"_s));
    m.verifiedAt = parseTime(o.value(u"verified_at"_s));
    const QString state = o.value(u"state"_s).toString();
    m.state = state == u"ok"   ? ChecksumState::Ok
        : state == u"mismatch" ? ChecksumState::Mismatch
                               : ChecksumState::Unverified;
    m.pinned = o.value(u"pinned"_s).toBool();
    return m;
}

QString metadataDirectory(const QString &basePath)
{
    return basePath + u"/.cowherd"_s;
}

QString metadataPath(const QString &basePath, const QString &name)
{
    return metadataDirectory(basePath) + u'/' + name + u".json"_s;
}

Result<BaseMetadata> readMetadata(host::Transport &transport, const QString &basePath, const QString &name)
{
    const QString path = metadataPath(basePath, name);
    auto probed = transport.probe({path}, 0);
    if (!probed)
        return std::unexpected(probed.error());
    if (probed->isEmpty() || !probed->first().exists)
        return BaseMetadata{};
    auto bytes = transport.readFile(path, 256 * 1024);
    if (!bytes)
        return std::unexpected(bytes.error());
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(*bytes, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return fail(Error::Kind::Corrupt,
            u"%1 on %2 is not valid JSON (%3); remove it and run a cache pass to record the "
            "checksum again."_s.arg(path, transport.displayName(), error.errorString()));
    return BaseMetadata::fromJson(doc.object());
}

Status writeMetadata(
    host::Transport &transport, const QString &basePath, const QString &name, const BaseMetadata &metadata)
{
    return transport.writeFileAtomically(
        metadataPath(basePath, name), QJsonDocument(metadata.toJson()).toJson(QJsonDocument::Indented));
}

} // namespace cowherd::cache
