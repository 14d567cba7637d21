#include "source/cloudconfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QVariantMap>

#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;

namespace cowherd::source {

namespace {

// YAML aliases make a graph, not a tree: "a: &x {b: *x}" is a cycle, and nested aliases
// expand exponentially ("billion laughs"). A clouds.yaml is a few levels and a few hundred
// values deep; anything far beyond is refused instead of recursing or allocating without end.
constexpr int maxYamlDepth = 64;
constexpr int maxYamlNodes = 100000;
constexpr qsizetype maxYamlBytes = 4 * 1024 * 1024;

struct YamlTooComplex
{
};

QVariant toVariant(const YAML::Node &node, int depth, int &nodes)
{
    if (depth > maxYamlDepth || ++nodes > maxYamlNodes)
        throw YamlTooComplex();
    switch (node.Type()) {
    case YAML::NodeType::Map: {
        QVariantMap map;
        for (const auto &item : node)
            map.insert(QString::fromStdString(item.first.as<std::string>()), toVariant(item.second, depth + 1, nodes));
        return map;
    }
    case YAML::NodeType::Sequence: {
        QVariantList list;
        for (const auto &item : node)
            list.append(toVariant(item, depth + 1, nodes));
        return list;
    }
    case YAML::NodeType::Scalar:
        return QString::fromStdString(node.Scalar());
    default:
        return {};
    }
}

QVariantMap merged(QVariantMap base, const QVariantMap &over)
{
    for (auto it = over.begin(); it != over.end(); ++it) {
        if (it->typeId() == QMetaType::QVariantMap && base.value(it.key()).typeId() == QMetaType::QVariantMap)
            base.insert(it.key(), merged(base.value(it.key()).toMap(), it->toMap()));
        else
            base.insert(it.key(), *it);
    }
    return base;
}

Result<QVariantMap> loadYaml(const QByteArray &text, const QString &origin)
{
    if (text.trimmed().isEmpty())
        return QVariantMap();
    if (text.size() > maxYamlBytes)
        return fail(u"%1 is larger than %2 MiB; it is not a clouds.yaml."_s.arg(origin).arg(maxYamlBytes >> 20));
    try {
        const YAML::Node root = YAML::Load(text.toStdString());
        if (root.IsNull())
            return QVariantMap();
        if (!root.IsMap())
            return fail(Error::Kind::Corrupt, u"%1 is not a YAML mapping."_s.arg(origin));
        int nodes = 0;
        return toVariant(root, 0, nodes).toMap();
    } catch (const YamlTooComplex &) {
        return fail(u"%1 nests deeper than %2 levels or holds more than %3 values (counting what its aliases "
                    "repeat); it is not a clouds.yaml."_s.arg(origin)
                        .arg(maxYamlDepth)
                        .arg(maxYamlNodes));
    } catch (const YAML::Exception &e) {
        // mark holds line and column only; the message never quotes values (secrets).
        return fail(Error::Kind::Corrupt,
            u"%1 is not valid YAML (line %2, column %3)."_s.arg(origin).arg(e.mark.line + 1).arg(e.mark.column + 1));
    }
}

QString normalAuthType(QString type)
{
    type = type.trimmed().toLower();
    if (type.isEmpty() || type == u"v3password")
        return u"password"_s;
    if (type == u"applicationcredential" || type == u"v3applicationcredential")
        return u"v3applicationcredential"_s;
    return type;
}

Status validate(const CloudConfig &cloud, MissingPassword missing)
{
    if (cloud.authType == u"none") {
        if (cloud.endpoint.isEmpty())
            return fail(u"Cloud %1 (%2) uses auth_type none but gives no auth.endpoint (the Glance URL)."_s.arg(
                cloud.name, cloud.origin));
        return {};
    }
    if (cloud.authType != u"password" && cloud.authType != u"v3applicationcredential")
        return fail(Error::Kind::Unsupported,
            u"Cloud %1 (%2) uses auth_type %3; Cowherd supports password, v3applicationcredential and none."_s.arg(
                cloud.name, cloud.origin, cloud.authType));
    if (cloud.authUrl.isEmpty())
        return fail(u"Cloud %1 (%2) has no auth_url."_s.arg(cloud.name, cloud.origin));
    if (cloud.authType == u"password" && (cloud.username.isEmpty() && cloud.userId.isEmpty()))
        return fail(u"Cloud %1 (%2) has no username."_s.arg(cloud.name, cloud.origin));
    if (cloud.authType == u"password" && cloud.password.isEmpty() && missing == MissingPassword::Fails)
        return fail(Error::Kind::Authentication,
            u"Cloud %1 (%2) has no password (put it in secure.yaml or OS_PASSWORD)."_s.arg(cloud.name, cloud.origin));
    if (cloud.authType == u"v3applicationcredential" && cloud.applicationCredentialSecret.isEmpty())
        return fail(Error::Kind::Authentication,
            u"Cloud %1 (%2) has no application_credential_secret."_s.arg(cloud.name, cloud.origin));
    return {};
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

bool needsPassword(const CloudConfig &cloud)
{
    return cloud.authType == u"password" && cloud.password.isEmpty();
}

QStringList cloudsYamlSearchPath(const QProcessEnvironment &environment)
{
    QStringList paths;
    if (const QString file = environment.value(u"OS_CLIENT_CONFIG_FILE"_s); !file.isEmpty())
        paths.append(file);
    paths.append(QDir::currentPath() + u"/clouds.yaml"_s);
    const QString config = environment.value(u"XDG_CONFIG_HOME"_s, QDir::homePath() + u"/.config"_s);
    paths.append(config + u"/openstack/clouds.yaml"_s);
    paths.append(u"/etc/openstack/clouds.yaml"_s);
    return paths;
}

Result<CloudConfig> parseCloudsYaml(const QByteArray &clouds, const QByteArray &secure, const QString &name,
    const QString &origin, MissingPassword missing)
{
    auto main = loadYaml(clouds, origin);
    if (!main)
        return std::unexpected(main.error());
    auto secrets = loadYaml(secure, u"secure.yaml"_s);
    if (!secrets)
        return std::unexpected(secrets.error());
    const QVariantMap all = main->value(u"clouds"_s).toMap();
    if (!all.contains(name)) {
        return fail(Error::Kind::NotFound,
            u"%1 has no cloud named %2 (it has: %3)."_s.arg(
                origin, name, all.isEmpty() ? u"none"_s : QStringList(all.keys()).join(u", "_s)));
    }
    const QVariantMap entry = merged(all.value(name).toMap(), secrets->value(u"clouds"_s).toMap().value(name).toMap());
    const QVariantMap auth = entry.value(u"auth"_s).toMap();
    auto a = [&](const QString &key) { return auth.value(key).toString(); };
    CloudConfig cloud;
    cloud.name = name;
    cloud.origin = origin;
    cloud.authType = normalAuthType(entry.value(u"auth_type"_s).toString());
    cloud.authUrl = a(u"auth_url"_s);
    cloud.username = a(u"username"_s);
    cloud.userId = a(u"user_id"_s);
    cloud.password = a(u"password"_s);
    cloud.userDomainName = a(u"user_domain_name"_s);
    cloud.userDomainId = a(u"user_domain_id"_s);
    cloud.projectName = auth.contains(u"project_name"_s) ? a(u"project_name"_s) : a(u"tenant_name"_s);
    cloud.projectId = auth.contains(u"project_id"_s) ? a(u"project_id"_s) : a(u"tenant_id"_s);
    cloud.projectDomainName = a(u"project_domain_name"_s);
    cloud.projectDomainId = a(u"project_domain_id"_s);
    if (const QString domain = a(u"domain_name"_s); !domain.isEmpty()) {
        if (cloud.userDomainName.isEmpty())
            cloud.userDomainName = domain;
        if (cloud.projectDomainName.isEmpty())
            cloud.projectDomainName = domain;
    }
    cloud.applicationCredentialId = a(u"application_credential_id"_s);
    cloud.applicationCredentialName = a(u"application_credential_name"_s);
    cloud.applicationCredentialSecret = a(u"application_credential_secret"_s);
    cloud.endpoint = a(u"endpoint"_s);
    cloud.imageEndpointOverride = entry.value(u"image_endpoint_override"_s).toString();
    cloud.regionName = entry.value(u"region_name"_s).toString();
    if (const QString interface = entry.value(u"interface"_s).toString(); !interface.isEmpty())
        cloud.interface = interface;
    cloud.caCert = entry.value(u"cacert"_s).toString();
    const QString verify = entry.value(u"verify"_s).toString().toLower();
    if (verify == u"false" || verify == u"no" || verify == u"off")
        return fail(u"Cloud %1 (%2) sets verify: false. Cowherd never turns TLS verification off; set cacert "
                    "to the CA certificate of the cloud instead."_s.arg(name, origin));
    if (auto ok = validate(cloud, missing); !ok)
        return std::unexpected(ok.error());
    return cloud;
}

Result<CloudConfig> cloudFromEnvironment(const QProcessEnvironment &environment, MissingPassword missing)
{
    auto e = [&](const char *key) { return environment.value(QString::fromLatin1(key)); };
    CloudConfig cloud;
    cloud.name = u"envvars"_s;
    cloud.origin = u"the OS_* variables"_s;
    cloud.authType = normalAuthType(e("OS_AUTH_TYPE"));
    cloud.authUrl = e("OS_AUTH_URL");
    cloud.username = e("OS_USERNAME");
    cloud.userId = e("OS_USER_ID");
    cloud.password = e("OS_PASSWORD");
    cloud.userDomainName = e("OS_USER_DOMAIN_NAME");
    cloud.userDomainId = e("OS_USER_DOMAIN_ID");
    cloud.projectName = e("OS_PROJECT_NAME").isEmpty() ? e("OS_TENANT_NAME") : e("OS_PROJECT_NAME");
    cloud.projectId = e("OS_PROJECT_ID").isEmpty() ? e("OS_TENANT_ID") : e("OS_PROJECT_ID");
    cloud.projectDomainName = e("OS_PROJECT_DOMAIN_NAME");
    cloud.projectDomainId = e("OS_PROJECT_DOMAIN_ID");
    cloud.applicationCredentialId = e("OS_APPLICATION_CREDENTIAL_ID");
    cloud.applicationCredentialName = e("OS_APPLICATION_CREDENTIAL_NAME");
    cloud.applicationCredentialSecret = e("OS_APPLICATION_CREDENTIAL_SECRET");
    cloud.endpoint = e("OS_ENDPOINT");
    cloud.imageEndpointOverride = e("OS_IMAGE_URL");
    cloud.regionName = e("OS_REGION_NAME");
    if (!e("OS_INTERFACE").isEmpty())
        cloud.interface = e("OS_INTERFACE");
    cloud.caCert = e("OS_CACERT");
    if (cloud.authUrl.isEmpty() && cloud.endpoint.isEmpty())
        return fail(u"No cloud given: pass --cloud NAME (from clouds.yaml), set OS_CLOUD, or set the OS_* "
                    "variables (OS_AUTH_URL, OS_USERNAME, OS_PASSWORD, OS_PROJECT_NAME)."_s);
    if (auto ok = validate(cloud, missing); !ok)
        return std::unexpected(ok.error());
    return cloud;
}

Result<CloudConfig> loadCloud(
    const QString &name, const QString &cloudsYaml, const QProcessEnvironment &environment, MissingPassword missing)
{
    const QString wanted = name.isEmpty() ? environment.value(u"OS_CLOUD"_s) : name;
    if (wanted.isEmpty() || wanted == u"envvars")
        return cloudFromEnvironment(environment, missing);
    const QStringList candidates = cloudsYaml.isEmpty() ? cloudsYamlSearchPath(environment) : QStringList{cloudsYaml};
    for (const QString &path : candidates) {
        if (!QFileInfo(path).isFile())
            continue;
        const QString securePath = QFileInfo(path).absolutePath() + u"/secure.yaml"_s;
        return parseCloudsYaml(readFile(path), readFile(securePath), wanted, path, missing);
    }
    return fail(Error::Kind::NotFound,
        u"Cloud %1 is not configured: no clouds.yaml in %2."_s.arg(wanted, candidates.join(u", "_s)));
}

QStringList configuredCloudNames(const QString &cloudsYaml, const QProcessEnvironment &environment)
{
    QStringList names;
    const QStringList candidates = cloudsYaml.isEmpty() ? cloudsYamlSearchPath(environment) : QStringList{cloudsYaml};
    for (const QString &path : candidates) {
        if (!QFileInfo(path).isFile())
            continue;
        if (auto yaml = loadYaml(readFile(path), path))
            names = yaml->value(u"clouds"_s).toMap().keys();
        break;
    }
    names.sort();
    if (!environment.value(u"OS_AUTH_URL"_s).isEmpty() || !environment.value(u"OS_ENDPOINT"_s).isEmpty())
        names.append(u"envvars"_s);
    return names;
}

} // namespace cowherd::source
