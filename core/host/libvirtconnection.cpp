#include "host/libvirtconnection.h"

#include <QLoggingCategory>
#include <QXmlStreamReader>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include <mutex>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcLibvirt, "cowherd.host.libvirt")

namespace cowherd::host {

namespace {

void silentErrorHandler(void *, virErrorPtr error)
{
    // libvirt prints every error to stderr by default; ours become values with messages.
    if (error)
        qCDebug(lcLibvirt) << "libvirt:" << error->message;
}

void initialiseLibvirt()
{
    static std::once_flag once;
    std::call_once(once, [] {
        virInitialize();
        virSetErrorFunc(nullptr, silentErrorHandler);
    });
}

constexpr int maxChainDepth = 32;

void skipElement(QXmlStreamReader &xml)
{
    xml.skipCurrentElement();
}

QString sourcePath(const QXmlStreamAttributes &attrs)
{
    for (const char *attr : {"file", "dev", "name", "volume"}) {
        const auto value = attrs.value(QLatin1StringView(attr));
        if (!value.isEmpty())
            return value.toString();
    }
    return {};
}

// <backingStore> nests: <disk><backingStore><source/><backingStore>...</backingStore></backingStore>.
void readBackingStore(QXmlStreamReader &xml, QList<DomainDiskLayer> &chain, int depth)
{
    DomainDiskLayer layer;
    bool nested = false;
    while (xml.readNextStartElement()) {
        const auto name = xml.name();
        const auto attrs = xml.attributes();
        if (name == u"source") {
            layer.path = sourcePath(attrs);
            skipElement(xml);
        } else if (name == u"format") {
            layer.format = attrs.value(u"type"_s).toString();
            skipElement(xml);
        } else if (name == u"backingStore" && depth < maxChainDepth && !nested) {
            nested = true;
            if (!layer.path.isEmpty())
                chain.append(layer);
            readBackingStore(xml, chain, depth + 1);
        } else {
            skipElement(xml);
        }
    }
    if (!nested && !layer.path.isEmpty())
        chain.append(layer);
}

DomainDisk readDisk(QXmlStreamReader &xml)
{
    DomainDisk disk;
    disk.device = xml.attributes().value(u"device"_s).toString();
    if (disk.device.isEmpty())
        disk.device = u"disk"_s;
    while (xml.readNextStartElement()) {
        const auto name = xml.name();
        const auto attrs = xml.attributes();
        if (name == u"source") {
            disk.path = sourcePath(attrs);
            skipElement(xml);
        } else if (name == u"driver") {
            disk.format = attrs.value(u"type"_s).toString();
            skipElement(xml);
        } else if (name == u"target") {
            disk.target = attrs.value(u"dev"_s).toString();
            skipElement(xml);
        } else if (name == u"backingStore") {
            readBackingStore(xml, disk.backingStore, 1);
        } else {
            skipElement(xml);
        }
    }
    return disk;
}

} // namespace

Result<DomainInfo> parseDomainXml(QByteArrayView bytes)
{
    QXmlStreamReader xml(bytes.toByteArray());
    DomainInfo info;
    if (!xml.readNextStartElement() || xml.name() != u"domain")
        return fail(Error::Kind::Corrupt, u"not a libvirt domain description"_s);
    info.type = xml.attributes().value(u"type"_s).toString();
    while (xml.readNextStartElement()) {
        const auto name = xml.name();
        if (name == u"name") {
            info.name = xml.readElementText();
        } else if (name == u"uuid") {
            info.uuid = xml.readElementText().trimmed().toLower();
        } else if (name == u"metadata") {
            info.nova = readNovaMetadata(xml);
        } else if (name == u"devices") {
            while (xml.readNextStartElement()) {
                if (xml.name() == u"disk")
                    info.disks.append(readDisk(xml));
                else
                    skipElement(xml);
            }
        } else {
            skipElement(xml);
        }
    }
    if (info.nova)
        info.nova->uuid = info.uuid; // Nova names the domain's uuid after the instance
    if (xml.hasError())
        return fail(Error::Kind::Corrupt,
            u"malformed domain XML at line %1: %2"_s.arg(xml.lineNumber()).arg(xml.errorString()));
    return info;
}

QString domainStateName(int state)
{
    switch (state) {
    case VIR_DOMAIN_RUNNING:
        return u"running"_s;
    case VIR_DOMAIN_BLOCKED:
        return u"blocked"_s;
    case VIR_DOMAIN_PAUSED:
        return u"paused"_s;
    case VIR_DOMAIN_SHUTDOWN:
        return u"shutting down"_s;
    case VIR_DOMAIN_SHUTOFF:
        return u"shutoff"_s;
    case VIR_DOMAIN_CRASHED:
        return u"crashed"_s;
    case VIR_DOMAIN_PMSUSPENDED:
        return u"suspended"_s;
    default:
        return u"unknown"_s;
    }
}

void LibvirtConnection::Closer::operator()(_virConnect *c) const
{
    if (c)
        virConnectClose(c);
}

LibvirtConnection::LibvirtConnection(QString uri, _virConnect *conn)
    : m_uri(std::move(uri))
    , m_conn(conn)
{ }

LibvirtConnection::~LibvirtConnection() = default;

QString LibvirtConnection::lastError()
{
    const char *message = virGetLastErrorMessage();
    return message ? QString::fromUtf8(message) : u"unknown libvirt error"_s;
}

Error::Kind LibvirtConnection::lastErrorKind()
{
    const virErrorPtr error = virGetLastError();
    if (!error)
        return Error::Kind::Failure;
    switch (error->code) {
    case VIR_ERR_AUTH_FAILED:
    case VIR_ERR_AUTH_CANCELLED:
    case VIR_ERR_AUTH_UNAVAILABLE:
        return Error::Kind::Authentication;
    case VIR_ERR_OPERATION_DENIED:
    case VIR_ERR_ACCESS_DENIED:
        return Error::Kind::Permission;
    case VIR_ERR_NO_DOMAIN:
        return Error::Kind::NotFound;
    case VIR_ERR_NO_SUPPORT:
    case VIR_ERR_CONFIG_UNSUPPORTED:
    case VIR_ERR_OPERATION_UNSUPPORTED:
    case VIR_ERR_ARGUMENT_UNSUPPORTED:
        return Error::Kind::Unsupported;
    case VIR_ERR_OPERATION_TIMEOUT:
    case VIR_ERR_AGENT_UNRESPONSIVE:
        return Error::Kind::Timeout;
    case VIR_ERR_NO_CONNECT:
    case VIR_ERR_RPC:
        return Error::Kind::Unreachable;
    default:
        return Error::Kind::Failure;
    }
}

Result<LibvirtConnection> LibvirtConnection::open(const QString &uri)
{
    initialiseLibvirt();
    virConnectPtr conn = virConnectOpen(uri.toUtf8().constData());
    if (!conn)
        return fail(
            lastErrorKind() == Error::Kind::Authentication ? Error::Kind::Authentication : Error::Kind::Unreachable,
            u"Cannot connect to libvirt at %1: %2"_s.arg(uri, lastError()));
    return LibvirtConnection(uri, conn);
}

Result<QList<DomainInfo>> LibvirtConnection::domains() const
{
    virDomainPtr *list = nullptr;
    const int count = virConnectListAllDomains(m_conn.get(), &list, 0);
    if (count < 0)
        return fail(lastErrorKind(), u"Cannot list the domains of %1: %2"_s.arg(m_uri, lastError()));
    QList<DomainInfo> result;
    result.reserve(count);
    for (int i = 0; i < count; ++i) {
        virDomainPtr dom = list[i];
        char *xmlText = virDomainGetXMLDesc(dom, 0);
        if (xmlText) {
            auto parsed = parseDomainXml(QByteArrayView(xmlText));
            free(xmlText);
            if (parsed) {
                int state = 0, reason = 0;
                if (virDomainGetState(dom, &state, &reason, 0) == 0)
                    parsed->state = domainStateName(state);
                result.append(std::move(*parsed));
            }
        }
        virDomainFree(dom);
    }
    free(list);
    return result;
}

Result<bool> LibvirtConnection::hasKvm() const
{
    char *caps = virConnectGetCapabilities(m_conn.get());
    if (!caps)
        return fail(lastErrorKind(), u"Cannot read the capabilities of %1: %2"_s.arg(m_uri, lastError()));
    const bool kvm = QByteArrayView(caps).contains("<domain type='kvm'");
    free(caps);
    return kvm;
}

} // namespace cowherd::host
