#include "source/ovf.h"

#include <QHash>
#include <QXmlStreamReader>
#include <QtNumeric>

using namespace Qt::StringLiterals;

namespace cowherd::source {

namespace {

qint64 unitsFactor(QStringView units)
{
    // "byte * 2^30" and the like (DMTF DSP0004 programmatic units).
    const QString u = units.toString().remove(u' ');
    if (u.isEmpty() || u == u"byte")
        return 1;
    if (u.startsWith(u"byte*2^")) {
        bool ok = false;
        const int power = u.mid(7).toInt(&ok);
        if (ok && power >= 0 && power < 62)
            return qint64(1) << power;
    }
    return -1;
}

QString formatFromUri(const QString &uri)
{
    if (uri.contains(u"vmdk"_s, Qt::CaseInsensitive))
        return u"vmdk"_s;
    if (uri.contains(u"qcow2"_s, Qt::CaseInsensitive) || uri.contains(u"qcow"_s, Qt::CaseInsensitive))
        return u"qcow2"_s;
    if (uri.contains(u"vhdx"_s, Qt::CaseInsensitive))
        return u"vhdx"_s;
    if (uri.contains(u"vhd"_s, Qt::CaseInsensitive))
        return u"vpc"_s;
    return {};
}

} // namespace

Result<QList<OvfDisk>> parseOvf(const QByteArray &xml)
{
    QXmlStreamReader reader(xml);
    QHash<QString, QString> files; // ovf:id -> href
    struct DiskRef
    {
        QString fileRef;
        QString format;
        qint64 capacity;
    };
    QList<DiskRef> disks;
    bool sawEnvelope = false;
    while (!reader.atEnd()) {
        if (reader.readNext() != QXmlStreamReader::StartElement)
            continue;
        const auto name = reader.name();
        const auto attributes = reader.attributes();
        // Attributes are ovf:-qualified in practice; accept them unqualified too.
        auto attr = [&](QStringView local) {
            for (const QXmlStreamAttribute &a : attributes) {
                if (a.name() == local)
                    return a.value().toString();
            }
            return QString();
        };
        if (name == u"Envelope") {
            sawEnvelope = true;
        } else if (name == u"File") {
            files.insert(attr(u"id"), attr(u"href"));
        } else if (name == u"Disk") {
            qint64 capacity = attr(u"capacity").toLongLong();
            const qint64 factor = unitsFactor(attr(u"capacityAllocationUnits"));
            // A capacity that does not fit in 63 bits is as good as unknown.
            qint64 bytes = -1;
            if (factor > 0 && capacity > 0 && qMulOverflow(capacity, factor, &bytes))
                bytes = -1;
            capacity = bytes;
            disks.append({attr(u"fileRef"), formatFromUri(attr(u"format")), capacity});
        }
    }
    if (reader.hasError())
        return fail(Error::Kind::Corrupt,
            u"The OVF descriptor is not valid XML: %1 (line %2)."_s.arg(reader.errorString()).arg(reader.lineNumber()));
    if (!sawEnvelope)
        return fail(Error::Kind::Corrupt, u"The OVF descriptor has no Envelope element."_s);
    QList<OvfDisk> result;
    for (const DiskRef &disk : disks) {
        if (disk.fileRef.isEmpty())
            continue; // a blank disk the appliance creates itself
        const QString href = files.value(disk.fileRef);
        if (href.isEmpty())
            return fail(Error::Kind::Corrupt,
                u"The OVF descriptor's disk refers to file \"%1\", which References does not list."_s.arg(
                    disk.fileRef));
        result.append({href, disk.format, disk.capacity});
    }
    if (result.isEmpty())
        return fail(u"The OVF descriptor declares no disk with a file."_s);
    return result;
}

} // namespace cowherd::source
