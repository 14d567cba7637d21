#include "images/imagespanel.h"

#include "common/filteredtableview.h"
#include "common/icons.h"
#include "hosts/hostbanner.h"
#include "images/cloudpassworddialog.h"
#include "images/glanceimagemodel.h"
#include "images/imagetasks.h"
#include "images/importdialog.h"
#include "images/precachedialog.h"
#include "tables/scanscheduler.h"

#include "task/taskmanager.h"

#include <QAction>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QStyle>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace cowherd::ui {

ImagesPanel::ImagesPanel(task::TaskManager *tasks, ScanScheduler *scheduler, QWidget *parent)
    : QWidget(parent)
    , m_tasks(tasks)
    , m_scheduler(scheduler)
    , m_browser(new CloudBrowser(this))
    , m_model(new GlanceImageModel(this))
    , m_cloudBox(new QComboBox(this))
    , m_banner(new HostBanner(this))
    , m_keyringNote(new QLabel(this))
{
    setObjectName(QStringLiteral("imagesPanel"));
    m_cloudBox->setObjectName(QStringLiteral("cloudBox"));
    m_cloudBox->setAccessibleName(tr("Cloud"));
    m_cloudBox->setMinimumContentsLength(12);
    m_banner->setObjectName(QStringLiteral("imagesBanner"));
    m_keyringNote->setObjectName(QStringLiteral("keyringNote"));
    m_keyringNote->setWordWrap(true);
    m_keyringNote->setTextFormat(Qt::PlainText);
    m_keyringNote->hide();

    m_view = new FilteredTableView(m_model,
        {GlanceImageModel::SortRole, GlanceImageModel::IdRole,
            {GlanceImageModel::Name, GlanceImageModel::Id, GlanceImageModel::DiskFormat, GlanceImageModel::Status},
            tr("Filter by name, id, format or status")},
        this);
    m_view->setObjectName(QStringLiteral("glanceImageView"));
    m_view->setAccessibleName(tr("Glance images"));
    QHeaderView *header = m_view->tableView()->horizontalHeader();
    header->resizeSection(GlanceImageModel::Name, 180);
    header->resizeSection(GlanceImageModel::Cached,
        fontMetrics().horizontalAdvance(tr("Cached on %1").arg(QStringLiteral("lab-nova-03"))) + 16);
    header->resizeSection(GlanceImageModel::Id,
        fontMetrics().horizontalAdvance(QStringLiteral("3c5e7f10-8a2b-4d6c-9e1f-2a3b4c5d6e70")) + 16);
    header->setStretchLastSection(true);
    createActions();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(createToolBar());
    layout->addWidget(m_banner);
    layout->addWidget(m_keyringNote);
    layout->addWidget(m_view, 1);

    QTableView *table = m_view->tableView();
    table->setContextMenuPolicy(Qt::ActionsContextMenu);
    table->addActions({m_launch, m_precache, m_precacheHosts});
    connect(table, &QTableView::doubleClicked, this, &ImagesPanel::launchSelected);

    m_browser->setPasswordPrompt([this](const QString &cloud, const QString &who, const QString &why) {
        return promptWithDialog(cloud, who, why);
    });
    connect(m_browser, &CloudBrowser::cloudsLoaded, this, &ImagesPanel::onCloudsLoaded);
    connect(m_browser, &CloudBrowser::stepStarted, this, &ImagesPanel::onStepStarted);
    connect(m_browser, &CloudBrowser::imagesListed, this, &ImagesPanel::onImagesListed);
    connect(m_browser, &CloudBrowser::listFailed, this, &ImagesPanel::onListFailed);
    connect(m_browser, &CloudBrowser::sessionsChanged, this, &ImagesPanel::updateActions);
    connect(m_browser, &CloudBrowser::passwordKept, m_keyringNote, &QLabel::hide);
    connect(m_browser, &CloudBrowser::passwordNotKept, this, &ImagesPanel::onPasswordNotKept);
    connect(m_browser, &CloudBrowser::passwordForgotten, this, &ImagesPanel::onPasswordForgotten);
    connect(m_cloudBox, &QComboBox::currentIndexChanged, this, [this] {
        m_model->clear();
        refresh();
    });
    connect(m_view, &FilteredTableView::currentKeyChanged, this, &ImagesPanel::updateActions);
    connect(m_scheduler, &ScanScheduler::snapshotReady, this, [this](const QString &hostName) {
        if (hostName == m_currentHost)
            updateCached();
    });
    updateActions();
}

ImagesPanel::~ImagesPanel() = default;

