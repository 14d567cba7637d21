#include "image/safetypolicy.h"

#include "image/imageinfo.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cowherd::image {

namespace {

constexpr quint64 KnownQcow2IncompatibleFeatures = 0x1f; // dirty, corrupt, data file, compression, extended L2
constexpr quint64 Qcow2ExternalDataFileBit = 0x4;
constexpr int VpcFixedDisk = 2;

QString subject(const ImageInfo &info)
{
    return info.path.isEmpty() ? u"The image"_s : info.path;
}

void add(QList<Problem> &problems, QStringView code, QString message)
{
    for (const auto &p : problems)
        if (p.code == code)
            return;
    problems.append({code.toString(), std::move(message)});
}

bool isPartitionTable(const QString &format)
{
    return format == u"gpt" || format == u"mbr";
}

QString extentFileName(const QString &line)
{
    const qsizetype open = line.indexOf(u'"');
    const qsizetype close = open < 0 ? -1 : line.indexOf(u'"', open + 1);
    return close < 0 ? QString() : line.mid(open + 1, close - open - 1);
}

void checkVmdk(const ImageInfo &info, QList<Problem> &problems)
{
    static const QStringList allowedTypes{u"monolithicSparse"_s, u"streamOptimized"_s};
    if (!allowedTypes.contains(info.vmdkCreateType)) {
        add(problems, problem::VmdkCreateType,
            u"%1 is a VMDK of createType \"%2\"; only monolithicSparse and streamOptimized are accepted because other types read other files. Convert it to a single-file image before importing."_s
                .arg(subject(info), info.vmdkCreateType.isEmpty() ? u"(none)"_s : info.vmdkCreateType));
    }
    if (info.vmdkEmbeddedDescriptor) {
        // qemu reads only the extent it opened; more extents or another type mean a crafted file.
        const bool single = info.vmdkExtents.size() <= 1
            && (info.vmdkExtents.isEmpty() || info.vmdkExtents.constFirst().contains(u" SPARSE "_s));
        if (!single) {
            add(problems, problem::VmdkExternalExtent,
                u"%1 is a VMDK whose embedded descriptor lists %2 extents (%3); a single-file VMDK lists only itself."_s
                    .arg(subject(info))
                    .arg(info.vmdkExtents.size())
                    .arg(info.vmdkExtents.join(u"; "_s)));
        }
        return;
    }
    for (const QString &line : info.vmdkExtents) {
        add(problems, problem::VmdkExternalExtent,
            u"%1 is a VMDK descriptor whose extent names the file \"%2\"; qemu-img would read that file. Import the data file itself, not its descriptor."_s
                .arg(subject(info), extentFileName(line).isEmpty() ? line : extentFileName(line)));
    }
}

} // namespace

QString qemuFormatForDeclared(const QString &declaredFormat)
{
    const QString f = declaredFormat.trimmed().toLower();
    if (f == u"vhd" || f == u"vpc")
        return u"vpc"_s;
    if (f == u"ploop" || f == u"parallels")
        return u"parallels"_s;
    if (f == u"aki" || f == u"ari" || f == u"ami")
        return u"raw"_s;
    static const QStringList same{u"raw"_s, u"qcow2"_s, u"vmdk"_s, u"vdi"_s, u"vhdx"_s, u"iso"_s, u"qed"_s, u"luks"_s};
    return same.contains(f) ? f : QString();
}

bool declaredFormatMatches(const QString &declaredFormat, const QString &detectedFormat)
{
    const QString expected = qemuFormatForDeclared(declaredFormat);
    if (expected == detectedFormat)
        return true;
    // qemu-img opens an ISO as raw, so the two names are interchangeable for safety.
    const auto rawLike = [](const QString &f) { return f == u"raw" || f == u"iso"; };
    return rawLike(expected) && rawLike(detectedFormat);
}

