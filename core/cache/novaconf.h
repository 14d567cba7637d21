#pragma once

#include "error.h"
#include "host/hostconfig.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace cowherd::host {
class Transport;
}

namespace cowherd::cache {

// What Cowherd needs from a host's nova.conf, with Nova Zed's defaults. Read with oslo.config's
// rules: files in order, a later file overrides an earlier one; within one file the current
// name wins over a deprecated one and the last assignment of a key wins; group names are
// case-insensitive except DEFAULT; [DEFAULT] is a group like any other (nothing inherits it).
struct NovaConfig
{
    qint64 managerIntervalSeconds = 2400; // [image_cache] manager_interval: 0 runs every 60 s, -1 never
    bool removeUnused = true; // [image_cache] remove_unused_base_images
    qint64 originalMinimumAgeSeconds = 86400; // [image_cache] remove_unused_original_minimum_age_seconds
    qint64 resizedMinimumAgeSeconds = 3600; // [image_cache] remove_unused_resized_minimum_age_seconds
    QString subdirectoryName = QStringLiteral("_base"); // [image_cache] subdirectory_name
    QString instancesPath; // [DEFAULT] instances_path, $state_path resolved
    QString imagesType = QStringLiteral("default"); // [libvirt] images_type
    QString host; // [DEFAULT] host: the node name in compute_nodes; empty: the machine's host name

    QStringList filesRead; // in the order applied
    QStringList problems; // unreadable files, syntax errors, values Nova would refuse
    QHash<QString, QString> origin; // option ("image_cache.manager_interval") -> "FILE [group] name"
    QString hostName; // the Cowherd host it was read from, for messages

    bool fromFiles() const { return !filesRead.isEmpty(); }
    // "nova.conf on c1: /etc/nova/nova.conf, /etc/nova/nova.conf.d/10-cache.conf" or
    // "Nova's defaults (no readable nova.conf on c1: …)"
    QString source() const;
    // images_type rbd or lvm: instance disks are not files on _base, so there is no file cache
    // of overlays; empty otherwise.
    QString imagesTypeNote() const;
};

struct NovaConfFile
{
    QString path;
    QByteArray content;
};

// Pure: the configuration the files give, in order.
NovaConfig parseNovaConf(const QList<NovaConfFile> &files);

// Reads host.novaConf through the host's transport (globs expanded on the host, sorted as
// oslo.config sorts a config directory) and parses it. Missing files are skipped; a file that
// cannot be read is a problem; with nothing readable, Nova's defaults apply and source() says so.
NovaConfig readNovaConf(const host::HostConfig &host, host::Transport &transport);

} // namespace cowherd::cache
