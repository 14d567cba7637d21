#pragma once

#include "cache/cacheplanner.h"
#include "cache/novaconf.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace cowherd::cache {

// The ages and switches of Nova's image cache manager on a host, from its nova.conf, and what
// the plan must say about the cache as a whole.
struct NovaPlanPolicy
{
    qint64 originalMinimumAgeSeconds = 86400;
    qint64 resizedMinimumAgeSeconds = 3600;
    bool removeUnused = true;
    QString source; // NovaConfig::source(), or what overrode it
    QStringList notes; // images_type rbd/lvm, an instances_path other than the host's
    QStringList blockers; // nothing may be removed: a subdirectory_name other than _base
    CachePolicy cowherd; // Cowherd's own policy, to tell where its rules would decide otherwise

    static NovaPlanPolicy fromConfig(
        const NovaConfig &config, const QString &instancesPath, const CachePolicy &cowherd = {});
};

// How Nova Zed's image cache manager (nova/virt/imagecache.py, nova/virt/libvirt/imagecache.py)
// sees a name in _base: 40 characters: an original; longer than 42 with '_' at 40: another base
// file of that sha1 (resized, legacy _sm); swap_<digits>; ephemeral_<digits>_<7 characters>;
// anything else it ignores.
enum class NovaBaseKind
{
    Original,
    Derived,
    Swap,
    Ephemeral,
    Ignored
};
NovaBaseKind classifyForNova(QStringView name);

// Pure: the plan Nova's image cache manager would follow in this state, at this time.
// - In use, by image id, for every instance with Nova's metadata on any host of the group
//   (all sharing the cache): the original sha1(image id), <sha1>_sm and every <sha1>_<digits>
//   are active and touched.
// - The base file an instance directory's "disk" backs onto (for directories Nova knows: the
//   instance's uuid or domain name, with or without _resize) is active, not touched.
// - Every other original or derived file is an unknown base file: removable once unused for the
//   original (40 characters) or the resized minimum age, unless removal is off.
// - swap_<MiB> and ephemeral_* files in use (flavor, or an instance disk on them) are touched;
//   others are removable after the original minimum age.
// - Names Nova ignores are kept.
// Each action carries Nova's reason. Where Cowherd's own rules (planCleanup with the same ages)
// would decide otherwise, PlannedAction::advice says so; one override: a file a disk still
// backs onto (an instance Nova does not know) is never removed. A group that cannot be seen
// whole (groupBlockers) or a policy blocker removes nothing.
CleanupPlan planNovaCleanup(const SharingGroupState &group, const NovaPlanPolicy &policy, const QDateTime &now);

} // namespace cowherd::cache
