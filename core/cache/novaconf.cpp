#include "cache/novaconf.h"

#include "host/transport.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace cowherd::cache {

namespace {

// Debian's nova: $pybasedir, the default of state_path.
const QString pythonBaseDir = u"/usr/lib/python3/dist-packages"_s;
constexpr qint64 maxFileBytes = 1024 * 1024;

// One file as oslo.config's parser reads it: group (normalised) -> key -> last value.
using Sections = QHash<QString, QHash<QString, QString>>;

QString normalisedGroup(const QString &group)
{
    return group == u"DEFAULT" ? group : group.toLower();
}

// oslo_config.iniparser.BaseParser: blank lines end a value, indented lines continue it, '#'
// and ';' start comments only at the start of a line, "key = value" or "key: value" (whichever
// separator comes first), matching quotes around a value are removed.
Result<Sections> parseIni(const QString &text)
{
    Sections sections;
    QString section;
    QString key;
    QStringList value;
    int lineNumber = 0;
    auto error = [&](const QString &what) { return fail(u"line %1: %2"_s.arg(lineNumber).arg(what)); };
    auto flush = [&]() -> Status {
        if (key.isEmpty())
            return {};
        if (section.isEmpty())
            return error(u"an assignment before any [section]"_s);
        sections[normalisedGroup(section)].insert(key, value.join(u'\n'));
        key.clear();
        value.clear();
        return {};
    };
    const QStringList lines = text.split(u'\n');
    for (QString line : lines) {
        ++lineNumber;
        while (!line.isEmpty() && line.back().isSpace())
            line.chop(1);
        if (line.isEmpty()) {
            if (auto f = flush(); !f)
                return std::unexpected(f.error());
            continue;
        }
        if (line.startsWith(u' ') || line.startsWith(u'\t')) {
            if (key.isEmpty())
                return error(u"a continuation line without a key"_s);
            value.append(line.trimmed());
            continue;
        }
        if (auto f = flush(); !f)
            return std::unexpected(f.error());
        if (line.startsWith(u'[')) {
            if (!line.endsWith(u']'))
                return error(u"a section that does not end with ]"_s);
            if (line.size() <= 2)
                return error(u"an empty section name"_s);
            section = line.mid(1, line.size() - 2);
        } else if (!line.startsWith(u'#') && !line.startsWith(u';')) {
            const qsizetype colon = line.indexOf(u':');
            const qsizetype equal = line.indexOf(u'=');
            if (colon < 0 && equal < 0)
                return error(u"no '=' or ':' in an assignment"_s);
            const qsizetype at = (colon < 0 || (equal >= 0 && equal < colon)) ? equal : colon;
            key = line.left(at).trimmed();
            QString v = line.mid(at + 1).trimmed();
            if (v.size() >= 2 && v.front() == v.back() && (v.front() == u'"' || v.front() == u'\''))
                v = v.mid(1, v.size() - 2);
            if (key.isEmpty())
                return error(u"an empty key"_s);
            value = {v};
        }
    }
    if (auto f = flush(); !f)
        return std::unexpected(f.error());
    return sections;
}

struct ParsedFile
{
    QString path;
    Sections sections;
};

struct Found
{
    QString value;
    QString where; // "FILE [group] name"
};

// The option's value: the last file holding any of its names; within it, the first name.
std::optional<Found> lookup(const QList<ParsedFile> &files, const QList<std::pair<QString, QString>> &names)
{
    for (auto file = files.crbegin(); file != files.crend(); ++file) {
        for (const auto &[group, name] : names) {
            const auto g = file->sections.constFind(normalisedGroup(group));
            if (g == file->sections.cend())
                continue;
            if (const auto v = g->constFind(name); v != g->cend())
                return Found{*v, u"%1 [%2] %3"_s.arg(file->path, group, name)};
        }
    }
    return std::nullopt;
}

// Python's int(): optional sign, digits with single underscores between them.
std::optional<qint64> pythonInt(QString text)
{
    static const QRegularExpression form(u"^[+-]?[0-9](_?[0-9])*$"_s);
    text = text.trimmed();
    if (!form.match(text).hasMatch())
        return std::nullopt;
    bool ok = false;
    const qint64 v = text.remove(u'_').toLongLong(&ok);
    return ok ? std::optional(v) : std::nullopt;
}

std::optional<bool> osloBool(const QString &text)
{
    const QString s = text.toLower();
    if (s == u"true" || s == u"1" || s == u"on" || s == u"yes")
        return true;
    if (s == u"false" || s == u"0" || s == u"off" || s == u"no")
        return false;
    return std::nullopt;
}

// string.Template as oslo.config applies it to string options: $$, $name and ${name}.
QString substitute(
    const QString &value, const std::function<std::optional<QString>(const QString &)> &resolve, int depth = 0)
{
    static const QRegularExpression reference(u"\\$(?:\\$|\\{([A-Za-z_][A-Za-z0-9_]*)\\}|([A-Za-z_][A-Za-z0-9_]*))"_s);
    QString out;
    qsizetype at = 0;
    for (auto it = reference.globalMatch(value); it.hasNext();) {
        const auto m = it.next();
        out += value.mid(at, m.capturedStart() - at);
        at = m.capturedEnd();
        if (m.captured(0) == u"$$") {
            out += u'$';
            continue;
        }
        const QString name = m.captured(1).isEmpty() ? m.captured(2) : m.captured(1);
        const auto resolved = depth < 8 ? resolve(name) : std::nullopt;
        out += resolved ? substitute(*resolved, resolve, depth + 1) : m.captured(0);
    }
    return out + value.mid(at);
}

} // namespace

