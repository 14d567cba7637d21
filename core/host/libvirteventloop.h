#pragma once

namespace cowherd::host {

// Registers libvirt's default event implementation and runs it on one thread for the life of
// the process. Needed for keepalive, close callbacks and domain events; must happen before the
// connections that use them are opened. Safe to call from any thread, any number of times.
void ensureLibvirtEventLoop();

} // namespace cowherd::host
