#include "image/bytesource.h"
#include "image/imageinfo.h"
#include "image/probe.h"

Q_LOGGING_CATEGORY(lcImage, "cowherd.image", QtInfoMsg)

using namespace Qt::StringLiterals;

namespace cowherd::image {

namespace detail {

void addProblem(ImageInfo &info, QString code, QString message)
{
    if (info.hasProblem(code))
        return;
    info.problems.append({std::move(code), std::move(message)});
}

void reportShortRead(HeaderReader &reader, ImageInfo &info, QStringView what)
{
    switch (reader.lastShortfall()) {
    case HeaderReader::Shortfall::None:
        return;
    case HeaderReader::Shortfall::PastEndOfFile:
        addProblem(info, u"header-truncated"_s,
            u"The file (%1 bytes) ends before %2: it is truncated or not a valid %3 image; fetch it again."_s
                .arg(reader.fileSize())
                .arg(what)
                .arg(info.format));
        return;
    case HeaderReader::Shortfall::PastAvailable:
        addProblem(info, u"header-incomplete"_s,
            u"Only the first %1 bytes were read and %2 lies beyond them; inspect the whole file to judge it."_s
                .arg(reader.available())
                .arg(what));
        return;
    case HeaderReader::Shortfall::OverBudget:
        addProblem(info, u"header-too-large"_s,
            u"Reading %1 would exceed the %2 bytes Cowherd reads from any header; the header is hostile or corrupt."_s
                .arg(what)
                .arg(MaxBytesPerInspection));
        return;
    }
}

bool ensureHead(HeaderReader &reader, const QByteArray &head, qsizetype length, ImageInfo &info, QStringView what)
{
    if (head.size() >= length)
        return true;
    reader.read(0, length);
    if (reader.lastShortfall() == HeaderReader::Shortfall::None)
        return true; // cannot happen: head holds every available byte up to its cap
    reportShortRead(reader, info, what);
    return false;
}

QString nameFromBytes(QByteArrayView bytes)
{
    const qsizetype nul = bytes.indexOf('\0');
    if (nul >= 0)
        bytes = bytes.first(nul);
    return QString::fromUtf8(bytes);
}

} // namespace detail

namespace {

using namespace detail;

constexpr qint64 HeadBytes = 64 * 1024;
constexpr qint64 IsoDescriptorOffset = 0x8001;

bool looksLikeVmdkDescriptor(const QByteArray &head)
{
    // Like qemu's probe: skip blank and comment lines; the first real line sets version=.
    const QByteArrayView text = QByteArrayView(head).first(std::min<qsizetype>(head.size(), 4096));
    if (text.contains("# Disk DescriptorFile"))
        return true;
    qsizetype at = 0;
    while (at < text.size()) {
        qsizetype end = text.indexOf('\n', at);
        if (end < 0)
            end = text.size();
        const QByteArrayView line = text.sliced(at, end - at).trimmed();
        if (!line.isEmpty() && !line.startsWith('#'))
            return line.startsWith("version=");
        at = end + 1;
    }
    return false;
}

bool hasMbr(const QByteArray &head)
{
    if (head.size() < 512 || quint8(head.at(510)) != 0x55 || quint8(head.at(511)) != 0xAA)
        return false;
    bool anyPartition = false;
    for (int i = 0; i < 4; ++i) {
        const quint8 status = quint8(head.at(446 + 16 * i));
        if (status != 0x00 && status != 0x80)
            return false;
        anyPartition = anyPartition || head.at(446 + 16 * i + 4) != 0;
    }
    return anyPartition;
}

} // namespace

ImageInfo inspect(ByteSource &source)
{
    HeaderReader reader(source);
    ImageInfo info;
    info.format = u"raw"_s;
    info.virtualSize = reader.fileSize();
    const QByteArray head = reader.readSome(0, HeadBytes);

    // Every signature is checked, so that polyglot files show every format they claim.
    QStringList imageFormats;
    if (hasBytesAt(head, 0, "QFI\xfb"))
        imageFormats << u"qcow2"_s;
    if (hasBytesAt(head, 0, QByteArrayView("QED\0", 4)))
        imageFormats << u"qed"_s;
    if (hasBytesAt(head, 0, "KDMV") || hasBytesAt(head, 0, "COWD"))
        imageFormats << u"vmdk"_s;
    if (head.size() >= 0x188 && le32(head, 0x40) == 0xbeda107fu)
        imageFormats << u"vdi"_s;
    if (hasBytesAt(head, 0, "vhdxfile"))
        imageFormats << u"vhdx"_s;
    if (hasBytesAt(head, 0, "LUKS\xba\xbe"))
        imageFormats << u"luks"_s;
    if (hasBytesAt(head, 0, "WithoutFreeSpace") || hasBytesAt(head, 0, "WithouFreSpacExt"))
        imageFormats << u"parallels"_s;
    QByteArray vpcFooter;
    if (hasBytesAt(head, 0, "conectix") && head.size() >= 512) {
        vpcFooter = head.first(512);
    } else if (reader.fileSize() >= 1024 && reader.fileSize() <= reader.available()) {
        const QByteArray tail = reader.readSome(reader.fileSize() - 512, 512);
        if (hasBytesAt(tail, 0, "conectix") && tail.size() == 512)
            vpcFooter = tail;
    }
    if (!vpcFooter.isEmpty())
        imageFormats << u"vpc"_s;
    const bool descriptor = imageFormats.isEmpty() && looksLikeVmdkDescriptor(head);
    if (descriptor)
        imageFormats << u"vmdk"_s;

    const bool iso = hasBytesAt(head, IsoDescriptorOffset, "CD001");
    const bool gpt = hasBytesAt(head, 512, "EFI PART") || hasBytesAt(head, 4096, "EFI PART");
    const bool mbr = !gpt && hasMbr(head);
    info.formatsMatched = imageFormats;
    if (iso)
        info.formatsMatched << u"iso"_s;
    if (gpt)
        info.formatsMatched << u"gpt"_s;
    if (mbr)
        info.formatsMatched << u"mbr"_s;

    const QString primary = imageFormats.isEmpty() ? (iso ? u"iso"_s : u"raw"_s) : imageFormats.constFirst();
    info.format = primary;
    if (primary == u"qcow2")
        parseQcow2(reader, head, info);
    else if (primary == u"qed")
        parseQed(reader, head, info);
    else if (primary == u"vmdk" && descriptor)
        parseVmdkDescriptorFile(reader, info);
    else if (primary == u"vmdk")
        parseVmdkSparse(reader, head, info);
    else if (primary == u"vdi")
        parseVdi(head, info);
    else if (primary == u"vhdx")
        parseVhdx(reader, info);
    else if (primary == u"luks")
        parseLuks(head, reader.fileSize(), info);
    else if (primary == u"parallels")
        parseParallels(head, info);
    else if (primary == u"vpc")
        parseVpc(reader, vpcFooter, info);

    qCDebug(lcImage) << "inspected" << info.path << info.format << info.virtualSize << info.formatsMatched
                     << info.problems.size() << "problems";
    return info;
}

ImageInfo inspectFile(const QString &path)
{
    FileByteSource source(path);
    if (!source.isOpen()) {
        ImageInfo info;
        info.path = path;
        info.problems.append({u"unreadable"_s, u"Cannot read %1: %2."_s.arg(path, source.errorString())});
        return info;
    }
    ImageInfo info = inspect(source);
    info.path = path;
    return info;
}

} // namespace cowherd::image
