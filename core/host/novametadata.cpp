#include "host/novametadata.h"

#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace cowherd::host {

namespace {

constexpr qsizetype maxText = 1024; // a name or a UUID; anything longer is cut

QString boundedText(QXmlStreamReader &xml)
{
    return xml.readElementText(QXmlStreamReader::SkipChildElements).trimmed().left(maxText);
}

QString boundedAttribute(const QXmlStreamReader &xml, QLatin1StringView name)
{
    return xml.attributes().value(name).toString().trimmed().left(maxText);
}

qint64 number(const QString &text)
{
    bool ok = false;
    const qint64 v = text.toLongLong(&ok);
    return ok && v >= 0 ? v : -1;
}

void readFlavor(QXmlStreamReader &xml, NovaInstanceInfo &info)
{
    info.flavorName = boundedAttribute(xml, "name"_L1);
    while (xml.readNextStartElement()) {
        if (!isNovaNamespace(xml.namespaceUri())) {
            xml.skipCurrentElement();
            continue;
        }
        const auto name = xml.name();
        const QString text = boundedText(xml);
        if (name == u"memory")
            info.memoryMiB = number(text);
        else if (name == u"disk")
            info.diskGiB = number(text);
        else if (name == u"swap")
            info.swapMiB = number(text);
        else if (name == u"ephemeral")
            info.ephemeralGiB = number(text);
        else if (name == u"vcpus")
            info.vcpus = int(std::min<qint64>(number(text), 1 << 20));
    }
}

void readOwner(QXmlStreamReader &xml, NovaInstanceInfo &info)
{
    while (xml.readNextStartElement()) {
        if (!isNovaNamespace(xml.namespaceUri())) {
            xml.skipCurrentElement();
            continue;
        }
        const auto name = xml.name();
        const QString uuid = boundedAttribute(xml, "uuid"_L1).toLower();
        if (name == u"user") {
            info.userUuid = uuid;
            info.userName = boundedText(xml);
        } else if (name == u"project") {
            info.projectUuid = uuid;
            info.projectName = boundedText(xml);
        } else {
            xml.skipCurrentElement();
        }
    }
}

NovaInstanceInfo readInstance(QXmlStreamReader &xml)
{
    NovaInstanceInfo info;
    info.namespaceUri = xml.namespaceUri().toString();
    while (xml.readNextStartElement()) {
        if (!isNovaNamespace(xml.namespaceUri())) {
            xml.skipCurrentElement();
            continue;
        }
        const auto name = xml.name();
        if (name == u"name") {
            info.name = boundedText(xml);
        } else if (name == u"creationTime") {
            // Nova writes "%Y-%m-%d %H:%M:%S" in UTC.
            const QDateTime t = QDateTime::fromString(boundedText(xml), u"yyyy-MM-dd HH:mm:ss"_s);
            if (t.isValid())
                info.created = QDateTime(t.date(), t.time(), Qt::UTC);
        } else if (name == u"package") {
            info.package = boundedAttribute(xml, "version"_L1);
            xml.skipCurrentElement();
        } else if (name == u"flavor") {
            readFlavor(xml, info);
        } else if (name == u"owner") {
            readOwner(xml, info);
        } else if (name == u"root") {
            if (boundedAttribute(xml, "type"_L1) == u"image")
                info.imageId = boundedAttribute(xml, "uuid"_L1);
            xml.skipCurrentElement();
        } else {
            xml.skipCurrentElement(); // ports, and whatever a later Nova adds
        }
    }
    return info;
}

} // namespace

bool isNovaNamespace(QStringView namespaceUri)
{
    return namespaceUri == u"http://openstack.org/xmlns/libvirt/nova/1.1"
        || namespaceUri == u"http://openstack.org/xmlns/libvirt/nova/1.0";
}

std::optional<NovaInstanceInfo> readNovaMetadata(QXmlStreamReader &xml)
{
    std::optional<NovaInstanceInfo> result;
    while (xml.readNextStartElement()) {
        if (xml.name() == u"instance" && isNovaNamespace(xml.namespaceUri()) && !result)
            result = readInstance(xml);
        else
            xml.skipCurrentElement();
    }
    return result;
}

} // namespace cowherd::host
