// Where the time of a fetch goes: downloads one URL through HttpSource (the transfer the fetch
// pipeline uses) and adds one stage at a time, so each stage's cost is the difference between
// two lines. Prints "stage seconds MiB/s cpu-seconds".
//   bench_fetch_stages URL [OUT_FILE] [STAGE...]
// Stages: discard (read and drop), sha512 (Glance's check on the network side), sha512+sha256
// (plus the base file's digest), write (plus write OUT_FILE and fsync it).
#include "host/digestworker.h"
#include "host/localtransport.h"
#include "source/httpsource.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <sys/resource.h>

#include <cstdio>

using namespace cowherd;
using namespace Qt::StringLiterals;

namespace {

double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

int run(const QUrl &url, const QString &out, const QString &stage)
{
    auto network = std::make_shared<source::NetworkThread>();
    source::HttpSourceOptions options;
    // Any sha512 works: the stage measures the cost, finish() reports the mismatch we ignore.
    if (stage != u"discard")
        options.digests.append({u"sha512"_s, QByteArray(128, '0'), u"bench"_s});
    source::HttpSource http(network, url, options);
    host::DigestWorker sha256(host::Digest::Algorithm::Sha256); // as the fetch pipeline does
    const bool hash256 = stage == u"sha512+sha256" || stage == u"write";
    std::unique_ptr<host::FileWriter> writer;
    host::LocalTransport local;
    if (stage == u"write") {
        QFile::remove(out);
        auto created = local.createFile(out);
        if (!created) {
            std::fprintf(stderr, "%s\n", qPrintable(created.error().message));
            return 1;
        }
        writer = std::move(*created);
    }
    const double cpu0 = cpuSeconds();
    QElapsedTimer timer;
    timer.start();
    auto opened = http.open({});
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().message));
        return 1;
    }
    qint64 bytes = 0;
    for (;;) {
        auto chunk = http.read(qint64(4) << 20);
        if (!chunk) {
            std::fprintf(stderr, "%s\n", qPrintable(chunk.error().message));
            return 1;
        }
        if (chunk->isEmpty())
            break;
        bytes += chunk->size();
        if (hash256)
            sha256.addData(*chunk);
        if (writer) {
            if (auto ok = writer->write(*chunk); !ok)
                return 1;
        }
    }
    (void)http.finish();
    if (hash256)
        (void)sha256.hexResult();
    if (writer)
        (void)writer->commit();
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    std::printf("%-14s %8.2f %8.0f %8.2f\n", qPrintable(stage), seconds, double(bytes) / 1048576.0 / seconds,
        cpuSeconds() - cpu0);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_fetch_stages URL [OUT_FILE] [discard|sha512|sha512+sha256|write...]\n");
        return 2;
    }
    const QUrl url(args.at(1));
    const QString out = args.size() > 2 ? args.at(2) : u"/var/tmp/bench_fetch_stages.out"_s;
    QStringList stages = args.mid(3);
    if (stages.isEmpty())
        stages = {u"discard"_s, u"sha512"_s, u"sha512+sha256"_s, u"write"_s};
    std::printf("%-14s %8s %8s %8s\n", "stage", "seconds", "MiB/s", "cpu-s");
    for (const QString &stage : stages) {
        if (int rc = run(url, out, stage); rc != 0)
            return rc;
    }
    QFile::remove(out);
    return 0;
}
