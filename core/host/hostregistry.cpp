#include "host/hostregistry.h"

#include "host/libvirtconnection.h"

#include <QDir>
#include <QSettings>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace cowherd::host {

namespace {
const auto hostsGroup = u"hosts"_s;
}

HostRegistry::HostRegistry(const QString &configFile)
    : m_fileName(configFile.isEmpty() ? defaultFileName() : configFile)
{ }

QString HostRegistry::defaultFileName()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + u"/cowherd/cowherd.conf"_s;
}

QList<HostConfig> HostRegistry::hosts() const
{
    QSettings settings(m_fileName, QSettings::IniFormat);
    settings.beginGroup(hostsGroup);
    QList<HostConfig> result;
    for (const QString &key : settings.childGroups()) {
        settings.beginGroup(key);
        HostConfig host;
        host.name = settings.value(u"name"_s, key).toString();
        host.uri = settings.value(u"uri"_s).toString();
        host.instancesPath = settings.value(u"instances_path"_s, HostConfig::defaultInstancesPath()).toString();
        host.managedBy = managedByFromString(settings.value(u"managed_by"_s).toString()).value_or(ManagedBy::Auto);
        if (settings.contains(u"nova_conf"_s))
            host.novaConf = settings.value(u"nova_conf"_s).toStringList();
        host.allowNovaWrites = settings.value(u"allow_nova_writes"_s, false).toBool();
        settings.endGroup();
        result.append(host);
    }
    return result;
}

std::optional<HostConfig> HostRegistry::find(const QString &nameOrUri) const
{
    const QList<HostConfig> all = hosts();
    for (const HostConfig &h : all)
        if (h.name == nameOrUri)
            return h;
    for (const HostConfig &h : all)
        if (h.uri == nameOrUri)
            return h;
    return std::nullopt;
}

QString HostRegistry::validate(const HostConfig &host)
{
    if (host.name.trimmed().isEmpty())
        return u"A host needs a name."_s;
    if (host.uri.trimmed().isEmpty() || !host.uri.contains(u":/"))
        return u"'%1' is not a libvirt URI; use for example qemu:///system or qemu+ssh://root@lab3/system."_s.arg(
            host.uri);
    if (!QDir::isAbsolutePath(host.instancesPath))
        return u"The instances path must be absolute, not '%1'."_s.arg(host.instancesPath);
    for (const QString &file : host.novaConf)
        if (!QDir::isAbsolutePath(file))
            return u"Nova's configuration files are absolute paths, not '%1'."_s.arg(file);
    return {};
}

namespace {

// The settings of one host inside its group; a default Nova configuration list is not stored,
// so a later default applies to hosts that never chose their own.
void writeHost(QSettings &settings, const HostConfig &host)
{
    settings.setValue(u"name"_s, host.name);
    settings.setValue(u"uri"_s, host.uri);
    settings.setValue(u"instances_path"_s, QDir::cleanPath(host.instancesPath));
    settings.setValue(u"managed_by"_s, toString(host.managedBy));
    if (host.novaConf == HostConfig::defaultNovaConf())
        settings.remove(u"nova_conf"_s);
    else
        settings.setValue(u"nova_conf"_s, host.novaConf);
    settings.setValue(u"allow_nova_writes"_s, host.allowNovaWrites);
}

} // namespace

Status HostRegistry::add(const HostConfig &host)
{
    if (const QString invalid = validate(host); !invalid.isEmpty())
        return fail(invalid);
    if (find(host.name) && find(host.name)->name == host.name)
        return fail(u"A host named '%1' already exists in %2; remove it first."_s.arg(host.name, m_fileName));

    QSettings settings(m_fileName, QSettings::IniFormat);
    settings.beginGroup(hostsGroup);
    // Keys are escaped by QSettings; the name is stored again as a value so it round-trips exactly.
    settings.beginGroup(QString::fromLatin1(host.name.toUtf8().toPercentEncoding()));
    writeHost(settings, host);
    settings.endGroup();
    settings.endGroup();
    settings.sync();
    if (settings.status() != QSettings::NoError)
        return fail(settings.status() == QSettings::AccessError ? Error::Kind::Permission : Error::Kind::Failure,
            u"Could not write %1; check that its directory is writable."_s.arg(m_fileName));
    return {};
}

Status HostRegistry::update(const HostConfig &host)
{
    if (const QString invalid = validate(host); !invalid.isEmpty())
        return fail(invalid);
    QSettings settings(m_fileName, QSettings::IniFormat);
    settings.beginGroup(hostsGroup);
    for (const QString &key : settings.childGroups()) {
        if (settings.value(key + u"/name"_s, key).toString() != host.name)
            continue;
        settings.beginGroup(key);
        writeHost(settings, host);
        settings.endGroup();
        settings.endGroup();
        settings.sync();
        if (settings.status() != QSettings::NoError)
            return fail(u"Could not write %1; check that its directory is writable."_s.arg(m_fileName));
        return {};
    }
    return fail(u"No host named '%1' in %2; add it with `cowherdctl hosts add`."_s.arg(host.name, m_fileName));
}

Status HostRegistry::remove(const QString &name)
{
    QSettings settings(m_fileName, QSettings::IniFormat);
    settings.beginGroup(hostsGroup);
    for (const QString &key : settings.childGroups()) {
        if (settings.value(key + u"/name"_s, key).toString() == name) {
            settings.remove(key);
            settings.sync();
            return {};
        }
    }
    return fail(Error::Kind::NotFound, u"No host named '%1' in %2."_s.arg(name, m_fileName));
}

QString demoLabInstancesPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u"/cowherd/demo-lab/instances"_s;
}

HostConfig demoLabHost()
{
    HostConfig host;
    host.name = u"Local demo lab"_s;
    host.instancesPath = demoLabInstancesPath();
    QDir().mkpath(host.instancesPath + u"/_base"_s);
    const QString forced = qEnvironmentVariable("COWHERD_DEMO_URI");
    if (!forced.isEmpty()) {
        host.uri = forced;
        return host;
    }
    host.uri = LibvirtConnection::open(u"qemu:///session"_s) ? u"qemu:///session"_s : u"test:///default"_s;
    return host;
}

} // namespace cowherd::host
