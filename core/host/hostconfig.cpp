#include "host/hostconfig.h"

using namespace Qt::StringLiterals;

namespace cowherd::host {

QString toString(ManagedBy managedBy)
{
    switch (managedBy) {
    case ManagedBy::Nova:
        return u"nova"_s;
    case ManagedBy::Cowherd:
        return u"cowherd"_s;
    case ManagedBy::Auto:
        break;
    }
    return u"auto"_s;
}

std::optional<ManagedBy> managedByFromString(QStringView text)
{
    for (ManagedBy m : {ManagedBy::Auto, ManagedBy::Nova, ManagedBy::Cowherd})
        if (text.compare(toString(m), Qt::CaseInsensitive) == 0)
            return m;
    return std::nullopt;
}

QStringList HostConfig::defaultNovaConf()
{
    return {u"/etc/nova/nova.conf"_s, u"/etc/nova/nova-compute.conf"_s, u"/etc/nova/nova.conf.d/*.conf"_s};
}

} // namespace cowherd::host
