#include "hosts/hosttransport.h"

#include "host/transportfactory.h"
#include "host/unreachabletransport.h"

namespace cowherd::ui {

std::unique_ptr<host::Transport> hostTransport(const host::HostConfig &host)
{
    auto transport = host::transportFor(host);
    if (!transport)
        return std::make_unique<host::UnreachableTransport>(transport.error());
    return std::move(*transport);
}

cache::TransportFactory transportFactory()
{
    return [](const host::HostConfig &host) { return hostTransport(host); };
}

} // namespace cowherd::ui
