#include "hostsettings.h"

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace cowherd::ctl {

namespace {

QList<HostSetting> makeSettings()
{
    QList<HostSetting> settings;
    settings.append(
        {{QCommandLineOption(u"instances-path"_s, u"Where the host keeps _base and the instances."_s, u"PATH"_s)},
            [](const QCommandLineParser &p, host::HostConfig &h) -> std::optional<QString> {
                if (p.isSet(u"instances-path"_s))
                    h.instancesPath = p.value(u"instances-path"_s);
                return std::nullopt;
            }});
    settings.append({{QCommandLineOption(u"managed-by"_s,
                         u"Whose cache the host's instances path is: auto (Nova's when Nova's lock files, "
                         "compute_nodes or instance metadata are found), nova or cowherd."_s,
                         u"auto|nova|cowherd"_s)},
        [](const QCommandLineParser &p, host::HostConfig &h) -> std::optional<QString> {
            if (!p.isSet(u"managed-by"_s))
                return std::nullopt;
            const auto m = host::managedByFromString(p.value(u"managed-by"_s));
            if (!m)
                return u"--managed-by takes auto, nova or cowherd, not '%1'"_s.arg(p.value(u"managed-by"_s));
            h.managedBy = *m;
            return std::nullopt;
        }});
    settings.append({{QCommandLineOption(u"nova-conf"_s,
                         u"Nova's configuration on the host, read in the order given (repeat it; a last "
                         "component may be a glob such as /etc/nova/nova.conf.d/*.conf; 'default' for "
                         "the default list)."_s,
                         u"FILE"_s)},
        [](const QCommandLineParser &p, host::HostConfig &h) -> std::optional<QString> {
            if (!p.isSet(u"nova-conf"_s))
                return std::nullopt;
            const QStringList files = p.values(u"nova-conf"_s);
            if (files == QStringList{u"default"_s}) {
                h.novaConf = host::HostConfig::defaultNovaConf();
                return std::nullopt;
            }
            for (const QString &f : files)
                if (!f.startsWith(u'/'))
                    return u"--nova-conf takes absolute paths (on the host), not '%1'"_s.arg(f);
            h.novaConf = files;
            return std::nullopt;
        }});
    settings.append({{QCommandLineOption(u"allow-nova-writes"_s,
                          u"On a Nova host, let Cowherd write under the instances path (cache passes "
                          "following Nova's rules, fetch, launch, verify, pin)."_s),
                         QCommandLineOption(u"deny-nova-writes"_s,
                             u"On a Nova host, only advise: nothing Cowherd does writes there (the default)."_s)},
        [](const QCommandLineParser &p, host::HostConfig &h) -> std::optional<QString> {
            const bool allow = p.isSet(u"allow-nova-writes"_s);
            const bool deny = p.isSet(u"deny-nova-writes"_s);
            if (allow && deny)
                return u"--allow-nova-writes and --deny-nova-writes contradict each other"_s;
            if (allow || deny)
                h.allowNovaWrites = allow;
            return std::nullopt;
        }});
    return settings;
}

} // namespace

const QList<HostSetting> &hostSettings()
{
    static const QList<HostSetting> settings = makeSettings();
    return settings;
}

void addHostSettingOptions(QCommandLineParser &parser)
{
    for (const HostSetting &s : hostSettings())
        for (const QCommandLineOption &o : s.options)
            parser.addOption(o);
}

std::optional<QString> applyHostSettings(const QCommandLineParser &parser, host::HostConfig &host)
{
    for (const HostSetting &s : hostSettings())
        if (auto error = s.apply(parser, host))
            return error;
    return std::nullopt;
}

bool anyHostSettingGiven(const QCommandLineParser &parser)
{
    for (const HostSetting &s : hostSettings())
        for (const QCommandLineOption &o : s.options)
            if (parser.isSet(o))
                return true;
    return false;
}

} // namespace cowherd::ctl
