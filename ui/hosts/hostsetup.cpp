#include "hosts/hostsetup.h"

#include "host/hostregistry.h"

namespace cowherd::ui {

HostSetup loadHostSetup(const QString &configFile)
{
    const host::HostRegistry registry(configFile);
    HostSetup setup;
    setup.hosts = registry.hosts();
    if (setup.hosts.isEmpty()) {
        setup.hosts.append(host::demoLabHost());
        setup.demoLab = true;
    }
    return setup;
}

} // namespace cowherd::ui
