#pragma once

#include "task/threadpriority.h"

#include <QtConcurrent>

#include <functional>

class QThreadPool;

namespace cowherd::ui {

// The nice value of the GUI's background threads (scans, tasks, the background pool): on a busy
// machine the UI thread gets the CPU first, so that applying a result never waits behind a hash.
inline constexpr int BackgroundNice = 10;

// The pool for the GUI's own CPU work off the UI thread: diffing a snapshot's rows, planning a
// host's cache for the overview and the dashboard, laying out the map. Not Qt's global pool:
// Qt's raster engine hands parts of a paint to the global pool's threads and waits for them, so
// with those threads busy diffing 50,000 rows a scroll bar's paint waited 200-400 ms on the UI
// thread without using any CPU (bench_gui, issue 18). Never deleted: the application's end
// waits for nothing.
QThreadPool *backgroundPool();

// Caps the C library's malloc arenas at two for the whole process (once; the main window calls
// main() calls it before any thread starts: glibc fixes the limit when a second arena is first needed). glibc gives
// each allocating thread an arena of its own, up to 8 per core, and keeps what is freed in it: a 50,000-instance rescan
// on a scan thread, its row diff on a background thread and the group plan on a third each left their transient memory
// in a separate arena, and the peak RSS grew to 400-480 MB while about 230 MB were live
// (bench_gui, issue 18); with two arenas the next scan reuses what the last one freed.
void limitMallocArenas();

// Runs function() on the background pool at BackgroundNice.
template<typename Function> auto runInBackground(Function function)
{
    return QtConcurrent::run(backgroundPool(), [function = std::move(function)]() mutable {
        task::lowerCurrentThreadPriority(BackgroundNice);
        return std::invoke(function);
    });
}

// Lets go of a value on the background pool: freeing the last copy of a 50,000-instance
// snapshot takes 20-50 ms of CPU, too long for the UI thread.
template<typename T> void releaseInBackground(T value)
{
    (void)runInBackground([value = std::move(value)]() mutable { value = T(); });
}

} // namespace cowherd::ui
