#include "cache/cacheverifier.h"

#include "cache/novalock.h"

#include "cache/auditlog.h"
#include "cache/cachelayout.h"
#include "host/transport.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QMap>
#include <QSet>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

#include <atomic>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcPass)

namespace cowherd::cache {

namespace {

struct Candidate
{
    QString name;
    QString path;
    qint64 bytes = 0;
    BaseMetadata metadata;
    QStringList references;
};

struct Hashed
{
    bool skipped = false;
    QString error;
    QString sha256;
};

// name -> references over every reachable host of the group
QHash<QString, QSet<QString>> referencesByName(const SharingGroupState &group)
{
    QHash<QString, QSet<QString>> refs;
    for (const HostSnapshotView &view : group.hosts) {
        if (!view.snapshot)
            continue;
        for (const BaseFile &b : view.snapshot->bases) {
            QSet<QString> &set = refs[b.name];
            for (const QString &uuid : b.references)
                set.insert(view.host.name + u':' + uuid);
        }
    }
    return refs;
}

} // namespace

QString toString(VerifyOutcome::Result result)
{
    switch (result) {
    case VerifyOutcome::Result::Recorded:
        return u"recorded"_s;
    case VerifyOutcome::Result::Verified:
        return u"verified"_s;
    case VerifyOutcome::Result::Quarantined:
        return u"quarantined"_s;
    case VerifyOutcome::Result::Flagged:
        return u"flagged"_s;
    case VerifyOutcome::Result::Failed:
        return u"failed"_s;
    case VerifyOutcome::Result::Skipped:
        break;
    }
    return u"skipped"_s;
}

QList<VerifyOutcome> verifyBases(host::Transport &transport, const QString &instancesPath,
    const SharingGroupState &group, const VerifyOptions &options)
{
    const QString base = basePath(instancesPath);
    const QString hostName = options.hostName.isEmpty() ? transport.displayName() : options.hostName;
    auto log = [&](const QString &line) {
        qCDebug(lcPass).noquote() << line;
        if (options.log)
            options.log(line);
    };

    const QHash<QString, QSet<QString>> refs = referencesByName(group);
    QMap<QString, Candidate> byName;
    for (const HostSnapshotView &view : group.hosts) {
        if (!view.snapshot)
            continue;
        for (const BaseFile &b : view.snapshot->bases) {
            if (b.kind == BaseKind::Partial || b.kind == BaseKind::Unknown || byName.contains(b.name))
                continue;
            Candidate c;
            c.name = b.name;
            c.path = base + u'/' + b.name;
            c.bytes = b.apparentSize;
            const QSet<QString> r = refs.value(b.name);
            c.references = QStringList(r.cbegin(), r.cend());
            byName.insert(b.name, c);
        }
    }

    QList<VerifyOutcome> outcomes;
    QList<Candidate> todo;
    if (options.names.isEmpty()) {
        todo = byName.values();
    } else {
        for (const QString &name : options.names) {
            if (byName.contains(name)) {
                todo.append(byName.value(name));
            } else {
                VerifyOutcome o;
                o.name = name;
                o.path = base + u'/' + name;
                o.result = VerifyOutcome::Result::Failed;
                o.message = u"No base file named %1 in %2 on %3."_s.arg(name, base, hostName);
                outcomes.append(o);
            }
        }
    }
    for (Candidate &c : todo) {
        auto meta = readMetadata(transport, base, c.name);
        c.metadata = meta ? *meta : BaseMetadata{};
    }
    if (options.names.isEmpty()) {
        // Never recorded first, then least recently verified.
        std::stable_sort(todo.begin(), todo.end(), [](const Candidate &a, const Candidate &b) {
            const bool av = a.metadata.verifiedAt.isValid(), bv = b.metadata.verifiedAt.isValid();
            if (av != bv)
                return !av;
            return av && a.metadata.verifiedAt < b.metadata.verifiedAt;
        });
        if (options.budgetBytes > 0) {
            qint64 planned = 0;
            for (qsizetype i = 0; i < todo.size(); ++i) {
                if (i > 0 && planned + todo.at(i).bytes > options.budgetBytes) {
                    for (qsizetype j = i; j < todo.size(); ++j) {
                        VerifyOutcome o;
                        o.name = todo.at(j).name;
                        o.path = todo.at(j).path;
                        o.metadata = todo.at(j).metadata;
                        o.bytes = todo.at(j).bytes;
                        o.message
                            = u"not verified in this pass: byte budget of %1 bytes used"_s.arg(options.budgetBytes);
                        outcomes.append(o);
                    }
                    todo.resize(i);
                    break;
                }
                planned += todo.at(i).bytes;
            }
        }
    }

    QElapsedTimer clock;
    clock.start();
    std::atomic_bool first = true;
    QThreadPool pool;
    pool.setMaxThreadCount(std::max(1, options.workers));
    const QList<Hashed> hashes = QtConcurrent::blockingMapped<QList<Hashed>>(&pool, todo, [&](const Candidate &c) {
        Hashed h;
        const bool isFirst = first.exchange(false);
        if ((options.isCancelled && options.isCancelled())
            || (!isFirst && options.budgetSeconds > 0 && clock.elapsed() > options.budgetSeconds * 1000)) {
            h.skipped = true;
            return h;
        }
        auto digest = transport.sha256(c.path, options.isCancelled, options.ioPriority);
        if (digest)
            h.sha256 = QString::fromLatin1(*digest);
        else if (digest.error().kind == Error::Kind::Cancelled)
            h.skipped = true;
        else
            h.error = digest.error().message;
        return h;
    });

    for (qsizetype i = 0; i < todo.size(); ++i) {
        const Candidate &c = todo.at(i);
        const Hashed &h = hashes.at(i);
        VerifyOutcome o;
        o.name = c.name;
        o.path = c.path;
        o.bytes = c.bytes;
        o.metadata = c.metadata;
        if (h.skipped) {
            o.message = u"not verified in this pass: time budget used or cancelled"_s;
            outcomes.append(o);
            continue;
        }
        if (!h.error.isEmpty()) {
            o.result = VerifyOutcome::Result::Failed;
            o.message = h.error;
            log(u"verify %1 failed: %2"_s.arg(c.name, h.error));
            outcomes.append(o);
            continue;
        }
        // Read again: a pin or a fetch may have changed it while we hashed.
        auto fresh = readMetadata(transport, base, c.name);
        BaseMetadata m = fresh ? *fresh : c.metadata;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        m.verifiedAt = now;
        if (m.sha256.isEmpty()) {
            m.sha256 = h.sha256;
            m.recordedAt = now;
            m.state = BaseMetadata::ChecksumState::Ok;
            if (m.size == 0)
                m.size = c.bytes;
            o.result = VerifyOutcome::Result::Recorded;
            o.message = u"sha256 recorded"_s;
        } else if (m.sha256.compare(h.sha256, Qt::CaseInsensitive) == 0) {
            m.state = BaseMetadata::ChecksumState::Ok;
            o.result = VerifyOutcome::Result::Verified;
            o.message = u"sha256 matches"_s;
        } else {
            m.state = BaseMetadata::ChecksumState::Mismatch;
            o.result = VerifyOutcome::Result::Flagged;
            o.message = u"CHECKSUM MISMATCH: %1 has sha256 %2, recorded %3 at %4"_s.arg(
                c.path, h.sha256, m.sha256, m.recordedAt.toString(Qt::ISODate));
        }
        if (auto w = writeMetadata(transport, base, c.name, m); !w) {
            o.result = VerifyOutcome::Result::Failed;
            o.message += u"; the metadata could not be written: "_s + w.error().message;
        }
        o.metadata = m;

        if (m.state == BaseMetadata::ChecksumState::Mismatch && o.result == VerifyOutcome::Result::Flagged) {
            if (!c.references.isEmpty()) {
                o.message += u"; used by %1, so it stays: replace it and restart those instances"_s.arg(
                    c.references.join(u", "_s));
            } else if (auto lock = transport.lock(baseLockPath(instancesPath, c.name), {.wait = false}); !lock) {
                o.message += u"; a launch holds its lock, so it stays for now"_s;
            } else {
                const SharingGroupState again = options.rescan ? options.rescan() : SharingGroupState{};
                const CleanupPlan check = planCleanup(again, CachePolicy{}, now);
                const PlannedAction *a = check.action(c.name);
                if (!options.rescan || check.blocked || !a || !a->references.isEmpty()) {
                    o.message += u"; it could not be confirmed unused (%1), so it stays"_s.arg(!options.rescan
                            ? u"no fresh scan"_s
                            : check.blocked ? check.blockedReason
                            : a             ? a->reason
                                            : u"gone"_s);
                } else if (auto novaLock = lockNovaBaseFile(
                               transport, instancesPath, c.name, options.novaLockTimeoutMs, options.isCancelled);
                           !novaLock) {
                    o.message += u"; it stays for now: "_s + novaLock.error().message;
                } else {
                    const QString quarantine = quarantineDirectory(base);
                    transport.makeDirectory(quarantine);
                    if (auto r = transport.rename(c.path, quarantine + u'/' + c.name); !r) {
                        o.message += u"; moving it to quarantine failed: "_s + r.error().message;
                    } else {
                        transport.rename(metadataPath(base, c.name), quarantine + u'/' + c.name + u".json"_s);
                        transport.removeFile(baseLockPath(instancesPath, c.name));
                        o.result = VerifyOutcome::Result::Quarantined;
                        o.path = quarantine + u'/' + c.name;
                        o.message += u"; unused, moved to %1"_s.arg(o.path);
                    }
                }
            }
            qCWarning(lcPass).noquote() << o.message;
        }
        log(u"%1 %2: %3"_s.arg(toString(o.result), c.name, o.message));
        if (options.audit)
            options.audit->append(hostName, c.path, toString(o.result), o.message, c.bytes);
        outcomes.append(o);
    }
    std::stable_sort(outcomes.begin(), outcomes.end(),
        [](const VerifyOutcome &a, const VerifyOutcome &b) { return a.name < b.name; });
    return outcomes;
}

} // namespace cowherd::cache
