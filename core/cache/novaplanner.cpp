#include "cache/novaplanner.h"

#include "cache/basename.h"

#include <QDir>
#include <QMap>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace cowherd::cache {

namespace {

bool asciiDigits(QStringView s)
{
    return !s.isEmpty() && std::ranges::all_of(s, [](QChar c) { return c >= u'0' && c <= u'9'; });
}

struct Merged
{
    const BaseFile *file = nullptr;
    QDateTime mtime; // the youngest any host saw
    bool mtimeUnknown = false;
    QSet<QString> references; // host:uuid
    QSet<QString> hosts;
};

struct ImageUse
{
    QString imageId;
    QStringList users; // "c1:web-1 (instance-00000005)"
};

QString userName(const QString &host, const Instance &i)
{
    const QString name = i.nova && !i.nova->name.isEmpty() ? u"%1 (%2)"_s.arg(i.nova->name, i.name) : i.name;
    return host + u':' + (name.isEmpty() ? i.uuid : name);
}

QString listOf(QStringList items)
{
    items.removeDuplicates();
    items.sort();
    if (items.size() > 3)
        return items.first(3).join(u", "_s) + u" and %1 more"_s.arg(items.size() - 3);
    return items.join(u", "_s);
}

} // namespace

NovaBaseKind classifyForNova(QStringView name)
{
    constexpr qsizetype digest = 40; // hashlib.sha1().digest_size * 2
    if (name.size() == digest)
        return NovaBaseKind::Original;
    if (name.size() > digest + 2 && name.at(digest) == u'_')
        return NovaBaseKind::Derived;
    const QList<QStringView> parts = name.split(u'_');
    if (parts.size() == 2 && parts.at(0) == u"swap" && asciiDigits(parts.at(1)))
        return NovaBaseKind::Swap;
    if (parts.size() == 3 && parts.at(0) == u"ephemeral" && asciiDigits(parts.at(1)) && parts.at(2).size() == 7)
        return NovaBaseKind::Ephemeral;
    return NovaBaseKind::Ignored;
}

NovaPlanPolicy NovaPlanPolicy::fromConfig(
    const NovaConfig &config, const QString &instancesPath, const CachePolicy &cowherd)
{
    NovaPlanPolicy p;
    p.originalMinimumAgeSeconds = config.originalMinimumAgeSeconds;
    p.resizedMinimumAgeSeconds = config.resizedMinimumAgeSeconds;
    p.removeUnused = config.removeUnused;
    p.source = config.source();
    p.cowherd = cowherd;
    if (const QString note = config.imagesTypeNote(); !note.isEmpty())
        p.notes.append(note);
    for (const QString &problem : config.problems)
        p.notes.append(u"nova.conf: "_s + problem);
    if (config.managerIntervalSeconds < 0)
        p.notes.append(u"[image_cache] manager_interval = -1: nova-compute's own cache manager never runs here"_s);
    if (config.fromFiles() && !config.instancesPath.isEmpty()
        && QDir::cleanPath(config.instancesPath) != QDir::cleanPath(instancesPath))
        p.notes.append(u"nova.conf sets instances_path = %1, but Cowherd reads %2 for this host"_s.arg(
            config.instancesPath, instancesPath));
    if (config.subdirectoryName != u"_base")
        p.blockers.append(u"nova.conf sets [image_cache] subdirectory_name = %1: Nova's cache is not the _base Cowherd "
                          "reads"_s.arg(config.subdirectoryName));
    return p;
}