QString NovaConfig::source() const
{
    const QString where = hostName.isEmpty() ? QString() : u" on "_s + hostName;
    if (fromFiles())
        return u"nova.conf%1: %2"_s.arg(where, filesRead.join(u", "_s));
    return u"Nova's defaults (no readable nova.conf%1%2)"_s.arg(
        where, problems.isEmpty() ? QString() : u": "_s + problems.join(u"; "_s));
}

QString NovaConfig::imagesTypeNote() const
{
    if (imagesType != u"rbd" && imagesType != u"lvm")
        return {};
    return u"[libvirt] images_type = %1%2: Nova keeps instance disks in %3, not as overlays on _base, so there is "
           "no file cache of overlays here; _base holds only what Nova fetched before converting it."_s.arg(imagesType,
               hostName.isEmpty() ? QString() : u" on "_s + hostName,
               imagesType == u"rbd" ? u"Ceph RBD"_s : u"LVM volumes"_s);
}

NovaConfig parseNovaConf(const QList<NovaConfFile> &files)
{
    NovaConfig config;
    QList<ParsedFile> parsed;
    for (const NovaConfFile &file : files) {
        auto sections = parseIni(QString::fromUtf8(file.content));
        if (!sections) {
            // oslo.config refuses such a file (nova-compute would not start): it sets nothing here.
            config.problems.append(u"%1 cannot be parsed (%2); ignored"_s.arg(file.path, sections.error().message));
            continue;
        }
        parsed.append({file.path, std::move(*sections)});
        config.filesRead.append(file.path);
    }

    auto option = [&](const QString &key, const QList<std::pair<QString, QString>> &names) -> std::optional<QString> {
        const auto found = lookup(parsed, names);
        if (!found)
            return std::nullopt;
        config.origin.insert(key, found->where);
        return found->value;
    };
    auto invalid = [&](const QString &key, const QString &value, const QString &why) {
        config.problems.append(
            u"%1 = '%2' is %3: Nova refuses it; its default applies here"_s.arg(config.origin.value(key), value, why));
    };
    auto integer
        = [&](const QString &key, const QList<std::pair<QString, QString>> &names, qint64 &target, qint64 minimum) {
              const auto text = option(key, names);
              if (!text)
                  return;
              const auto v = pythonInt(*text);
              if (!v)
                  invalid(key, *text, u"not a whole number"_s);
              else if (*v < minimum)
                  invalid(key, *text, u"below %1"_s.arg(minimum));
              else
                  target = *v;
          };

    integer(u"image_cache.manager_interval"_s,
        {{u"image_cache"_s, u"manager_interval"_s}, {u"DEFAULT"_s, u"image_cache_manager_interval"_s}},
        config.managerIntervalSeconds, -1);
    integer(u"image_cache.remove_unused_original_minimum_age_seconds"_s,
        {{u"image_cache"_s, u"remove_unused_original_minimum_age_seconds"_s},
            {u"DEFAULT"_s, u"remove_unused_original_minimum_age_seconds"_s}},
        config.originalMinimumAgeSeconds, std::numeric_limits<qint64>::min());
    integer(u"image_cache.remove_unused_resized_minimum_age_seconds"_s,
        {{u"image_cache"_s, u"remove_unused_resized_minimum_age_seconds"_s},
            {u"libvirt"_s, u"remove_unused_resized_minimum_age_seconds"_s}},
        config.resizedMinimumAgeSeconds, std::numeric_limits<qint64>::min());
    if (const auto text = option(u"image_cache.remove_unused_base_images"_s,
            {{u"image_cache"_s, u"remove_unused_base_images"_s}, {u"DEFAULT"_s, u"remove_unused_base_images"_s}})) {
        if (const auto b = osloBool(*text))
            config.removeUnused = *b;
        else
            invalid(u"image_cache.remove_unused_base_images"_s, *text, u"not a boolean"_s);
    }

    // String options may refer to others ($state_path); [DEFAULT] ones are what Nova's use.
    const std::function<std::optional<QString>(const QString &)> resolve
        = [&](const QString &name) -> std::optional<QString> {
        if (const auto found = lookup(parsed, {{u"DEFAULT"_s, name}}))
            return found->value;
        if (name == u"state_path")
            return u"$pybasedir"_s;
        if (name == u"pybasedir")
            return pythonBaseDir;
        return std::nullopt;
    };
    if (const auto text = option(u"image_cache.subdirectory_name"_s,
            {{u"image_cache"_s, u"subdirectory_name"_s}, {u"DEFAULT"_s, u"image_cache_subdirectory_name"_s}}))
        config.subdirectoryName = substitute(*text, resolve);
    const auto instances = option(u"DEFAULT.instances_path"_s, {{u"DEFAULT"_s, u"instances_path"_s}});
    config.instancesPath = substitute(instances.value_or(u"$state_path/instances"_s), resolve);
    if (const auto text = option(u"libvirt.images_type"_s, {{u"libvirt"_s, u"images_type"_s}})) {
        static const QStringList choices{u"raw"_s, u"flat"_s, u"qcow2"_s, u"lvm"_s, u"rbd"_s, u"ploop"_s, u"default"_s};
        if (choices.contains(*text))
            config.imagesType = *text;
        else
            invalid(u"libvirt.images_type"_s, *text, u"not one of %1"_s.arg(choices.join(u", "_s)));
    }
    if (const auto text = option(u"DEFAULT.host"_s, {{u"DEFAULT"_s, u"host"_s}}))
        config.host = substitute(*text, resolve);
    return config;
}