void ImagesPanel::createActions()
{
    m_refresh = new QAction(themedIcon(QStringLiteral("view-refresh")), tr("&Refresh image list"), this);
    m_refresh->setToolTip(tr("List the images of the cloud again"));
    connect(m_refresh, &QAction::triggered, this, &ImagesPanel::refresh);
    m_forgetPassword = new QAction(
        QIcon::fromTheme(QStringLiteral("edit-clear"), style()->standardIcon(QStyle::SP_DialogResetButton)),
        tr("&Forget saved password"), this);
    m_forgetPassword->setObjectName(QStringLiteral("forgetPasswordAction"));
    m_forgetPassword->setToolTip(
        tr("Forget saved password: remove the password of the selected cloud from the desktop keyring; "
           "the next Refresh asks for it"));
    connect(m_forgetPassword, &QAction::triggered, this, &ImagesPanel::forgetSavedPassword);
    m_launch = new QAction(style()->standardIcon(QStyle::SP_MediaPlay), tr("&Launch from image…"), this);
    m_launch->setToolTip(tr("Open the launch wizard with the selected image on the current host"));
    connect(m_launch, &QAction::triggered, this, &ImagesPanel::launchSelected);
    m_precache = new QAction(style()->standardIcon(QStyle::SP_ArrowDown), tr("&Pre-cache here"), this);
    m_precache->setToolTip(tr("Fetch the selected image into the _base of the current host without launching"));
    connect(m_precache, &QAction::triggered, this, &ImagesPanel::precacheSelected);
    m_precacheHosts = new QAction(tr("Pre-cache on &hosts…"), this);
    m_precacheHosts->setToolTip(
        tr("Fetch the selected image into the _base of several hosts at once, one task per host"));
    connect(m_precacheHosts, &QAction::triggered, this, &ImagesPanel::precacheOnHostsSelected);
    m_import = new QAction(style()->standardIcon(QStyle::SP_DialogOpenButton), tr("&Import image…"), this);
    m_import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_import->setToolTip(tr("Fetch a file, an archive member or a URL into the _base of the current host (Ctrl+I)"));
    connect(m_import, &QAction::triggered, this, &ImagesPanel::openImportDialog);
}

QToolBar *ImagesPanel::createToolBar()
{
    // A tool bar, not a row of buttons: when the tab is narrow the actions fold into its
    // extension menu instead of widening the window.
    auto *top = new QToolBar(this);
    top->setObjectName(QStringLiteral("imagesToolBar"));
    top->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    top->setIconSize(QSize(16, 16));
    auto *cloudLabel = new QLabel(tr("&Cloud:"), this);
    cloudLabel->setBuddy(m_cloudBox);
    cloudLabel->setContentsMargins(4, 0, 4, 0);
    top->addWidget(cloudLabel);
    top->addWidget(m_cloudBox);
    top->addAction(m_refresh);
    if (auto *refreshButton = qobject_cast<QToolButton *>(top->widgetForAction(m_refresh)))
        refreshButton->setToolButtonStyle(Qt::ToolButtonIconOnly); // its tooltip says what it does
    top->addAction(m_forgetPassword);
    // Seldom needed: an icon beside Refresh, so that the image actions keep the room; the Images
    // menu has it with its text.
    if (auto *forgetButton = qobject_cast<QToolButton *>(top->widgetForAction(m_forgetPassword)))
        forgetButton->setToolButtonStyle(Qt::ToolButtonIconOnly);
    top->addSeparator();
    top->addActions({m_launch, m_precache, m_precacheHosts, m_import});
    return top;
}

QList<QAction *> ImagesPanel::actions() const
{
    return {m_refresh, m_forgetPassword, m_launch, m_precache, m_precacheHosts, m_import};
}

void ImagesPanel::reloadClouds()
{
    m_browser->reloadClouds();
}

void ImagesPanel::onCloudsLoaded(const QStringList &names)
{
    const QString previous = currentCloud();
    {
        const QSignalBlocker blocker(m_cloudBox);
        m_cloudBox->clear();
        m_cloudBox->addItems(names);
        m_cloudBox->setCurrentIndex(std::max(0, int(names.indexOf(previous))));
    }
    m_model->clear();
    Q_EMIT cloudsLoaded(names);
    if (names.isEmpty()) {
        m_banner->showMessage(HostBanner::Level::Information,
            tr("No cloud is configured. Add one to ~/.config/openstack/clouds.yaml (or ./clouds.yaml, "
               "/etc/openstack/clouds.yaml) or set the OS_* variables, then Refresh. Files, archives and URLs "
               "can be imported without a cloud: Import image…"));
        updateActions();
        return;
    }
    refresh();
}

