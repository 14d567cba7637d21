#include "host/libvirteventloop.h"

#include <libvirt/libvirt.h>

#include <mutex>
#include <thread>

namespace cowherd::host {

void ensureLibvirtEventLoop()
{
    static std::once_flag once;
    std::call_once(once, [] {
        virInitialize();
        virEventRegisterDefaultImpl();
        // Detached on purpose: libvirt offers no way to stop the loop, and it must outlive every
        // connection, which may close during static destruction.
        std::thread([] {
            for (;;)
                virEventRunDefaultImpl();
        }).detach();
    });
}

} // namespace cowherd::host
