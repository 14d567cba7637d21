#pragma once

#include "error.h"
#include "host/novametadata.h"

#include <QList>
#include <QString>

#include <memory>

struct _virConnect;

namespace cowherd::host {

struct DomainDiskLayer
{
    QString path;
    QString format;
};

struct DomainDisk
{
    QString device; // disk, cdrom, floppy
    QString target; // vda
    QString path; // source file (or block device)
    QString format; // driver type
    QList<DomainDiskLayer> backingStore; // nearest first, as libvirt reports it
};

struct DomainInfo
{
    QString uuid;
    QString name;
    QString type; // kvm, qemu, test
    QString state; // running, paused, shutoff, ...
    QList<DomainDisk> disks;
    std::optional<NovaInstanceInfo> nova; // when Nova's libvirt driver defined the domain
};

// Parses the <devices><disk> elements of a domain XML, including nested <backingStore>, and
// Nova's <metadata> (novametadata.h).
// Untrusted input: never throws, ignores what it does not know, bounds the chain depth.
Result<DomainInfo> parseDomainXml(QByteArrayView xml);

// One open libvirt connection (RAII). Opening may block on the network: never call it on the
// UI thread. Every call returns errors as values with libvirt's own message.
class LibvirtConnection
{
public:
    static Result<LibvirtConnection> open(const QString &uri);

    LibvirtConnection(LibvirtConnection &&) noexcept = default;
    LibvirtConnection &operator=(LibvirtConnection &&) noexcept = default;
    ~LibvirtConnection();

    QString uri() const { return m_uri; }
    _virConnect *handle() const { return m_conn.get(); }

    // Every domain, defined or running, with its disks.
    Result<QList<DomainInfo>> domains() const;
    Result<bool> hasKvm() const;

    // The last libvirt error as text, for messages.
    static QString lastError();
    // What the last libvirt error was, from its code.
    static Error::Kind lastErrorKind();

private:
    struct Closer
    {
        void operator()(_virConnect *c) const;
    };
    LibvirtConnection(QString uri, _virConnect *conn);

    QString m_uri;
    std::unique_ptr<_virConnect, Closer> m_conn;
};

QString domainStateName(int state);

} // namespace cowherd::host
