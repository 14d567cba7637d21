#pragma once

#include "cache/cacheplanner.h"
#include "host/hostconfig.h"
#include "task/task.h"

#include <QCoreApplication>

#include <memory>

namespace cowherd::ui {

// Which host a cache task acts on, and what it needs to find the host's sharing group.
struct CacheTarget
{
    host::HostConfig host;
    QList<host::HostConfig> allHosts;
    QString configFile;
};

// The work of the cache tasks (mirrors cowherdctl cleanup, verify, pin and unpin). Every
// function returns work for the TaskManager's pool; results land in the shared value, to be
// read once the task has finished.
class CacheTasks
{
    Q_DECLARE_TR_FUNCTIONS(CacheTasks)

public:
    enum class PassMode
    {
        Plan, // dry run: scan and plan, change nothing
        Clean, // touch and remove, as the plan says
        Scheduled, // the periodic pass: clean and verify within the policy's budget
    };
    static task::TaskWork pass(const CacheTarget &target, PassMode mode, std::shared_ptr<cache::CleanupPlan> plan = {});
    static task::TaskWork verify(const CacheTarget &target, const QStringList &names = {});
    static task::TaskWork setPinned(const host::HostConfig &host, const QString &name, bool pinned);
};

} // namespace cowherd::ui
