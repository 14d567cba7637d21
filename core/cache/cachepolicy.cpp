#include "cache/cachepolicy.h"

#include "host/hostregistry.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace cowherd::cache {

namespace {

// HostRegistry percent-encodes the group key and stores the exact name as a value. Empty for a
// host that is not configured: writing there would make HostRegistry list a host without a URI.
QString hostGroup(QSettings &settings, const QString &hostName)
{
    settings.beginGroup(u"hosts"_s);
    const QStringList keys = settings.childGroups();
    QString found;
    for (const QString &key : keys)
        if (settings.value(key + u"/name"_s, key).toString() == hostName)
            found = key;
    settings.endGroup();
    return found.isEmpty() ? QString() : u"hosts/"_s + found + u"/cache_pass"_s;
}

QString fileOrDefault(const QString &configFile)
{
    return configFile.isEmpty() ? host::HostRegistry::defaultFileName() : configFile;
}

} // namespace

CachePolicy loadCachePolicy(const QString &configFile, const QString &hostName)
{
    QSettings settings(fileOrDefault(configFile), QSettings::IniFormat);
    CachePolicy p;
    const QString group = hostGroup(settings, hostName);
    if (group.isEmpty())
        return p;
    settings.beginGroup(group);
    auto integer = [&](const QString &key, qint64 fallback) {
        bool ok = false;
        const qint64 v = settings.value(key).toLongLong(&ok);
        return ok && v >= 0 ? v : fallback;
    };
    p.passIntervalSeconds = integer(u"interval_seconds"_s, p.passIntervalSeconds);
    p.removeUnused = settings.value(u"remove_unused_base_images"_s, p.removeUnused).toBool();
    p.originalMinimumAgeSeconds = integer(u"remove_unused_original_minimum_age_seconds"_s, p.originalMinimumAgeSeconds);
    p.resizedMinimumAgeSeconds = integer(u"remove_unused_resized_minimum_age_seconds"_s, p.resizedMinimumAgeSeconds);
    p.removeOrphans = settings.value(u"remove_orphans"_s, p.removeOrphans).toBool();
    p.orphanMinimumAgeSeconds = integer(u"orphan_minimum_age_seconds"_s, p.orphanMinimumAgeSeconds);
    p.verifyBudgetBytes = integer(u"verify_budget_bytes"_s, p.verifyBudgetBytes);
    p.verifyBudgetSeconds = integer(u"verify_budget_seconds"_s, p.verifyBudgetSeconds);
    p.verifyWorkers = int(std::clamp<qint64>(integer(u"verify_workers"_s, p.verifyWorkers), 1, 16));
    p.verifyAtIdleIoPriority = settings.value(u"verify_idle_io_priority"_s, p.verifyAtIdleIoPriority).toBool();
    p.sharingGroup = settings.value(u"sharing_group"_s).toString();
    return p;
}

Status saveCachePolicy(const QString &configFile, const QString &hostName, const CachePolicy &p)
{
    const QString file = fileOrDefault(configFile);
    QSettings settings(file, QSettings::IniFormat);
    const QString group = hostGroup(settings, hostName);
    if (group.isEmpty())
        return fail(Error::Kind::NotFound,
            u"No host named '%1' in %2; add it before changing its cache pass settings."_s.arg(hostName, file));
    settings.beginGroup(group);
    settings.setValue(u"interval_seconds"_s, p.passIntervalSeconds);
    settings.setValue(u"remove_unused_base_images"_s, p.removeUnused);
    settings.setValue(u"remove_unused_original_minimum_age_seconds"_s, p.originalMinimumAgeSeconds);
    settings.setValue(u"remove_unused_resized_minimum_age_seconds"_s, p.resizedMinimumAgeSeconds);
    settings.setValue(u"remove_orphans"_s, p.removeOrphans);
    settings.setValue(u"orphan_minimum_age_seconds"_s, p.orphanMinimumAgeSeconds);
    settings.setValue(u"verify_budget_bytes"_s, p.verifyBudgetBytes);
    settings.setValue(u"verify_budget_seconds"_s, p.verifyBudgetSeconds);
    settings.setValue(u"verify_workers"_s, p.verifyWorkers);
    settings.setValue(u"verify_idle_io_priority"_s, p.verifyAtIdleIoPriority);
    if (p.sharingGroup.isEmpty())
        settings.remove(u"sharing_group"_s);
    else
        settings.setValue(u"sharing_group"_s, p.sharingGroup);
    settings.endGroup();
    settings.sync();
    if (settings.status() != QSettings::NoError)
        return fail(
            u"Could not write the cache pass settings of %1 to %2; check that it is writable."_s.arg(hostName, file));
    return {};
}

QString rememberedStorageId(const QString &configFile, const QString &hostName)
{
    QSettings settings(fileOrDefault(configFile), QSettings::IniFormat);
    const QString group = hostGroup(settings, hostName);
    return group.isEmpty() ? QString() : settings.value(group + u"/storage_id"_s).toString();
}

Status rememberStorageId(const QString &configFile, const QString &hostName, const QString &storageId)
{
    const QString file = fileOrDefault(configFile);
    QSettings settings(file, QSettings::IniFormat);
    const QString group = hostGroup(settings, hostName);
    if (group.isEmpty())
        return {}; // not configured: nothing to remember it by
    const QString key = group + u"/storage_id"_s;
    if (settings.value(key).toString() == storageId)
        return {};
    settings.setValue(key, storageId);
    settings.sync();
    if (settings.status() != QSettings::NoError)
        return fail(u"Could not remember the storage id of %1 in %2."_s.arg(hostName, file));
    return {};
}

} // namespace cowherd::cache
