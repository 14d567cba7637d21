#include "screenshothook.h"

#include "cachepass/cacheactions.h"
#include "cachepass/cachepassdialog.h"
#include "cachepass/cachetasks.h"
#include "common/filteredtableview.h"
#include "hosts/hostbanner.h"
#include "hosts/hostlistmodel.h"
#include "hosts/hostsoverview.h"
#include "images/glanceimagemodel.h"
#include "images/imagespanel.h"
#include "images/importdialog.h"
#include "instances/instancetasks.h"
#include "instances/launchwizard.h"
#include "overview/dashboard.h"
#include "overview/groupplanner.h"
#include "overview/mapscene.h"
#include "overview/mapview.h"
#include "tables/instancemodel.h"
#include "tables/scanscheduler.h"
#include "tasks/taskdock.h"
#include "tasks/tasksfeature.h"
#include "window/mainwindow.h"

#include "task/taskmanager.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QPixmap>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QTreeView>

#include <cstdio>
#include <functional>
#include <limits>
#include <memory>

namespace cowherd::ui {

namespace {

// Give layouts a moment to settle before the picture.
constexpr int SettleMs = 400;

// A part of the window by its object name (the window offers no getters for tools).
template<typename T> T *part(const MainWindow &window, const char *name)
{
    T *found = window.findChild<T *>(QLatin1String(name));
    if (!found)
        qFatal("screenshot hook: the window has no %s named %s", T::staticMetaObject.className(), name);
    return found;
}

TasksFeature *tasksOf(const MainWindow &window)
{
    return part<TasksFeature>(window, "tasksFeature");
}

const ScanScheduler *schedulerOf(const MainWindow &window)
{
    return part<ScanScheduler>(window, "scanScheduler");
}

QTabWidget *tabsOf(const MainWindow &window)
{
    return part<QTabWidget>(window, "mainTabs");
}

void saveAndQuit(QWidget *widget, const QString &path)
{
    QTimer::singleShot(SettleMs, widget, [widget, path] {
        const bool saved = widget->grab().save(path);
        if (!saved)
            std::fprintf(stderr, "cowherd: cannot write %s\n", qPrintable(path));
        QApplication::exit(saved ? 0 : 1);
    });
}

std::optional<host::HostConfig> hostNamed(MainWindow &window, const QString &name)
{
    for (const auto &h : schedulerOf(window)->hosts())
        if (h.name == name)
            return h;
    return std::nullopt;
}

void showLaunchWizard(MainWindow &window, const QString &path)
{
    LaunchWizard *wizard = tasksOf(window)->openLaunchWizard();
    if (!wizard) {
        QApplication::exit(1);
        return;
    }
    wizard->setInstanceName(QStringLiteral("web-3"));
    wizard->setSizeGiB(20);
    wizard->setMemoryMiB(2048);
    wizard->setVcpus(2);
    wizard->setNetwork(QStringLiteral("default"));
    QObject::connect(
        wizard, &LaunchWizard::previewComputed, wizard, [wizard, path] { saveAndQuit(wizard, path); },
        Qt::SingleShotConnection);
    wizard->next();
    wizard->next();
}

void showCachePass(MainWindow &window, const QString &path)
{
    QObject::connect(
        part<CacheActions>(window, "cacheActions"), &CacheActions::cachePassDialogOpened, &window,
        [path](QDialog *dialog) {
            auto *pass = static_cast<CachePassDialog *>(dialog);
            QObject::connect(
                pass, &CachePassDialog::planShown, pass, [pass, path] { saveAndQuit(pass, path); },
                Qt::SingleShotConnection);
        },
        Qt::SingleShotConnection);
    tasksOf(window)->cachePassAction()->trigger();
}

// A few real tasks on the fixture lab: a verification that finishes, a launch the cache refuses,
// two launches streaming a big image, and a pass waiting for its turn.
void showTaskCentre(MainWindow &window, const QString &hostName, const QString &path)
{
    const auto host = hostNamed(window, hostName);
    const QString bigImage = qEnvironmentVariable("COWHERD_SCREENSHOT_IMAGE");
    if (!host || bigImage.isEmpty()) {
        std::fputs("cowherd: the task-centre screenshot needs COWHERD_SCREENSHOT_IMAGE\n", stderr);
        QApplication::exit(1);
        return;
    }
    task::TaskManager *tasks = tasksOf(window)->manager();
    tasks->setMaxRunningPerHost(2);
    const CacheTarget target{*host, schedulerOf(window)->hosts(), {}};
    // The smallest base file: verifying every one would outlast the picture.
    QString smallest;
    qint64 smallestSize = std::numeric_limits<qint64>::max();
    if (const cache::CacheSnapshot *snapshot = schedulerOf(window)->snapshot(host->name))
        for (const cache::BaseFile &b : snapshot->bases)
            if (b.kind == cache::BaseKind::Original && b.allocatedSize < smallestSize) {
                smallest = b.name;
                smallestSize = b.allocatedSize;
            }
    const quint64 verify
        = tasks->submit(QApplication::translate("ScreenshotHook", "Verify %1 on %2").arg(smallest.left(12), host->name),
            host->name, CacheTasks::verify(target, {smallest}));
    LaunchSpec refused;
    refused.imageId = QStringLiteral("9b1f2c3d-not-cached");
    refused.name = QStringLiteral("db-1"); // not in the cache and no source: fails with advice
    const quint64 failed = tasks->submit(QApplication::translate("ScreenshotHook", "Launch %1").arg(refused.name),
        host->name, InstanceTasks::launch(*host, refused));
    LaunchSpec big;
    big.sourcePath = bigImage;
    big.imageId = QStringLiteral("screenshot-big-image");
    big.name = QStringLiteral("web-3");
    tasks->submit(QApplication::translate("ScreenshotHook", "Launch %1").arg(big.name), host->name,
        InstanceTasks::launch(*host, big));
    LaunchSpec other = big;
    other.imageId = QStringLiteral("screenshot-big-image-2");
    other.name = QStringLiteral("web-4");
    tasks->submit(QApplication::translate("ScreenshotHook", "Launch %1").arg(other.name), host->name,
        InstanceTasks::launch(*host, other));
    tasks->submit(QApplication::translate("ScreenshotHook", "Cache pass on %1").arg(host->name), host->name,
        CacheTasks::pass(target, CacheTasks::PassMode::Plan));

    TaskDock *dock = tasksOf(window)->dock();
    dock->show();
    dock->raise();
    window.resizeDocks({dock}, {250}, Qt::Vertical);
    // Picture once the quick ones are over and the big launch shows its speed.
    auto *poll = new QTimer(&window);
    poll->setInterval(100);
    QObject::connect(poll, &QTimer::timeout, &window, [&window, tasks, dock, verify, failed, poll, path] {
        const auto v = tasks->task(verify);
        const auto f = tasks->task(failed);
        int streaming = 0;
        for (const task::TaskInfo &info : tasks->tasks())
            streaming += info.state == task::TaskState::Running && info.bytesPerSecond > 0 && info.etaSeconds > 0;
        if (!v || !f || !task::isFinished(v->state) || !task::isFinished(f->state) || streaming < 2)
            return;
        poll->stop();
        dock->selectTask(failed);
        saveAndQuit(&window, path);
    });
    poll->start();
}

// The overview of all hosts once every host was scanned, planned and tried by libvirt.
void showHostsOverview(MainWindow &window, const QString &path)
{
    part<QAction>(window, "showHostsAction")->trigger();
    auto *poll = new QTimer(&window);
    poll->setInterval(100);
    QObject::connect(poll, &QTimer::timeout, &window, [&window, poll, path] {
        const auto *model = part<HostListModel>(window, "hostListModel");
        for (int row = 0; row < model->rowCount(); ++row) {
            const auto scan = HostListModel::ScanState(model->index(row, 0).data(HostListModel::ScanStateRole).toInt());
            const int connection = model->index(row, 0).data(HostListModel::ConnectionStateRole).toInt();
            if (scan == HostListModel::ScanState::NotScanned || scan == HostListModel::ScanState::Scanning
                || connection < 0 || connection == int(host::HostConnection::State::Connecting))
                return;
            if (scan == HostListModel::ScanState::Ok
                && model->index(row, HostListModel::Reclaimable).data().toString().isEmpty())
                return;
        }
        poll->stop();
        part<HostsOverview>(window, "hostsOverview")->view()->tableView()->selectRow(0);
        saveAndQuit(&window, path);
    });
    poll->start();
}

// Calls done once view shows the group planner's latest snapshots: at once, or at the first
// shown signal after which neither the planner plans nor the view builds (the planner hands
// each new set over to the view, which then builds again).
template<typename View>
void whenSettled(MainWindow &window, View *view, void (View::*shown)(), std::function<void()> done)
{
    const GroupPlanner *planner = part<GroupPlanner>(window, "groupPlanner");
    const auto settled = [view, planner] { return !view->isBusy() && !planner->isPlanning(); };
    if (settled()) {
        done();
        return;
    }
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = QObject::connect(view, shown, &window, [settled, connection, done] {
        if (!settled())
            return;
        QObject::disconnect(*connection);
        done();
    });
}

// The map (with the base file that has the most dependents lit up, which is what the map is
// for) or the dashboard, once it is drawn.
void showOverviewTab(MainWindow &window, const QString &path, const QString &tab)
{
    auto *map = part<MapView>(window, "mapView");
    auto *dashboard = part<Dashboard>(window, "dashboard");
    if (tab == u"map") {
        tabsOf(window)->setCurrentWidget(map);
        whenSettled(window, map, &MapView::mapShown, [&window, map, path] {
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
            saveAndQuit(&window, path);
        });
    } else if (tab == u"dashboard") {
        tabsOf(window)->setCurrentWidget(dashboard);
        whenSettled(window, dashboard, &Dashboard::figuresShown, [&window, path] { saveAndQuit(&window, path); });
    } else if (tab == u"hosts") {
        showHostsOverview(window, path);
    } else if (tab == u"instances") {
        // The Instances tab with web-1 (running) selected: the figure columns, the details
        // pane with its plot and the instance tool bar.
        auto *instances = part<FilteredTableView>(window, "instanceView");
        tabsOf(window)->setCurrentWidget(instances);
        QAbstractItemModel *rows = instances->tableView()->model();
        int running = 0;
        for (int row = 0; row < rows->rowCount(); ++row) {
            if (rows->index(row, InstanceModel::State).data(InstanceModel::UuidRole).isValid()
                && rows->index(row, InstanceModel::Name).data().toString() == u"web-1") {
                running = row;
                break;
            }
        }
        instances->tableView()->selectRow(running);
        saveAndQuit(&window, path);
    } else {
        saveAndQuit(&window, path);
    }
}

// The Images tab once the cloud's list (or its error) is shown; the import dialog filled in.
void showImages(MainWindow &window, const QString &path)
{
    auto *images = part<ImagesPanel>(window, "imagesPanel");
    tabsOf(window)->setCurrentWidget(images);
    const auto take = [&window, images, path] {
        images->view()->tableView()->selectRow(0);
        saveAndQuit(&window, path);
    };
    if (images->model()->rowCount() > 0 || images->banner()->level() == HostBanner::Level::Error) {
        take();
        return;
    }
    QObject::connect(images, &ImagesPanel::imagesListed, &window, take, Qt::SingleShotConnection);
    QObject::connect(images, &ImagesPanel::listFailed, &window, take, Qt::SingleShotConnection);
}

void showImportDialog(MainWindow &window, const QString &path)
{
    ImportDialog *dialog = part<ImagesPanel>(window, "imagesPanel")->openImportDialog();
    if (!dialog) {
        QApplication::exit(1);
        return;
    }
    dialog->setSource(QStringLiteral("https://cloud-images.example.org/noble/noble-server-cloudimg-amd64.img"));
    dialog->setSha256(QStringLiteral("8a3f2b1c9d0e4f5a6b7c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c"));
    saveAndQuit(dialog, path);
}

} // namespace

void installScreenshotHook(MainWindow &window)
{
    const QString path = qEnvironmentVariable("COWHERD_SCREENSHOT");
    if (path.isEmpty())
        return;
    const QString mode = qEnvironmentVariable("COWHERD_SCREENSHOT_MODE", QStringLiteral("window"));
    bool timeoutOk = false;
    int timeoutSeconds = qEnvironmentVariableIntValue("COWHERD_SCREENSHOT_TIMEOUT", &timeoutOk);
    if (!timeoutOk || timeoutSeconds <= 0)
        timeoutSeconds = 60;

    QTimer::singleShot(timeoutSeconds * 1000, &window, [] {
        std::fputs("cowherd: nothing to show in time; no screenshot taken\n", stderr);
        QApplication::exit(1);
    });

    // COWHERD_SCREENSHOT_TAB=map|dashboard|hosts shows that tab instead of the base cache table.
    const QString tab = qEnvironmentVariable("COWHERD_SCREENSHOT_TAB");
    QObject::connect(
        &window, &MainWindow::snapshotShown, &window,
        [&window, path, mode, tab](const QString &hostName) {
            QTableView *table = part<FilteredTableView>(window, "baseCacheView")->tableView();
            if (table->model()->rowCount() > 0)
                table->selectRow(0);
            if (mode == u"launch-wizard")
                showLaunchWizard(window, path);
            else if (mode == u"cache-pass")
                showCachePass(window, path);
            else if (mode == u"task-centre")
                showTaskCentre(window, hostName, path);
            else if (mode == u"import-dialog")
                showImportDialog(window, path);
            else if (tab == u"images")
                showImages(window, path);
            else if (!tab.isEmpty())
                showOverviewTab(window, path, tab);
            else
                saveAndQuit(&window, path);
        },
        Qt::SingleShotConnection);
}

} // namespace cowherd::ui
