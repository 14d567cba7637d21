#pragma once

namespace cowherd::ui {

class MainWindow;

// Documentation tooling, linked into cowherd only when COWHERD_SCREENSHOT_HOOK is on (see
// app/gui/CMakeLists.txt); scripts/screenshot.sh drives it.
// When COWHERD_SCREENSHOT=<file.png> is set: once the first scan is shown, select the first
// base file (so the details pane has something to say), save a picture to the file and quit.
// COWHERD_SCREENSHOT_MODE picks the picture: window (default), launch-wizard (its last page),
// cache-pass (the preview dialog), task-centre (the window with a few real tasks; needs
// COWHERD_SCREENSHOT_IMAGE, a big image file to launch from) or import-dialog.
// COWHERD_SCREENSHOT_TAB=map, dashboard, hosts or images shows that tab (once it is drawn) instead.
// Quits with exit code 1 when nothing is shown within COWHERD_SCREENSHOT_TIMEOUT seconds (60).
// Reaches the window's parts by object name, as the GUI tests do.
void installScreenshotHook(MainWindow &window);

} // namespace cowherd::ui
