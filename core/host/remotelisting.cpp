#include "host/remotelisting.h"

#include "host/process.h"
#include "host/remoteanswer.h"
#include "host/shellquote.h"

#include <QDir>
#include <QHash>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace cowherd::host {

namespace {

constexpr qint64 metadataHeadBytes = 64 * 1024;

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
find "$I" -mindepth 1 -maxdepth 2 -printf 'T\0%y\0%Y\0%s\0%b\0%T@\0%A@\0%p\0' \
  \( -type l -exec find -L {} -maxdepth 0 -printf 'L\0%y\0%Y\0%s\0%b\0%T@\0%A@\0%p\0' ';' \) 2>/dev/null
if [ -d "$I/_base/.cowherd" ]; then
  find "$I/_base/.cowherd" -mindepth 1 -maxdepth 1 -name '*.json' -printf 'M\0%y\0%Y\0%s\0%b\0%T@\0%A@\0%p\0' 2>/dev/null
fi
if [ -z "${COWHERD_NO_PERL:-}" ] && command -v perl >/dev/null 2>&1; then
  perl -e '
    my ($I, $NB, $ND, $NM) = @ARGV;
    sub h { my ($p, $n) = @_; return unless -f $p; my $d = "";
      if (open(my $f, "<:raw", $p)) { read($f, $d, $n); close($f); }
      print "R\0$p\0";
      for my $s (split /(\0{16,})/, $d) {
        print((length($s) >= 16 && $s !~ /[^\0]/) ? "z" . length($s) . ";" : unpack("H*", $s)); }
      print "\0"; }
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

FileEntry toEntry(const StatRecord &r, const StatRecord *target)
{
    FileEntry e;
    e.path = r.path;
    e.name = r.path.mid(r.path.lastIndexOf(u'/') + 1);
    e.isSymlink = r.type == 'l';
    const StatRecord &s = (e.isSymlink && target) ? *target : r;
    if (e.isSymlink
        && (r.followed == 'N' || r.followed == 'L' || r.followed == '?' || !target || target->type == 'l')) {
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

// Where a file that gets its head went in the listing.
struct CacheListingParser::Slot
{
    enum Kind
    {
        Base,
        Metadata,
        InstanceFile
    } kind
        = Base;
    qsizetype directory = -1; // InstanceFile: index in instanceDirectories
    qsizetype index = 0; // in baseFiles, metadata or the directory's files
    qint64 bytes = 0;
    bool image = false; // handed to ListOptions::onHead
};

CacheListingParser::CacheListingParser(
    const QString &instancesPath, const ListOptions &options, const QString &hostName)
    : m_options(options)
    , m_hostName(hostName)
    , m_reader(std::max({options.baseHeadBytes, options.diskHeadBytes, metadataHeadBytes}), hostName,
          {[this](char tag, StatRecord &&r) { return onStat(tag, std::move(r)); },
              [this](QByteArrayView path, const HeadRecord &head) { return onHead(path, head); }, {},
              [this](const QString &reason) { m_error = reason; }})
{
    m_listing.instancesPath = QDir::cleanPath(instancesPath);
    m_listing.basePath = m_listing.instancesPath + u"/_base"_s;
}

CacheListingParser::~CacheListingParser() = default;

Status CacheListingParser::feed(QByteArrayView chunk)
{
    return m_reader.feed(chunk);
}

Status CacheListingParser::onStat(char tag, StatRecord &&record)
{
    if (m_placed)
        return fail(Error::Kind::Corrupt,
            u"The answer from %1 is not a Cowherd listing (a file record after the headers)."_s.arg(m_hostName));
    if (tag == 'L')
        m_followed.insert(record.path, std::move(record));
    else
        m_stats.append(std::move(record));
    return {};
}

Status CacheListingParser::onHead(QByteArrayView path, const HeadRecord &head)
{
    // The script sends every file record before the first header: the files can be placed now.
    if (!m_placed) {
        if (auto placed = place(); !placed)
            return placed;
    }
    const auto slot = m_slots.constFind(QString::fromUtf8(path));
    if (slot == m_slots.cend())
        return {};
    FileEntry &e = slot->kind == Slot::Base ? m_listing.baseFiles[slot->index]
        : slot->kind == Slot::Metadata      ? m_listing.metadata[slot->index]
                                            : m_listing.instanceDirectories[slot->directory].files[slot->index];
    e.head = head.decode(slot->bytes);
    if (slot->image && m_options.onHead)
        m_options.onHead(e);
    return {};
}

Status CacheListingParser::place()
{
    m_placed = true;
    if (!m_error.isEmpty())
        return {}; // finish() reports it
    const QString prefix = m_listing.instancesPath + u'/';
    const QString metaPrefix = m_listing.basePath + u"/.cowherd/"_s;
    QHash<QString, qsizetype> instanceIndex; // name -> index in instanceDirectories
    struct InstanceFile
    {
        QString parent;
        FileEntry entry;
        bool disk = false;
    };
    QList<InstanceFile> instanceFiles;
    auto wantsHead = [&](const FileEntry &e, qint64 bytes) { return e.isFile && bytes > 0; };
    for (const StatRecord &r : std::as_const(m_stats)) {
        if (!r.path.startsWith(prefix))
            return fail(Error::Kind::Corrupt,
                u"The listing from %1 names %2, outside %3; refusing it."_s.arg(m_hostName, r.path, prefix));
        const auto target = m_followed.constFind(r.path);
        FileEntry e = toEntry(r, target == m_followed.cend() ? nullptr : &*target);
        if (r.path.startsWith(metaPrefix)) {
            if (r.path.indexOf(u'/', metaPrefix.size()) < 0) {
                if (wantsHead(e, metadataHeadBytes))
                    m_slots.insert(e.path, {Slot::Metadata, -1, m_listing.metadata.size(), metadataHeadBytes, false});
                m_listing.metadata.append(std::move(e));
            }
            continue;
        }
        const QString relative = r.path.mid(prefix.size());
        const qsizetype slash = relative.indexOf(u'/');
        if (slash < 0) {
            if (relative == u"_base") {
                m_listing.baseExists = e.isDir;
            } else if (isInstanceDirectoryName(relative) && e.isDir && !e.isSymlink) {
                instanceIndex.insert(relative, m_listing.instanceDirectories.size());
                m_listing.instanceDirectories.append({relative, e.path, {}});
            }
            continue;
        }
        const QString parent = relative.left(slash);
        if (parent == u"_base") {
            if (!e.name.startsWith(u'.') && !e.isDir) {
                if (wantsHead(e, m_options.baseHeadBytes))
                    m_slots.insert(e.path, {Slot::Base, -1, m_listing.baseFiles.size(), m_options.baseHeadBytes, true});
                m_listing.baseFiles.append(std::move(e));
            }
        } else if (isDiskFileName(e.name)) {
            instanceFiles.append({parent, std::move(e), true});
        } else if (e.name == u"disk.info") {
            instanceFiles.append({parent, std::move(e), false});
        }
    }
    for (InstanceFile &file : instanceFiles) {
        const auto it = instanceIndex.constFind(file.parent);
        if (it == instanceIndex.cend())
            continue;
        QList<FileEntry> &files = m_listing.instanceDirectories[*it].files;
        if (file.disk && wantsHead(file.entry, m_options.diskHeadBytes))
            m_slots.insert(file.entry.path, {Slot::InstanceFile, *it, files.size(), m_options.diskHeadBytes, true});
        files.append(std::move(file.entry));
    }
    // Only the listing is needed from here on.
    m_stats = {};
    m_followed = {};
    return {};
}

Result<CacheListing> CacheListingParser::finish()
{
    if (auto read = m_reader.finish(); !read)
        return std::unexpected(read.error());
    if (!m_error.isEmpty())
        return fail(kindOfToolMessage(m_error),
            u"Cannot read the instances path %1 on %2: %3. Check the path in the host's settings and "
            "that you may read it."_s.arg(m_listing.instancesPath, m_hostName, m_error));
    if (!m_placed) {
        if (auto placed = place(); !placed)
            return std::unexpected(placed.error());
    }
    m_slots = {};
    std::sort(m_listing.baseFiles.begin(), m_listing.baseFiles.end(), byName);
    std::sort(m_listing.metadata.begin(), m_listing.metadata.end(), byName);
    std::sort(m_listing.instanceDirectories.begin(), m_listing.instanceDirectories.end(),
        [](const InstanceDirectory &a, const InstanceDirectory &b) { return a.name < b.name; });
    for (InstanceDirectory &dir : m_listing.instanceDirectories)
        std::sort(dir.files.begin(), dir.files.end(), byName);
    return std::move(m_listing);
}

Result<CacheListing> parseCacheListing(
    QByteArrayView output, const QString &instancesPath, const ListOptions &options, const QString &hostName)
{
    CacheListingParser parser(instancesPath, options, hostName);
    (void)parser.feed(output);
    return parser.finish();
}

Result<QList<FileEntry>> parseProbe(
    QByteArrayView output, const QStringList &paths, qint64 headBytes, const QString &hostName)
{
    QList<StatRecord> stats; // P, in order
    QHash<QString, StatRecord> followed; // L, by path
    QHash<QString, QByteArray> heads;
    QHash<QString, QString> missing;
    headBytes = std::max<qint64>(headBytes, 0);
    AnswerReader reader(headBytes, hostName,
        {[&](char tag, StatRecord &&r) -> Status {
             if (tag == 'L')
                 followed.insert(r.path, std::move(r));
             else
                 stats.append(std::move(r));
             return {};
         },
            [&](QByteArrayView path, const HeadRecord &head) -> Status {
                heads.insert(QString::fromUtf8(path), head.decode(headBytes));
                return {};
            },
            [&](const QString &path) { missing.insert(path, u"No such file or directory"_s); }, {}});
    (void)reader.feed(output);
    if (auto read = reader.finish(); !read)
        return std::unexpected(read.error());
    QHash<QString, FileEntry> found;
    for (const StatRecord &r : std::as_const(stats)) {
        const auto target = followed.constFind(r.path);
        FileEntry e = toEntry(r, target == followed.cend() ? nullptr : &*target);
        if (e.isFile && headBytes > 0)
            e.head = heads.value(e.path).left(headBytes);
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
        e.vanished = missing.contains(path);
        e.error = missing.value(path, u"not reported by the host"_s);
        entries.append(std::move(e));
    }
    return entries;
}

} // namespace cowherd::host
