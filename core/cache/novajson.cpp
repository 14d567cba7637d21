// The "nova" object of an instance in `cowherdctl scan --json`.
#include "cache/snapshotjson.h"

using namespace Qt::StringLiterals;

namespace cowherd::cache {

namespace {

QJsonValue text(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

QJsonValue count(qint64 n)
{
    return n < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(n);
}

} // namespace

QJsonValue toJson(const std::optional<host::NovaInstanceInfo> &nova)
{
    if (!nova)
        return QJsonValue(QJsonValue::Null);
    return QJsonObject{
        {u"name"_s, text(nova->name)},
        {u"uuid"_s, text(nova->uuid)},
        {u"project"_s, QJsonObject{{u"name"_s, text(nova->projectName)}, {u"uuid"_s, text(nova->projectUuid)}}},
        {u"user"_s, QJsonObject{{u"name"_s, text(nova->userName)}, {u"uuid"_s, text(nova->userUuid)}}},
        {u"flavor"_s,
            QJsonObject{{u"name"_s, text(nova->flavorName)}, {u"memory_mib"_s, count(nova->memoryMiB)},
                {u"disk_gib"_s, count(nova->diskGiB)}, {u"vcpus"_s, count(nova->vcpus)},
                {u"swap_mib"_s, count(nova->swapMiB)}, {u"ephemeral_gib"_s, count(nova->ephemeralGiB)}}},
        {u"image_id"_s, text(nova->imageId)},
        {u"created"_s,
            nova->created.isValid() ? QJsonValue(nova->created.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null)},
    };
}

} // namespace cowherd::cache
