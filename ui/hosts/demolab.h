#pragma once

#include "host/hostconfig.h"
#include "task/task.h"

#include <QCoreApplication>
#include <QStringList>

namespace cowherd::ui {

// The embedded demo lab: two tiny bootable images ("alpha" and "beta") fetched into its cache as
// proper base files with metadata, so a launch, the map and a cache pass can be shown within a
// minute of the first start.
class DemoLab
{
    Q_DECLARE_TR_FUNCTIONS(DemoLab)

public:
    static QStringList labels(); // alpha, beta
    static QString imageId(const QString &label); // cowherd-demo-<label>

    // Blocking (lists _base): true when the lab's cache holds no base file yet.
    static bool needsFill(const host::HostConfig &lab);
    static task::TaskWork fill(const host::HostConfig &lab);
    // Terminates every instance of the lab, removes the lab and fills it again.
    static task::TaskWork reset(const host::HostConfig &lab);
};

} // namespace cowherd::ui
