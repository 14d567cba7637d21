#pragma once

#include "error.h"

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace cowherd::source {

// One cloud as every OpenStack client reads it: a clouds.yaml entry merged with secure.yaml,
// or the OS_* variables. Holds secrets: never log it or put it in a message.
struct CloudConfig
{
    QString name; // the clouds.yaml key, "envvars" for OS_*
    QString origin; // the file (or "the OS_* variables") it came from, for messages
    QString authType = QStringLiteral("password"); // password, v3applicationcredential, none
    QString authUrl;
    QString username;
    QString userId;
    QString password;
    QString userDomainName;
    QString userDomainId;
    QString projectName;
    QString projectId;
    QString projectDomainName;
    QString projectDomainId;
    QString applicationCredentialId;
    QString applicationCredentialName;
    QString applicationCredentialSecret;
    QString endpoint; // auth_type none: the Glance URL
    QString imageEndpointOverride;
    QString regionName;
    QString interface = QStringLiteral("public");
    QString caCert;

    bool usesKeystone() const { return authType != u"none"; }
};

// Whether a password auth without a password is an error (the CLI), or left for the caller to
// ask for (the GUI asks and may keep it in the desktop keyring).
enum class MissingPassword
{
    Fails,
    Allowed
};

// True when the cloud uses password auth and none was configured.
bool needsPassword(const CloudConfig &cloud);

// The clouds.yaml files an OpenStack client reads, first found wins: $OS_CLIENT_CONFIG_FILE,
// ./clouds.yaml, ~/.config/openstack/clouds.yaml, /etc/openstack/clouds.yaml.
QStringList cloudsYamlSearchPath(const QProcessEnvironment &environment);

// Parses the cloud called name from clouds.yaml text, with secure.yaml (may be empty) merged
// over it. origin names the file in messages.
Result<CloudConfig> parseCloudsYaml(const QByteArray &clouds, const QByteArray &secure, const QString &name,
    const QString &origin, MissingPassword missing = MissingPassword::Fails);

// OS_AUTH_URL, OS_USERNAME, OS_PASSWORD, OS_PROJECT_NAME, … (OS_AUTH_TYPE none + OS_ENDPOINT).
Result<CloudConfig> cloudFromEnvironment(
    const QProcessEnvironment &environment, MissingPassword missing = MissingPassword::Fails);

// --cloud NAME, else $OS_CLOUD, from the search path (or cloudsYaml when given: tests);
// with neither, the OS_* variables (also for the name "envvars", as openstacksdk does).
Result<CloudConfig> loadCloud(const QString &name, const QString &cloudsYaml = {},
    const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
    MissingPassword missing = MissingPassword::Fails);

// The clouds a user has configured: the names in the first clouds.yaml found (or cloudsYaml),
// sorted, then "envvars" when the OS_* variables describe a cloud. Never fails: a file that
// cannot be read gives no names (loadCloud() then says why).
QStringList configuredCloudNames(
    const QString &cloudsYaml = {}, const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());

} // namespace cowherd::source
