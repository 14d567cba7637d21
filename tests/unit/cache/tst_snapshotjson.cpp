// The streamed `scan --json` text (writeJson) must stay byte for byte what the document built
// as one QJsonObject gave before it was streamed (issue 18): the oracle below is that former
// builder, kept here as the contract's reference. A field added to the snapshot's JSON goes
// into both.
#include "cache/jsonwriter.h"
#include "cache/snapshotjson.h"

#include <QJsonDocument>
#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;
using namespace cowherd;
using namespace cowherd::cache;

namespace {

QJsonValue stringOrNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

QJsonValue isoTime(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

QJsonArray oracleProblems(const QList<Problem> &problems)
{
    QJsonArray array;
    for (const Problem &p : problems)
        array.append(QJsonObject{{u"code"_s, p.code}, {u"message"_s, p.message}});
    return array;
}

QByteArray oracle(const CacheSnapshot &snapshot)
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
            {u"problems"_s, oracleProblems(b.problems)},
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
                {u"problems"_s, oracleProblems(d.problems)},
            });
        }
        instances.append(QJsonObject{
            {u"uuid"_s, i.uuid},
            {u"name"_s, stringOrNull(i.name)},
            {u"state"_s, i.state},
            {u"directory"_s, stringOrNull(i.directory)},
            {u"nova"_s, toJson(i.nova)},
            {u"disks"_s, disks},
            {u"problems"_s, oracleProblems(i.problems)},
        });
    }
    const QJsonObject document{
        {u"host"_s,
            QJsonObject{{u"name"_s, snapshot.host.name}, {u"uri"_s, snapshot.host.uri},
                {u"instances_path"_s, snapshot.host.instancesPath},
                {u"managed_by_setting"_s, host::toString(snapshot.host.managedBy)},
                {u"nova_conf"_s, QJsonArray::fromStringList(snapshot.host.novaConf)},
                {u"allow_nova_writes"_s, snapshot.host.allowNovaWrites},
                {u"managed_by"_s, host::toString(snapshot.managedBy)},
                {u"managed_by_reason"_s, snapshot.managedByReason}}},
        {u"taken_at"_s, isoTime(snapshot.takenAt)},
        {u"libvirt"_s, snapshot.libvirtStatus.isEmpty() ? u"connected"_s : snapshot.libvirtStatus},
        {u"bases"_s, bases},
        {u"instances"_s, instances},
        {u"problems"_s, oracleProblems(snapshot.problems)},
    };
    return QJsonDocument(document).toJson(QJsonDocument::Indented);
}

// Texts that make a writer escape or encode: quotes, backslashes, control characters, DEL,
// non-ASCII (Latin-1, CJK, beyond the BMP), and nothing at all.
const QStringList awkward{
    u"plain"_s,
    u"quote \" and backslash \\ and slash /"_s,
    u"tab\tnewline\ncarriage\rformfeed\fbackspace\b"_s,
    QString(u"nul "_s + QChar(0) + u" unit "_s + QChar(0x1f) + u" del "_s + QChar(0x7f)),
    u"Größe ümlaut"_s,
    u"镜像缓存"_s,
    u"emoji 🐄 herd"_s,
    QString(),
};

