#pragma once

#include "error.h"
#include "host/hostconfig.h"

#include <QList>
#include <QString>

#include <optional>

namespace cowherd::host {

// The configured hosts, kept with QSettings (INI) in the XDG config location
// (~/.config/cowherd/cowherd.conf) or in the file given with --config.
class HostRegistry
{
public:
    explicit HostRegistry(const QString &configFile = {});

    QString fileName() const { return m_fileName; }
    QList<HostConfig> hosts() const;
    // By name, or by URI when no name matches.
    std::optional<HostConfig> find(const QString &nameOrUri) const;
    Status add(const HostConfig &host);
    // Replaces the settings of the host named host.name (which must exist); its cache pass
    // settings stay.
    Status update(const HostConfig &host);
    Status remove(const QString &name);
    // Why host cannot be stored: an empty name, a URI or path that is not one. Empty when fine.
    static QString validate(const HostConfig &host);

    static QString defaultFileName();

private:
    QString m_fileName;
};

// The embedded default: a lab under the user's XDG data directory, used when no host is
// configured. Uses qemu:///session when a libvirt daemon answers there, else test:///default.
// Blocking (it may try to connect to libvirt): call it off the UI thread.
HostConfig demoLabHost();
QString demoLabInstancesPath();

} // namespace cowherd::host
