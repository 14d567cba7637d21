#include "host/libvirturi.h"

#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace cowherd::host {

namespace {

bool isTrue(const QString &value)
{
    return value == u"1" || value.compare(u"yes"_s, Qt::CaseInsensitive) == 0
        || value.compare(u"true"_s, Qt::CaseInsensitive) == 0;
}

} // namespace

bool LibvirtUri::isLocal() const
{
    if (transport == u"unix")
        return true;
    return hostName.isEmpty() && (transport.isEmpty() || transport == u"unix");
}

QString LibvirtUri::sshDestination() const
{
    return user.isEmpty() ? hostName : user + u'@' + hostName;
}

Result<LibvirtUri> parseLibvirtUri(const QString &text)
{
    auto invalid = [&](const QString &why) {
        return fail(u"'%1' is not a libvirt URI Cowherd can use: %2. Use a form like qemu:///system or "
                    "qemu+ssh://user@host/system."_s.arg(text, why));
    };
    const qsizetype schemeEnd = text.indexOf(u"://"_s);
    if (schemeEnd <= 0)
        return invalid(u"it has no driver:// prefix"_s);
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return invalid(url.errorString());

    LibvirtUri uri;
    const QString scheme = text.left(schemeEnd).toLower();
    const qsizetype plus = scheme.indexOf(u'+');
    uri.driver = plus < 0 ? scheme : scheme.left(plus);
    uri.transport = plus < 0 ? QString() : scheme.mid(plus + 1);
    if (uri.driver.isEmpty())
        return invalid(u"the driver name is empty"_s);
    static const QStringList known{u""_s, u"ssh"_s, u"tls"_s, u"tcp"_s, u"unix"_s, u"libssh"_s, u"libssh2"_s, u"ext"_s};
    if (!known.contains(uri.transport))
        return invalid(u"unknown transport '%1'"_s.arg(uri.transport));

    uri.user = url.userName(QUrl::FullyDecoded);
    uri.hostName = url.host(QUrl::FullyDecoded);
    uri.port = url.port(0);
    uri.path = url.path(QUrl::FullyDecoded);
    const QUrlQuery query(url);
    uri.keyFile = query.queryItemValue(u"keyfile"_s, QUrl::FullyDecoded);
    uri.knownHosts = query.queryItemValue(u"known_hosts"_s, QUrl::FullyDecoded);
    uri.noVerify = isTrue(query.queryItemValue(u"no_verify"_s, QUrl::FullyDecoded));

    const bool remoteTransport = uri.transport == u"ssh" || uri.transport == u"tls" || uri.transport == u"tcp"
        || uri.transport == u"libssh" || uri.transport == u"libssh2";
    if (remoteTransport && uri.hostName.isEmpty())
        return invalid(u"a %1 URI needs a host name"_s.arg(uri.transport));
    if (uri.hostName.startsWith(u'-') || uri.user.startsWith(u'-'))
        return invalid(u"a host or user name must not start with '-'"_s);
    return uri;
}

} // namespace cowherd::host
