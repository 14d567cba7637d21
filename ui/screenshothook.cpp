#include "screenshothook.h"

#include "filteredtableview.h"
#include "mainwindow.h"

#include <QApplication>
#include <QPixmap>
#include <QTableView>
#include <QTimer>

#include <cstdio>

namespace cowherd::ui {

void installScreenshotHook(MainWindow &window)
{
    const QString path = qEnvironmentVariable("COWHERD_SCREENSHOT");
    if (path.isEmpty())
        return;
    bool timeoutOk = false;
    int timeoutSeconds = qEnvironmentVariableIntValue("COWHERD_SCREENSHOT_TIMEOUT", &timeoutOk);
    if (!timeoutOk || timeoutSeconds <= 0)
        timeoutSeconds = 60;

    QTimer::singleShot(timeoutSeconds * 1000, &window, [] {
        std::fputs("cowherd: no scan was shown in time; no screenshot taken\n", stderr);
        QApplication::exit(1);
    });

    QObject::connect(&window, &MainWindow::snapshotShown, &window, [&window, path] {
        QTableView *table = window.baseCacheView()->tableView();
        if (table->model()->rowCount() > 0)
            table->selectRow(0);
        // Give layouts and the details pane a moment to settle before the picture.
        QTimer::singleShot(300, &window, [&window, path] {
            const bool saved = window.grab().save(path);
            if (!saved)
                std::fprintf(stderr, "cowherd: cannot write %s\n", qPrintable(path));
            QApplication::exit(saved ? 0 : 1);
        });
    }, Qt::SingleShotConnection);
}

} // namespace cowherd::ui
