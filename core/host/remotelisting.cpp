#include "host/remotelisting.h"

#include "host/process.h"
#include "host/shellquote.h"

#include <QDir>
#include <QHash>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cowherd::host {

namespace {

constexpr qint64 metadataHeadBytes = 64 * 1024;
constexpr qsizetype maxFieldBytes = 64 * 1024; // a path or a number; PATH_MAX is 4096
constexpr qint64 maxRecords = 10'000'000;

// Shared by both scripts: h PATH BYTES emits one head record.
constexpr auto scriptPrelude = R"SH(set -u
export LC_ALL=C
h() { printf 'H\0%s\0' "$1"; head -c "$2" -- "$1" 2>/dev/null | base64 -w0; printf '\0'; }
st() { find "$2" -maxdepth 0 -printf "$1"'\0%y\0%Y\0%s\0%b\0%T@\0%A@\0%p\0' 2>/dev/null; }
printf 'COWHERD1\0'
)SH";

constexpr auto listingBody = R"SH(if [ ! -e "$I" ]; then r='No such file or directory'
elif [ ! -d "$I" ]; then r='Not a directory'
elif [ ! -r "$I" ] || [ ! -x "$I" ]; then r='Permission denied'
elif [ -d "$I/_base" ] && { [ ! -r "$I/_base" ] || [ ! -x "$I/_base" ]; }; then r="$I/_base: Permission denied"
else r=''; fi
if [ -n "$r" ]; then printf 'E\0%s\0X\0' "$r"; exit 0; fi
find "$I" -mindepth 1 -maxdepth 2 -printf 'T\0%y\0%Y\0%s\0%b\0%T@\0%A@\0%p\0' 2>/dev/null
find "$I" -mindepth 1 -maxdepth 2 -type l -exec find -L {} -maxdepth 0 -printf 'L\0%y\0%Y\0%s\0%b\0%T@\0%A@\0%p\0' ';' 2>/dev/null
if [ -d "$I/_base/.cowherd" ]; then
  find "$I/_base/.cowherd" -mindepth 1 -maxdepth 1 -name '*.json' -printf 'M\0%y\0%Y\0%s\0%b\0%T@\0%A@\0%p\0' 2>/dev/null
fi
if [ -z "${COWHERD_NO_PERL:-}" ] && command -v perl >/dev/null 2>&1; then
  perl -e '
    my ($I, $NB, $ND, $NM) = @ARGV;
    sub h { my ($p, $n) = @_; return unless -f $p; my $d = "";
      if (open(my $f, "<:raw", $p)) { read($f, $d, $n); close($f); }
      print "Y\0$p\0", unpack("H*", $d), "\0"; }
    sub names { my ($d) = @_; opendir(my $h, $d) or return (); my @n = grep { !/^\./ } readdir($h); closedir($h); @n }
    h("$I/_base/$_", $NB) for names("$I/_base");
    for my $d (names($I)) { next if $d eq "_base";
      for (names("$I/$d")) { h("$I/$d/$_", $ND) if $_ eq "disk" || (/^disk\./ && $_ ne "disk.info"); } }
    for (names("$I/_base/.cowherd")) { h("$I/_base/.cowherd/$_", $NM) if /\.json$/; }
  ' "$I" "$NB" "$ND" "$NM"
