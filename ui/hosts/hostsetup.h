#pragma once

#include "host/hostconfig.h"

#include <QList>
#include <QString>

namespace cowherd::ui {

// The hosts the window starts with: the configured ones, or the embedded demo lab when none
// is configured.
struct HostSetup
{
    QList<host::HostConfig> hosts;
    bool demoLab = false;
};

// Reads the registry and may ask libvirt which URI the demo lab can use. Blocking: call it off
// the UI thread.
HostSetup loadHostSetup(const QString &configFile);

} // namespace cowherd::ui