namespace {

// Every pattern expanded on the host (IFS empty: globs expand, nothing splits), each file as
// F path content(base64), U path reason, or M pattern when nothing matched; X at the end.
constexpr auto readScript = R"SH(export LC_ALL=C
n=$1; shift
IFS=''
for p in "$@"; do
  found=0
  for f in $p; do
    [ -e "$f" ] || continue
    found=1
    if [ ! -f "$f" ]; then printf 'U\0%s\0not a regular file\0' "$f"
    elif [ ! -r "$f" ]; then printf 'U\0%s\0Permission denied\0' "$f"
    else printf 'F\0%s\0' "$f"; head -c "$n" -- "$f" | base64 -w0; printf '\0'; fi
  done
  [ $found = 1 ] || printf 'M\0%s\0' "$p"
done
printf 'X\0'
)SH";

} // namespace

NovaConfig readNovaConf(const host::HostConfig &hostConfig, host::Transport &transport)
{
    QList<NovaConfFile> files;
    QStringList problems;
    // head reads one byte more than allowed, so a file that is too large is noticed.
    const QString limit = QString::number(maxFileBytes + 1);
    QStringList argv{u"sh"_s, u"-c"_s, QString::fromLatin1(readScript), u"sh"_s, limit};
    argv += hostConfig.novaConf;
    auto result = transport.run(argv, {.timeoutMs = 60'000});
    if (!result) {
        problems.append(result.error().message);
    } else if (!result->succeeded() || !result->standardOutput.endsWith(QByteArrayView("X\0", 2))) {
        problems.append(u"reading %1 failed: %2"_s.arg(
            hostConfig.novaConf.join(u", "_s), QString::fromLocal8Bit(result->standardError).trimmed()));
    } else {
        const QList<QByteArray> fields = result->standardOutput.split('\0');
        for (qsizetype i = 0; i + 1 < fields.size();) {
            const QByteArray &type = fields.at(i);
            if (type == "F" && i + 2 < fields.size()) {
                const QString path = QString::fromUtf8(fields.at(i + 1));
                const QByteArray content = QByteArray::fromBase64(fields.at(i + 2));
                if (content.size() > maxFileBytes)
                    problems.append(u"%1 is larger than %2 bytes; ignored"_s.arg(path).arg(maxFileBytes));
                else
                    files.append({path, content});
                i += 3;
            } else if (type == "U" && i + 2 < fields.size()) {
                problems.append(
                    u"%1: %2"_s.arg(QString::fromUtf8(fields.at(i + 1)), QString::fromUtf8(fields.at(i + 2))));
                i += 3;
            } else if (type == "M") {
                i += 2; // a file that does not exist is not an error: oslo.config skips default files too
            } else {
                break; // X
            }
        }
    }
    NovaConfig config = parseNovaConf(files);
    config.problems = problems + config.problems;
    config.hostName = hostConfig.name;
    return config;
}

} // namespace cowherd::cache
