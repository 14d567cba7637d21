#pragma once

namespace cowherd::ui {

class MainWindow;

// When COWHERD_SCREENSHOT=<file.png> is set: once the first scan is shown, select the first
// base file (so the details pane has something to say), save the window to the file and quit.
// COWHERD_SCREENSHOT_TAB=map or dashboard shows that tab (once it is drawn) instead.
// Quits with exit code 1 when no scan is shown within COWHERD_SCREENSHOT_TIMEOUT seconds (60).
void installScreenshotHook(MainWindow &window);

} // namespace cowherd::ui
