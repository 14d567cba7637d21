#pragma once

#include "error.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace cowherd::source {

struct OvfDisk
{
    QString fileHref; // member of the OVA holding the disk
    QString format; // "vmdk" for a VMDK format URI, else the URI's last word
    qint64 capacity = -1; // bytes, when the DiskSection says
};

// The disks an OVF descriptor declares: DiskSection/Disk entries joined to References/File by
// ovf:fileRef. Files without a Disk entry are not disks (manifests, ISOs of tools are listed
// only when a Disk uses them).
Result<QList<OvfDisk>> parseOvf(const QByteArray &xml);

} // namespace cowherd::source
