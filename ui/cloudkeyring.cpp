#include "cloudkeyring.h"

#include <qt6keychain/keychain.h>

#include <QPointer>

namespace cowherd::ui {

namespace {

bool backendMissing(QKeychain::Error error)
{
    return error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented || error == QKeychain::OtherError
        || error == QKeychain::AccessDenied;
}

} // namespace

CloudKeyring::CloudKeyring(QObject *parent)
    : QObject(parent)
{
}

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

void CloudKeyring::storePassword(const QString &cloud, const QString &password, std::function<void(bool, const QString &)> done)
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

void CloudKeyring::forgetPassword(const QString &cloud)
{
    auto *job = new QKeychain::DeletePasswordJob(serviceName(), this);
    job->setKey(keyFor(cloud));
    job->setInsecureFallback(false);
    job->start();
}

} // namespace cowherd::ui
