// The MainWindow's image sources: the Images tab (Glance images of each configured cloud) and
// the Images menu (import, pre-cache), kept apart from the cache views and the tasks.
#include "window/mainwindow.h"

#include "hosts/hostsidebar.h"
#include "images/imagespanel.h"
#include "instances/launchwizard.h"
#include "window/menus.h"
#include "tasks/taskdock.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QStyle>
#include <QTabWidget>

namespace cowherd::ui {

void MainWindow::createImageFeatures()
{
    m_images = new ImagesPanel(m_tasks, m_scheduler, m_tabs);
    const int index = m_tabs->addTab(m_images, style()->standardIcon(QStyle::SP_DriveNetIcon), tr("Images"));
    m_tabs->setTabToolTip(index, tr("The Glance images of each configured cloud, and whether the current host has them"));

    auto *showImages = new QAction(m_tabs->tabIcon(index), tr("&Glance images"), this);
    showImages->setToolTip(tr("Show the images of the configured clouds"));
    connect(showImages, &QAction::triggered, this, [this] { m_tabs->setCurrentWidget(m_images); });

    QMenu *menu = menuNamed(menuBar(), tr("I&mages"));
    menu->addAction(showImages);
    menu->addAction(m_images->importAction());
    menu->addSeparator();
    for (QAction *action : m_images->actions())
        if (action != m_images->importAction())
            menu->addAction(action);
    addAction(m_images->importAction()); // Ctrl+I from any tab

    connect(m_sidebar, &HostSidebar::currentHostChanged, m_images, &ImagesPanel::setCurrentHost);
    connect(this, &MainWindow::hostsLoaded, m_images, [this] { m_images->setCurrentHost(m_currentHost); });
    connect(m_images, &ImagesPanel::tasksSubmitted, this, [this](const QList<quint64> &ids) {
        m_taskDock->show();
        m_taskDock->raise();
        if (!ids.isEmpty())
            m_taskDock->selectTask(ids.constFirst());
    });
    m_images->setLaunchHandler([this](std::shared_ptr<source::CloudSession> session, const source::GlanceImage &image,
                                   bool cachedHere) {
        LaunchWizard *wizard = openLaunchWizard();
        if (!wizard)
            return;
        if (cachedHere)
            wizard->selectCachedImage(image.id);
        if (!cachedHere || wizard->spec().imageId != image.id)
            wizard->setGlanceImage(std::move(session), image.id, image.name.isEmpty() ? image.id : image.name);
    });
    m_images->reloadClouds();
}

} // namespace cowherd::ui
