#pragma once

#include "error.h"

#include <QByteArray>
#include <QString>

namespace cowherd::host {
class LibvirtConnection;
}

namespace cowherd::instance {

using namespace Qt::StringLiterals;

// What an instance's domain looks like: one overlay disk, a serial console logged to a file,
// VNC on loopback and an optional network.
struct DomainSpec
{
    QString name;
    QString uuid;
    qint64 memoryMiB = 256;
    int vcpus = 1;
    QString diskPath; // <instances>/<uuid>/disk
    QString diskFormat = u"qcow2"_s;
    QString backingPath; // the base file in _base; empty for a disk without backing file
    QString backingFormat; // raw, qcow2; required with backingPath
    QString consoleLogPath; // <instances>/<uuid>/console.log; empty: no serial console
    QString network = u"none"_s; // none | user | <libvirt network name>
    QString domainType = u"qemu"_s; // kvm when the host offers it
};

// The libvirt domain XML for spec. Every value is escaped, so names and paths may hold any text.
QByteArray domainXml(const DomainSpec &spec);

// "kvm" when the host offers hardware virtualisation, "qemu" (TCG) otherwise, "test" for the
// test driver.
Result<QString> chooseDomainType(const host::LibvirtConnection &connection);

} // namespace cowherd::instance