void ImagesPanel::selectCloud(const QString &cloud)
{
    m_cloudBox->setCurrentIndex(m_cloudBox->findText(cloud));
}

QString ImagesPanel::currentCloud() const
{
    return m_cloudBox->currentText();
}

QStringList ImagesPanel::clouds() const
{
    QStringList names;
    for (int i = 0; i < m_cloudBox->count(); ++i)
        names.append(m_cloudBox->itemText(i));
    return names;
}

void ImagesPanel::setCurrentHost(const QString &hostName)
{
    m_currentHost = hostName;
    updateCached();
    updateActions();
}

void ImagesPanel::refresh()
{
    m_browser->list(currentCloud());
    updateActions();
}

void ImagesPanel::onStepStarted(const QString &cloud, CloudBrowser::Step step)
{
    switch (step) {
    case CloudBrowser::Step::ReadingCloud:
        m_banner->showMessage(HostBanner::Level::Information, tr("Reading cloud %1…").arg(cloud));
        break;
    case CloudBrowser::Step::Listing:
        m_banner->showMessage(HostBanner::Level::Information, tr("Listing the images of cloud %1…").arg(cloud));
        break;
    }
}

void ImagesPanel::onImagesListed(const QString &cloud, const QList<source::GlanceImage> &images)
{
    m_model->setImages(images);
    updateCached();
    if (images.isEmpty())
        m_banner->showMessage(
            HostBanner::Level::Information, tr("Cloud %1 has no image this project can see.").arg(cloud));
    else
        m_banner->clearMessage();
    updateActions();
    Q_EMIT imagesListed(cloud, int(images.size()));
}

void ImagesPanel::onListFailed(const QString &cloud, CloudBrowser::Failure failure, const QString &message)
{
    QString what = message;
    QString hint;
    switch (failure) {
    case CloudBrowser::Failure::CloudEntry:
        hint = tr("Fix the cloud's entry, then Refresh.");
        break;
    case CloudBrowser::Failure::NoPassword:
        what = tr("No password was given.");
        hint = tr("Refresh to be asked again.");
        break;
    case CloudBrowser::Failure::Login:
        hint = tr("Check the user, project and password of the cloud (clouds.yaml, secure.yaml or the "
                  "password you typed), then Refresh.");
        break;
    case CloudBrowser::Failure::KeyringPasswordRefused:
        hint = tr("The password kept in the desktop keyring for this cloud was refused, so it was removed "
                  "from the keyring: Refresh to type the right one.");
        break;
    case CloudBrowser::Failure::Glance:
        hint = tr("Check that Glance is running and reachable from this computer, and that the cloud's "
                  "endpoint is right, then Refresh.");
        break;
    }
    m_model->clear();
    const QString text = tr("Cannot list the images of cloud %1: %2\n%3").arg(cloud, what, hint);
    m_banner->showMessage(HostBanner::Level::Error, text);
    updateActions();
    Q_EMIT listFailed(cloud, text);
}

void ImagesPanel::onPasswordNotKept(const QString &cloud, CloudBrowser::NotKept why, const QString &detail)
{
    QString reason;
    switch (why) {
    case CloudBrowser::NotKept::Declined:
        reason = tr("you chose not to keep it");
        break;
    case CloudBrowser::NotKept::NoKeyring:
        reason = tr("no desktop keyring can be reached (%1)").arg(detail);
        break;
    case CloudBrowser::NotKept::KeyringRefused:
        reason = tr("the desktop keyring refused it (%1)").arg(detail);
        break;
    }
    m_keyringNote->setText(
        tr("The password of cloud %1 is not kept: %2. Cowherd asks for it again after a restart.").arg(cloud, reason));
    m_keyringNote->show();
}

void ImagesPanel::updateCached()
{
    const cache::CacheSnapshot *snapshot = m_currentHost.isEmpty() ? nullptr : m_scheduler->snapshot(m_currentHost);
    QSet<QString> names;
    if (snapshot)
        for (const cache::BaseFile &base : snapshot->bases)
            names.insert(base.name);
    m_model->setCachedBases(m_currentHost, names, snapshot != nullptr);
}

