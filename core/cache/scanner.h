#pragma once

#include "cache/cachesnapshot.h"
#include "error.h"

namespace cowherd::host {
class Transport;
}

namespace cowherd::cache {

struct ScanOptions
{
    bool queryLibvirt = true;
    int maxChainDepth = 16;
};

// Lists the host's cache through its transport, inspects every header natively, asks libvirt
// for every domain and joins the two by path. Blocking: run it off the UI thread.
// Per-file trouble becomes a Problem in the snapshot; only a host that cannot be listed at all
// is an Error.
Result<CacheSnapshot> scanHost(
    const host::HostConfig &host, host::Transport &transport, const ScanOptions &options = {});

// Convenience: the right transport for the host's URI, then scanHost().
Result<CacheSnapshot> scanHost(const host::HostConfig &host, const ScanOptions &options = {});

} // namespace cowherd::cache
