#pragma once

#include "host/hostconfig.h"

#include <QCommandLineOption>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

class QCommandLineParser;

namespace cowherd::ctl {

// One setting of a configured host that `hosts add` and `hosts set` both offer: its options and
// how a parsed command line changes a HostConfig. A new setting is one more entry in
// hostSettings(); both commands, their help and their checks pick it up.
struct HostSetting
{
    QList<QCommandLineOption> options;
    // Applies the options given (none given: no change); a usage error names the bad value.
    std::function<std::optional<QString>(const QCommandLineParser &, host::HostConfig &)> apply;
};

const QList<HostSetting> &hostSettings();
void addHostSettingOptions(QCommandLineParser &parser);
// Applies every setting in order; the first usage error stops.
std::optional<QString> applyHostSettings(const QCommandLineParser &parser, host::HostConfig &host);
// Whether any setting option was given (`hosts set NAME` alone changes nothing).
bool anyHostSettingGiven(const QCommandLineParser &parser);

} // namespace cowherd::ctl
