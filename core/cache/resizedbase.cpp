#include "cache/resizedbase.h"

#include "cache/novalock.h"

#include "cache/basename.h"
#include "cache/cachelayout.h"
#include "host/process.h"
#include "host/transport.h"
#include "image/qemuimg.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace cowherd::cache {

namespace {
constexpr qint64 GiB = qint64(1) << 30;
}

Status checkFits(const FetchResult &image, qint64 sizeGiB)
{
    if (sizeGiB > 0 && image.virtualSize > sizeGiB * GiB)
        return std::unexpected(Error::refused(
            u"Image %1 has a virtual size of %2, more than the requested %3 GiB; choose a size of at "
            "least %4 GiB."_s
                .arg(image.imageId,
                    QLocale::c().formattedDataSize(image.virtualSize, 1, QLocale::DataSizeTraditionalFormat))
                .arg(sizeGiB)
                .arg((image.virtualSize + GiB - 1) / GiB)));
    return {};
}

Result<FetchResult> ensureResizedBase(host::Transport &transport, const QString &instancesPath,
    const FetchResult &original, qint64 sizeGiB, const FetchOptions &options)
{
    if (auto fits = checkFits(original, sizeGiB); !fits)
        return std::unexpected(fits.error());
    if (sizeGiB <= 0 || original.virtualSize == sizeGiB * GiB)
        return original;

    FetchResult resized = original;
    resized.name = resizedBaseName(original.name, sizeGiB);
    resized.path = baseFilePath(instancesPath, resized.name);
    resized.virtualSize = sizeGiB * GiB;
    resized.reused = true;

    host::LockOptions lockOptions;
    lockOptions.isCancelled = options.isCancelled;
    auto lock = lockBaseFile(transport, instancesPath, resized.name, lockOptions, options.novaLockTimeoutMs);
    if (!lock)
        return std::unexpected(lock.error());
    auto probed = transport.probe({resized.path}, 0);
    if (!probed)
        return std::unexpected(probed.error());
    if (!probed->isEmpty() && probed->first().exists)
        return resized;

    // Copy (sparse) to a temporary name, extend, flush, then rename: never a half-made file
    // under the final name. The original's lock keeps a cleanup from removing it meanwhile.
    auto originalLock = lockBaseFile(transport, instancesPath, original.name, lockOptions, options.novaLockTimeoutMs);
    if (!originalLock)
        return std::unexpected(originalLock.error());
    const QString part = resized.path + u".part"_s;
    host::RunOptions run;
    run.isCancelled = options.isCancelled;
    auto copied = transport.run({u"cp"_s, u"--sparse=always"_s, u"--"_s, original.path, part}, run);
    if (!copied || !copied->succeeded()) {
        transport.removeFile(part);
        return fail(
            copied ? host::kindOfToolMessage(QString::fromLocal8Bit(copied->standardError)) : copied.error().kind,
            u"Cannot copy %1 to %2 on %3: %4"_s.arg(original.path, part, transport.displayName(),
                copied ? QString::fromLocal8Bit(copied->standardError).trimmed() : copied.error().message));
    }
    image::QemuImg qemuImg(transport, options.qemuImgLimits);
    const QString format = original.format.isEmpty() ? u"raw"_s : original.format;
    if (auto grown = qemuImg.resize(part, format, resized.virtualSize); !grown) {
        transport.removeFile(part);
        return std::unexpected(grown.error());
    }
    if (auto flushed = transport.run({u"sync"_s, u"--"_s, part}, run); !flushed || !flushed->succeeded()) {
        transport.removeFile(part);
        return fail(u"Cannot flush %1 to disk on %2."_s.arg(part, transport.displayName()));
    }
    if (auto renamed = transport.rename(part, resized.path); !renamed) {
        transport.removeFile(part);
        return std::unexpected(renamed.error());
    }
    resized.reused = false;
    resized.format = format;
    return resized;
}

} // namespace cowherd::cache
