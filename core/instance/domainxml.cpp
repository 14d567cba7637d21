#include "instance/domainxml.h"

#include "host/libvirtconnection.h"

#include <QUrl>
#include <QXmlStreamWriter>

#include <sys/stat.h>

namespace cowherd::instance {

namespace {

void writeSourceFile(QXmlStreamWriter &xml, const QString &path)
{
    xml.writeStartElement(u"source"_s);
    xml.writeAttribute(u"file"_s, path);
    xml.writeEndElement();
}

void writeDisk(QXmlStreamWriter &xml, const DomainSpec &spec)
{
    xml.writeStartElement(u"disk"_s);
    xml.writeAttribute(u"type"_s, u"file"_s);
    xml.writeAttribute(u"device"_s, u"disk"_s);
    xml.writeStartElement(u"driver"_s);
    xml.writeAttribute(u"name"_s, u"qemu"_s);
    xml.writeAttribute(u"type"_s, spec.diskFormat);
    xml.writeEndElement();
    writeSourceFile(xml, spec.diskPath);
    if (!spec.backingPath.isEmpty()) {
        // Stating the chain ourselves means libvirt never probes the base file's format, which
        // would let a guest that wrote a qcow2 header into a raw base file reach host files.
        xml.writeStartElement(u"backingStore"_s);
        xml.writeAttribute(u"type"_s, u"file"_s);
        xml.writeStartElement(u"format"_s);
        xml.writeAttribute(u"type"_s, spec.backingFormat.isEmpty() ? u"raw"_s : spec.backingFormat);
        xml.writeEndElement();
        writeSourceFile(xml, spec.backingPath);
        xml.writeEmptyElement(u"backingStore"_s); // the chain ends here
        xml.writeEndElement();
    }
    xml.writeStartElement(u"target"_s);
    xml.writeAttribute(u"dev"_s, u"vda"_s);
    xml.writeAttribute(u"bus"_s, u"virtio"_s);
    xml.writeEndElement();
    xml.writeEndElement();
}

void writeConsole(QXmlStreamWriter &xml, const QString &logPath)
{
    for (const QString &element : {u"serial"_s, u"console"_s}) {
        xml.writeStartElement(element);
        xml.writeAttribute(u"type"_s, u"file"_s);
        xml.writeStartElement(u"source"_s);
        xml.writeAttribute(u"path"_s, logPath);
        // A restarted instance adds to its log instead of wiping what the last boot said.
        xml.writeAttribute(u"append"_s, u"on"_s);
        xml.writeEndElement();
        xml.writeStartElement(u"target"_s);
        if (element == u"console")
            xml.writeAttribute(u"type"_s, u"serial"_s);
        xml.writeAttribute(u"port"_s, u"0"_s);
        xml.writeEndElement();
        xml.writeEndElement();
    }
}

void writeNetwork(QXmlStreamWriter &xml, const QString &network)
{
    if (network.isEmpty() || network == u"none")
        return;
    xml.writeStartElement(u"interface"_s);
    if (network == u"user") {
        xml.writeAttribute(u"type"_s, u"user"_s);
    } else {
        xml.writeAttribute(u"type"_s, u"network"_s);
        xml.writeStartElement(u"source"_s);
        xml.writeAttribute(u"network"_s, network);
        xml.writeEndElement();
    }
    xml.writeStartElement(u"model"_s);
    xml.writeAttribute(u"type"_s, u"virtio"_s);
    xml.writeEndElement();
    xml.writeEndElement();
}

void writeTextElement(QXmlStreamWriter &xml, const QString &name, const QString &text)
{
    xml.writeTextElement(name, text);
}

// libvirtd runs as root and advertises KVM whenever /dev/kvm exists, but qemu runs as an
// unprivileged user (libvirt-qemu on Debian) that reaches /dev/kvm only through its group (kvm)
// or world bits. Without udev (containers, CI) /dev/kvm is often root-only 0600: every start
// would fail with "Could not access KVM kernel module: Permission denied". For hosts on this
// machine we can see that and choose TCG instead.
bool localKvmUnusable(const QString &uri)
{
    const QUrl url(uri);
    if (!url.host().isEmpty() || url.scheme() != u"qemu")
        return false;
    struct stat st;
    if (::stat("/dev/kvm", &st) != 0)
        return true;
    return (st.st_mode & 0066) == 0;
}

} // namespace

QByteArray domainXml(const DomainSpec &spec)
{
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(2);
    xml.writeStartElement(u"domain"_s);
    xml.writeAttribute(u"type"_s, spec.domainType.isEmpty() ? u"qemu"_s : spec.domainType);
    writeTextElement(xml, u"name"_s, spec.name);
    if (!spec.uuid.isEmpty())
        writeTextElement(xml, u"uuid"_s, spec.uuid);

    xml.writeStartElement(u"memory"_s);
    xml.writeAttribute(u"unit"_s, u"MiB"_s);
    xml.writeCharacters(QString::number(std::max<qint64>(1, spec.memoryMiB)));
    xml.writeEndElement();
    writeTextElement(xml, u"vcpu"_s, QString::number(std::max(1, spec.vcpus)));

    xml.writeStartElement(u"os"_s);
    xml.writeStartElement(u"type"_s);
    xml.writeAttribute(u"arch"_s, u"x86_64"_s);
    xml.writeCharacters(u"hvm"_s);
    xml.writeEndElement();
    xml.writeStartElement(u"boot"_s);
    xml.writeAttribute(u"dev"_s, u"hd"_s);
    xml.writeEndElement();
    xml.writeEndElement();

    // ACPI lets shutdownInstance() ask the guest politely before pulling the plug.
    xml.writeStartElement(u"features"_s);
    xml.writeEmptyElement(u"acpi"_s);
    xml.writeEmptyElement(u"apic"_s);
    xml.writeEndElement();
    xml.writeEmptyElement(u"clock"_s);
    xml.writeAttribute(u"offset"_s, u"utc"_s);
    writeTextElement(xml, u"on_poweroff"_s, u"destroy"_s);
    writeTextElement(xml, u"on_reboot"_s, u"restart"_s);
    writeTextElement(xml, u"on_crash"_s, u"destroy"_s);

    xml.writeStartElement(u"devices"_s);
    writeDisk(xml, spec);
    if (!spec.consoleLogPath.isEmpty())
        writeConsole(xml, spec.consoleLogPath);
    writeNetwork(xml, spec.network);
    xml.writeStartElement(u"graphics"_s);
    xml.writeAttribute(u"type"_s, u"vnc"_s);
    xml.writeAttribute(u"autoport"_s, u"yes"_s);
    xml.writeAttribute(u"listen"_s, u"127.0.0.1"_s);
    xml.writeStartElement(u"listen"_s);
    xml.writeAttribute(u"type"_s, u"address"_s);
    xml.writeAttribute(u"address"_s, u"127.0.0.1"_s);
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndElement(); // devices

    xml.writeEndElement(); // domain
    xml.writeEndDocument();
    return out;
}

Result<QString> chooseDomainType(const host::LibvirtConnection &connection)
{
    if (connection.uri().startsWith(u"test:"))
        return u"test"_s;
    auto kvm = connection.hasKvm();
    if (!kvm)
        return std::unexpected(kvm.error());
    return *kvm && !localKvmUnusable(connection.uri()) ? u"kvm"_s : u"qemu"_s;
}

} // namespace cowherd::instance
