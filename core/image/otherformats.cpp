#include "image/probe.h"

using namespace Qt::StringLiterals;

namespace cowherd::image::detail {

void parseVdi(const QByteArray &head, ImageInfo &info)
{
    info.format = u"vdi"_s;
    if (head.size() < 0x188)
        return; // the caller matched only with the full header present
    const quint64 diskSize = le64(head, 0x170);
    const quint32 blockSize = le32(head, 0x178);
    const quint32 blocks = le32(head, 0x180);
    info.virtualSize = qint64(std::min<quint64>(diskSize, quint64(std::numeric_limits<qint64>::max())));
    // qemu caps the block map at 0x3fffffff / 4 entries of 1 MiB blocks.
    if (blockSize != 1024 * 1024 || blocks > 0x3fffffffu / 4 || quint64(blocks) * blockSize < diskSize) {
        addProblem(info, u"vdi-header-invalid"_s,
            u"The VDI header declares %1 blocks of %2 bytes for a %3-byte disk, which is impossible."_s.arg(blocks)
                .arg(blockSize)
                .arg(diskSize));
    }
}

void parseLuks(const QByteArray &head, qint64 fileSize, ImageInfo &info)
{
    info.format = u"luks"_s;
    info.virtualSize = 0; // LUKS2 keeps its payload size in JSON that Cowherd does not parse
    if (head.size() >= 108 && be16(head, 6) == 1) {
        const qint64 payload = qint64(be32(head, 104)) * 512;
        if (payload > 0 && payload <= fileSize)
            info.virtualSize = fileSize - payload;
    }
}

void parseParallels(const QByteArray &head, ImageInfo &info)
{
    info.format = u"parallels"_s;
    if (head.size() < 64)
        return;
    const quint64 sectors = le64(head, 36);
    info.virtualSize = sectors > quint64(std::numeric_limits<qint64>::max()) / 512 ? 0 : qint64(sectors * 512);
}

} // namespace cowherd::image::detail
