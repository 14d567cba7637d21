#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace cowherd::host {

// Whose image cache a host's instances path is. Nova's: Cowherd only advises there (nothing it
// does writes under the instances path) unless the host allows it, and a cache pass follows
// Nova's own image cache manager. Auto: Nova's when Nova's traces are found (see novahost.h).
enum class ManagedBy
{
    Auto,
    Nova,
    Cowherd
};

QString toString(ManagedBy managedBy); // "auto", "nova", "cowherd"
std::optional<ManagedBy> managedByFromString(QStringView text);

// A configured hypervisor: how to reach it and where its instances live.
struct HostConfig
{
    QString name; // unique, chosen by the administrator ("lab3")
    QString uri; // libvirt URI: qemu:///system, qemu+ssh://root@lab3/system, test:///default
    QString instancesPath; // holds _base, locks/ and one directory per instance
    ManagedBy managedBy = ManagedBy::Auto;
    // Nova's configuration on the host, read through its transport in this order (later files
    // override earlier ones, as oslo.config does); a last component may be a glob (*.conf).
    QStringList novaConf = defaultNovaConf();
    bool allowNovaWrites = false; // on a Nova host: may Cowherd write under the instances path?

    static QString defaultInstancesPath() { return QStringLiteral("/var/lib/cowherd/instances"); }
    // /etc/nova/nova.conf, then Debian's /etc/nova/nova-compute.conf (its nova-compute reads
    // both), then /etc/nova/nova.conf.d/*.conf (oslo.config's default config directory).
    static QStringList defaultNovaConf();

    friend bool operator==(const HostConfig &, const HostConfig &) = default;
};

} // namespace cowherd::host

Q_DECLARE_METATYPE(cowherd::host::HostConfig)
