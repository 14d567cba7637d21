// cowherdctl inspect FILE [--disk-format F] [--json]: the native header inspection and the
// safety verdict Cowherd applies before qemu-img may open an image.
#include "commands.h"

#include "image/imageinfo.h"
#include "image/safetypolicy.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace cowherd::ctl {

namespace {

QJsonValue stringOrNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

QJsonObject toJson(const image::ImageInfo &info, const QList<Problem> &problems)
{
    QJsonArray problemArray;
    for (const Problem &p : problems)
        problemArray.append(QJsonObject{{u"code"_s, p.code}, {u"message"_s, p.message}});
    return QJsonObject{
        {u"path"_s, info.path},
        {u"format"_s, info.format},
        {u"virtual_size"_s, info.virtualSize},
        {u"backing_file"_s, stringOrNull(info.backingFile)},
        {u"backing_format"_s, stringOrNull(info.backingFormat)},
        {u"data_file"_s, stringOrNull(info.dataFile)},
        {u"formats_matched"_s, QJsonArray::fromStringList(info.formatsMatched)},
        {u"safe"_s, image::isSafe(problems)},
        {u"problems"_s, problemArray},
    };
}

void printText(const image::ImageInfo &info, const QList<Problem> &problems)
{
    const auto orDash = [](const QString &s) { return s.isEmpty() ? u"-"_s : s; };
    QString backing = orDash(info.backingFile);
    if (!info.backingFormat.isEmpty())
        backing += u" (%1)"_s.arg(info.backingFormat);
    printLine(info.path);
    printLine(formatTable(
        {
            {u"  format"_s, info.format},
            {u"  virtual size"_s, u"%1 (%2 bytes)"_s.arg(formatBytes(info.virtualSize)).arg(info.virtualSize)},
            {u"  backing file"_s, backing},
            {u"  data file"_s, orDash(info.dataFile)},
            {u"  signatures"_s, info.formatsMatched.isEmpty() ? u"none (raw)"_s : info.formatsMatched.join(u", "_s)},
            {u"  verdict"_s, image::isSafe(problems) ? u"safe"_s : u"UNSAFE"_s},
        })
                  .trimmed()
                  .prepend(u"  "_s));
    for (const Problem &p : problems)
        printLine(u"  [%1] %2"_s.arg(p.code, p.message));
}

} // namespace

int inspectCommand(const QStringList &arguments, bool json)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Inspect an image file's header and judge whether it is safe to import."_s);
    parser.addOption({u"disk-format"_s,
        u"The format the image is declared as (Glance disk_format: raw, qcow2, vmdk, vdi, vhd, vhdx, iso, ploop, aki, ari, ami)."_s,
        u"FORMAT"_s});
    parser.addOption({u"json"_s, u"Print machine-readable JSON."_s});
    parser.addOption({u"allow-backing-file"_s, u"Accept a backing file (for Cowherd's own overlays)."_s});
    parser.addPositionalArgument(u"file"_s, u"The image file to inspect."_s);
    if (const auto stop = parseCommandLine(parser, u"inspect"_s, arguments))
        return *stop;
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1)
        return usageError(u"inspect needs exactly one FILE"_s);
    json = json || parser.isSet(u"json"_s);

    image::SafetyPolicy policy;
    policy.declaredFormat = parser.value(u"disk-format"_s);
    policy.allowBackingFile = parser.isSet(u"allow-backing-file"_s);
    if (!policy.declaredFormat.isEmpty() && image::qemuFormatForDeclared(policy.declaredFormat).isEmpty())
        return usageError(u"unknown disk format '%1'"_s.arg(policy.declaredFormat));

    const image::ImageInfo info = image::inspectFile(files.constFirst());
    if (info.hasProblem(u"unreadable"))
        return printError(Error::failure(info.problems.constFirst().message));
    const QList<Problem> problems = image::checkSafety(info, policy);
    if (json)
        printJson(toJson(info, problems));
    else
        printText(info, problems);
    return image::isSafe(problems) ? ExitSuccess : ExitRefused;
}

int inspectCommand(const QStringList &arguments, Context &context)
{
    return inspectCommand(arguments, context.json);
}

} // namespace cowherd::ctl
