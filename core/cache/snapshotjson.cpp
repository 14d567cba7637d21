#include "cache/snapshotjson.h"

#include "cache/jsonwriter.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace cowherd::cache {

namespace {

// Keys go in the order QJsonObject keeps them (sorted), as the text always had them.

void writeTime(JsonWriter &w, const QDateTime &t)
{
    if (t.isValid())
        w.value(t.toUTC().toString(Qt::ISODate));
    else
        w.null();
}

void writeProblems(JsonWriter &w, const QList<Problem> &problems)
{
    w.beginArray();
    for (const Problem &p : problems) {
        w.beginObject();
        w.key("code"_L1);
        w.value(p.code);
        w.key("message"_L1);
        w.value(p.message);
        w.endObject();
    }
    w.endArray();
}

void writeBase(JsonWriter &w, const BaseFile &b)
{
    w.beginObject();
    w.key("allocated_size"_L1);
    w.value(b.allocatedSize);
    w.key("apparent_size"_L1);
    w.value(b.apparentSize);
    w.key("format"_L1);
    w.stringOrNull(b.format);
    w.key("image_id"_L1);
    w.stringOrNull(b.imageId);
    w.key("image_ids"_L1);
    w.beginArray();
    for (const QString &id : b.imageIds)
        w.value(id);
    w.endArray();
    w.key("kind"_L1);
    w.value(toString(b.kind));
    w.key("mtime"_L1);
    writeTime(w, b.mtime);
    w.key("name"_L1);
    w.value(b.name);
    w.key("path"_L1);
    w.value(b.path);
    w.key("problems"_L1);
    writeProblems(w, b.problems);
    w.key("references"_L1);
    w.beginArray();
    for (const QString &uuid : b.references)
        w.value(uuid);
    w.endArray();
    w.key("virtual_size"_L1);
    w.value(b.virtualSize);
    w.endObject();
}

void writeDisk(JsonWriter &w, const Disk &d)
{
    w.beginObject();
    w.key("allocated_size"_L1);
    w.value(d.allocatedSize);
    w.key("backing_chain"_L1);
    w.beginArray();
    for (const ChainLink &link : d.backingChain) {
        w.beginObject();
        w.key("format"_L1);
        w.stringOrNull(link.format);
        w.key("path"_L1);
        w.value(link.path);
        w.endObject();
    }
    w.endArray();
    w.key("format"_L1);
    w.stringOrNull(d.format);
    w.key("path"_L1);
    w.value(d.path);
    w.key("problems"_L1);
    writeProblems(w, d.problems);
    w.key("target"_L1);
    w.stringOrNull(d.target);
    w.key("virtual_size"_L1);
    w.value(d.virtualSize);
    w.endObject();
}

void writeInstance(JsonWriter &w, const Instance &i)
{
    w.beginObject();
    w.key("directory"_L1);
    w.stringOrNull(i.directory);
    w.key("disks"_L1);
    w.beginArray();
    for (const Disk &d : i.disks)
        writeDisk(w, d);
    w.endArray();
    w.key("name"_L1);
    w.stringOrNull(i.name);
    // Nova's metadata is one small object (novajson.cpp): made as a QJsonValue, one at a time.
    w.key("nova"_L1);
    w.value(toJson(i.nova));
    w.key("problems"_L1);
    writeProblems(w, i.problems);
    w.key("state"_L1);
    w.value(i.state);
    w.key("uuid"_L1);
    w.value(i.uuid);
    w.endObject();
}

} // namespace

void writeJson(const CacheSnapshot &snapshot, const std::function<void(QByteArrayView)> &write)
{
    JsonWriter w(write);
    w.beginObject();
    w.key("bases"_L1);
    w.beginArray();
    for (const BaseFile &b : snapshot.bases)
        writeBase(w, b);
    w.endArray();
    // The host is one small object: made as a QJsonObject (what it says is toJson(HostConfig)'s).
    w.key("host"_L1);
    QJsonObject host = toJson(snapshot.host);
    host.insert(u"managed_by"_s, host::toString(snapshot.managedBy));
    host.insert(u"managed_by_reason"_s, snapshot.managedByReason);
    w.value(QJsonValue(host));
    w.key("instances"_L1);
    w.beginArray();
    for (const Instance &i : snapshot.instances)
        writeInstance(w, i);
    w.endArray();
    w.key("libvirt"_L1);
    w.value(snapshot.libvirtStatus.isEmpty() ? u"connected"_s : snapshot.libvirtStatus);
    w.key("problems"_L1);
    writeProblems(w, snapshot.problems);
    w.key("taken_at"_L1);
    writeTime(w, snapshot.takenAt);
    w.endObject();
    w.finish();
}

QByteArray toJsonText(const CacheSnapshot &snapshot)
{
    QByteArray text;
    writeJson(snapshot, [&](QByteArrayView bytes) { text += bytes; });
    return text;
}

QJsonObject toJson(const CacheSnapshot &snapshot)
{
    return QJsonDocument::fromJson(toJsonText(snapshot)).object();
}

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
        {u"managed_by_setting"_s, host::toString(host.managedBy)},
        {u"nova_conf"_s, QJsonArray::fromStringList(host.novaConf)}, {u"allow_nova_writes"_s, host.allowNovaWrites}};
}

} // namespace cowherd::cache
