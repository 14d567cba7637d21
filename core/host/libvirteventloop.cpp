#include "host/libvirteventloop.h"

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include <mutex>
#include <thread>

namespace cowherd::host {

void ensureLibvirtEventLoop()
{
    static std::once_flag once;
    std::call_once(once, [] {
        virInitialize();
        // Errors reach callers as values; libvirt's default handler would print them to stderr.
        virSetErrorFunc(nullptr, [](void *, virErrorPtr) {});
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