else
  for f in "$I"/_base/*; do [ -f "$f" ] && h "$f" "$NB"; done
  for f in "$I"/*/disk "$I"/*/disk.*; do
    case $f in */disk.info|"$I"/_base/*) continue;; esac
    [ -f "$f" ] && h "$f" "$ND"
  done
  for f in "$I"/_base/.cowherd/*.json; do [ -f "$f" ] && h "$f" "$NM"; done
fi
printf 'X\0'
)SH";

constexpr auto probeBody = R"SH(for p in "$@"; do
  if [ -e "$p" ] || [ -L "$p" ]; then
    st P "$p"
    if [ -L "$p" ]; then find -L "$p" -maxdepth 0 -printf 'L\0%y\0%Y\0%s\0%b\0%T@\0%A@\0%p\0' 2>/dev/null; fi
    if [ "$N" -gt 0 ] && [ -f "$p" ]; then h "$p" "$N"; fi
  else
    printf 'N\0%s\0' "$p"
  fi
done
printf 'X\0'
)SH";

struct StatRecord
{
    char type = '?'; // %y: of the entry itself
    char followed = '?'; // %Y: after following a symbolic link (N: dangling, L: loop)
    qint64 size = 0;
    qint64 blocks = 0;
    QDateTime mtime;
    QDateTime atime;
    QString path;
};

class Reader
{
public:
    explicit Reader(QByteArrayView data)
        : m_data(data)
    {
    }
    bool atEnd() const { return m_pos >= m_data.size(); }
    // The next NUL-terminated field; fails on a missing terminator or an oversized field.
    std::optional<QByteArrayView> field(qsizetype maxBytes = maxFieldBytes)
    {
        if (atEnd())
            return std::nullopt;
        const qsizetype end = m_data.indexOf('\0', m_pos);
        if (end < 0 || end - m_pos > maxBytes)
            return std::nullopt;
        const QByteArrayView f = m_data.sliced(m_pos, end - m_pos);
        m_pos = end + 1;
        return f;
    }

private:
    QByteArrayView m_data;
    qsizetype m_pos = 0;
};

std::optional<qint64> number(QByteArrayView text)
{
    if (text.isEmpty() || text.size() > 20)
        return std::nullopt;
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < 0)
        return std::nullopt;
    return value;
}

// find's %T@: seconds since the epoch with a fraction ("1700000000.1234567890").
std::optional<QDateTime> timestamp(QByteArrayView text)
{
    const qsizetype dot = text.indexOf('.');
    const auto seconds = number(dot < 0 ? text : text.first(dot));
    if (!seconds || *seconds > qint64(1) << 40)
        return std::nullopt;
    qint64 ms = *seconds * 1000;
    if (dot >= 0) {
        const QByteArrayView fraction = text.sliced(dot + 1);
        qint64 scale = 100;
        for (qsizetype i = 0; i < fraction.size() && i < 3; ++i, scale /= 10) {
            const char c = fraction.at(i);
            if (c < '0' || c > '9')
                return std::nullopt;
            ms += (c - '0') * scale;
        }
    }
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

std::optional<StatRecord> readStat(Reader &reader)
{
    StatRecord r;
    const auto type = reader.field(), followed = reader.field(), size = reader.field(), blocks = reader.field(),
               mtime = reader.field(), atime = reader.field(), path = reader.field();
    if (!path || type->size() != 1 || followed->size() != 1)
        return std::nullopt;
    const auto s = number(*size), b = number(*blocks);
    const auto m = timestamp(*mtime), a = timestamp(*atime);
    if (!s || !b || !m || !a || path->isEmpty())
        return std::nullopt;
    r.type = type->at(0);
    r.followed = followed->at(0);
    r.size = *s;
    r.blocks = *b;
    r.mtime = *m;
    r.atime = *a;
    r.path = QString::fromUtf8(*path);
    return r;
}

FileEntry toEntry(const StatRecord &r, const StatRecord *target)
{
    FileEntry e;
    e.path = r.path;
    e.name = r.path.mid(r.path.lastIndexOf(u'/') + 1);
    e.isSymlink = r.type == 'l';
    const StatRecord &s = (e.isSymlink && target) ? *target : r;
    if (e.isSymlink && (r.followed == 'N' || r.followed == 'L' || r.followed == '?' || !target || target->type == 'l')) {
        e.error = r.followed == 'L' ? u"symbolic link loop"_s : u"dangling symbolic link"_s;
        return e;
    }
    e.exists = true;
    e.isDir = s.type == 'd';
    e.isFile = s.type == 'f';
    e.apparentSize = s.size;
    e.allocatedSize = s.blocks * 512;
    e.mtime = s.mtime;
    e.atime = s.atime;
    return e;
}

struct RawOutput
{
    QList<StatRecord> stats; // T, M or P, in order
    QHash<QString, StatRecord> followed; // L, by path
    QHash<QString, QByteArray> heads; // H, by path
    QHash<QString, QString> missing; // N, by path
    QString error; // E
};

Result<RawOutput> readOutput(QByteArrayView output, qint64 maxHeadBytes, const QString &hostName)
{
    auto garbled = [&](const QString &why) {
        return fail(Error::Kind::Corrupt, u"The answer from %1 is not a Cowherd listing (%2). Check that the host runs a POSIX sh "
                    "with GNU find, head and base64, and that nothing in the login scripts prints to "
                    "standard output."_s.arg(hostName, why));
    };
    Reader reader(output);
    const auto magic = reader.field(16);
    if (!magic || *magic != "COWHERD1")
        return garbled(u"no header"_s);
    RawOutput raw;
    const qsizetype maxHeadField = qsizetype((maxHeadBytes + 2) / 3 * 4 + 4);
    for (qint64 records = 0; records < maxRecords; ++records) {
        const auto tag = reader.field(4);
        if (!tag)
            return fail(Error::Kind::Corrupt, u"The listing from %1 was cut short; the SSH connection may have dropped. Try "
                        "again."_s.arg(hostName));
        if (*tag == "X")
            return raw;
        if (*tag == "T" || *tag == "M" || *tag == "P" || *tag == "L") {
            auto stat = readStat(reader);
            if (!stat)
                return garbled(u"a malformed file record"_s);
            if (*tag == "L")
                raw.followed.insert(stat->path, *stat);
            else
                raw.stats.append(std::move(*stat));
        } else if (*tag == "H") {
            const auto path = reader.field();
            const auto data = path ? reader.field(maxHeadField) : std::nullopt;
            if (!data)
                return garbled(u"a malformed or oversized header record"_s);
            auto decoded = QByteArray::fromBase64Encoding(data->toByteArray(), QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded)
                return garbled(u"invalid base64"_s);
            raw.heads.insert(QString::fromUtf8(*path), (*decoded).left(maxHeadBytes));
        } else if (*tag == "Y") { // hex, from perl (base64 needs a module perl-base lacks)
            const auto path = reader.field();
            const auto data = path ? reader.field(qsizetype(maxHeadBytes * 2)) : std::nullopt;
            if (!data)
                return garbled(u"a malformed or oversized header record"_s);
            const bool hex = data->size() % 2 == 0 && std::all_of(data->begin(), data->end(), [](char c) {
                return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
            });
            if (!hex)
                return garbled(u"invalid hex"_s);
            raw.heads.insert(QString::fromUtf8(*path), QByteArray::fromHex(data->toByteArray()));
        } else if (*tag == "N") {
            const auto path = reader.field();
            if (!path)
                return garbled(u"a malformed record"_s);
            raw.missing.insert(QString::fromUtf8(*path), u"No such file or directory"_s);
        } else if (*tag == "E") {
            const auto reason = reader.field(4096);
            if (!reason)
                return garbled(u"a malformed error record"_s);
            raw.error = QString::fromUtf8(*reason);
        } else {
            return garbled(u"an unknown record"_s);
        }
    }
    return garbled(u"too many records"_s);
}

bool byName(const FileEntry &a, const FileEntry &b)
{
    return a.name < b.name;
}

} // namespace

bool isDiskFileName(QStringView name)
{
    // Nova keeps disk, disk.local, disk.swap, disk.eph0, disk.config, disk.rescue; disk.info is JSON.
    return name == u"disk" || (name.startsWith(u"disk.") && name != u"disk.info");
}

bool isInstanceDirectoryName(QStringView name)
{
    return name != u"_base" && name != u"locks" && name != u"snapshots" && !name.startsWith(u'.')
        && !name.endsWith(u"_del") && !name.endsWith(u"_resize");
}

QByteArray cacheListingScript(const QString &instancesPath, const ListOptions &options)
{
    const QString values = u"I=%1\nNB=%2\nND=%3\nNM=%4\n"_s.arg(shellQuote(QDir::cleanPath(instancesPath)))
                               .arg(std::max<qint64>(options.baseHeadBytes, 0))
                               .arg(std::max<qint64>(options.diskHeadBytes, 0))
                               .arg(metadataHeadBytes);
    return QByteArray(scriptPrelude) + values.toUtf8() + QByteArray(listingBody);
}

QByteArray probeScript(const QStringList &paths, qint64 headBytes)
{
    QString values = u"N=%1\nset --"_s.arg(std::max<qint64>(headBytes, 0));
    for (const QString &p : paths)
        values += u" \\\n"_s + shellQuote(p);
    values += u'\n';
    return QByteArray(scriptPrelude) + values.toUtf8() + QByteArray(probeBody);
}

Result<CacheListing> parseCacheListing(QByteArrayView output, const QString &instancesPath,
    const ListOptions &options, const QString &hostName)
{
    const qint64 maxHead = std::max({options.baseHeadBytes, options.diskHeadBytes, metadataHeadBytes});
    auto raw = readOutput(output, maxHead, hostName);
    if (!raw)
        return std::unexpected(raw.error());
    CacheListing listing;
    listing.instancesPath = QDir::cleanPath(instancesPath);
    listing.basePath = listing.instancesPath + u"/_base"_s;
    if (!raw->error.isEmpty())
        return fail(kindOfToolMessage(raw->error), u"Cannot read the instances path %1 on %2: %3. Check the path in the host's settings and "
                    "that you may read it."_s.arg(listing.instancesPath, hostName, raw->error));

    const QString prefix = listing.instancesPath + u'/';
    const QString metaPrefix = listing.basePath + u"/.cowherd/"_s;
    QHash<QString, qsizetype> instanceIndex; // name -> index in instanceDirectories
    QList<std::pair<QString, FileEntry>> instanceFiles; // parent name, entry
    auto headFor = [&](FileEntry &e, qint64 bytes) {
        if (e.isFile && bytes > 0)
            e.head = raw->heads.value(e.path).left(bytes);
    };
    for (const StatRecord &r : std::as_const(raw->stats)) {
        if (!r.path.startsWith(prefix))
            return fail(Error::Kind::Corrupt, u"The listing from %1 names %2, outside %3; refusing it."_s.arg(hostName, r.path, prefix));
        const auto target = raw->followed.constFind(r.path);
        FileEntry e = toEntry(r, target == raw->followed.cend() ? nullptr : &*target);
        if (r.path.startsWith(metaPrefix)) {
            if (r.path.indexOf(u'/', metaPrefix.size()) < 0) {
                headFor(e, metadataHeadBytes);
                listing.metadata.append(std::move(e));
            }
            continue;
        }
        const QString relative = r.path.mid(prefix.size());
        const qsizetype slash = relative.indexOf(u'/');
        if (slash < 0) {
            if (relative == u"_base") {
                listing.baseExists = e.isDir;
            } else if (isInstanceDirectoryName(relative) && e.isDir && !e.isSymlink) {
                instanceIndex.insert(relative, listing.instanceDirectories.size());
                listing.instanceDirectories.append({relative, e.path, {}});
            }
            continue;
        }
        const QString parent = relative.left(slash);
        if (parent == u"_base") {
            if (!e.name.startsWith(u'.') && !e.isDir) {
                headFor(e, options.baseHeadBytes);
                listing.baseFiles.append(std::move(e));
            }
        } else if (isDiskFileName(e.name)) {
            headFor(e, options.diskHeadBytes);
            instanceFiles.append({parent, std::move(e)});
        } else if (e.name == u"disk.info") {
            instanceFiles.append({parent, std::move(e)});
        }
    }
    for (auto &[parent, entry] : instanceFiles) {
        const auto it = instanceIndex.constFind(parent);
        if (it != instanceIndex.cend())
            listing.instanceDirectories[*it].files.append(std::move(entry));
    }
    std::sort(listing.baseFiles.begin(), listing.baseFiles.end(), byName);
    std::sort(listing.metadata.begin(), listing.metadata.end(), byName);
    std::sort(listing.instanceDirectories.begin(), listing.instanceDirectories.end(),
        [](const InstanceDirectory &a, const InstanceDirectory &b) { return a.name < b.name; });
    for (InstanceDirectory &dir : listing.instanceDirectories)
        std::sort(dir.files.begin(), dir.files.end(), byName);
    return listing;
}

Result<QList<FileEntry>> parseProbe(QByteArrayView output, const QStringList &paths, qint64 headBytes,
    const QString &hostName)
{
    auto raw = readOutput(output, std::max<qint64>(headBytes, 0), hostName);
    if (!raw)
        return std::unexpected(raw.error());
    QHash<QString, FileEntry> found;
    for (const StatRecord &r : std::as_const(raw->stats)) {
        const auto target = raw->followed.constFind(r.path);
        FileEntry e = toEntry(r, target == raw->followed.cend() ? nullptr : &*target);
        if (e.isFile && headBytes > 0)
            e.head = raw->heads.value(e.path).left(headBytes);
        found.insert(r.path, std::move(e));
    }
    QList<FileEntry> entries;
    entries.reserve(paths.size());
    for (const QString &path : paths) {
        if (auto it = found.constFind(path); it != found.cend()) {
            entries.append(*it);
            continue;
        }
        FileEntry e;
        e.path = path;
        e.name = path.mid(path.lastIndexOf(u'/') + 1);
        e.vanished = raw->missing.contains(path);
        e.error = raw->missing.value(path, u"not reported by the host"_s);
        entries.append(std::move(e));
    }
    return entries;
}

} // namespace cowherd::host
