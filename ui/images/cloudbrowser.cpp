#include "images/cloudbrowser.h"

#include "source/cloudsession.h"
#include "task/whenfinished.h"

#include <QProcessEnvironment>
#include <QtConcurrent>

namespace cowherd::ui {

using namespace Qt::StringLiterals;

namespace {

// A Glance that accepts the connection and then says nothing is given up on after this long.
constexpr int ListIdleTimeoutMs = 30000;

} // namespace

CloudBrowser::CloudBrowser(QObject *parent)
    : QObject(parent)
    , m_keyring(new CloudKeyring(this))
{
    setObjectName(u"cloudBrowser"_s);
}

CloudBrowser::~CloudBrowser() = default;

bool CloudBrowser::isLoginFailure(const Error &error)
{
    return error.is(Error::Kind::Authentication) || error.is(Error::Kind::Permission);
}

void CloudBrowser::reloadClouds()
{
    // Reading clouds.yaml is file I/O: not on this thread.
    task::whenFinished(QtConcurrent::run([yaml = m_cloudsYaml] { return source::configuredCloudNames(yaml); }), this,
        [this](const QStringList &names) {
            m_clouds = names;
            m_sessions.clear();
            Q_EMIT sessionsChanged();
            Q_EMIT cloudsLoaded(names);
        });
}

void CloudBrowser::list(const QString &cloud)
{
    if (cloud.isEmpty())
        return;
    const quint64 generation = ++m_generation;
    if (const SessionPtr session = m_sessions.value(cloud)) {
        listImages(generation, cloud, session);
        return;
    }
    Q_EMIT stepStarted(cloud, Step::ReadingCloud);
    task::whenFinished(QtConcurrent::run([cloud, yaml = m_cloudsYaml] {
        return source::loadCloud(
            cloud, yaml, QProcessEnvironment::systemEnvironment(), source::MissingPassword::Allowed);
    }),
        this, [this, generation, cloud](const Result<source::CloudConfig> &config) {
            onCloudRead(generation, cloud, config);
        });
}

void CloudBrowser::onCloudRead(quint64 generation, const QString &cloud, const Result<source::CloudConfig> &config)
{
    if (generation != m_generation)
        return;
    if (config && config->authType == u"password")
        m_passwordAuth.insert(cloud);
    else
        m_passwordAuth.remove(cloud);
    Q_EMIT sessionsChanged();
    if (!config) {
        Q_EMIT listFailed(cloud, Failure::CloudEntry, config.error().message);
        return;
    }
    if (!source::needsPassword(*config)) {
        openSession(generation, *config);
        return;
    }
    // The keyring first; a person only when it has nothing (or cannot be reached).
    m_keyring->readPassword(cloud, [this, generation, config = *config](bool found, const QString &password) mutable {
        if (generation != m_generation)
            return;
        if (found) {
            m_keyringPassword.insert(config.name);
            config.password = password;
            openSession(generation, std::move(config));
        } else {
            askPassword(generation, std::move(config));
        }
    });
}

void CloudBrowser::askPassword(quint64 generation, source::CloudConfig config)
{
    const QString cloud = config.name;
    const QString user = config.username.isEmpty() ? config.userId : config.username;
    const QString unavailable = m_keyring->unavailableReason();
    const std::optional<PasswordAnswer> answer
        = m_prompt ? m_prompt(cloud, tr("%1 at %2").arg(user, config.authUrl), unavailable) : std::nullopt;
    if (generation != m_generation)
        return;
    if (!answer || answer->password.isEmpty()) {
        Q_EMIT listFailed(cloud, Failure::NoPassword, {});
        return;
    }
    config.password = answer->password;
    m_askedPassword.insert(cloud);
    if (answer->keep) {
        m_keyring->storePassword(cloud, answer->password, [this, cloud](bool kept, const QString &reason) {
            if (kept) {
                m_keyringPassword.insert(cloud);
                Q_EMIT passwordKept(cloud);
            } else {
                Q_EMIT passwordNotKept(cloud, NotKept::KeyringRefused, reason);
            }
        });
    } else if (unavailable.isEmpty()) {
        Q_EMIT passwordNotKept(cloud, NotKept::Declined, {});
    } else {
        Q_EMIT passwordNotKept(cloud, NotKept::NoKeyring, unavailable);
    }
    openSession(generation, std::move(config));
}

void CloudBrowser::openSession(quint64 generation, source::CloudConfig config)
{
    const QString cloud = config.name;
    task::whenFinished(QtConcurrent::run([config = std::move(config)] {
        return source::sessionForCloud(config, {}, ListIdleTimeoutMs);
    }),
        this, [this, generation, cloud](const Result<SessionPtr> &session) {
            if (generation != m_generation)
                return;
            if (!session) {
                Q_EMIT listFailed(cloud, Failure::CloudEntry, session.error().message);
                return;
            }
            m_sessions.insert(cloud, *session);
            Q_EMIT sessionsChanged();
            listImages(generation, cloud, *session);
        });
}

void CloudBrowser::listImages(quint64 generation, const QString &cloud, const SessionPtr &session)
{
    Q_EMIT stepStarted(cloud, Step::Listing);
    task::whenFinished(QtConcurrent::run([session] { return source::GlanceClient(session).listImages(); }), this,
        [this, generation, cloud](const Result<QList<source::GlanceImage>> &images) {
            if (generation != m_generation)
                return;
            if (!images) {
                onListFailed(cloud, images.error());
                return;
            }
            Q_EMIT imagesListed(cloud, *images);
        });
}

void CloudBrowser::onListFailed(const QString &cloud, const Error &error)
{
    const bool login = isLoginFailure(error);
    if (m_askedPassword.contains(cloud))
        m_sessions.remove(cloud); // a typed password may be wrong: ask again on the next list()
    if (error.is(Error::Kind::Authentication) && m_keyringPassword.remove(cloud)) {
        // A kept password that Keystone refuses would be refused on every list(); one that is
        // only not allowed to list (Permission) is right and stays.
        m_keyring->forgetPassword(cloud);
        m_sessions.remove(cloud);
        Q_EMIT sessionsChanged();
        Q_EMIT listFailed(cloud, Failure::KeyringPasswordRefused, error.message);
        return;
    }
    Q_EMIT sessionsChanged();
    Q_EMIT listFailed(cloud, login ? Failure::Login : Failure::Glance, error.message);
}

void CloudBrowser::forgetPassword(const QString &cloud)
{
    if (!usesPassword(cloud))
        return;
    // The copy in memory goes too (the session logs in again with it): the next list() asks anew.
    m_keyringPassword.remove(cloud);
    m_askedPassword.remove(cloud);
    m_sessions.remove(cloud);
    Q_EMIT sessionsChanged();
    m_keyring->forgetPassword(cloud, [this, cloud](CloudKeyring::Forgotten outcome, const QString &reason) {
        Q_EMIT passwordForgotten(cloud, outcome, reason);
    });
}

} // namespace cowherd::ui
