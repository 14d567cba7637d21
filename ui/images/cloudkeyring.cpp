#include "images/cloudkeyring.h"

#include <qt6keychain/keychain.h>

#include <QPointer>

namespace cowherd::ui {

namespace {

bool backendMissing(QKeychain::Error error)
{
    return error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented
        || error == QKeychain::OtherError || error == QKeychain::AccessDenied;
}

} // namespace

CloudKeyring::CloudKeyring(QObject *parent)
    : QObject(parent)
{ }

QString CloudKeyring::serviceName()
{
    return QStringLiteral("Cowherd");
}

QString CloudKeyring::keyFor(const QString &cloud)
{
    return QStringLiteral("cloud/%1/password").arg(cloud);
}

void CloudKeyring::readPassword(const QString &cloud, std::function<void(bool, const QString &)> done)
{
    auto *job = new QKeychain::ReadPasswordJob(serviceName(), this);
    job->setKey(keyFor(cloud));
    job->setInsecureFallback(false);
    connect(job, &QKeychain::Job::finished, this, [this, job, done = std::move(done)] {
        const QKeychain::Error error = job->error();
        if (error == QKeychain::NoError) {
            m_unavailable.clear();
            done(true, job->textData());
            return;
        }
        if (backendMissing(error))
            m_unavailable = job->errorString();
        done(false, {});
    });
    job->start();
}

void CloudKeyring::storePassword(
    const QString &cloud, const QString &password, std::function<void(bool, const QString &)> done)
{
    auto *job = new QKeychain::WritePasswordJob(serviceName(), this);
    job->setKey(keyFor(cloud));
    job->setInsecureFallback(false);
    job->setTextData(password);
    connect(job, &QKeychain::Job::finished, this, [this, job, done = std::move(done)] {
        if (job->error() == QKeychain::NoError) {
            m_unavailable.clear();
            done(true, {});
            return;
        }
        // QtKeychain's messages name the service and the D-Bus problem, never the data.
        const QString reason = job->errorString().isEmpty() ? tr("no keyring service answered") : job->errorString();
        if (backendMissing(job->error()))
            m_unavailable = reason;
        done(false, reason);
    });
    job->start();
}

void CloudKeyring::forgetPassword(const QString &cloud, std::function<void(Forgotten, const QString &)> done)
{
    const auto failed = [this](QKeychain::Job *job) {
        const QString reason = job->errorString().isEmpty() ? tr("no keyring service answered") : job->errorString();
        if (backendMissing(job->error()))
            m_unavailable = reason;
        return reason;
    };
    // Some backends (libsecret) delete a missing entry without an error: look first, so that
    // "nothing was stored" is told apart from "removed".
    auto *look = new QKeychain::ReadPasswordJob(serviceName(), this);
    look->setKey(keyFor(cloud));
    look->setInsecureFallback(false);
    connect(look, &QKeychain::Job::finished, this, [this, look, cloud, failed, done = std::move(done)] {
        if (look->error() == QKeychain::EntryNotFound) {
            m_unavailable.clear();
            if (done)
                done(Forgotten::NothingStored, {});
            return;
        }
        if (look->error() != QKeychain::NoError) {
            const QString reason = failed(look);
            if (done)
                done(Forgotten::Failed, reason);
            return;
        }
        auto *job = new QKeychain::DeletePasswordJob(serviceName(), this);
        job->setKey(keyFor(cloud));
        job->setInsecureFallback(false);
        connect(job, &QKeychain::Job::finished, this, [this, job, failed, done] {
            const QKeychain::Error error = job->error();
            if (error == QKeychain::NoError || error == QKeychain::EntryNotFound) {
                m_unavailable.clear();
                if (done)
                    done(error == QKeychain::NoError ? Forgotten::Removed : Forgotten::NothingStored, {});
                return;
            }
            const QString reason = failed(job);
            if (done)
                done(Forgotten::Failed, reason);
        });
        job->start();
    });
    look->start();
}

} // namespace cowherd::ui
