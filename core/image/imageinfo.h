#pragma once

#include "error.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace cowherd::image {

class ByteSource;

// What the native inspector learned from an image's header (and footer, for formats that
// keep one). Format names are qemu-img's: raw, qcow2, vmdk, vdi, vpc, vhdx, qed, luks; an ISO
// 9660 image is reported as "iso" (qemu-img opens it as raw).
struct ImageInfo
{
    QString path; // set by inspectFile(); used in messages
    QString format;
    qint64 virtualSize = 0;
    QString backingFile; // as written in the image (may be relative)
    QString backingFormat;
    QString dataFile;
    QStringList formatsMatched; // every signature that matched, e.g. {"iso", "gpt"}
    QList<Problem> problems; // structural problems: truncated header, impossible tables...

    // Format details the safety policy judges.
    int qcow2Version = 0;
    quint64 qcow2IncompatibleFeatures = 0;
    int qcow2CryptMethod = 0;
    int clusterBits = 0;
    quint32 l1Size = 0;
    QString vmdkCreateType;
    QStringList vmdkExtents; // every extent line of the descriptor, as written
    bool vmdkEmbeddedDescriptor = false; // descriptor inside a sparse extent, not a text file
    int vpcDiskType = 0; // 2 fixed, 3 dynamic, 4 differencing

    bool hasProblem(QStringView code) const
    {
        for (const auto &p : problems)
            if (p.code == code)
                return true;
        return false;
    }
};

// Inspects an untrusted image without trusting any of its fields. Never throws, never reads
// more than a bounded number of bytes, whatever the header claims.
ImageInfo inspect(ByteSource &source);
ImageInfo inspectFile(const QString &path);

} // namespace cowherd::image
