#include "sourceargs.h"

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace cowherd::ctl {

void addSourceOptions(QCommandLineParser &parser, bool withChecksum)
{
    parser.addOption({u"cloud"_s,
        u"The clouds.yaml cloud for glance:ID sources (default $OS_CLOUD, else the OS_* variables)."_s, u"NAME"_s});
    parser.addOption({u"ca-file"_s,
        u"Also trust the CA certificates in FILE (PEM) for https; verification is never turned off."_s, u"FILE"_s});
    parser.addOption({u"http-timeout"_s,
        u"Give up on an HTTP(S) server that sends nothing for this long (default 60)."_s, u"SECONDS"_s});
    if (withChecksum)
        parser.addOption({u"sha256"_s,
            u"The sha256 the file or download must have (for an archive: of the archive file)."_s, u"HEX"_s});
}

source::SourceOptions sourceOptions(const QCommandLineParser &parser)
{
    source::SourceOptions options;
    options.cloud = parser.value(u"cloud"_s);
    options.caFile = parser.value(u"ca-file"_s);
    bool ok = false;
    const int seconds = parser.value(u"http-timeout"_s).toInt(&ok);
    if (ok && seconds > 0 && seconds <= 24 * 3600)
        options.idleTimeoutMs = seconds * 1000;
    if (parser.optionNames().contains(u"sha256"_s))
        options.sha256 = parser.value(u"sha256"_s);
    return options;
}

} // namespace cowherd::ctl
