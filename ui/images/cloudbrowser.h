#pragma once

#include "error.h"
#include "images/cloudkeyring.h"
#include "source/cloudconfig.h"
#include "source/glanceclient.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace cowherd::source {
class CloudSession;
}

namespace cowherd::ui {

// The login and listing behind the Images tab, without widgets: reads the configured clouds
// (clouds.yaml, OS_*), logs in to a cloud (the desktop keyring first, then a person through the
// password prompt), keeps one authenticated session per cloud and lists its Glance images, each
// step off the UI thread. Only the latest list() call reports: a step of an older one is dropped.
// A password that a person typed is asked again after a failed listing; one from the keyring
// that the login refuses is removed from the keyring. ImagesPanel shows what it reports.
class CloudBrowser final : public QObject
{
    Q_OBJECT

public:
    using SessionPtr = std::shared_ptr<source::CloudSession>;

    struct PasswordAnswer
    {
        QString password;
        bool keep = false; // in the desktop keyring
    };
    // Asks a person for a cloud's password; who: "user at auth URL"; keyringUnavailable: why the
    // keyring cannot keep it (empty while it works). No answer or an empty one: not given.
    using PasswordPrompt = std::function<std::optional<PasswordAnswer>(
        const QString &cloud, const QString &who, const QString &keyringUnavailable)>;

    enum class Step
    {
        ReadingCloud, // its entry and its credentials
        Listing,
    };
    Q_ENUM(Step)

    enum class Failure
    {
        CloudEntry, // the cloud's entry cannot be read or used
        NoPassword, // nobody gave one
        Login, // the credentials were refused or are not allowed to list (isLoginFailure())
        KeyringPasswordRefused, // the password kept in the keyring was refused, and removed from it
        Glance, // Glance (or Keystone) could not be reached, or answered with another error
    };
    Q_ENUM(Failure)

    enum class NotKept
    {
        Declined, // the person chose not to keep it
        NoKeyring, // no desktop keyring can be reached; detail says why
        KeyringRefused, // the keyring refused to store it; detail says why
    };
    Q_ENUM(NotKept)

    explicit CloudBrowser(QObject *parent = nullptr);
    ~CloudBrowser() override;

    // Tests: read this clouds.yaml instead of the standard places.
    void setCloudsYaml(const QString &path) { m_cloudsYaml = path; }
    void setPasswordPrompt(PasswordPrompt prompt) { m_prompt = std::move(prompt); }
    CloudKeyring *keyring() const { return m_keyring; }

    // Reads the configured cloud names again, off the UI thread; forgets every session.
    void reloadClouds();
    QStringList clouds() const { return m_clouds; }

    // Logs in when the cloud has no session yet, then lists its images.
    void list(const QString &cloud);
    // The authenticated session of the cloud, or null.
    SessionPtr session(const QString &cloud) const { return m_sessions.value(cloud); }
    // The cloud logs in with a password (known once its entry was read).
    bool usesPassword(const QString &cloud) const { return m_passwordAuth.contains(cloud); }
    // Removes the cloud's password from the desktop keyring and from memory (its session
    // included): the next list() asks for it.
    void forgetPassword(const QString &cloud);

    // Whether a listing error is about the credentials (refused, or not allowed), not about
    // reaching Glance: decided by the error's kind, here only.
    static bool isLoginFailure(const Error &error);

Q_SIGNALS:
    void cloudsLoaded(const QStringList &clouds);
    void stepStarted(const QString &cloud, cowherd::ui::CloudBrowser::Step step);
    void imagesListed(const QString &cloud, const QList<cowherd::source::GlanceImage> &images);
    void listFailed(const QString &cloud, cowherd::ui::CloudBrowser::Failure failure, const QString &message);
    // A typed password: kept in the keyring, or why not.
    void passwordKept(const QString &cloud);
    void passwordNotKept(const QString &cloud, cowherd::ui::CloudBrowser::NotKept why, const QString &detail);
    // forgetPassword() finished; reason says why it failed.
    void passwordForgotten(const QString &cloud, cowherd::ui::CloudKeyring::Forgotten outcome, const QString &reason);
    // A session or whether a cloud uses a password changed: what the actions offer may change.
    void sessionsChanged();

private:
    void onCloudRead(quint64 generation, const QString &cloud, const Result<source::CloudConfig> &config);
    void askPassword(quint64 generation, source::CloudConfig config);
    void openSession(quint64 generation, source::CloudConfig config);
    void listImages(quint64 generation, const QString &cloud, const SessionPtr &session);
    void onListFailed(const QString &cloud, const Error &error);

    CloudKeyring *m_keyring;
    QString m_cloudsYaml;
    PasswordPrompt m_prompt;
    QStringList m_clouds;
    QHash<QString, SessionPtr> m_sessions; // cloud -> an authenticated session
    QSet<QString> m_askedPassword; // clouds whose password a person typed (asked again if refused)
    QSet<QString> m_keyringPassword; // clouds whose password is in the keyring (forgotten if refused)
    QSet<QString> m_passwordAuth; // clouds read so far that log in with a password
    quint64 m_generation = 0; // of the latest list()
};

} // namespace cowherd::ui
