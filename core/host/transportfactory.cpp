#include "host/transportfactory.h"

#include "host/libvirturi.h"
#include "host/localtransport.h"
#include "host/sshtransport.h"

using namespace Qt::StringLiterals;

namespace cowherd::host {

Result<std::unique_ptr<Transport>> transportFor(const HostConfig &host)
{
    auto uri = parseLibvirtUri(host.uri);
    if (!uri)
        return fail(uri.error(), u"Host %1: %2"_s.arg(host.name, uri.error().message));
    if (uri->isLocal())
        return std::make_unique<LocalTransport>();
    if (uri->transport == u"ext")
        return fail(Error::Kind::Unsupported,
            u"Host %1 uses libvirt's ext transport (%2); Cowherd cannot tell how to reach its files. Use a "
            "qemu+ssh:// URI."_s.arg(host.name, host.uri));
    LibvirtUri files = *uri;
    if (uri->transport != u"ssh" && uri->transport != u"libssh" && uri->transport != u"libssh2") {
        // libvirt's port (TLS 16514, TCP 16509) is not sshd's.
        files.port = 0;
    }
    return std::make_unique<SshTransport>(std::move(files), host.name.isEmpty() ? uri->hostName : host.name);
}

} // namespace cowherd::host
