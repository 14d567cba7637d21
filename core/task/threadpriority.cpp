#include "threadpriority.h"

#include <cerrno>

#include <sys/resource.h>
#include <unistd.h>

namespace cowherd::task {

bool lowerCurrentThreadPriority(int nice)
{
    const auto thread = id_t(gettid());
    errno = 0;
    const int current = getpriority(PRIO_PROCESS, thread);
    if (errno != 0)
        return false;
    if (current >= nice)
        return true;
    return setpriority(PRIO_PROCESS, thread, nice) == 0;
}

} // namespace cowherd::task
