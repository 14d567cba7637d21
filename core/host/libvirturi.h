#pragma once

#include "error.h"

#include <QString>

namespace cowherd::host {

// What Cowherd needs from a libvirt URI: whether the host is this machine and, when not, how
// to reach its files over SSH. Parsed without resolving anything: an alias from ~/.ssh/config
// stays an alias and is handed to ssh as it is.
struct LibvirtUri
{
    QString driver; // qemu, test, ...
    QString transport; // empty, ssh, tls, tcp, unix, libssh, libssh2, ext
    QString user; // empty: ssh's own choice (~/.ssh/config, then the local user name)
    QString hostName; // empty for local URIs
    int port = 0; // 0: the default of the transport (22 for ssh); only ssh uses it for files
    QString path; // /system, /session, /default
    QString keyFile; // ?keyfile=
    QString knownHosts; // ?known_hosts=
    bool noVerify = false; // ?no_verify=1: accept unknown host keys

    // The host's files and programs are on this machine.
    bool isLocal() const;
    // user@host (or host) as ssh expects it.
    QString sshDestination() const;
};

// Accepts driver[+transport]://[user@][host][:port]/path[?query]. Errors name the URI and say
// what form is expected.
Result<LibvirtUri> parseLibvirtUri(const QString &uri);

} // namespace cowherd::host
