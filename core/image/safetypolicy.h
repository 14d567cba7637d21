#pragma once

#include "error.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace cowherd::image {

struct ImageInfo;

// What Cowherd accepts from an image it did not make. Every refusal has a stable problem code.
struct SafetyPolicy
{
    // Glance disk_format (raw, qcow2, vmdk, vdi, vhd, vhdx, iso, ploop, aki, ari, ami) or a
    // qemu-img format name; empty when nobody declared one.
    QString declaredFormat;
    qint64 maxVirtualSize = qint64(1) << 40;
    // Only for Cowherd's own overlays; any other image naming a backing file is refused.
    bool allowBackingFile = false;
    // A scan inspects only the first bytes of a file; a refusal for that would be noise.
    bool allowIncompleteHeader = false;
};

// Problem codes checkSafety() reports, besides the inspector's structural ones.
namespace problem {
inline constexpr QStringView BackingFile = u"backing-file";
inline constexpr QStringView Qcow2DataFile = u"qcow2-data-file";
inline constexpr QStringView Qcow2UnknownFeatures = u"qcow2-unknown-features";
inline constexpr QStringView Qcow2Version = u"qcow2-version";
inline constexpr QStringView VmdkCreateType = u"vmdk-create-type";
inline constexpr QStringView VmdkExternalExtent = u"vmdk-external-extent";
inline constexpr QStringView QedFormat = u"qed-format";
inline constexpr QStringView MultipleFormats = u"multiple-formats";
inline constexpr QStringView FormatMismatch = u"format-mismatch";
inline constexpr QStringView UnknownDeclaredFormat = u"declared-format-unknown";
inline constexpr QStringView VirtualSizeLimit = u"virtual-size-limit";
inline constexpr QStringView HeaderIncomplete = u"header-incomplete";
inline constexpr QStringView NotInspected = u"not-inspected";
} // namespace problem

// The qemu-img format a Glance disk_format (or qemu-img name) stands for; empty when unknown.
QString qemuFormatForDeclared(const QString &declaredFormat);
// True when qemu-img opening the image as declaredFormat reads what the inspector found.
bool declaredFormatMatches(const QString &declaredFormat, const QString &detectedFormat);

// Every reason the image is unsafe to hand to qemu-img; empty when it is safe. Includes the
// inspector's structural problems.
QList<Problem> checkSafety(const ImageInfo &info, const SafetyPolicy &policy = {});
bool isSafe(const QList<Problem> &problems);

} // namespace cowherd::image
