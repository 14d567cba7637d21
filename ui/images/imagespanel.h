#pragma once

#include "images/cloudbrowser.h"
#include "source/glanceclient.h"

#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QToolBar;

namespace cowherd::source {
class CloudSession;
}
namespace cowherd::task {
class TaskManager;
}

namespace cowherd::ui {

class FilteredTableView;
class GlanceImageModel;
class HostBanner;
class ImportDialog;
class ScanScheduler;

// The Images tab: the Glance images of each configured cloud (clouds.yaml, OS_*), whether
// each is cached on the current host, and the actions on them — launch, pre-cache here,
// pre-cache on several hosts at once (one task per host, as Nova's aggregate pre-caching) —
// plus the import of files, archives and URLs. The login and listing are CloudBrowser's; this
// panel shows their states and asks for a missing password (a dialog).
class ImagesPanel final : public QWidget
{
    Q_OBJECT

public:
    using PasswordAnswer = CloudBrowser::PasswordAnswer;
    // Asks a person for a cloud's password (a dialog by default; tests answer themselves).
    using PasswordPrompt = CloudBrowser::PasswordPrompt;
    using LaunchHandler = std::function<void(
        std::shared_ptr<source::CloudSession> session, const source::GlanceImage &image, bool cachedHere)>;

    ImagesPanel(task::TaskManager *tasks, ScanScheduler *scheduler, QWidget *parent = nullptr);
    ~ImagesPanel() override;

    // Tests: read this clouds.yaml instead of the standard places.
    void setCloudsYaml(const QString &path) { m_browser->setCloudsYaml(path); }
    void setPasswordPrompt(PasswordPrompt prompt) { m_browser->setPasswordPrompt(std::move(prompt)); }
    void setLaunchHandler(LaunchHandler handler) { m_launchHandler = std::move(handler); }

    // Reads the configured cloud names again (off the UI thread), then lists the first cloud.
    void reloadClouds();
    void selectCloud(const QString &cloud);
    QString currentCloud() const;
    QStringList clouds() const;
    void setCurrentHost(const QString &hostName);
    // Lists the current cloud's images again.
    void refresh();

    QString currentImageId() const;
    bool selectImage(const QString &id);
    // Submits one pre-cache task per host, all running at once; returns their ids.
    QList<quint64> precache(const QString &imageId, const QStringList &hostNames);
    // Opens the import dialog for the current host (non-modal; deleted when closed).
    ImportDialog *openImportDialog();

    GlanceImageModel *model() const { return m_model; }
    FilteredTableView *view() const { return m_view; }
    HostBanner *banner() const { return m_banner; }
    QLabel *keyringNote() const { return m_keyringNote; }
    CloudKeyring *keyring() const { return m_browser->keyring(); }
    CloudBrowser *browser() const { return m_browser; }
    QList<QAction *> actions() const;
    QAction *importAction() const { return m_import; }
    QAction *refreshAction() const { return m_refresh; }
    QAction *forgetPasswordAction() const { return m_forgetPassword; }
    // Removes the current cloud's password from the desktop keyring and from memory; the
    // keyring note says what happened, then forgetPasswordFinished is emitted.
    void forgetSavedPassword();

Q_SIGNALS:
    void cloudsLoaded(const QStringList &clouds);
    void imagesListed(const QString &cloud, int count);
    void listFailed(const QString &cloud, const QString &message);
    void tasksSubmitted(const QList<quint64> &ids);
    void forgetPasswordFinished(const QString &cloud, bool removedFromKeyring);

private:
    void onCloudsLoaded(const QStringList &names);
    void onStepStarted(const QString &cloud, CloudBrowser::Step step);
    void onImagesListed(const QString &cloud, const QList<source::GlanceImage> &images);
    void onListFailed(const QString &cloud, CloudBrowser::Failure failure, const QString &message);
    void onPasswordNotKept(const QString &cloud, CloudBrowser::NotKept why, const QString &detail);
    void onPasswordForgotten(const QString &cloud, CloudKeyring::Forgotten outcome, const QString &reason);
    void createActions();
    QToolBar *createToolBar();
    void updateCached();
    void updateActions();
    void launchSelected();
    void precacheSelected();
    void precacheOnHostsSelected();
    std::optional<PasswordAnswer> promptWithDialog(
        const QString &cloud, const QString &who, const QString &keyringUnavailable);

    task::TaskManager *m_tasks;
    ScanScheduler *m_scheduler;
    CloudBrowser *m_browser;
    GlanceImageModel *m_model;
    QComboBox *m_cloudBox;
    HostBanner *m_banner;
    QLabel *m_keyringNote;
    FilteredTableView *m_view;
    QAction *m_refresh = nullptr;
    QAction *m_forgetPassword = nullptr;
    QAction *m_launch = nullptr;
    QAction *m_precache = nullptr;
    QAction *m_precacheHosts = nullptr;
    QAction *m_import = nullptr;

    QString m_currentHost;
    LaunchHandler m_launchHandler;
};

} // namespace cowherd::ui