CacheSnapshot richSnapshot()
{
    CacheSnapshot s;
    s.host = {u"lab \"3\""_s, u"qemu+ssh://root@lab3/system"_s, u"/var/lib/nova/instances"_s};
    s.takenAt = QDateTime(QDate(2026, 12, 3), QTime(7, 8, 9, 123), Qt::UTC);
    s.libvirtStatus = u"libvirt said \"no\"\n"_s;
    s.host.managedBy = host::ManagedBy::Auto;
    s.host.allowNovaWrites = true;
    s.managedBy = host::ManagedBy::Nova;
    s.managedByReason = u"Nova metadata on \"3\" domains"_s;
    s.problems = {{u"base-missing"_s, u"no _base on lab3"_s}, {u"odd"_s, awkward.at(3)}};
    for (qsizetype n = 0; n < awkward.size(); ++n) {
        BaseFile b;
        b.name = awkward.at(n).isEmpty() ? u"x"_s : awkward.at(n);
        b.path = u"/var/lib/nova/instances/_base/"_s + awkward.at(n);
        b.kind = BaseKind(n % 6);
        b.format = n % 2 ? u"qcow2"_s : QString();
        b.virtualSize = qint64(1) << (n * 7); // up to 2^49: what a parser keeps exact
        b.apparentSize = n;
        b.allocatedSize = n * 4096;
        b.mtime = n % 3 ? QDateTime::fromSecsSinceEpoch(1'700'000'000 + n, Qt::UTC) : QDateTime();
        b.imageId = awkward.at((n + 1) % awkward.size());
        if (n % 2)
            b.imageIds = {b.imageId, awkward.at(n)};
        if (n % 2)
            b.references = {u"uuid-a"_s, awkward.at(n)};
        if (n % 3 == 1)
            b.problems = {{u"code-"_s + QString::number(n), awkward.at(n)}};
        s.bases.append(b);
    }
    for (qsizetype n = 0; n < awkward.size(); ++n) {
        Instance i;
        i.uuid = u"uuid-"_s + QString::number(n);
        i.name = awkward.at(n);
        i.state = n % 2 ? u"running"_s : u"undefined"_s;
        i.directory = n % 4 ? u"/var/lib/nova/instances/"_s + i.uuid : QString();
        for (qsizetype d = 0; d < n % 3; ++d) {
            Disk disk;
            disk.path = i.directory + u"/disk"_s + (d ? u".local"_s : QString());
            disk.target = d ? QString() : u"vda"_s;
            disk.format = u"qcow2"_s;
            disk.virtualSize = 10 * (qint64(1) << 30);
            disk.allocatedSize = 196'624;
            for (qsizetype l = 0; l < d + 1; ++l)
                disk.backingChain.append({u"/var/lib/nova/instances/_base/"_s + awkward.at((n + l) % awkward.size()),
                    l ? QString() : u"raw"_s});
            if (d)
                disk.problems = {{u"backing-file-missing"_s, awkward.at(n)}};
            i.disks.append(disk);
        }
        if (n == 2)
            i.problems = {{u"x"_s, awkward.at(6)}};
        if (n % 3 == 1) {
            host::NovaInstanceInfo nova;
            nova.name = awkward.at(n);
            nova.uuid = i.uuid;
            nova.projectName = awkward.at((n + 2) % awkward.size());
            nova.flavorName = u"m1.small"_s;
            nova.memoryMiB = 2048;
            nova.vcpus = n;
            nova.created = QDateTime::fromSecsSinceEpoch(1'700'000'000 + n, Qt::UTC);
            i.nova = nova;
        }
        s.instances.append(i);
    }
    return s;
}

} // namespace

class TestSnapshotJson : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void streamedTextIsTheFormerDocument_data()
    {
        QTest::addColumn<CacheSnapshot>("snapshot");
        QTest::addRow("empty") << CacheSnapshot{};
        CacheSnapshot hostOnly;
        hostOnly.host = {u"local"_s, u"qemu:///system"_s, u"/tmp/i"_s};
        hostOnly.problems = {{u"instances-path-unreadable"_s, u"Cannot read /tmp/i."_s}};
        QTest::addRow("host only") << hostOnly;
        QTest::addRow("awkward texts") << richSnapshot();
    }

    void streamedTextIsTheFormerDocument()
    {
        QFETCH(CacheSnapshot, snapshot);
        const QByteArray streamed = toJsonText(snapshot);
        QCOMPARE(streamed, oracle(snapshot));
        // And it is Qt's own text for what it says: parsed and written again, unchanged.
        QJsonParseError error;
        const QJsonDocument parsed = QJsonDocument::fromJson(streamed, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(parsed.toJson(QJsonDocument::Indented), streamed);
        QCOMPARE(toJson(snapshot), parsed.object());
    }

    void writtenInPieces()
    {
        // Many instances: the sink gets several pieces, which together are the text.
        CacheSnapshot s = richSnapshot();
        const Instance model = s.instances.at(2);
        for (int n = 0; n < 3000; ++n) {
            Instance i = model;
            i.uuid = u"%1-0000-4000-8000-000000000000"_s.arg(n, 8, 10, QChar(u'0'));
            s.instances.append(i);
        }
        QList<qsizetype> pieces;
        QByteArray text;
        writeJson(s, [&](QByteArrayView bytes) {
            pieces.append(bytes.size());
            text += bytes;
        });
        QVERIFY2(pieces.size() > 3, QByteArray::number(pieces.size()).constData());
        QVERIFY(*std::max_element(pieces.cbegin(), pieces.cend()) < 128 * 1024);
        QCOMPARE(text, oracle(s));
    }

    void writerMatchesQtForNumbersAndNesting()
    {
        QByteArray text;
        JsonWriter w([&](QByteArrayView bytes) { text += bytes; });
        w.beginArray();
        for (const qint64 n : {qint64(0), qint64(-1), qint64(1) << 53, std::numeric_limits<qint64>::max(),
                 std::numeric_limits<qint64>::min()})
            w.value(n);
        w.value(true);
        w.value(false);
        w.null();
        w.beginObject();
        w.endObject();
        w.beginArray();
        w.endArray();
        w.beginArray();
        w.beginObject();
        w.key("a"_L1);
        w.beginArray();
        w.value(u"x"_s);
        w.endArray();
        w.key("b"_L1);
        w.beginObject();
        w.endObject();
        w.endObject();
        w.endArray();
        w.endArray();
        w.finish();
        const QJsonArray expected{0, -1, qint64(1) << 53, std::numeric_limits<qint64>::max(),
            std::numeric_limits<qint64>::min(), true, false, QJsonValue(), QJsonObject(), QJsonArray(),
            QJsonArray{QJsonObject{{u"a"_s, QJsonArray{u"x"_s}}, {u"b"_s, QJsonObject()}}}};
        QCOMPARE(text, QJsonDocument(expected).toJson(QJsonDocument::Indented));
    }

    // A QJsonValue written by the writer, inside a hand-written object, is Qt's text for it.
    void writerWritesAJsonValueAsQtDoes()
    {
        const QJsonObject small{{u"name"_s, u"vm \"1\" é"_s}, {u"count"_s, 3}, {u"ratio"_s, 0.5},
            {u"none"_s, QJsonValue()}, {u"empty"_s, QJsonObject()}, {u"list"_s, QJsonArray{1, u"two"_s, QJsonArray()}},
            {u"flags"_s, QJsonObject{{u"on"_s, true}, {u"off"_s, false}}}};
        QByteArray text;
        JsonWriter w([&](QByteArrayView bytes) { text += bytes; });
        w.beginObject();
        w.key("a"_L1);
        w.value(QJsonValue(small));
        w.key("b"_L1);
        w.value(qint64(7));
        w.endObject();
        w.finish();
        const QJsonObject expected{{u"a"_s, small}, {u"b"_s, 7}};
        QCOMPARE(text, QJsonDocument(expected).toJson(QJsonDocument::Indented));
    }
};

QTEST_GUILESS_MAIN(TestSnapshotJson)
#include "tst_snapshotjson.moc"
