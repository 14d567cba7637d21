#pragma once

#include "cache/sharinggroup.h"
#include "host/hostconfig.h"
#include "host/transport.h"

#include <memory>

namespace cowherd::ui {

// The one place the GUI picks how to reach a host's files: host::transportFor(), and for a URI
// it cannot use, a transport whose every operation reports why.
std::unique_ptr<host::Transport> hostTransport(const host::HostConfig &host);
cache::TransportFactory transportFactory();

} // namespace cowherd::ui
