#include "novafixture.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QThread>

#include <algorithm>
#include <csignal>
#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace cowherd::test {

NovaFixture NovaFixture::load()
{
    NovaFixture f;
    const QString dir = qEnvironmentVariable("COWHERD_NOVA_DIR");
    QFile file(dir + u"/fixture.json"_s);
    if (dir.isEmpty() || !file.open(QIODevice::ReadOnly))
        return f;
    const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
    f.dir = dir;
    f.instancesPath = o[u"instances_path"_s].toString();
    f.novaConf = o[u"nova_conf"_s].toString();
    f.computeHost = o[u"compute_host"_s].toString();
    f.cloudsYaml = o[u"clouds_yaml"_s].toString();
    f.computeLog = o[u"nova_compute_log"_s].toString();
    f.computePidFile = o[u"nova_compute_pid_file"_s].toString();
    const QJsonObject cache = o[u"image_cache"_s].toObject();
    f.managerInterval = cache[u"manager_interval"_s].toInt();
    f.originalMinAge = cache[u"original_min_age_s"_s].toInt();
    f.resizedMinAge = cache[u"resized_min_age_s"_s].toInt();
    const QJsonObject images = o[u"images"_s].toObject();
    for (auto it = images.begin(); it != images.end(); ++it)
        f.images.insert(it.key(), it.value().toString());
    for (const QJsonValue &v : o[u"servers"_s].toArray()) {
        const QJsonObject s = v.toObject();
        f.servers.append(
            {s[u"name"_s].toString(), s[u"id"_s].toString(), s[u"image"_s].toString(), s[u"image_id"_s].toString(),
                s[u"project_name"_s].toString(), s[u"user_name"_s].toString(), s[u"domain"_s].toString()});
    }
    return f;
}

qint64 NovaFixture::computePid() const
{
    QFile file(computePidFile);
    return file.open(QIODevice::ReadOnly) ? file.readAll().trimmed().toLongLong() : 0;
}

qint64 NovaFixture::logSize() const
{
    return QFileInfo(computeLog).size();
}

namespace {

// oslo.log: "2026-12-03 08:22:14.263 14355 INFO nova.virt.libvirt.imagecache [req ...] message"
struct LogLine
{
    QString logger;
    QString message;
};

std::optional<LogLine> parseLine(const QString &line)
{
    static const QRegularExpression re(u"^\\S+ \\S+ \\d+ [A-Z]+ (\\S+) \\[[^\\]]*\\] (.*)$"_s);
    const auto m = re.match(line);
    if (!m.hasMatch())
        return std::nullopt;
    return LogLine{m.captured(1), m.captured(2)};
}

constexpr auto passStart = "Running periodic task ComputeManager._run_image_cache_manager_pass";
constexpr auto anyTask = "Running periodic task ";

// Reads the log from offset; returns the pass (and where it ended) once it is over.
std::optional<NovaCachePass> findPass(const QString &path, qint64 offset)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || !file.seek(offset))
        return std::nullopt;
    std::optional<NovaCachePass> pass;
    while (!file.atEnd()) {
        const QByteArray raw = file.readLine();
        if (!raw.endsWith('\n'))
            break; // a line still being written
        const auto line = parseLine(QString::fromUtf8(raw).trimmed());
        if (!line)
            continue;
        const QString &m = line->message;
        if (!pass) {
            if (m.startsWith(QLatin1StringView(passStart)))
                pass = NovaCachePass{};
            continue;
        }
        if (m.startsWith(QLatin1StringView(anyTask))) {
            pass->endOffset = file.pos() - raw.size();
            return pass;
        }
        if (line->logger != u"nova.virt.libvirt.imagecache")
            continue;
        const auto after = [&](QStringView prefix) { return m.mid(prefix.size()).split(u' ', Qt::SkipEmptyParts); };
        if (m.startsWith(u"Active base files: "))
            pass->active = after(u"Active base files: ");
        else if (m.startsWith(u"Unknown base file: "))
            pass->unknown += after(u"Unknown base file: ");
        else if (m.startsWith(u"Removable base files: "))
            pass->removable = after(u"Removable base files: ");
        else if (m.startsWith(u"Base, swap or ephemeral file too young to remove: "))
            pass->tooYoung += after(u"Base, swap or ephemeral file too young to remove: ");
        else if (m.startsWith(u"Removing base, swap or ephemeral file: "))
            pass->removed += after(u"Removing base, swap or ephemeral file: ");
    }
    return std::nullopt;
}

} // namespace