CleanupPlan planNovaCleanup(const SharingGroupState &group, const NovaPlanPolicy &policy, const QDateTime &now)
{
    CleanupPlan plan;
    plan.plannedAt = now;
    plan.rules = PlanRules::Nova;
    plan.policy
        = {policy.originalMinimumAgeSeconds, policy.resizedMinimumAgeSeconds, policy.removeUnused, policy.source};
    plan.notes = policy.notes;
    const QStringList blockers = groupBlockers(group) + policy.blockers;
    plan.blocked = !blockers.isEmpty();
    if (plan.blocked)
        plan.blockedReason = u"blocked: "_s + blockers.join(u"; "_s);

    // What Nova knows: the instances with its metadata, on every host of the group.
    QHash<QString, ImageUse> usedByFingerprint; // sha1(image id) ->
    QSet<QString> instanceNames; // directory names Nova considers instances'
    QSet<QString> usedSwap;
    QSet<qint64> ephemeralGiB;
    QHash<QString, QStringList> usersByFile; // swap/ephemeral files the disks of Nova's instances use
    QHash<QString, QString> activeByBacking; // base file -> "c1:<dir>/disk"
    QMap<QString, Merged> files;
    for (const HostSnapshotView &view : group.hosts) {
        if (!view.snapshot)
            continue;
        const QString &host = view.host.name;
        QHash<QString, const Instance *> novaByUuid;
        for (const Instance &i : view.snapshot->instances) {
            if (!i.nova)
                continue;
            novaByUuid.insert(i.uuid, &i);
            for (const QString &n : {i.name, i.nova->uuid.isEmpty() ? i.uuid : i.nova->uuid}) {
                if (n.isEmpty())
                    continue;
                // Nova adds the _resize names only while a resize is under way; Cowherd cannot
                // see task states, so it always counts them (keeping more, never less).
                instanceNames.insert(n);
                instanceNames.insert(n + u"_resize"_s);
            }
            if (!i.nova->imageId.isEmpty()) {
                ImageUse &use = usedByFingerprint[originalBaseName(i.nova->imageId)];
                use.imageId = i.nova->imageId;
                use.users.append(userName(host, i));
            }
            if (i.nova->swapMiB > 0)
                usedSwap.insert(u"swap_%1"_s.arg(i.nova->swapMiB));
            if (i.nova->ephemeralGiB > 0)
                ephemeralGiB.insert(i.nova->ephemeralGiB);
        }
        for (const BaseFile &b : view.snapshot->bases) {
            Merged &m = files[b.name];
            if (!m.file)
                m.file = &b;
            if (!b.mtime.isValid())
                m.mtimeUnknown = true;
            else if (!m.mtime.isValid() || b.mtime > m.mtime)
                m.mtime = b.mtime;
            for (const QString &uuid : b.references) {
                m.references.insert(host + u':' + uuid);
                m.hosts.insert(host);
                if (const Instance *i = novaByUuid.value(uuid))
                    usersByFile[b.name].append(userName(host, *i));
            }
        }
    }
    // Nova's instance directories sit in the shared instances path: once every host's instances
    // are known, the disk of each directory Nova knows names a base file in use.
    for (const HostSnapshotView &view : group.hosts) {
        if (!view.snapshot)
            continue;
        for (const Instance &i : view.snapshot->instances) {
            const QString dir = i.directory.section(u'/', -1);
            if (!dir.isEmpty() && instanceNames.contains(dir))
                for (const Disk &d : i.disks)
                    if (d.path == i.directory + u"/disk"_s && !d.backingChain.isEmpty())
                        activeByBacking.insert(
                            d.backingChain.first().path.section(u'/', -1), view.host.name + u':' + d.path);
        }
    }

    CachePolicy cowherdPolicy = policy.cowherd;
    cowherdPolicy.originalMinimumAgeSeconds = policy.originalMinimumAgeSeconds;
    cowherdPolicy.resizedMinimumAgeSeconds = policy.resizedMinimumAgeSeconds;
    cowherdPolicy.removeUnused = policy.removeUnused;
    const CleanupPlan cowherdPlan = planCleanup(group, cowherdPolicy, now);

    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        const QString &name = it.key();
        const Merged &m = it.value();
        PlannedAction a;
        a.name = name;
        a.path = m.file->path;
        a.kind = m.file->kind;
        a.bytes = m.file->allocatedSize;
        a.mtime = m.mtime;
        a.references = QStringList(m.references.cbegin(), m.references.cend());
        a.references.sort();
        const qint64 age = m.mtime.isValid() && !m.mtimeUnknown ? std::max<qint64>(0, m.mtime.secsTo(now)) : -1;
        const NovaBaseKind kind = classifyForNova(name);

        auto removeIfOldEnough = [&](const QString &what, qint64 minimum) {
            const QString unused = u"unused for %1"_s.arg(formatDuration(age));
            if (!policy.removeUnused) {
                a.reason = what + u"; Nova keeps it: remove_unused_base_images is off"_s;
            } else if (age < 0) {
                a.reason = what + u"; age unknown (no modification time): kept"_s;
            } else if (age < minimum) {
                a.removableInSeconds = minimum - age;
                a.reason = what + u", too young to remove: "_s + unused
                    + u", removable in %1 (minimum %2)"_s.arg(formatDuration(minimum - age), formatDuration(minimum));
            } else if (!m.references.isEmpty()) {
                // Nova does not know the instance, Cowherd sees a disk on it: never removed.
                a.reason = what + u", removable for Nova ("_s + unused
                    + u"), but kept: a disk Nova does not know backs "
                      "onto it ("_s
                    + listOf(a.references) + u')';
            } else if (plan.blocked) {
                a.blocked = true;
                a.removableInSeconds = 0;
                a.reason = what + u", removable: "_s + unused + u"; "_s + plan.blockedReason;
            } else {
                a.action = PlannedAction::Action::Remove;
                a.removableInSeconds = 0;
                a.reason = what + u", removable: "_s + unused + u" (minimum %1)"_s.arg(formatDuration(minimum));
            }
        };

        switch (kind) {
        case NovaBaseKind::Original:
        case NovaBaseKind::Derived: {
            const QString fingerprint = name.left(40);
            static const QRegularExpression resized(u"^[0-9]+$"_s);
            const auto use = usedByFingerprint.constFind(fingerprint);
            const bool sameImage = use != usedByFingerprint.cend()
                && (kind == NovaBaseKind::Original || name.sliced(41) == u"sm"
                    || resized.match(name.sliced(41)).hasMatch());
            if (sameImage) {
                a.action = PlannedAction::Action::Touch;
                a.reason = u"Nova: active, image %1 is in use by %2"_s.arg(use->imageId, listOf(use->users));
            } else if (const auto backing = activeByBacking.constFind(name); backing != activeByBacking.cend()) {
                a.reason = u"Nova: active, the backing file of %1 (Nova does not touch it)"_s.arg(*backing);
            } else {
                removeIfOldEnough(u"Nova: unknown base file (no instance Nova knows uses its image)"_s,
                    kind == NovaBaseKind::Original ? policy.originalMinimumAgeSeconds
                                                   : policy.resizedMinimumAgeSeconds);
            }
            break;
        }
        case NovaBaseKind::Swap:
        case NovaBaseKind::Ephemeral: {
            const bool swap = kind == NovaBaseKind::Swap;
            const bool used = usersByFile.contains(name) || (swap && usedSwap.contains(name))
                || (!swap && ephemeralGiB.contains(name.section(u'_', 1, 1).toLongLong()));
            const QString what = swap ? u"swap file"_s : u"ephemeral file"_s;
            if (used) {
                a.action = PlannedAction::Action::Touch;
                a.reason = usersByFile.contains(name)
                    ? u"Nova: %1 in use by %2"_s.arg(what, listOf(usersByFile.value(name)))
                    : u"Nova: %1 in use (a flavor of an instance asks for it)"_s.arg(what);
            } else {
                removeIfOldEnough(u"Nova: %1 not in use"_s.arg(what), policy.originalMinimumAgeSeconds);
            }
            break;
        }
        case NovaBaseKind::Ignored:
            a.reason = u"Nova ignores this name (not <sha1>, <sha1>_<…>, swap_<MiB> or ephemeral_<GiB>_<fs>): kept"_s;
            break;
        }

        if (const PlannedAction *own = cowherdPlan.action(name); own && own->action != a.action)
            a.advice = u"Cowherd's rules would %1 it: %2"_s.arg(toString(own->action), own->reason);

        plan.actions.append(std::move(a));
    }
    plan.tally();
    return plan;
}

} // namespace cowherd::cache
