#pragma once

#include "cache/cachesnapshot.h"

#include <QJsonArray>
#include <QJsonObject>

namespace cowherd::cache {

// The `cowherdctl scan --json` contract: scripts and tests rely on these names.
QJsonObject toJson(const CacheSnapshot &snapshot);
QJsonArray toJson(const QList<Problem> &problems);
QJsonObject toJson(const host::HostConfig &host);
// An instance's "nova": null, or the server Nova's metadata describes (novajson.cpp).
QJsonValue toJson(const std::optional<host::NovaInstanceInfo> &nova);

} // namespace cowherd::cache