std::optional<NovaCachePass> NovaFixture::waitForCachePass(qint64 fromOffset, int timeoutMs) const
{
    QDeadlineTimer deadline(timeoutMs);
    do {
        if (auto pass = findPass(computeLog, fromOffset))
            return pass;
        QThread::msleep(100); // polling the log for a line nova-compute has not written yet
    } while (!deadline.hasExpired());
    return std::nullopt;
}

namespace {

// nova-compute's privsep daemons (privsep-helper --config-file <its nova.conf> ...): they do its
// privileged file work, the touch of a base file in use included, in processes of their own.
QList<pid_t> privsepHelpers(const QString &novaConf)
{
    QList<pid_t> pids;
    const QByteArray conf = QFile::encodeName(novaConf);
    const QDir proc(u"/proc"_s);
    for (const QString &entry : proc.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool ok = false;
        const int pid = entry.toInt(&ok);
        if (!ok)
            continue;
        QFile cmdline(proc.filePath(entry) + u"/cmdline"_s);
        if (!cmdline.open(QIODevice::ReadOnly))
            continue;
        const QList<QByteArray> argv = cmdline.readAll().split('\0');
        const bool helper = std::ranges::any_of(argv, [](const QByteArray &a) { return a.endsWith("privsep-helper"); });
        if (helper && argv.contains(conf))
            pids.append(pid_t(pid));
    }
    return pids;
}

} // namespace

NovaComputePause::NovaComputePause(const NovaFixture &nova, int timeoutMs)
{
    const auto pass = nova.waitForCachePass(nova.logSize(), timeoutMs);
    const qint64 pid = nova.computePid();
    if (!pass || pid <= 1)
        return;
    // Its privsep daemons too: nova-compute may have been stopped in the middle of the next pass,
    // after it asked one to touch a base file in use and before that was done.
    const QList<pid_t> helpers = privsepHelpers(nova.novaConf);
    if (::kill(pid_t(pid), SIGSTOP) != 0)
        return;
    m_pids.append(pid_t(pid));
    for (const pid_t helper : helpers)
        if (::kill(helper, SIGSTOP) == 0)
            m_pids.append(helper);
    // Where the pass was over: the task that ran next may be the next pass itself, stopped
    // mid-way, and it must count as "after the pause".
    m_offset = pass->endOffset;
}

NovaComputePause::~NovaComputePause()
{
    for (auto it = m_pids.crbegin(); it != m_pids.crend(); ++it)
        ::kill(*it, SIGCONT);
}

QMap<QString, QString> treeListing(const QString &root)
{
    QMap<QString, QString> listing;
    QDirIterator it(
        root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        struct stat st
        {
        };
        if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
            continue;
        listing.insert(path.mid(root.size() + 1),
            u"mode %1 uid %2 gid %3 size %4 mtime %5.%6 ctime %7.%8"_s.arg(st.st_mode, 0, 8)
                .arg(st.st_uid)
                .arg(st.st_gid)
                .arg(st.st_size)
                .arg(st.st_mtim.tv_sec)
                .arg(st.st_mtim.tv_nsec)
                .arg(st.st_ctim.tv_sec)
                .arg(st.st_ctim.tv_nsec));
    }
    return listing;
}

QString listingDiff(const QMap<QString, QString> &before, const QMap<QString, QString> &after)
{
    QStringList lines;
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (!after.contains(it.key()))
            lines << u"gone: %1 (%2)"_s.arg(it.key(), it.value());
        else if (after.value(it.key()) != it.value())
            lines << u"changed: %1 (%2 -> %3)"_s.arg(it.key(), it.value(), after.value(it.key()));
    }
    for (auto it = after.cbegin(); it != after.cend(); ++it)
        if (!before.contains(it.key()))
            lines << u"new: %1 (%2)"_s.arg(it.key(), it.value());
    return lines.join(u'\n');
}

QString novaCacheName(const QString &imageId)
{
    return QString::fromLatin1(QCryptographicHash::hash(imageId.toUtf8(), QCryptographicHash::Sha1).toHex());
}

} // namespace cowherd::test
