#include "cache/snapshotjson.h"

using namespace Qt::StringLiterals;

namespace cowherd::cache {

namespace {

QJsonValue stringOrNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

QJsonValue isoTime(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonArray toJson(const QList<Problem> &problems)
{
    QJsonArray array;
    for (const Problem &p : problems)
        array.append(QJsonObject{{u"code"_s, p.code}, {u"message"_s, p.message}});
    return array;
}

QJsonObject toJson(const host::HostConfig &host)
{
    return {{u"name"_s, host.name}, {u"uri"_s, host.uri}, {u"instances_path"_s, host.instancesPath},
        {u"managed_by_setting"_s, host::toString(host.managedBy)}, {u"nova_conf"_s, QJsonArray::fromStringList(host.novaConf)},
        {u"allow_nova_writes"_s, host.allowNovaWrites}};
}

QJsonObject toJson(const CacheSnapshot &snapshot)
{
    QJsonArray bases;
    for (const BaseFile &b : snapshot.bases) {
        bases.append(QJsonObject{
            {u"name"_s, b.name},
            {u"path"_s, b.path},
            {u"kind"_s, toString(b.kind)},
            {u"format"_s, stringOrNull(b.format)},
            {u"virtual_size"_s, b.virtualSize},
            {u"apparent_size"_s, b.apparentSize},
            {u"allocated_size"_s, b.allocatedSize},
            {u"mtime"_s, isoTime(b.mtime)},
            {u"image_id"_s, stringOrNull(b.imageId)},
            {u"image_ids"_s, QJsonArray::fromStringList(b.imageIds)},
            {u"references"_s, QJsonArray::fromStringList(b.references)},
            {u"problems"_s, toJson(b.problems)},
        });
    }
    QJsonArray instances;
    for (const Instance &i : snapshot.instances) {
        QJsonArray disks;
        for (const Disk &d : i.disks) {
            QJsonArray chain;
            for (const ChainLink &link : d.backingChain)
                chain.append(QJsonObject{{u"path"_s, link.path}, {u"format"_s, stringOrNull(link.format)}});
            disks.append(QJsonObject{
                {u"path"_s, d.path},
                {u"target"_s, stringOrNull(d.target)},
                {u"format"_s, stringOrNull(d.format)},
                {u"virtual_size"_s, d.virtualSize},
                {u"allocated_size"_s, d.allocatedSize},
                {u"backing_chain"_s, chain},
                {u"problems"_s, toJson(d.problems)},
            });
        }
        instances.append(QJsonObject{
            {u"uuid"_s, i.uuid},
            {u"name"_s, stringOrNull(i.name)},
            {u"state"_s, i.state},
            {u"directory"_s, stringOrNull(i.directory)},
            {u"nova"_s, toJson(i.nova)},
            {u"disks"_s, disks},
            {u"problems"_s, toJson(i.problems)},
        });
    }
    QJsonObject host = toJson(snapshot.host);
    host.insert(u"managed_by"_s, host::toString(snapshot.managedBy));
    host.insert(u"managed_by_reason"_s, snapshot.managedByReason);
    return {
        {u"host"_s, host},
        {u"taken_at"_s, isoTime(snapshot.takenAt)},
        {u"libvirt"_s, snapshot.libvirtStatus.isEmpty() ? u"connected"_s : snapshot.libvirtStatus},
        {u"bases"_s, bases},
        {u"instances"_s, instances},
        {u"problems"_s, toJson(snapshot.problems)},
    };
}

} // namespace cowherd::cache
