#include "instance/lifecycle.h"

#include "host/libvirtconnection.h"
#include "host/transport.h"

#include <QDir>
#include <QLoggingCategory>
#include <QUuid>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include <memory>
#include <thread>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcInstance, "cowherd.instance")

namespace cowherd::instance {

namespace {

using Clock = std::chrono::steady_clock;
constexpr auto pollInterval = std::chrono::milliseconds(100);

struct DomainFree
{
    void operator()(virDomainPtr d) const
    {
        if (d)
            virDomainFree(d);
    }
};
using Domain = std::unique_ptr<virDomain, DomainFree>;

QString libvirtMessage()
{
    return host::LibvirtConnection::lastError();
}

bool lastErrorIs(int code)
{
    return virGetLastErrorCode() == code;
}

Error::Kind startFailureKind(const QString &why)
{
    return kindOfStartFailure(why, host::LibvirtConnection::lastErrorKind());
}

bool looksLikeUuid(const QString &text)
{
    return text.size() == 36 && !QUuid::fromString(text).isNull();
}

// The domain, or null when there is none by that name or uuid.
Result<Domain> findDomain(const host::LibvirtConnection &conn, const QString &nameOrUuid)
{
    if (nameOrUuid.isEmpty())
        return fail(u"No domain name or uuid given."_s);
    if (looksLikeUuid(nameOrUuid)) {
        if (Domain d{virDomainLookupByUUIDString(conn.handle(), nameOrUuid.toLatin1().constData())})
            return d;
        if (!lastErrorIs(VIR_ERR_NO_DOMAIN))
            return fail(host::LibvirtConnection::lastErrorKind(),
                u"Cannot look up domain %1 on %2: %3"_s.arg(nameOrUuid, conn.uri(), libvirtMessage()));
    }
    if (Domain d{virDomainLookupByName(conn.handle(), nameOrUuid.toUtf8().constData())})
        return d;
    if (!lastErrorIs(VIR_ERR_NO_DOMAIN))
        return fail(host::LibvirtConnection::lastErrorKind(),
            u"Cannot look up domain %1 on %2: %3"_s.arg(nameOrUuid, conn.uri(), libvirtMessage()));
    return Domain{};
}

Result<Domain> requireDomain(const host::LibvirtConnection &conn, const QString &nameOrUuid)
{
    auto d = findDomain(conn, nameOrUuid);
    if (d && !*d)
        return fail(
            Error::Kind::NotFound, u"There is no domain named or with uuid '%1' on %2."_s.arg(nameOrUuid, conn.uri()));
    return d;
}

QString domainName(virDomainPtr d)
{
    const char *name = virDomainGetName(d);
    return name ? QString::fromUtf8(name) : QString();
}

QString domainUuid(virDomainPtr d)
{
    char uuid[VIR_UUID_STRING_BUFLEN] = {};
    if (virDomainGetUUIDString(d, uuid) != 0)
        return {};
    return QString::fromLatin1(uuid);
}

// A domain that vanished (a transient one that was destroyed) counts as not running.
bool isActive(virDomainPtr d)
{
    return virDomainIsActive(d) == 1;
}

Status destroy(const host::LibvirtConnection &conn, virDomainPtr d)
{
    if (virDomainDestroy(d) == 0 || !isActive(d))
        return {};
    return fail(host::LibvirtConnection::lastErrorKind(),
        u"Cannot stop domain %1 on %2: %3"_s.arg(domainName(d), conn.uri(), libvirtMessage()));
}

Status shutdownDomain(const host::LibvirtConnection &conn, virDomainPtr d, std::chrono::milliseconds timeout,
    const std::function<bool()> &isCancelled)
{
    if (!isActive(d))
        return {};
    const QString name = domainName(d);
    if (timeout.count() > 0) {
        if (virDomainShutdown(d) != 0) {
            // Some guests (or a domain stopping on its own) refuse the request; pulling the
            // plug below still ends it.
            qCInfo(lcInstance) << "shutdown request for" << name << "on" << conn.uri() << "failed:" << libvirtMessage();
        } else {
            const auto deadline = Clock::now() + timeout;
            while (Clock::now() < deadline) {
                if (!isActive(d))
                    return {};
                if (isCancelled && isCancelled())
                    return std::unexpected(Error::cancelled(
                        u"Shutdown of %1 on %2 was cancelled; the domain still runs."_s.arg(name, conn.uri())));
                std::this_thread::sleep_for(pollInterval);
            }
            qCInfo(lcInstance) << name << "on" << conn.uri() << "did not power off within" << timeout.count()
                               << "ms; destroying it";
        }
    }
    return destroy(conn, d);
}

Status undefine(const host::LibvirtConnection &conn, virDomainPtr d)
{
    if (virDomainIsPersistent(d) != 1)
        return {}; // a transient domain is gone once stopped
    const unsigned int everything = VIR_DOMAIN_UNDEFINE_MANAGED_SAVE | VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA
        | VIR_DOMAIN_UNDEFINE_CHECKPOINTS_METADATA | VIR_DOMAIN_UNDEFINE_NVRAM;
    // Older drivers reject flags they do not know: fall back step by step.
    for (unsigned int flags :
        {everything, unsigned(VIR_DOMAIN_UNDEFINE_MANAGED_SAVE | VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA), 0u}) {
        if (virDomainUndefineFlags(d, flags) == 0 || lastErrorIs(VIR_ERR_NO_DOMAIN))
            return {};
        if (!lastErrorIs(VIR_ERR_NO_SUPPORT) && !lastErrorIs(VIR_ERR_INVALID_ARG)
            && !lastErrorIs(VIR_ERR_ARGUMENT_UNSUPPORTED))
            break;
    }
    return fail(host::LibvirtConnection::lastErrorKind(),
        u"Cannot undefine domain %1 on %2: %3"_s.arg(domainName(d), conn.uri(), libvirtMessage()));
}

QString stateOf(virDomainPtr d)
{
    int state = 0;
    int reason = 0;
    if (virDomainGetState(d, &state, &reason, 0) != 0)
        return u"unknown"_s;
    return host::domainStateName(state);
}

// The name of the instance directory to remove, or why it may not be removed: it must be a
// plain direct child of the instances path and never one of the cache's own directories.
Status checkInstanceDirectoryName(const QString &instancesPath, const QString &name)
{
    static const QStringList reserved{u"_base"_s, u"locks"_s, u"snapshots"_s};
    if (name.isEmpty() || name == u"." || name == u".." || name.contains(u'/') || name.startsWith(u'.')
        || reserved.contains(name) || name.contains(QChar(0)))
        return std::unexpected(Error::refused(
            u"Refusing to remove '%1' under %2: it is not an instance directory."_s.arg(name, instancesPath)));
    const QString path = instancesPath + u'/' + name;
    if (QDir::cleanPath(path + u"/.."_s) != instancesPath)
        return std::unexpected(Error::refused(
            u"Refusing to remove %1: it is not directly under the instances path %2."_s.arg(path, instancesPath)));
    return {};
}

} // namespace

Error::Kind kindOfStartFailure(const QString &libvirtMessage, Error::Kind libvirtKind)
{
    if (libvirtMessage.contains(u"KVM"_s) || libvirtMessage.contains(u"initialize kvm"_s))
        return Error::Kind::Unsupported;
    // Anything else unsupported would fail under TCG just the same: no retry for it.
    return libvirtKind == Error::Kind::Unsupported ? Error::Kind::Failure : libvirtKind;
}

Result<QString> defineAndStart(const host::LibvirtConnection &conn, const QByteArray &xml)
{
    auto parsed = host::parseDomainXml(xml);
    if (!parsed)
        return std::unexpected(parsed.error());
    // virDomainDefineXML would silently replace an existing definition of the same name.
    for (const QString &key : {parsed->name, parsed->uuid}) {
        if (key.isEmpty())
            continue;
        auto existing = findDomain(conn, key);
        if (!existing)
            return std::unexpected(existing.error());
        if (*existing)
            return std::unexpected(Error::refused(u"A domain named %1 (uuid %2) is already defined on %3."_s.arg(
                domainName(existing->get()), domainUuid(existing->get()), conn.uri())));
    }

    Domain d{virDomainDefineXML(conn.handle(), xml.constData())};
    if (!d)
        return fail(host::LibvirtConnection::lastErrorKind(),
            u"Cannot define domain %1 on %2: %3"_s.arg(parsed->name, conn.uri(), libvirtMessage()));
    if (virDomainCreate(d.get()) != 0) {
        const QString why = libvirtMessage();
        const Error::Kind kind = startFailureKind(why);
        // Nothing half-made stays behind: the caller still owns the overlay and can retry.
        if (virDomainUndefineFlags(d.get(), VIR_DOMAIN_UNDEFINE_MANAGED_SAVE | VIR_DOMAIN_UNDEFINE_NVRAM) != 0
            && virDomainUndefine(d.get()) != 0)
            qCWarning(lcInstance) << "cannot undefine" << parsed->name << "after a failed start:" << libvirtMessage();
        return fail(kind, u"Cannot start domain %1 on %2: %3"_s.arg(parsed->name, conn.uri(), why));
    }
    qCInfo(lcInstance) << "started" << parsed->name << "on" << conn.uri();
    return stateOf(d.get());
}

Result<QString> instanceState(const host::LibvirtConnection &conn, const QString &nameOrUuid)
{
    auto d = requireDomain(conn, nameOrUuid);
    if (!d)
        return std::unexpected(d.error());
    return stateOf(d->get());
}

Status startInstance(const host::LibvirtConnection &conn, const QString &nameOrUuid)
{
    auto d = requireDomain(conn, nameOrUuid);
    if (!d)
        return std::unexpected(d.error());
    if (isActive(d->get()))
        return {};
    if (virDomainCreate(d->get()) != 0)
        return fail(startFailureKind(libvirtMessage()),
            u"Cannot start domain %1 on %2: %3"_s.arg(domainName(d->get()), conn.uri(), libvirtMessage()));
    return {};
}

Status shutdownInstance(const host::LibvirtConnection &conn, const QString &nameOrUuid,
    std::chrono::milliseconds timeout, const std::function<bool()> &isCancelled)
{
    auto d = requireDomain(conn, nameOrUuid);
    if (!d)
        return std::unexpected(d.error());
    return shutdownDomain(conn, d->get(), timeout, isCancelled);
}

Status rebootInstance(const host::LibvirtConnection &conn, const QString &nameOrUuid, RebootKind kind)
{
    auto d = requireDomain(conn, nameOrUuid);
    if (!d)
        return std::unexpected(d.error());
    if (!isActive(d->get()))
        return fail(u"Cannot reboot domain %1 on %2: it is not running."_s.arg(domainName(d->get()), conn.uri()));
    const int rc = kind == RebootKind::Hard ? virDomainReset(d->get(), 0) : virDomainReboot(d->get(), 0);
    if (rc != 0)
        return fail(host::LibvirtConnection::lastErrorKind(),
            u"Cannot reboot domain %1 on %2: %3"_s.arg(domainName(d->get()), conn.uri(), libvirtMessage()));
    return {};
}

namespace {

Status pauseOrResume(const host::LibvirtConnection &conn, const QString &nameOrUuid, bool pause)
{
    auto d = requireDomain(conn, nameOrUuid);
    if (!d)
        return std::unexpected(d.error());
    const QString verb = pause ? u"pause"_s : u"resume"_s;
    if (!isActive(d->get()))
        return std::unexpected(Error::refused(u"Cannot %1 domain %2 on %3: it is not running; start it first."_s.arg(
            verb, domainName(d->get()), conn.uri())));
    const QString state = stateOf(d->get());
    if (state == (pause ? u"paused"_s : u"running"_s))
        return {};
    const int rc = pause ? virDomainSuspend(d->get()) : virDomainResume(d->get());
    if (rc != 0)
        return fail(host::LibvirtConnection::lastErrorKind(),
            u"Cannot %1 domain %2 on %3: %4"_s.arg(verb, domainName(d->get()), conn.uri(), libvirtMessage()));
    return {};
}

} // namespace

Status pauseInstance(const host::LibvirtConnection &conn, const QString &nameOrUuid)
{
    return pauseOrResume(conn, nameOrUuid, true);
}

Status resumeInstance(const host::LibvirtConnection &conn, const QString &nameOrUuid)
{
    return pauseOrResume(conn, nameOrUuid, false);
}

Status terminateInstance(host::Transport &transport, const host::LibvirtConnection &conn,
    const QString &instancesPathIn, const QString &nameOrUuid, std::chrono::milliseconds timeout,
    const std::function<bool()> &isCancelled)
{
    const QString instancesPath = QDir::cleanPath(instancesPathIn);
    if (!QDir::isAbsolutePath(instancesPath) || instancesPath == u"/")
        return std::unexpected(
            Error::refused(u"Refusing to terminate %1: the instances path '%2' is not an absolute directory."_s.arg(
                nameOrUuid, instancesPathIn)));

    auto d = findDomain(conn, nameOrUuid);
    if (!d)
        return std::unexpected(d.error());
    // Nova names the directory after the uuid, whatever the domain is called.
    const QString directoryName = *d ? domainUuid(d->get()) : nameOrUuid;
    if (auto ok = checkInstanceDirectoryName(instancesPath, directoryName); !ok)
        return ok;
    // Without a domain, only a directory named like an instance (a uuid) is removed: a typo or
    // a hostile name must not take another directory under the instances path with it.
    if (!*d && QUuid::fromString(nameOrUuid).isNull())
        return std::unexpected(Error::refused(
            u"There is no domain named '%1' on %2, and it is not an instance uuid; nothing was removed."_s.arg(
                nameOrUuid, conn.uri())));

    if (*d) {
        if (auto ok = shutdownDomain(conn, d->get(), timeout, isCancelled); !ok)
            return ok;
        if (auto ok = undefine(conn, d->get()); !ok)
            return ok;
        qCInfo(lcInstance) << "undefined" << directoryName << "on" << conn.uri();
    }

    const QString directory = instancesPath + u'/' + directoryName;
    const QString doomed = directory + u"_del"_s;
    auto entries = transport.probe({directory, doomed}, 0);
    if (!entries)
        return std::unexpected(entries.error());
    const host::FileEntry &current = entries->at(0);
    const host::FileEntry &leftover = entries->at(1);
    if (!*d && !current.exists && !current.isSymlink && !leftover.exists)
        return fail(Error::Kind::NotFound,
            u"There is neither a domain nor an instance directory named '%1' on %2 (%3)."_s.arg(
                nameOrUuid, conn.uri(), instancesPath));
    if (current.isSymlink || (current.exists && !current.isDir))
        return std::unexpected(Error::refused(
            u"Refusing to remove %1 %2: it is not a plain directory; look at it and remove it by hand."_s.arg(
                directory, transport.displayName())));

    // A terminate that was interrupted left <uuid>_del behind: finish it first.
    if (leftover.exists || leftover.isSymlink)
        if (auto ok = transport.removeTree(doomed); !ok)
            return ok;
    if (current.exists) {
        if (auto ok = transport.rename(directory, doomed); !ok)
            return ok;
        if (auto ok = transport.removeTree(doomed); !ok)
            return ok;
        qCInfo(lcInstance) << "removed" << directory << transport.displayName();
    }
    return {};
}

} // namespace cowherd::instance
