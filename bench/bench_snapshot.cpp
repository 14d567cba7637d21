// What a snapshot costs to hold (issue 18): scans a lab (local, without libvirt) and reports the
// heap the snapshot keeps once the scan has returned (mallinfo2 before and after, so the listing
// and the scan's own tables, freed by then, do not count), per overlay, and how much of it is the
// path strings (instance directories, disk paths, base file paths; a chain's base path is the
// base file's own string, shared). Target: at most 1 KB per overlay beyond its path strings.
//   bench_snapshot LAB
#include "cache/scanner.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSet>

#include <cstdio>
#include <malloc.h>
#include <sys/resource.h>

using namespace Qt::StringLiterals;
using namespace cowherd;

namespace {

// The heap block holding a QString's characters: QArrayData's header, the UTF-16 units and
// the terminator, in glibc's chunks (8 bytes of size field, multiples of 16, at least 32).
qint64 heapBytes(const QString &s)
{
    const qint64 request = 16 + 2 * (s.size() + 1);
    return std::max<qint64>(32, (request + 8 + 15) / 16 * 16);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_snapshot LAB\n");
        return 2;
    }
    const host::HostConfig host{u"bench"_s, u"test:///default"_s, QString::fromLocal8Bit(argv[1])};
    cache::ScanOptions options;
    options.queryLibvirt = false;
    (void)cache::scanHost(host, options); // warms the page cache and Qt's own first allocations

    malloc_trim(0);
    const size_t before = mallinfo2().uordblks;
    QElapsedTimer clock;
    clock.start();
    auto snapshot = cache::scanHost(host, options);
    const qint64 ms = clock.elapsed();
    if (!snapshot) {
        std::fprintf(stderr, "scan failed: %s\n", qPrintable(snapshot.error().message));
        return 1;
    }
    const size_t after = mallinfo2().uordblks;

    qint64 disks = 0;
    qint64 pathBytes = 0;
    QSet<const QChar *> counted; // a string shared by several fields is held once
    auto path = [&](const QString &s) {
        if (!s.isEmpty() && !counted.contains(s.constData())) {
            counted.insert(s.constData());
            pathBytes += heapBytes(s);
        }
    };
    for (const cache::BaseFile &b : snapshot->bases)
        path(b.path);
    for (const cache::Instance &i : snapshot->instances) {
        path(i.directory);
        for (const cache::Disk &d : i.disks) {
            ++disks;
            path(d.path);
            for (const cache::ChainLink &l : d.backingChain)
                path(l.path);
        }
    }
    const qint64 held = qint64(after) - qint64(before);
    const qint64 overlays = std::max<qint64>(1, snapshot->instances.size());
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("%lld base files, %lld instances, %lld disks; scan %lld ms, peak RSS %.1f MB\n",
        qlonglong(snapshot->bases.size()), qlonglong(snapshot->instances.size()), qlonglong(disks), qlonglong(ms),
        usage.ru_maxrss / 1024.0);
    std::printf("snapshot holds %.1f MB of heap: %lld bytes per instance, of which path strings %lld, "
                "beyond them %lld (target <= 1024)\n",
        held / 1048576.0, held / overlays, pathBytes / overlays, (held - pathBytes) / overlays);
    return 0;
}
