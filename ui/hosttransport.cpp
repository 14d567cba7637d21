#include "hosttransport.h"

#include "host/localtransport.h"

namespace cowherd::ui {

std::unique_ptr<host::Transport> transportFor(const host::HostConfig &)
{
    return std::make_unique<host::LocalTransport>();
}

cache::TransportFactory transportFactory()
{
    return [](const host::HostConfig &host) { return transportFor(host); };
}

} // namespace cowherd::ui
