#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace cowherd::test {

// The loopback HTTP(S) server of tests/support/httpfaults.py, serving files of root() with
// byte ranges and injected faults (?fault=truncate, drop-once, no-ranges, 404, 500, html, …).
class HttpFaultServer
{
public:
    // tls: serve https with a self-signed certificate made by openssl for 127.0.0.1.
    explicit HttpFaultServer(bool tls = false);
    ~HttpFaultServer();

    bool isRunning() const { return m_port > 0; }
    QString root() const { return m_root.path(); }
    QString url(const QString &path) const; // "http://127.0.0.1:PORT/<path>"
    QString certificateFile() const { return m_dir.path() + QStringLiteral("/cert.pem"); }

private:
    QTemporaryDir m_root;
    QTemporaryDir m_dir;
    QProcess m_process;
    bool m_tls;
    int m_port = 0;
};

// The Glance (and Keystone) fixtures of tests/support/glance.sh: COWHERD_GLANCE_DIR,
// COWHERD_GLANCE_URL (no-auth Glance), COWHERD_KEYSTONE_DIR (its clouds.yaml).
struct GlanceFixture
{
    QString url; // Glance root, "http://127.0.0.1:PORT"
    QString cloudsYaml; // clouds.yaml written by the fixture
    QByteArray token; // empty for the no-auth Glance

    static GlanceFixture noAuth();
    static GlanceFixture keystone();

    // Creates an image and uploads file (curl); returns its id or an empty string.
    QString createImage(const QString &name, const QString &diskFormat, const QString &file = {}) const;
    // GET /v2/images/{id} as JSON text.
    QByteArray show(const QString &id) const;
};

} // namespace cowherd::test