QList<Problem> checkSafety(const ImageInfo &info, const SafetyPolicy &policy)
{
    QList<Problem> problems;
    const QString who = subject(info);
    // A default ImageInfo (a probe that failed) must never pass for a safe image.
    if (info.format.isEmpty() && info.problems.isEmpty()) {
        add(problems, problem::NotInspected,
            u"%1 was not inspected (its header could not be read), so it cannot be judged safe; check that the file exists and is readable."_s
                .arg(who));
    }
    for (const Problem &p : info.problems) {
        if (policy.allowIncompleteHeader && p.code == problem::HeaderIncomplete)
            continue;
        // The inspector does not know the file's name; say which file it was.
        problems.append(info.path.isEmpty() || p.message.contains(info.path)
                ? p
                : Problem{p.code, info.path + u": "_s + p.message});
    }

    if (!policy.declaredFormat.isEmpty()) {
        const QString expected = qemuFormatForDeclared(policy.declaredFormat);
        if (expected.isEmpty()) {
            add(problems, problem::UnknownDeclaredFormat,
                u"%1 was declared as \"%2\", a disk format Cowherd does not know; declare one of raw, qcow2, vmdk, vdi, vhd, vhdx, iso, ploop, aki, ari, ami."_s
                    .arg(who, policy.declaredFormat));
        } else if (!declaredFormatMatches(policy.declaredFormat, info.format)) {
            add(problems, problem::FormatMismatch,
                u"%1 was declared as %2 but its header says %3; an image that lies about its format is refused. Correct the declared disk format if the image is trustworthy."_s
                    .arg(who, policy.declaredFormat, info.format));
        }
    }

    // Formats whose disk data is plain bytes from offset 0 (an ISO, a fixed VHD) legitimately
    // carry a partition table or an ISO inside; any other signature next to another is a polyglot.
    const auto rawData = [&](const QString &f) {
        return isPartitionTable(f) || f == u"iso" || (f == u"vpc" && info.vpcDiskType == VpcFixedDisk);
    };
    const bool polyglot = info.formatsMatched.size() > 1
        && !std::all_of(info.formatsMatched.cbegin(), info.formatsMatched.cend(), rawData);
    if (polyglot) {
        add(problems, problem::MultipleFormats,
            u"%1 carries the signatures of several formats (%2); such a polyglot file can be read differently by different tools and is refused."_s
                .arg(who, info.formatsMatched.join(u", "_s)));
    }

    if (!info.backingFile.isEmpty() && !policy.allowBackingFile) {
        add(problems, problem::BackingFile,
            u"%1 names the backing file \"%2\"%3; only Cowherd's own overlays may have one, since it would make qemu read that file. Flatten the image (qemu-img convert) where it was made."_s
                .arg(who, info.backingFile,
                    info.backingFormat.isEmpty() ? QString() : u" (format %1)"_s.arg(info.backingFormat)));
    }

    if (info.format == u"qcow2") {
        if (info.qcow2Version != 2 && info.qcow2Version != 3 && !info.hasProblem(problem::HeaderIncomplete)) {
            add(problems, problem::Qcow2Version,
                u"%1 claims qcow2 version %2; only versions 2 and 3 exist."_s.arg(who).arg(info.qcow2Version));
        }
        if (!info.dataFile.isEmpty() || (info.qcow2IncompatibleFeatures & Qcow2ExternalDataFileBit)) {
            add(problems, problem::Qcow2DataFile,
                u"%1 keeps its data in the external file \"%2\"; qemu-img would read or write that file. Convert the image to one without a data file."_s
                    .arg(who, info.dataFile.isEmpty() ? u"(unnamed)"_s : info.dataFile));
        }
        const quint64 unknown = info.qcow2IncompatibleFeatures & ~KnownQcow2IncompatibleFeatures;
        if (unknown != 0) {
            add(problems, problem::Qcow2UnknownFeatures,
                u"%1 sets qcow2 incompatible feature bits 0x%2 that Cowherd does not know; it cannot be judged safe."_s
                    .arg(who)
                    .arg(unknown, 0, 16));
        }
    } else if (info.format == u"vmdk") {
        checkVmdk(info, problems);
    } else if (info.format == u"qed") {
        add(problems, problem::QedFormat,
            u"%1 is a QED image; QED is deprecated in qemu and not accepted. Convert it to qcow2 or raw first."_s.arg(
                who));
    }

    if (info.virtualSize > policy.maxVirtualSize) {
        add(problems, problem::VirtualSizeLimit,
            u"%1 declares a virtual size of %2 bytes, above the limit of %3 bytes; raise the limit if this disk is meant to be that large."_s
                .arg(who)
                .arg(info.virtualSize)
                .arg(policy.maxVirtualSize));
    }
    return problems;
}

bool isSafe(const QList<Problem> &problems)
{
    return problems.isEmpty();
}

} // namespace cowherd::image
