// The GUI's table models with 100,000 rows: loading a snapshot, sorting through the proxy, and
// the memory it all takes. Target (issue 9): load and sort < 300 ms, RSS < 300 MB. Then rescans
// (unchanged, 1% changed) into the sorted table, by the time they hold the UI thread.
#include "common/tablefiltermodel.h"
#include "tables/basecachemodel.h"
#include "tables/instancemodel.h"

#include "cache/cachesnapshot.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace cowherd;

namespace {

qint64 rssKiB(const char *field)
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(qstrlen(field)).trimmed().split(' ').first().toLongLong();
    return -1;
}

cache::CacheSnapshot makeSnapshot(int bases, int instances)
{
    cache::CacheSnapshot snap;
    snap.host = {u"bench"_s, u"test:///default"_s, u"/var/lib/nova/instances"_s};
    snap.takenAt = QDateTime::currentDateTimeUtc();
    snap.bases.reserve(bases);
    for (int i = 0; i < bases; ++i) {
        cache::BaseFile b;
        b.name = QString::fromLatin1(QCryptographicHash::hash(QByteArray::number(i), QCryptographicHash::Sha1).toHex());
        b.path = snap.host.instancesPath + u"/_base/"_s + b.name;
        b.kind = i % 5 ? cache::BaseKind::Original : cache::BaseKind::Resized;
        b.format = u"raw"_s;
        b.virtualSize = qint64(1 + i % 40) << 30;
        b.apparentSize = b.virtualSize;
        b.allocatedSize = qint64(1 + (i * 7) % 900) << 20;
        b.mtime = snap.takenAt.addSecs(-(i % 100000));
        b.references = {QString::number(i)};
        snap.bases.append(std::move(b));
    }
    snap.instances.reserve(instances);
    for (int i = 0; i < instances; ++i) {
        cache::Instance inst;
        inst.uuid = u"%1-0000-4000-8000-%2"_s.arg(i, 8, 16, QChar(u'0')).arg(i, 12, 16, QChar(u'0'));
        inst.name = u"instance-%1"_s.arg(i);
        inst.state = i % 3 ? u"running"_s : u"shutoff"_s;
        inst.directory = snap.host.instancesPath + u'/' + inst.uuid;
        cache::Disk d;
        d.path = inst.directory + u"/disk"_s;
        d.format = u"qcow2"_s;
        d.backingChain = {{snap.bases.value(i % std::max(1, bases)).path, u"raw"_s}};
        inst.disks = {d};
        snap.instances.append(std::move(inst));
    }
    return snap;
}

// 1% of the rows changed, as a rescan finds them after a busy hour: every 100th base file grew,
// every 100th instance changed state.
cache::CacheSnapshot changeOnePercent(cache::CacheSnapshot snap)
{
    for (qsizetype i = 0; i < snap.bases.size(); i += 100)
        snap.bases[i].allocatedSize += 1 << 20;
    for (qsizetype i = 0; i < snap.instances.size(); i += 100)
        snap.instances[i].state = snap.instances[i].state == u"running" ? u"shutoff"_s : u"running"_s;
    return snap;
}

// 1% of the rows gone, scattered: every 100th base file and instance removed (1,000 runs).
cache::CacheSnapshot removeOnePercent(cache::CacheSnapshot snap)
{
    for (qsizetype i = snap.bases.size() - 1; i >= 0; i -= 100)
        snap.bases.removeAt(i);
    for (qsizetype i = snap.instances.size() - 1; i >= 0; i -= 100)
        snap.instances.removeAt(i);
    return snap;
}

struct Update
{
    qint64 uiMs = 0; // the setSnapshot() call, plus the longest the event loop was blocked after it
    qint64 doneMs = 0; // until the rows are those of the snapshot
};

// A snapshot applied to the model, as the window does: the call, then (when the model diffs on
// a worker) the event loop runs until the rows are applied. A 1 ms probe timer finds the
// longest time the UI thread was busy in between (applying the diff).
template<typename Model> Update update(Model &model, const cache::CacheSnapshot &snap)
{
    QElapsedTimer clock;
    clock.start();
    model.setSnapshot(snap);
    const qint64 call = clock.elapsed();
    qint64 stall = 0;
    if (model.isUpdating()) {
        QEventLoop loop;
        QObject::connect(&model, &Model::snapshotApplied, &loop, &QEventLoop::quit);
        QTimer probe;
        probe.setTimerType(Qt::PreciseTimer);
        probe.setInterval(1);
        qint64 last = clock.elapsed();
        QObject::connect(&probe, &QTimer::timeout, &loop, [&] {
            const qint64 now = clock.elapsed();
            stall = std::max(stall, now - last);
            last = now;
        });
        probe.start();
        loop.exec();
        stall = std::max(stall, clock.elapsed() - last);
    }
    return {call + stall, clock.elapsed()};
}

template<typename Model>
void measure(const char *what, const cache::CacheSnapshot &snap, int sortColumn, QList<int> filterColumns)
{
    Model model;
    ui::TableFilterModel proxy(Model::SortRole, filterColumns);
    proxy.setSourceModel(&model);
    const Update load = update(model, snap);
    QElapsedTimer clock;
    clock.start();
    proxy.sort(sortColumn, Qt::DescendingOrder);
    const qint64 sort = clock.restart();
    proxy.sort(0, Qt::AscendingOrder);
    const qint64 resort = clock.restart();
    std::printf("%-22s rows %7d  load %5lld ms (UI thread %5lld ms)  sort by size %5lld ms  sort by name %5lld ms  "
                "load+sort %5lld ms\n",
        what, model.rowCount(), load.doneMs, load.uiMs, sort, resort, load.doneMs + sort);
    // Rescans into the sorted proxy: the diff must be cheap for the UI thread.
    const Update unchanged = update(model, snap);
    const cache::CacheSnapshot changed = changeOnePercent(snap);
    const Update onePercent = update(model, changed);
    std::printf("%-22s unchanged rescan: UI thread %5lld ms, applied after %5lld ms; "
                "1%% changed: UI thread %5lld ms, applied after %5lld ms\n",
        what, unchanged.uiMs, unchanged.doneMs, onePercent.uiMs, onePercent.doneMs);
    const Update removed = update(model, removeOnePercent(changed));
    std::printf("%-22s 1%% removed, scattered: UI thread %5lld ms, applied after %5lld ms\n", what, removed.uiMs,
        removed.doneMs);
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int rows = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 100000;
    std::printf("# %d rows; RSS before %lld KiB\n", rows, rssKiB("VmRSS:"));
    const cache::CacheSnapshot snap = makeSnapshot(rows, rows);
    std::printf("# snapshot built; RSS %lld KiB\n", rssKiB("VmRSS:"));
    measure<ui::BaseCacheModel>("base cache model", snap, ui::BaseCacheModel::AllocatedSize,
        {ui::BaseCacheModel::Name, ui::BaseCacheModel::Kind});
    measure<ui::InstanceModel>(
        "instance model", snap, ui::InstanceModel::Disks, {ui::InstanceModel::Name, ui::InstanceModel::Uuid});
    std::printf("# peak RSS %lld KiB (%lld MB)\n", rssKiB("VmHWM:"), rssKiB("VmHWM:") / 1024);
    return 0;
}
