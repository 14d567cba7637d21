#pragma once

#include <sys/types.h>
// What the Nova fixture (tests/support/nova.sh, CTest fixture "nova") set up, read from
// $COWHERD_NOVA_DIR/fixture.json, and what tests do with its nova-compute: read the image cache
// manager's passes from its log, and hold it still between two passes.

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace cowherd::test {

struct NovaServer
{
    QString name; // Nova's server name (web-1)
    QString id; // the server's UUID, also its directory in the instances path
    QString imageName;
    QString imageId;
    QString projectName;
    QString userName;
    QString domain; // the libvirt domain (instance-00000001)
};

// One run of nova-compute's image cache manager (nova/virt/libvirt/imagecache.py), as logged.
struct NovaCachePass
{
    QStringList active; // "Active base files: ..."
    QStringList unknown; // "Unknown base file: ..."
    QStringList removable; // "Removable base files: ..."
    QStringList tooYoung; // "Base, swap or ephemeral file too young to remove: ..."
    QStringList removed; // "Removing base, swap or ephemeral file: ..."
    qint64 endOffset = 0; // where in the log the pass was over
};

class NovaFixture
{
public:
    // Empty (valid() false) outside ctest or when the fixture did not start.
    static NovaFixture load();
    bool valid() const { return !instancesPath.isEmpty(); }

    QString dir;
    QString instancesPath;
    QString basePath() const { return instancesPath + QStringLiteral("/_base"); }
    QString novaConf;
    QString computeHost;
    QString cloudsYaml;
    QString computeLog;
    QString computePidFile;
    int managerInterval = 0;
    int originalMinAge = 0;
    int resizedMinAge = 0;
    QList<NovaServer> servers;
    QMap<QString, QString> images; // name -> id

    qint64 computePid() const;
    qint64 logSize() const;
    // The first image cache pass that starts after fromOffset in nova-compute's log and is over
    // (another periodic task ran after it); nullopt when none did within timeoutMs.
    std::optional<NovaCachePass> waitForCachePass(qint64 fromOffset, int timeoutMs) const;
};

// Holds nova-compute and its privsep daemons still (SIGSTOP) from right after one of its image
// cache passes until it goes out of scope (SIGCONT), so that nothing of Nova's writes under the
// instances path meanwhile.
// Keep it short: Nova counts a compute service down after 60 s without a report.
class NovaComputePause
{
public:
    explicit NovaComputePause(const NovaFixture &nova, int timeoutMs = 60'000);
    ~NovaComputePause();
    NovaComputePause(const NovaComputePause &) = delete;
    NovaComputePause &operator=(const NovaComputePause &) = delete;
    bool paused() const { return !m_pids.isEmpty(); }
    // Where in nova-compute's log the pass before the stop was over: every later pass starts
    // after this, the one nova-compute may have begun just before it stopped included (that one
    // may have listed _base before the stop: see tst_nova_cachepass).
    qint64 logOffset() const { return m_offset; }

private:
    QList<pid_t> m_pids; // nova-compute, then its privsep daemons
    qint64 m_offset = 0;
};

// Every file and directory under root with its type, size, mode, owner and mtime (ns): what a
// run that writes nothing leaves unchanged. Access times are left out (reading sets them).
QMap<QString, QString> treeListing(const QString &root);

// What differs between two listings, one line per path (empty when they are the same).
QString listingDiff(const QMap<QString, QString> &before, const QMap<QString, QString> &after);

// sha1 hex of an image id: the base file name Nova gives it.
QString novaCacheName(const QString &imageId);

} // namespace cowherd::test
