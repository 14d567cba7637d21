#include "screenshothook.h"

#include "dashboard.h"
#include "filteredtableview.h"
#include "mainwindow.h"
#include "mapscene.h"
#include "mapview.h"
#include "overviewtabs.h"

#include <QApplication>
#include <QPixmap>
#include <QTabWidget>
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

    // COWHERD_SCREENSHOT_TAB=map|dashboard shows that tab instead of the base cache table.
    const QString tab = qEnvironmentVariable("COWHERD_SCREENSHOT_TAB");
    QObject::connect(&window, &MainWindow::snapshotShown, &window, [&window, path, tab] {
        QTableView *table = window.baseCacheView()->tableView();
        if (table->model()->rowCount() > 0)
            table->selectRow(0);
        const auto take = [&window, path] {
            // Give layouts and the details pane a moment to settle before the picture.
            QTimer::singleShot(300, &window, [&window, path] {
                const bool saved = window.grab().save(path);
                if (!saved)
                    std::fprintf(stderr, "cowherd: cannot write %s\n", qPrintable(path));
                QApplication::exit(saved ? 0 : 1);
            });
        };
        MapView *map = window.overview()->mapView();
        Dashboard *dashboard = window.overview()->dashboard();
        if (tab == u"map") {
            window.tabs()->setCurrentWidget(map);
            // Light the base file with the most dependents: the picture then shows what the
            // map is for.
            const auto highlight = [map, take] {
                const MapGraph &graph = map->scene()->graph();
                int busiest = -1;
                qsizetype most = 0;
                for (int i = 0; i < graph.nodes.size(); ++i) {
                    if (graph.nodes.at(i).layer > 1)
                        continue;
                    if (const qsizetype count = graph.dependents(i).size(); count > most) {
                        most = count;
                        busiest = i;
                    }
                }
                map->selectNode(busiest);
                take();
            };
            if (!map->isBusy())
                highlight();
            else
                QObject::connect(map, &MapView::mapShown, &window, highlight, Qt::SingleShotConnection);
        } else if (tab == u"dashboard") {
            window.tabs()->setCurrentWidget(dashboard);
            if (!dashboard->isBusy())
                take();
            else
                QObject::connect(dashboard, &Dashboard::figuresShown, &window, take, Qt::SingleShotConnection);
        } else {
            take();
        }
    }, Qt::SingleShotConnection);
}

} // namespace cowherd::ui
