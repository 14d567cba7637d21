#pragma once

#include "cache/sharinggroup.h"
#include "host/hostconfig.h"
#include "host/transport.h"

#include <memory>

namespace cowherd::ui {

// The one place the GUI picks how to reach a host's files. Every host is local until the
// transport factory for remote hosts lands; then this becomes host::transportFor(host).
std::unique_ptr<host::Transport> transportFor(const host::HostConfig &host);
cache::TransportFactory transportFactory();

} // namespace cowherd::ui
