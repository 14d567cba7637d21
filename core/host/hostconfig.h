#pragma once

#include <QMetaType>
#include <QString>

namespace cowherd::host {

// A configured hypervisor: how to reach it and where its instances live.
struct HostConfig
{
    QString name; // unique, chosen by the administrator ("lab3")
    QString uri; // libvirt URI: qemu:///system, qemu+ssh://root@lab3/system, test:///default
    QString instancesPath; // holds _base, locks/ and one directory per instance

    static QString defaultInstancesPath() { return QStringLiteral("/var/lib/cowherd/instances"); }

    friend bool operator==(const HostConfig &, const HostConfig &) = default;
};

} // namespace cowherd::host

Q_DECLARE_METATYPE(cowherd::host::HostConfig)
