#include "image/probe.h"

using namespace Qt::StringLiterals;

namespace cowherd::image::detail {

namespace {

constexpr quint32 VpcFixed = 2;
constexpr quint32 VpcDifferencing = 4;
constexpr quint64 VpcMaxChsSectors = 65535ULL * 16 * 255;
constexpr quint32 VpcMaxTableEntries = 1u << 26;

// VHDX GUIDs as stored on disk (first three fields little-endian).
constexpr char VhdxMetadataRegion[] = "\x06\xA2\x7C\x8B\x90\x47\x9A\x4B\xB8\xFE\x57\x5F\x05\x0F\x88\x6E";
constexpr char VhdxVirtualDiskSize[] = "\x24\x42\xA5\x2F\x1B\xCD\x76\x48\xB2\x11\x5D\xBE\xD8\x3B\xF4\xB8";
constexpr char VhdxFileParameters[] = "\x37\x67\xA1\xCA\x36\xFA\x43\x4D\xB3\xB6\x33\xF0\xAA\x44\xE7\x6B";
constexpr char VhdxParentLocator[] = "\x2D\x5F\xD3\xA8\x0B\xB3\x4D\x45\xAB\xF7\xD3\xD8\x48\x34\xAB\x0C";
constexpr qint64 VhdxRegionTableOffset = 192 * 1024;
constexpr qint64 VhdxTableSize = 64 * 1024;
constexpr qsizetype VhdxMaxEntries = 2047;

bool guidAt(const QByteArray &b, qsizetype at, const char (&guid)[17])
{
    return hasBytesAt(b, at, QByteArrayView(guid, 16));
}

} // namespace

void parseVpc(HeaderReader &reader, const QByteArray &footer, ImageInfo &info)
{
    info.format = u"vpc"_s;
    const quint32 diskType = be32(footer, 60);
    info.vpcDiskType = int(std::min<quint32>(diskType, 1000));
    const QByteArrayView creator(footer.constData() + 28, 4);
    const QByteArrayView creatorOs(footer.constData() + 36, 4);
    const quint64 chsSectors = quint64(be16(footer, 56)) * quint8(footer.at(58)) * quint8(footer.at(59));
    const quint64 currentSize = be64(footer, 48);
    // Like qemu: Virtual PC and qemu size disks by geometry, every other tool by current_size.
    const bool byGeometry
        = (creator == "vpc " || creator == "qemu") && creatorOs == "Wi2k" && chsSectors != VpcMaxChsSectors;
    const quint64 size = byGeometry ? chsSectors * 512 : currentSize;
    info.virtualSize = qint64(std::min<quint64>(size, quint64(std::numeric_limits<qint64>::max())));
    if (diskType == VpcFixed)
        return;
    if (diskType != 3 && diskType != VpcDifferencing) {
        addProblem(info, u"vpc-disk-type-invalid"_s, u"The VHD footer declares unknown disk type %1."_s.arg(diskType));
        return;
    }
    const quint64 dynamicOffset = be64(footer, 16);
    if (dynamicOffset > quint64(reader.fileSize()) || quint64(reader.fileSize()) - dynamicOffset < 1024) {
        addProblem(info, u"vpc-dynamic-header-outside-file"_s,
            u"The VHD dynamic disk header at offset %1 lies outside the file."_s.arg(dynamicOffset));
        return;
    }
    const QByteArray dynamic = reader.read(qint64(dynamicOffset), 1024);
    if (dynamic.isNull()) {
        reportShortRead(reader, info, u"the VHD dynamic disk header");
        return;
    }
    if (!hasBytesAt(dynamic, 0, "cxsparse")) {
        addProblem(
            info, u"vpc-dynamic-header-invalid"_s, u"The VHD dynamic disk header has no \"cxsparse\" signature."_s);
        return;
    }
    const quint64 tableOffset = be64(dynamic, 16);
    const quint32 tableEntries = be32(dynamic, 28);
    if (tableEntries > VpcMaxTableEntries || tableOffset > quint64(reader.fileSize())
        || quint64(tableEntries) * 4 > quint64(reader.fileSize()) - tableOffset) {
        addProblem(info, u"vpc-table-invalid"_s,
            u"The VHD block allocation table (%1 entries at offset %2) does not fit in the file."_s.arg(tableEntries)
                .arg(tableOffset));
    }
    if (diskType == VpcDifferencing) {
        QString parent;
        for (qsizetype i = 64; i + 1 < 64 + 512; i += 2) {
            const char16_t unit = be16(dynamic, i);
            if (unit == 0)
                break;
            parent.append(QChar(unit));
        }
        info.backingFile = parent.isEmpty() ? u"(VHD parent)"_s : parent;
    }
}

void parseVhdx(HeaderReader &reader, ImageInfo &info)
{
    info.format = u"vhdx"_s;
    const QByteArray regions = reader.read(VhdxRegionTableOffset, VhdxTableSize);
    if (regions.isNull()) {
        reportShortRead(reader, info, u"the VHDX region table");
        return;
    }
    if (!hasBytesAt(regions, 0, "regi")) {
        addProblem(info, u"vhdx-region-table-invalid"_s, u"The VHDX region table has no \"regi\" signature."_s);
        return;
    }
    const qsizetype regionCount = std::min<qsizetype>(le32(regions, 8), VhdxMaxEntries);
    qint64 metadataOffset = -1;
    qint64 metadataLength = 0;
    for (qsizetype i = 0; i < regionCount && 16 + (i + 1) * 32 <= regions.size(); ++i) {
        const qsizetype at = 16 + i * 32;
        if (guidAt(regions, at, VhdxMetadataRegion)) {
            metadataOffset
                = qint64(std::min<quint64>(le64(regions, at + 16), quint64(std::numeric_limits<qint64>::max())));
            metadataLength = le32(regions, at + 24);
        }
    }
    if (metadataOffset < 0 || metadataLength < 32) {
        addProblem(info, u"vhdx-metadata-missing"_s, u"The VHDX region table names no metadata region."_s);
        return;
    }
    const QByteArray table = reader.read(metadataOffset, std::min(metadataLength, VhdxTableSize));
    if (table.isNull()) {
        reportShortRead(reader, info, u"the VHDX metadata table");
        return;
    }
    if (!hasBytesAt(table, 0, "metadata")) {
        addProblem(info, u"vhdx-metadata-invalid"_s, u"The VHDX metadata table has no \"metadata\" signature."_s);
        return;
    }
    const qsizetype entryCount = std::min<qsizetype>(le16(table, 10), VhdxMaxEntries);
    for (qsizetype i = 0; i < entryCount && 32 + (i + 1) * 32 <= table.size(); ++i) {
        const qsizetype at = 32 + i * 32;
        const quint32 itemOffset = le32(table, at + 16);
        const quint32 itemLength = le32(table, at + 20);
        if (guidAt(table, at, VhdxParentLocator)) {
            info.backingFile = u"(VHDX parent locator)"_s;
            continue;
        }
        const bool isSize = guidAt(table, at, VhdxVirtualDiskSize);
        const bool isParameters = guidAt(table, at, VhdxFileParameters);
        if (!isSize && !isParameters)
            continue;
        if (itemLength < 8 || itemOffset > quint64(metadataLength) - 8) {
            addProblem(info, u"vhdx-metadata-invalid"_s, u"A VHDX metadata item lies outside the metadata region."_s);
            continue;
        }
        const QByteArray item = reader.read(metadataOffset + itemOffset, 8);
        if (item.isNull()) {
            reportShortRead(reader, info, u"a VHDX metadata item");
            continue;
        }
        if (isSize)
            info.virtualSize = qint64(std::min<quint64>(le64(item, 0), quint64(std::numeric_limits<qint64>::max())));
        else if (le32(item, 4) & 2)
            info.backingFile = u"(VHDX parent locator)"_s;
    }
}

} // namespace cowherd::image::detail