void ImagesPanel::updateActions()
{
    const source::GlanceImage *image = m_model->image(currentImageId());
    const bool active = image && image->status == u"active" && m_browser->session(currentCloud());
    const bool haveHost = !m_currentHost.isEmpty();
    m_launch->setEnabled(active && haveHost);
    m_precache->setEnabled(active && haveHost);
    m_precacheHosts->setEnabled(active && !m_scheduler->hosts().isEmpty());
    m_import->setEnabled(haveHost);
    m_refresh->setEnabled(!currentCloud().isEmpty());
    m_forgetPassword->setEnabled(m_browser->usesPassword(currentCloud()));
}

void ImagesPanel::forgetSavedPassword()
{
    const QString cloud = currentCloud();
    if (!m_forgetPassword->isEnabled())
        return;
    m_keyringNote->setText(tr("Removing the password of cloud %1 from the desktop keyring…").arg(cloud));
    m_keyringNote->show();
    m_browser->forgetPassword(cloud);
}

void ImagesPanel::onPasswordForgotten(const QString &cloud, CloudKeyring::Forgotten outcome, const QString &reason)
{
    switch (outcome) {
    case CloudKeyring::Forgotten::Removed:
        m_keyringNote->setText(
            tr("The password of cloud %1 was removed from the desktop keyring. Refresh asks for it again.").arg(cloud));
        break;
    case CloudKeyring::Forgotten::NothingStored:
        m_keyringNote->setText(
            tr("The desktop keyring holds no password for cloud %1: nothing to remove. Refresh asks for it again.")
                .arg(cloud));
        break;
    case CloudKeyring::Forgotten::Failed:
        m_keyringNote->setText(
            tr("The password of cloud %1 could not be removed: the desktop keyring cannot be reached (%2). "
               "Cowherd forgot its own copy; Refresh asks for it again.")
                .arg(cloud, reason));
        break;
    }
    m_keyringNote->show();
    Q_EMIT forgetPasswordFinished(cloud, outcome == CloudKeyring::Forgotten::Removed);
}

QString ImagesPanel::currentImageId() const
{
    return m_view->currentKey();
}

bool ImagesPanel::selectImage(const QString &id)
{
    const bool found = m_view->selectKey(id);
    updateActions();
    return found;
}

QList<quint64> ImagesPanel::precache(const QString &imageId, const QStringList &hostNames)
{
    const CloudBrowser::SessionPtr session = m_browser->session(currentCloud());
    const source::GlanceImage *image = m_model->image(imageId);
    if (!session || !image)
        return {};
    const QString label = image->name.isEmpty() ? image->id : image->name;
    QList<quint64> ids;
    for (const host::HostConfig &host : m_scheduler->hosts()) {
        if (hostNames.contains(host.name))
            ids.append(m_tasks->submit(tr("Pre-cache %1 on %2").arg(label, host.name), host.name,
                ImageTasks::precache(host, session, image->id)));
    }
    if (!ids.isEmpty())
        Q_EMIT tasksSubmitted(ids);
    return ids;
}

void ImagesPanel::launchSelected()
{
    const source::GlanceImage *image = m_model->image(currentImageId());
    if (!image || !m_launch->isEnabled() || !m_launchHandler)
        return;
    m_launchHandler(m_browser->session(currentCloud()), *image, m_model->isCached(image->id));
}

void ImagesPanel::precacheSelected()
{
    if (m_precache->isEnabled())
        precache(currentImageId(), {m_currentHost});
}

void ImagesPanel::precacheOnHostsSelected()
{
    const source::GlanceImage *image = m_model->image(currentImageId());
    if (!image || !m_precacheHosts->isEnabled())
        return;
    PrecacheDialog dialog(*image, m_scheduler, m_currentHost, this);
    if (dialog.exec() == QDialog::Accepted)
        precache(image->id, dialog.selectedHosts());
}

ImportDialog *ImagesPanel::openImportDialog()
{
    const QList<host::HostConfig> hosts = m_scheduler->hosts();
    const auto host = std::find_if(
        hosts.begin(), hosts.end(), [this](const host::HostConfig &h) { return h.name == m_currentHost; });
    if (host == hosts.end())
        return nullptr;
    auto *dialog = new ImportDialog(m_tasks, *host, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImportDialog::importSubmitted, this, [this](quint64 id) { Q_EMIT tasksSubmitted({id}); });
    dialog->show();
    return dialog;
}

std::optional<ImagesPanel::PasswordAnswer> ImagesPanel::promptWithDialog(
    const QString &cloud, const QString &who, const QString &keyringUnavailable)
{
    CloudPasswordDialog dialog(cloud, who, keyringUnavailable, this);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return PasswordAnswer{dialog.password(), dialog.keepInKeyring()};
}

} // namespace cowherd::ui
