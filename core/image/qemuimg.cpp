#include "image/qemuimg.h"

#include "host/process.h"
#include "image/imageinfo.h"
#include "image/probe.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <csignal>

using namespace Qt::StringLiterals;

namespace cowherd::image {

namespace {

const QString QemuImgProgram = u"qemu-img"_s;

// Signs that the address-space limit stopped the program: the loader, glib and qemu each say
// it their own way.
bool looksOutOfMemory(QByteArrayView standardError)
{
    static const char *const signs[]
        = {"Cannot allocate memory", "failed to allocate", "Failed to allocate", "out of memory", "Out of memory",
            "failed to map segment", "qemu_thread_create: Resource temporarily unavailable"};
    for (const char *sign : signs)
        if (standardError.contains(QByteArrayView(sign)))
            return true;
    return false;
}

// Remote shells report a signal as 128 + its number.
int signalOf(const host::ProcessResult &result, bool local)
{
    if (result.signal != 0)
        return result.signal;
    if (!local && result.exitCode > 128 && result.exitCode < 160)
        return result.exitCode - 128;
    return 0;
}

QString firstLine(const QByteArray &text)
{
    const QString s = QString::fromUtf8(text).trimmed();
    const qsizetype nl = s.indexOf(u'\n');
    return nl < 0 ? s : s.first(nl);
}

QString formatMiB(qint64 bytes)
{
    return u"%1 MiB"_s.arg(bytes / (1024 * 1024));
}

} // namespace

QStringList limitedCommand(const QStringList &argv, const QemuImgLimits &limits)
{
    return QStringList{
               u"prlimit"_s, u"--as=%1"_s.arg(limits.addressSpaceBytes), u"--cpu=%1"_s.arg(limits.cpuSeconds), u"--"_s}
    + argv;
}

Result<host::ProcessResult> runLimited(host::Transport &transport, const QStringList &argv, const QemuImgLimits &limits,
    const QString &file, const host::RunOptions &options)
{
    host::RunOptions runOptions = options;
    if (limits.wallClockMs >= 0)
        runOptions.timeoutMs = limits.wallClockMs;
    qCDebug(lcImage) << "running" << argv << "on" << transport.displayName();
    auto result = transport.run(limitedCommand(argv, limits), runOptions);
    if (!result)
        return result;
    const int sig = signalOf(*result, transport.isLocal());
    const QString program = argv.value(0);
    QString limit;
    if (sig == SIGXCPU || sig == SIGKILL) {
        limit = u"the CPU limit of %1 s"_s.arg(limits.cpuSeconds);
    } else if (sig == SIGSEGV || (!result->succeeded() && looksOutOfMemory(result->standardError))) {
        limit = u"the memory limit of %1 of address space"_s.arg(formatMiB(limits.addressSpaceBytes));
    }
    if (limit.isEmpty())
        return result;
    return std::unexpected(Error::refused(
        u"%1 was stopped by its resource limits while working on %2 %3: it exceeded %4. The image may be hostile "
        "(a header that makes %1 allocate or compute without end) or the host slow; if the image is trusted, "
        "raise the limit in Settings > Safety."_s.arg(program, file, u"on "_s + transport.displayName(), limit)));
}

Result<QemuImgInfo> parseQemuImgInfo(QByteArrayView json, const QString &path, const QString &where)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        return fail(Error::Kind::Unsupported,
            u"qemu-img info for %1 on %2 printed output that is not JSON (%3); is qemu-img too old?"_s.arg(
                path, where, error.errorString()));
    }
    const QJsonObject o = doc.object();
    QemuImgInfo info;
    info.format = o.value(u"format"_s).toString();
    info.virtualSize = o.value(u"virtual-size"_s).toInteger(-1);
    info.actualSize = o.value(u"actual-size"_s).toInteger(-1);
    info.backingFile = o.value(u"backing-filename"_s).toString();
    info.fullBackingFile = o.value(u"full-backing-filename"_s).toString();
    info.backingFormat = o.value(u"backing-filename-format"_s).toString();
    info.dataFile
        = o.value(u"format-specific"_s).toObject().value(u"data"_s).toObject().value(u"data-file"_s).toString();
    if (info.format.isEmpty() || info.virtualSize < 0)
        return fail(u"qemu-img info for %1 on %2 did not report a format and virtual size."_s.arg(path, where));
    return info;
}

QList<double> ConvertProgressParser::feed(QByteArrayView chunk)
{
    static const QRegularExpression percent(u"\\((\\d+(?:\\.\\d+)?)/100%\\)"_s);
    m_pending.append(chunk);
    QList<double> out;
    const QString text = QString::fromLatin1(m_pending);
    qsizetype consumed = 0;
    auto it = percent.globalMatch(text);
    while (it.hasNext()) {
        const auto match = it.next();
        out << match.captured(1).toDouble();
        consumed = match.capturedEnd();
    }
    m_pending.remove(0, consumed);
    if (m_pending.size() > 256) // no progress mark in sight: keep only a possible partial one
        m_pending = m_pending.right(32);
    return out;
}

std::optional<Problem> checkFormatAgreement(const ImageInfo &inspected, const QemuImgInfo &qemu)
{
    const QString expected = inspected.format == u"iso" ? u"raw"_s : inspected.format;
    if (qemu.format == expected)
        return std::nullopt;
    const QString who = inspected.path.isEmpty() ? u"the image"_s : inspected.path;
    return Problem{u"qemu-format-disagrees"_s,
        u"qemu-img read %1 as %2 but Cowherd's inspector found %3; a file the two read differently is refused."_s.arg(
            who, qemu.format, inspected.format)};
}

