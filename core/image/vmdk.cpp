#include "image/probe.h"

#include <QList>

using namespace Qt::StringLiterals;

namespace cowherd::image::detail {

namespace {

constexpr quint64 GrainDirectoryAtEnd = ~quint64(0);
constexpr quint64 SectorSize = 512;

QByteArrayView unquote(QByteArrayView value)
{
    value = value.trimmed();
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
        value = value.sliced(1, value.size() - 2);
    return value;
}

bool isExtentAccess(QByteArrayView word)
{
    return word == "RW" || word == "RDONLY" || word == "NOACCESS";
}

} // namespace

void applyVmdkDescriptor(QByteArrayView text, ImageInfo &info)
{
    const qsizetype nul = text.indexOf('\0');
    if (nul >= 0)
        text = text.first(nul);
    qint64 extentSectors = 0;
    bool sizeOverflow = false;
    for (QByteArrayView line : QByteArray::fromRawData(text.data(), text.size()).split('\n')) {
        line = line.trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const qsizetype eq = line.indexOf('=');
        const QList<QByteArray> words = QByteArray(line.data(), line.size()).simplified().split(' ');
        if (isExtentAccess(words.constFirst())) {
            info.vmdkExtents.append(QString::fromUtf8(line));
            bool ok = false;
            const qint64 sectors = words.size() > 1 ? words.at(1).toLongLong(&ok) : 0;
            if (ok && sectors > 0 && sectors < (qint64(1) << 50) && !sizeOverflow)
                extentSectors += sectors;
            else
                sizeOverflow = true;
            continue;
        }
        if (eq <= 0)
            continue;
        const QByteArrayView key = line.first(eq).trimmed();
        const QByteArrayView value = unquote(line.sliced(eq + 1));
        if (key == "createType")
            info.vmdkCreateType = QString::fromUtf8(value);
        else if (key == "parentFileNameHint" && !value.isEmpty())
            info.backingFile = QString::fromUtf8(value);
    }
    if (info.virtualSize == 0 && !sizeOverflow && extentSectors > 0 && extentSectors < (qint64(1) << 54))
        info.virtualSize = extentSectors * qint64(SectorSize);
}

void parseVmdkSparse(HeaderReader &reader, const QByteArray &head, ImageInfo &info)
{
    info.format = u"vmdk"_s;
    info.vmdkEmbeddedDescriptor = true;
    if (!ensureHead(reader, head, 80, info, u"the VMDK sparse extent header"))
        return;
    const quint32 version = le32(head, 4);
    quint64 capacity = le64(head, 12);
    const quint64 descriptorOffset = le64(head, 28);
    const quint64 descriptorSize = le64(head, 36);
    const quint64 gdOffset = le64(head, 56);
    if (version == 0 || version > 3) {
        addProblem(
            info, u"vmdk-version-invalid"_s, u"The VMDK sparse extent header has unknown version %1."_s.arg(version));
        return;
    }
    // A streamOptimized extent keeps its real header in a footer near the end of the file.
    if (gdOffset == GrainDirectoryAtEnd && reader.fileSize() >= 1536) {
        const qint64 footerAt = reader.fileSize() - 1024;
        if (footerAt + 512 <= reader.available()) {
            const QByteArray footer = reader.read(footerAt, 512);
            if (hasBytesAt(footer, 0, "KDMV")) {
                if (capacity == 0)
                    capacity = le64(footer, 12);
            } else {
                addProblem(info, u"vmdk-footer-missing"_s,
                    u"The streamOptimized VMDK has no footer where its grain directory must be described."_s);
            }
        }
    }
    if (capacity > quint64(std::numeric_limits<qint64>::max()) / SectorSize) {
        addProblem(info, u"vmdk-capacity-invalid"_s,
            u"The VMDK header declares an impossible capacity of %1 sectors."_s.arg(capacity));
        capacity = 0;
    }
    info.virtualSize = qint64(capacity * SectorSize);
    if (descriptorOffset == 0 || descriptorSize == 0)
        return;
    if (descriptorOffset > quint64(reader.fileSize()) / SectorSize
        || descriptorSize > (quint64(reader.fileSize()) - descriptorOffset * SectorSize) / SectorSize) {
        addProblem(info, u"vmdk-descriptor-outside-file"_s,
            u"The VMDK embedded descriptor (%1 sectors at sector %2) does not fit in the file."_s.arg(descriptorSize)
                .arg(descriptorOffset));
        return;
    }
    const qint64 length = qint64(std::min<quint64>(descriptorSize * SectorSize, MaxDescriptorBytes));
    const QByteArray text = reader.read(qint64(descriptorOffset * SectorSize), length);
    if (text.isNull()) {
        reportShortRead(reader, info, u"the VMDK embedded descriptor");
        return;
    }
    const qint64 sizeFromHeader = info.virtualSize;
    applyVmdkDescriptor(text, info);
    info.virtualSize = sizeFromHeader;
}

void parseVmdkDescriptorFile(HeaderReader &reader, ImageInfo &info)
{
    info.format = u"vmdk"_s;
    if (reader.fileSize() > MaxDescriptorBytes) {
        addProblem(info, u"vmdk-descriptor-too-large"_s,
            u"The file looks like a VMDK descriptor but is %1 bytes long; descriptors are small text files."_s.arg(
                reader.fileSize()));
    }
    const QByteArray text = reader.readSome(0, MaxDescriptorBytes);
    applyVmdkDescriptor(text, info);
}

} // namespace cowherd::image::detail
