#pragma once

#include "source/cloudconfig.h"
#include "source/glanceclient.h"

#include <QHash>
#include <QSet>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QAction;
class QComboBox;
class QLabel;

namespace cowherd::source {
class CloudSession;
}
namespace cowherd::task {
class TaskManager;
}

namespace cowherd::ui {

class CloudKeyring;
class FilteredTableView;
class GlanceImageModel;
class HostBanner;
class ImportDialog;
class ScanScheduler;

// The Images tab: the Glance images of each configured cloud (clouds.yaml, OS_*), whether
// each is cached on the current host, and the actions on them — launch, pre-cache here,
// pre-cache on several hosts at once (one task per host, as Nova's aggregate pre-caching) —
// plus the import of files, archives and URLs. Clouds are read and listed off the UI thread;
// a missing password is asked for and may be kept in the desktop keyring.
class ImagesPanel final : public QWidget
{
    Q_OBJECT

public:
    struct PasswordAnswer
    {
        QString password;
        bool keep = false;
    };
    // Asks a person for a cloud's password (a dialog by default; tests answer themselves).
    using PasswordPrompt = std::function<std::optional<PasswordAnswer>(const QString &cloud, const QString &who,
        const QString &keyringUnavailable)>;
    using LaunchHandler = std::function<void(std::shared_ptr<source::CloudSession> session,
        const source::GlanceImage &image, bool cachedHere)>;

    ImagesPanel(task::TaskManager *tasks, ScanScheduler *scheduler, QWidget *parent = nullptr);
    ~ImagesPanel() override;

    // Tests: read this clouds.yaml instead of the standard places.
    void setCloudsYaml(const QString &path) { m_cloudsYaml = path; }
    void setPasswordPrompt(PasswordPrompt prompt) { m_prompt = std::move(prompt); }
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
    CloudKeyring *keyring() const { return m_keyring; }
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
    using SessionPtr = std::shared_ptr<source::CloudSession>;
    void onCloudLoaded(quint64 generation, const QString &cloud, const Result<source::CloudConfig> &config);
    void askPassword(quint64 generation, source::CloudConfig config);
    void openSession(quint64 generation, source::CloudConfig config);
    void list(quint64 generation, const QString &cloud, const SessionPtr &session);
    void showFailure(const QString &cloud, const QString &message, const QString &hint);
    void updateCached();
    void updateActions();
    void launchSelected();
    void precacheSelected();
    void precacheOnHostsSelected();
    std::optional<PasswordAnswer> promptWithDialog(const QString &cloud, const QString &who, const QString &keyringUnavailable);

    task::TaskManager *m_tasks;
    ScanScheduler *m_scheduler;
    CloudKeyring *m_keyring;
    GlanceImageModel *m_model;
    QComboBox *m_cloudBox;
    HostBanner *m_banner;
    QLabel *m_keyringNote;
    FilteredTableView *m_view;
    QAction *m_refresh;
    QAction *m_forgetPassword;
    QAction *m_launch;
    QAction *m_precache;
    QAction *m_precacheHosts;
    QAction *m_import;

    QString m_cloudsYaml;
    QString m_currentHost;
    PasswordPrompt m_prompt;
    LaunchHandler m_launchHandler;
    QHash<QString, SessionPtr> m_sessions; // cloud -> an authenticated session
    QSet<QString> m_askedPassword; // clouds whose password a person typed (asked again if refused)
    QSet<QString> m_keyringPassword; // clouds whose password is in the keyring (forgotten if refused)
    QSet<QString> m_passwordAuth; // clouds read so far that log in with a password
    quint64 m_generation = 0;
};

} // namespace cowherd::ui
