#pragma once

#include "error.h"
#include "host/transport.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace cowherd::image {

struct ImageInfo;

// Resource limits every qemu-img run gets (prlimit --as --cpu): a hostile header must not be
// able to make qemu-img eat the host's memory or CPU.
struct QemuImgLimits
{
    qint64 addressSpaceBytes = qint64(1) << 30;
    int cpuSeconds = 30;
    int wallClockMs = -1; // -1: no wall-clock limit (a convert of a large image takes long)
};

// What `qemu-img info --output=json` said.
struct QemuImgInfo
{
    QString format;
    qint64 virtualSize = 0;
    qint64 actualSize = -1; // -1 when qemu-img did not report it
    QString backingFile; // backing-filename, as written in the image
    QString fullBackingFile; // full-backing-filename, resolved by qemu-img
    QString backingFormat;
    QString dataFile; // format-specific data-file (qcow2)
};

struct ConvertOptions
{
    bool compress = false; // -c
    QStringList createOptions; // each becomes -o VALUE
    std::function<void(double percent)> onProgress;
    std::function<bool()> isCancelled;
};

// The argv that runs argv under the limits.
QStringList limitedCommand(const QStringList &argv, const QemuImgLimits &limits);

// Runs argv under the limits through the transport. A run stopped by a limit becomes an error
// naming the file and the limit; other failures come back as a ProcessResult to interpret.
Result<host::ProcessResult> runLimited(host::Transport &transport, const QStringList &argv, const QemuImgLimits &limits,
    const QString &file, const host::RunOptions &options = {});

Result<QemuImgInfo> parseQemuImgInfo(QByteArrayView json, const QString &path, const QString &where);

// Accumulates `qemu-img convert -p` output ("    (12.50/100%)\r") and returns each percentage.
class ConvertProgressParser
{
public:
    QList<double> feed(QByteArrayView chunk);

private:
    QByteArray m_pending;
};

// After qemu-img read an image, its format must be the one the inspector found; otherwise the
// two disagree about what the file is and it is refused ("qemu-format-disagrees").
std::optional<Problem> checkFormatAgreement(const ImageInfo &inspected, const QemuImgInfo &qemu);

// qemu-img on a host, always with an explicit format and under resource limits.
class QemuImg
{
public:
    explicit QemuImg(host::Transport &transport, QemuImgLimits limits = {});

    const QemuImgLimits &limits() const { return m_limits; }

    Result<QemuImgInfo> info(const QString &path, const QString &format);
    // info() of an inspected image, in the inspector's format; refused when qemu-img reads a
    // different format, virtual size, backing file or data file than the inspector found.
    Result<QemuImgInfo> verifiedInfo(const ImageInfo &inspected);
    // Removes the output file when the conversion fails or is cancelled.
    Status convert(const QString &source, const QString &sourceFormat, const QString &target,
        const QString &targetFormat, const ConvertOptions &options = {});
    // A qcow2 overlay of backingPath (absolute); virtualSize 0 keeps the backing file's size.
    Status createOverlay(
        const QString &path, const QString &backingPath, const QString &backingFormat, qint64 virtualSize = 0);
    Status resize(const QString &path, const QString &format, qint64 virtualSize);

private:
    Result<host::ProcessResult> run(
        const QStringList &arguments, const QString &file, const host::RunOptions &options = {});
    Status expectSuccess(const Result<host::ProcessResult> &result, QStringView action, const QString &file);
    void removeQuietly(const QString &path);

    host::Transport &m_transport;
    QemuImgLimits m_limits;
};

} // namespace cowherd::image
