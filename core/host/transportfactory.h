#pragma once

#include "error.h"
#include "host/hostconfig.h"
#include "host/transport.h"

#include <memory>

namespace cowherd::host {

// The transport for a host's files and programs, chosen by its libvirt URI:
// - qemu:///system, qemu:///session, test:///..., qemu+unix:///...: this machine (LocalTransport);
// - qemu+ssh://[user@]host[:port]/...: SshTransport with the URI's user, port, keyfile,
//   known_hosts and no_verify;
// - qemu+tls://host/..., qemu+tcp://host/..., qemu://host/...: libvirt talks TLS or TCP, but the
//   files are reached over SSH to the same host name (user and port from ~/.ssh/config).
Result<std::unique_ptr<Transport>> transportFor(const HostConfig &host);

} // namespace cowherd::host
