#pragma once

class QThreadPool;

namespace cowherd::host {

// The pool for calls to a host that may block for as long as the transport's own timeout (a
// libvirt connect, a round trip over ssh to a host that may have gone away). On the global pool
// (one thread per core) a few such hosts would hold up every other host and the application's
// other background work. Never deleted: a thread stuck in such a call must not hold up the exit.
QThreadPool *hostCallPool();

} // namespace cowherd::host
