#include "cache/fetcher.h"

#include "cache/novalock.h"

#include "cache/basemetadata.h"
#include "cache/basename.h"
#include "cache/cachelayout.h"
#include "host/digestworker.h"
#include "host/transport.h"
#include "image/bytesource.h"
#include "image/imageinfo.h"
#include "image/safetypolicy.h"
#include "source/imagesource.h"

#include <QDateTime>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcFetch, "cowherd.cache.fetch")

namespace cowherd::cache {

namespace {

constexpr qint64 chunkSize = 4 * 1024 * 1024;
constexpr qint64 inspectBytes = 1024 * 1024; // prefix handed to the inspector for remote files

bool cancelled(const FetchOptions &options)
{
    return options.isCancelled && options.isCancelled();
}

void report(const FetchOptions &options, FetchProgress::Stage stage, qint64 done, qint64 total)
{
    if (options.onProgress)
        options.onProgress({stage, done, total});
}

// Reads the header of the file just written and inspects it. Failing to read it from a remote
// host (a lost SSH connection) is a failure of the transport, to report and retry, not a
// verdict on the image.
Result<image::ImageInfo> inspectOnHost(host::Transport &transport, const QString &path)
{
    if (transport.isLocal())
        return image::inspectFile(path);
    auto probed = transport.probe({path}, inspectBytes);
    if (!probed)
        return fail(probed.error(),
            u"Cannot read the header of %1 on %2 to inspect it: %3"_s.arg(
                path, transport.displayName(), probed.error().message));
    if (probed->isEmpty())
        return fail(Error::Kind::NotFound,
            u"%1 vanished from %2 before it could be inspected"_s.arg(path, transport.displayName()));
    image::PrefixByteSource source(probed->first().head, probed->first().apparentSize);
    image::ImageInfo info = image::inspect(source);
    info.path = path;
    return info;
}

QString describeProblems(const QList<Problem> &problems)
{
    QStringList lines;
    for (const Problem &p : problems)
        lines.append(u"  - "_s + p.message + u" ["_s + p.code + u']');
    return lines.join(u'\n');
}

// Streams the source into writer, hashing as it goes (on a thread of its own, beside the
// writes and the source's own checks). Returns the sha256 of the bytes.
Result<QByteArray> stream(
    source::ImageSource &source, host::FileWriter &writer, qint64 total, const FetchOptions &options)
{
    host::DigestWorker digest(host::Digest::Algorithm::Sha256);
    qint64 done = 0;
    for (;;) {
        if (cancelled(options))
            return std::unexpected(Error::cancelled(u"Fetching %1 was cancelled."_s.arg(source.displayName())));
        auto chunk = source.read(chunkSize);
        if (!chunk)
            return std::unexpected(chunk.error());
        if (chunk->isEmpty())
            break;
        digest.addData(*chunk);
        if (auto written = writer.write(*chunk); !written)
            return std::unexpected(written.error());
        done += chunk->size();
        report(options, FetchProgress::Stage::Downloading, done, total);
    }
    if (auto finished = source.finish(); !finished)
        return std::unexpected(finished.error());
    if (total >= 0 && done != total)
        return fail(Error::Kind::Unreachable,
            u"%1 ended after %2 of %3 bytes; the transfer was cut short. Try again."_s.arg(source.displayName())
                .arg(done)
                .arg(total));
    return digest.hexResult();
}

} // namespace

QString toString(FetchProgress::Stage stage)
{
    switch (stage) {
    case FetchProgress::Stage::Hashing:
        return u"hashing"_s;
    case FetchProgress::Stage::Waiting:
        return u"waiting for the lock"_s;
    case FetchProgress::Stage::Downloading:
        return u"downloading"_s;
    case FetchProgress::Stage::Inspecting:
        return u"inspecting"_s;
    case FetchProgress::Stage::Converting:
        return u"converting"_s;
    case FetchProgress::Stage::Verifying:
        return u"verifying"_s;
    case FetchProgress::Stage::Done:
        return u"done"_s;
    }
    return {};
}

Result<FetchResult> cachedImage(host::Transport &transport, const QString &instancesPath, const QString &imageId)
{
    FetchResult result;
    result.imageId = imageId;
    result.name = originalBaseName(imageId);
    result.path = baseFilePath(instancesPath, result.name);
    auto probed = transport.probe({result.path}, 64 * 1024);
    if (!probed)
        return std::unexpected(probed.error());
    if (probed->isEmpty() || !probed->first().exists)
        return fail(Error::Kind::NotFound,
            u"Image %1 is not cached on %2 (no %3); give its source with --image to fetch it."_s.arg(
                imageId, transport.displayName(), result.path));
    image::PrefixByteSource head(probed->first().head, probed->first().apparentSize);
    const image::ImageInfo info = image::inspect(head);
    result.format = info.format;
    result.virtualSize = info.virtualSize;
    result.reused = true;
    if (auto meta = readMetadata(transport, basePath(instancesPath), result.name); meta) {
        result.sha256 = meta->sha256;
        result.originalFormat = meta->originalFormat;
        if (meta->state == BaseMetadata::ChecksumState::Mismatch)
            return fail(Error::Kind::Corrupt,
                u"The cached base file %1 on %2 failed its checksum; fetch the image again "
                "with --image to replace it."_s.arg(result.path, transport.displayName()));
    }
    return result;
}

Result<FetchResult> fetchImage(
    host::Transport &transport, const QString &instancesPath, source::ImageSource &source, const FetchOptions &options)
{
    source::OpenOptions open;
    open.needImageId = options.imageId.isEmpty();
    open.isCancelled = options.isCancelled;
    open.onHashProgress
        = [&](qint64 done, qint64 total) { report(options, FetchProgress::Stage::Hashing, done, total); };
    auto description = source.open(open);
    if (!description)
        return std::unexpected(description.error());

    FetchResult result;
    result.imageId = options.imageId.isEmpty() ? description->imageId : options.imageId;
    if (result.imageId.isEmpty())
        return fail(u"%1 has no image id; pass one with --image-id."_s.arg(source.displayName()));
    result.name = originalBaseName(result.imageId);
    result.path = baseFilePath(instancesPath, result.name);
    const QString base = basePath(instancesPath);
    const QString declared = options.declaredFormat.isEmpty() ? description->declaredFormat : options.declaredFormat;

    report(options, FetchProgress::Stage::Waiting, 0, -1);
    host::LockOptions lockOptions;
    lockOptions.isCancelled = options.isCancelled;
    // Cowherd's lock, then nova-compute's: neither a Cowherd task nor Nova fetches or removes
    // this file meanwhile.
    auto lock = lockBaseFile(transport, instancesPath, result.name, lockOptions, options.novaLockTimeoutMs);
    if (!lock)
        return std::unexpected(lock.error());

    // Inside the locks: another task or process (Nova) may have fetched it while we waited.
    auto existing = cachedImage(transport, instancesPath, result.imageId);
    if (existing)
        return existing;
    bool replacingCorrupt = false;
    if (auto probed = transport.probe({result.path}, 0); probed && !probed->isEmpty() && probed->first().exists)
        replacingCorrupt = true; // exists but failed its checksum: fetch a fresh copy

    const QString part = result.path + u".part"_s;
    const QString converted = result.path + u".converted"_s;
    auto writer = transport.createFile(part);
    if (!writer)
        return std::unexpected(writer.error());
    auto streamed = stream(source, **writer, description->size, options);
    if (!streamed) {
        (*writer)->abort();
        return std::unexpected(streamed.error());
    }
    if (auto committed = (*writer)->commit(); !committed)
        return std::unexpected(committed.error());
    writer->reset();

    // From here on, every failure removes the .part (and .converted) file.
    auto discard = [&](Error error) -> Result<FetchResult> {
        transport.removeFile(part);
        transport.removeFile(converted);
        return std::unexpected(std::move(error));
    };

    report(options, FetchProgress::Stage::Inspecting, 0, -1);
    const Result<image::ImageInfo> inspected = inspectOnHost(transport, part);
    if (!inspected)
        return discard(inspected.error());
    const image::ImageInfo &info = *inspected;
    image::SafetyPolicy policy;
    policy.declaredFormat = declared;
    policy.maxVirtualSize = options.maxVirtualSize;
    const QList<Problem> problems = image::checkSafety(info, policy);
    if (!image::isSafe(problems))
        return discard(Error::refused(u"Refused %1 on %2: it is not safe to use.\n%3"_s.arg(
            source.displayName(), transport.displayName(), describeProblems(problems))));
    result.originalFormat = info.format;
    // qemu-img opens an ISO 9660 image as raw.
    const QString qemuFormat = info.format == u"iso" ? u"raw"_s : info.format;

    image::QemuImg qemuImg(transport, options.qemuImgLimits);
    QString finalFile = part;
    QByteArray sha256 = *streamed;
    result.format = qemuFormat;
    result.virtualSize = info.virtualSize;
    if (options.forceRaw && qemuFormat != u"raw") {
        // qemu-img must read what the inspector read (size, backing file, data file) before it
        // converts anything; a disagreement means one of them is being fooled.
        auto qinfo = qemuImg.verifiedInfo(info);
        if (!qinfo)
            return discard(qinfo.error());
        report(options, FetchProgress::Stage::Converting, 0, 100);
        image::ConvertOptions convert;
        convert.isCancelled = options.isCancelled;
        convert.onProgress
            = [&](double percent) { report(options, FetchProgress::Stage::Converting, qint64(percent), 100); };
        if (auto done = qemuImg.convert(part, qemuFormat, converted, u"raw"_s, convert); !done)
            return discard(done.error());
        transport.removeFile(part);
        finalFile = converted;
        result.format = u"raw"_s;
        result.virtualSize = qinfo->virtualSize;
        report(options, FetchProgress::Stage::Verifying, 0, -1);
        auto hashed = transport.sha256(converted, options.isCancelled);
        if (!hashed)
            return discard(hashed.error());
        sha256 = *hashed;
    }

    if (replacingCorrupt) {
        const QString quarantine = quarantineDirectory(base) + u'/' + result.name + u'.'
            + QString::number(QDateTime::currentSecsSinceEpoch());
        transport.makeDirectory(quarantineDirectory(base));
        if (auto moved = transport.rename(result.path, quarantine); !moved)
            return discard(moved.error());
    }
    if (auto renamed = transport.rename(finalFile, result.path); !renamed)
        return discard(renamed.error());

    BaseMetadata metadata;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    metadata.imageId = result.imageId;
    metadata.source = description->location;
    metadata.originalFormat = result.originalFormat;
    metadata.size = description->size;
    metadata.sha256 = QString::fromLatin1(sha256);
    metadata.fetchedAt = now;
    metadata.recordedAt = now;
    metadata.verifiedAt = now;
    metadata.state = BaseMetadata::ChecksumState::Ok;
    if (auto written = writeMetadata(transport, base, result.name, metadata); !written)
        qCWarning(lcFetch) << written.error().message; // the file is good; the pass records it later
    result.sha256 = metadata.sha256;
    report(options, FetchProgress::Stage::Done, 1, 1);
    return result;
}

} // namespace cowherd::cache
