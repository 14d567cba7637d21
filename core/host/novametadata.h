#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

class QXmlStreamReader;

namespace cowherd::host {

// What Nova's libvirt driver writes into a domain's <metadata> as <nova:instance> (namespaces
// http://openstack.org/xmlns/libvirt/nova/1.0 and 1.1): the server behind the domain.
struct NovaInstanceInfo
{
    QString name; // the server's display name ("web-1")
    QString uuid; // the instance uuid: the domain's <uuid>
    QString projectName;
    QString projectUuid;
    QString userName;
    QString userUuid;
    QString flavorName;
    qint64 memoryMiB = -1; // -1: not given
    qint64 diskGiB = -1;
    qint64 swapMiB = -1;
    qint64 ephemeralGiB = -1;
    int vcpus = -1;
    QString imageId; // <nova:root type="image" uuid="…">: the image whose sha1 names the base file
    QDateTime created; // <nova:creationTime>, UTC
    QString package; // <nova:package version="…">
    QString namespaceUri;

    friend bool operator==(const NovaInstanceInfo &, const NovaInstanceInfo &) = default;
};

bool isNovaNamespace(QStringView namespaceUri);

// Reads the <metadata> element the reader stands on (its start tag just read) up to its end
// tag and returns Nova's instance metadata when it holds some. Untrusted input: never throws,
// ignores what it does not know, bounds every text.
std::optional<NovaInstanceInfo> readNovaMetadata(QXmlStreamReader &xml);

} // namespace cowherd::host
