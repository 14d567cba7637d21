#pragma once

namespace cowherd::task {

// Lowers the calling thread's CPU priority to the given nice value (Linux keeps one per thread),
// so that background work on a busy machine yields the CPU to the UI thread. Never raises it:
// an unprivileged process could not take that back. Returns false if the system refused.
bool lowerCurrentThreadPriority(int nice);

} // namespace cowherd::task
