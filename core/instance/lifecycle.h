#pragma once

#include "error.h"

#include <QByteArray>
#include <QString>

#include <chrono>
#include <functional>

namespace cowherd::host {
class LibvirtConnection;
class Transport;
} // namespace cowherd::host

namespace cowherd::instance {

// Every function looks a domain up by name or by uuid and reports errors with libvirt's own
// message and the host's URI.

// Defines the domain and starts it; returns its state ("running"). Refuses a name or uuid
// that is already defined; when the start fails the definition is removed again.
Result<QString> defineAndStart(const host::LibvirtConnection &conn, const QByteArray &xml);

// The kind of a failed start, from libvirt's message and the kind of its error code. A host
// without usable KVM is Unsupported, which launchInstance() answers by booting under TCG: qemu's
// "Could not access KVM kernel module" arrives as an internal error and libvirt's "Domain
// requires KVM" as an unsupported configuration, so their words are all there is to tell it.
Error::Kind kindOfStartFailure(const QString &libvirtMessage, Error::Kind libvirtKind);

// The domain's state ("running", "shutoff", ...).
Result<QString> instanceState(const host::LibvirtConnection &conn, const QString &nameOrUuid);

// Starts a defined domain; one that already runs is fine.
Status startInstance(const host::LibvirtConnection &conn, const QString &nameOrUuid);

// Asks the guest to power off (ACPI), waits up to timeout for it, then pulls the plug.
// A domain that is not running is fine. Cancelling stops the wait and leaves the domain as is.
Status shutdownInstance(const host::LibvirtConnection &conn, const QString &nameOrUuid,
    std::chrono::milliseconds timeout, const std::function<bool()> &isCancelled = {});

enum class RebootKind
{
    Soft, // ask the guest (ACPI); a guest that ignores it keeps running
    Hard, // reset the virtual machine, like the reset button
};
Status rebootInstance(
    const host::LibvirtConnection &conn, const QString &nameOrUuid, RebootKind kind = RebootKind::Soft);

// Pauses a running domain (virDomainSuspend: its vCPUs stop, its memory stays) and resumes a
// paused one. Pausing a paused or resuming a running domain is fine; a domain that is not
// running at all is refused with a message that says so.
Status pauseInstance(const host::LibvirtConnection &conn, const QString &nameOrUuid);
Status resumeInstance(const host::LibvirtConnection &conn, const QString &nameOrUuid);

// Shuts the domain down (gracefully up to timeout), undefines it with its managed save,
// snapshot and checkpoint metadata and NVRAM, and removes <instancesPath>/<uuid> (renamed to
// <uuid>_del first, so a half-removed directory is never taken for an instance). Base files are
// never touched. Works when only the domain or only the directory is left.
Status terminateInstance(host::Transport &transport, const host::LibvirtConnection &conn, const QString &instancesPath,
    const QString &nameOrUuid, std::chrono::milliseconds timeout, const std::function<bool()> &isCancelled = {});

} // namespace cowherd::instance
