// Native header inspection versus one `qemu-img info` per file, on qcow2 overlays.
// Usage: bench_inspect [COUNT]   (default 1000)
#include "image/imageinfo.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

bool qemuImg(const QStringList &arguments, QByteArray *output = nullptr)
{
    QProcess p;
    p.start(u"qemu-img"_s, arguments);
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        std::fprintf(
            stderr, "qemu-img %s failed: %s\n", qPrintable(arguments.join(u' ')), p.readAllStandardError().constData());
        return false;
    }
    if (output)
        *output = p.readAllStandardOutput();
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int count = app.arguments().size() > 1 ? app.arguments().at(1).toInt() : 1000;
    QTemporaryDir dir;
    if (!dir.isValid() || count <= 0)
        return 1;
    const QString base = dir.path() + u"/base.raw"_s;
    if (!qemuImg({u"create"_s, u"-q"_s, u"-f"_s, u"raw"_s, base, u"1G"_s}))
        return 1;
    // Overlays are cheap to copy: make one with qemu-img and copy it, as instances would be.
    const QString first = dir.path() + u"/overlay-0"_s;
    if (!qemuImg({u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s, u"-F"_s, u"raw"_s, u"-b"_s, base, first}))
        return 1;
    QStringList files{first};
    for (int i = 1; i < count; ++i) {
        const QString path = dir.path() + u"/overlay-%1"_s.arg(i);
        if (!QFile::copy(first, path))
            return 1;
        files << path;
    }

    QElapsedTimer timer;
    timer.start();
    qint64 checked = 0;
    for (const QString &f : files) {
        const cowherd::image::ImageInfo info = cowherd::image::inspectFile(f);
        checked += (info.format == u"qcow2" && info.backingFile == base) ? 1 : 0;
    }
    const qint64 nativeNs = timer.nsecsElapsed();
    if (checked != count) {
        std::fprintf(stderr, "native inspection misread %lld files\n", static_cast<long long>(count - checked));
        return 1;
    }

    timer.restart();
    for (const QString &f : files) {
        QByteArray json;
        if (!qemuImg({u"info"_s, u"-f"_s, u"qcow2"_s, u"-U"_s, u"--output=json"_s, f}, &json)
            || !json.contains("backing-filename"))
            return 1;
    }
    const qint64 qemuNs = timer.nsecsElapsed();

    std::printf("files:                     %d qcow2 overlays\n", count);
    std::printf("native inspectFile():      %.1f ms total, %.1f us per file\n", nativeNs / 1e6, nativeNs / 1e3 / count);
    std::printf("qemu-img info --output=json: %.1f ms total, %.2f ms per file\n", qemuNs / 1e6, qemuNs / 1e6 / count);
    std::printf("ratio (qemu-img / native): %.0fx\n", double(qemuNs) / double(std::max<qint64>(nativeNs, 1)));
    return 0;
}
