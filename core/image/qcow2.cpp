#include "image/probe.h"

using namespace Qt::StringLiterals;

namespace cowherd::image::detail {

namespace {

constexpr quint32 ExtensionEnd = 0;
constexpr quint32 ExtensionBackingFormat = 0xE2792ACA;
constexpr quint32 ExtensionDataFile = 0x44415441;
constexpr int MaxHeaderExtensions = 64;
// qemu refuses names longer than this; longer ones are hostile.
constexpr quint32 MaxBackingNameLength = 1023;
// qemu's own limits (QCOW_MAX_L1_SIZE, QCOW_MAX_REFTABLE_SIZE).
constexpr quint64 MaxL1Bytes = 32 * 1024 * 1024;
constexpr quint64 MaxRefcountTableBytes = 8 * 1024 * 1024;
constexpr quint32 MaxSnapshots = 65536;

void readExtensions(HeaderReader &reader, ImageInfo &info, qint64 start, qint64 clusterSize)
{
    // Extensions must lie within the first cluster; qemu refuses anything else.
    const qint64 end = std::min<qint64>(clusterSize, reader.fileSize());
    qint64 offset = start;
    for (int i = 0; i < MaxHeaderExtensions; ++i) {
        if (offset + 8 > end)
            return;
        const QByteArray hdr = reader.read(offset, 8);
        if (hdr.isNull()) {
            reportShortRead(reader, info, u"the qcow2 header extensions");
            return;
        }
        const quint32 type = be32(hdr, 0);
        const quint32 length = be32(hdr, 4);
        if (type == ExtensionEnd)
            return;
        if (length > quint64(end - offset - 8)) {
            addProblem(info, u"qcow2-extension-invalid"_s,
                u"A qcow2 header extension (type 0x%1) claims %2 bytes, more than the first cluster holds."_s
                    .arg(qulonglong(type), 8, 16, QChar(u'0'))
                    .arg(length));
            return;
        }
        if (type == ExtensionBackingFormat || type == ExtensionDataFile) {
            const QByteArray data = reader.read(offset + 8, std::min<quint32>(length, MaxBackingNameLength));
            if (data.isNull()) {
                reportShortRead(reader, info, u"a qcow2 header extension");
                return;
            }
            if (type == ExtensionBackingFormat)
                info.backingFormat = nameFromBytes(data);
            else
                info.dataFile = nameFromBytes(data);
        }
        offset += 8 + ((qint64(length) + 7) & ~qint64(7));
    }
    addProblem(info, u"qcow2-extension-invalid"_s,
        u"The qcow2 header has more than %1 header extensions."_s.arg(MaxHeaderExtensions));
}

} // namespace

void parseQcow2(HeaderReader &reader, const QByteArray &head, ImageInfo &info)
{
    info.format = u"qcow2"_s;
    if (head.size() >= 8)
        info.qcow2Version = int(std::min<quint32>(be32(head, 4), 1000000));
    if (!ensureHead(reader, head, 72, info, u"the qcow2 header"))
        return;
    const quint64 backingOffset = be64(head, 8);
    const quint32 backingSize = be32(head, 16);
    const quint32 clusterBits = be32(head, 20);
    info.virtualSize = qint64(std::min<quint64>(be64(head, 24), quint64(std::numeric_limits<qint64>::max())));
    info.qcow2CryptMethod = int(std::min<quint32>(be32(head, 32), 1000));
    info.l1Size = be32(head, 36);
    const quint64 l1Offset = be64(head, 40);
    const quint64 refcountOffset = be64(head, 48);
    const quint32 refcountClusters = be32(head, 56);
    const quint32 snapshots = be32(head, 60);
    info.clusterBits = int(std::min<quint32>(clusterBits, 64));

    if (info.qcow2Version != 2 && info.qcow2Version != 3)
        return; // nothing below is defined; the safety policy refuses the version
    if (clusterBits < 9 || clusterBits > 21) {
        addProblem(info, u"qcow2-cluster-size-invalid"_s,
            u"The qcow2 header declares cluster_bits %1; only 9 to 21 are valid."_s.arg(clusterBits));
        return;
    }
    const qint64 clusterSize = qint64(1) << clusterBits;
    const quint64 fileSize = quint64(reader.fileSize());

    qint64 headerLength = 72;
    if (info.qcow2Version == 3) {
        if (!ensureHead(reader, head, 104, info, u"the qcow2 version 3 header"))
            return;
        info.qcow2IncompatibleFeatures = be64(head, 72);
        headerLength = be32(head, 100);
        if (headerLength < 104 || headerLength > clusterSize || (headerLength % 8) != 0) {
            addProblem(info, u"qcow2-header-length-invalid"_s,
                u"The qcow2 header declares a header length of %1 bytes, which is impossible."_s.arg(headerLength));
            return;
        }
    }

    // An L1 table must be able to map the whole virtual disk and must not exceed qemu's limit.
    const quint64 l1Bytes = quint64(info.l1Size) * 8;
    if (l1Bytes > MaxL1Bytes) {
        addProblem(info, u"qcow2-l1-table-too-large"_s,
            u"The qcow2 L1 table has %1 entries (%2 bytes), above the %3 bytes qemu allows; the header is hostile or corrupt."_s
                .arg(info.l1Size)
                .arg(l1Bytes)
                .arg(MaxL1Bytes));
    } else if (info.l1Size > 0
        && (l1Offset % quint64(clusterSize) != 0 || l1Offset > fileSize || l1Bytes > fileSize - l1Offset)) {
        addProblem(info, u"qcow2-l1-table-outside-file"_s,
            u"The qcow2 L1 table (%1 bytes at offset %2) does not fit in the %3-byte file."_s.arg(l1Bytes)
                .arg(l1Offset)
                .arg(fileSize));
    }
    const quint64 entriesPerL2 = quint64(clusterSize) / 8;
    const quint64 bytesPerL1Entry = quint64(clusterSize) * entriesPerL2;
    const quint64 l1Needed = (quint64(info.virtualSize) + bytesPerL1Entry - 1) / bytesPerL1Entry;
    if (l1Bytes <= MaxL1Bytes && l1Needed > info.l1Size) {
        addProblem(info, u"qcow2-l1-table-too-small"_s,
            u"The qcow2 L1 table has %1 entries but a virtual size of %2 bytes needs %3."_s.arg(info.l1Size)
                .arg(info.virtualSize)
                .arg(l1Needed));
    }

    const quint64 refcountBytes = quint64(refcountClusters) * quint64(clusterSize);
    if (refcountBytes > MaxRefcountTableBytes) {
        addProblem(info, u"qcow2-refcount-table-too-large"_s,
            u"The qcow2 refcount table spans %1 clusters (%2 bytes), above the %3 bytes qemu allows."_s
                .arg(refcountClusters)
                .arg(refcountBytes)
                .arg(MaxRefcountTableBytes));
    } else if (refcountOffset % quint64(clusterSize) != 0 || refcountOffset > fileSize
        || refcountBytes > fileSize - refcountOffset) {
        addProblem(info, u"qcow2-refcount-table-outside-file"_s,
            u"The qcow2 refcount table (%1 bytes at offset %2) does not fit in the %3-byte file."_s.arg(refcountBytes)
                .arg(refcountOffset)
                .arg(fileSize));
    }
    if (snapshots > MaxSnapshots) {
        addProblem(info, u"qcow2-too-many-snapshots"_s,
            u"The qcow2 header declares %1 internal snapshots, more than qemu allows (%2)."_s.arg(snapshots).arg(
                MaxSnapshots));
    }

    if (backingOffset != 0) {
        if (backingSize == 0 || backingSize > MaxBackingNameLength || backingOffset >= quint64(clusterSize)
            || backingOffset + backingSize > quint64(clusterSize)) {
            addProblem(info, u"qcow2-backing-name-invalid"_s,
                u"The qcow2 backing file name (%1 bytes at offset %2) lies outside the first cluster or is too long."_s
                    .arg(backingSize)
                    .arg(backingOffset));
        } else {
            const QByteArray name = reader.read(qint64(backingOffset), backingSize);
            if (name.isNull())
                reportShortRead(reader, info, u"the qcow2 backing file name");
            else
                info.backingFile = nameFromBytes(name);
            if (!name.isNull() && info.backingFile.isEmpty()) {
                addProblem(info, u"qcow2-backing-name-invalid"_s,
                    u"The qcow2 header points at a backing file name that is empty."_s);
            }
        }
    }

    readExtensions(reader, info, headerLength, clusterSize);
}

void parseQed(HeaderReader &reader, const QByteArray &head, ImageInfo &info)
{
    info.format = u"qed"_s;
    if (!ensureHead(reader, head, 64, info, u"the QED header"))
        return;
    const quint32 clusterSize = le32(head, 4);
    info.virtualSize = qint64(std::min<quint64>(le64(head, 48), quint64(std::numeric_limits<qint64>::max())));
    const quint64 features = le64(head, 16);
    const quint32 nameOffset = le32(head, 56);
    const quint32 nameSize = le32(head, 60);
    if ((features & 1) == 0)
        return;
    if (nameSize == 0 || nameSize > MaxBackingNameLength || nameOffset >= clusterSize || clusterSize > (1u << 26)) {
        addProblem(info, u"qed-backing-name-invalid"_s,
            u"The QED backing file name (%1 bytes at offset %2) lies outside the first cluster."_s.arg(nameSize).arg(
                nameOffset));
        return;
    }
    const QByteArray name = reader.read(nameOffset, nameSize);
    if (name.isNull())
        reportShortRead(reader, info, u"the QED backing file name");
    else
        info.backingFile = nameFromBytes(name);
    if (features & 4)
        info.backingFormat = u"raw"_s;
}

} // namespace cowherd::image::detail