QemuImg::QemuImg(host::Transport &transport, QemuImgLimits limits)
    : m_transport(transport)
    , m_limits(limits)
{ }

Result<host::ProcessResult> QemuImg::run(
    const QStringList &arguments, const QString &file, const host::RunOptions &options)
{
    return runLimited(m_transport, QStringList{QemuImgProgram} + arguments, m_limits, file, options);
}

Status QemuImg::expectSuccess(const Result<host::ProcessResult> &result, QStringView action, const QString &file)
{
    if (!result)
        return std::unexpected(result.error());
    if (result->succeeded())
        return {};
    const QString said = firstLine(result->standardError);
    return fail(host::kindOfToolMessage(said),
        u"qemu-img could not %1 %2 on %3: %4"_s.arg(action, file, m_transport.displayName(),
            said.isEmpty() ? u"exit status %1"_s.arg(result->exitCode) : said));
}

void QemuImg::removeQuietly(const QString &path)
{
    const auto removed = m_transport.run({u"rm"_s, u"-f"_s, u"--"_s, path});
    if (!removed || !removed->succeeded())
        qCWarning(lcImage) << "could not remove" << path << "on" << m_transport.displayName();
}

Result<QemuImgInfo> QemuImg::info(const QString &path, const QString &format)
{
    const auto result = run({u"info"_s, u"-f"_s, format, u"-U"_s, u"--output=json"_s, path}, path);
    if (const Status ok = expectSuccess(result, u"read", path); !ok)
        return std::unexpected(ok.error());
    return parseQemuImgInfo(result->standardOutput, path, m_transport.displayName());
}

Result<QemuImgInfo> QemuImg::verifiedInfo(const ImageInfo &inspected)
{
    const QString format = inspected.format == u"iso" ? u"raw"_s : inspected.format;
    auto info = this->info(inspected.path, format);
    if (!info)
        return info;
    if (const auto problem = checkFormatAgreement(inspected, *info))
        return std::unexpected(Error::refused(problem->message));
    if (info->virtualSize != inspected.virtualSize) {
        return std::unexpected(Error::refused(
            u"qemu-img on %1 read %2 as a %3-byte disk, but Cowherd's inspector found %4 bytes; a file the two read differently is refused."_s
                .arg(m_transport.displayName(), inspected.path)
                .arg(info->virtualSize)
                .arg(inspected.virtualSize)));
    }
    if (info->backingFile != inspected.backingFile || info->dataFile != inspected.dataFile) {
        return std::unexpected(Error::refused(
            u"qemu-img on %1 read %2 with backing file \"%3\" and data file \"%4\", but Cowherd's inspector found \"%5\" and \"%6\"; a file the two read differently is refused."_s
                .arg(m_transport.displayName(), inspected.path, info->backingFile, info->dataFile,
                    inspected.backingFile, inspected.dataFile)));
    }
    return info;
}

Status QemuImg::convert(const QString &source, const QString &sourceFormat, const QString &target,
    const QString &targetFormat, const ConvertOptions &options)
{
    QStringList arguments{u"convert"_s, u"-p"_s, u"-f"_s, sourceFormat, u"-O"_s, targetFormat};
    if (options.compress)
        arguments << u"-c"_s;
    for (const QString &o : options.createOptions)
        arguments << u"-o"_s << o;
    arguments << source << target;

    ConvertProgressParser parser;
    host::RunOptions runOptions;
    runOptions.isCancelled = options.isCancelled;
    runOptions.onOutput = [&](QByteArrayView chunk) {
        const QList<double> values = parser.feed(chunk);
        if (options.onProgress)
            for (double v : values)
                options.onProgress(v);
    };
    const auto result = run(arguments, source, runOptions);
    const Status ok = expectSuccess(result, u"convert"_s, source);
    if (!ok) {
        removeQuietly(target);
        if (ok.error().kind == Error::Kind::Cancelled)
            return std::unexpected(
                Error::cancelled(u"Converting %1 to %2 on %3 was cancelled; the partial %2 was removed."_s.arg(
                    source, target, m_transport.displayName())));
    }
    return ok;
}

Status QemuImg::createOverlay(
    const QString &path, const QString &backingPath, const QString &backingFormat, qint64 virtualSize)
{
    if (!QDir::isAbsolutePath(backingPath))
        return fail(
            u"Cannot create the overlay %1: its backing file %2 must be an absolute path."_s.arg(path, backingPath));
    if (backingFormat.isEmpty())
        return fail(u"Cannot create the overlay %1: the backing file's format must be given."_s.arg(path));
    QStringList arguments{
        u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s, u"-F"_s, backingFormat, u"-b"_s, backingPath, path};
    if (virtualSize > 0)
        arguments << QString::number(virtualSize);
    return expectSuccess(run(arguments, backingPath), u"create the overlay"_s, path);
}

Status QemuImg::resize(const QString &path, const QString &format, qint64 virtualSize)
{
    return expectSuccess(
        run({u"resize"_s, u"-q"_s, u"-f"_s, format, path, QString::number(virtualSize)}, path), u"resize"_s, path);
}

} // namespace cowherd::image
