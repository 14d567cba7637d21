#pragma once

#include "cache/cachesnapshot.h"

#include <QJsonArray>
#include <QJsonObject>

namespace cowherd::cache {

// The `cowherdctl scan --json` contract: scripts and tests rely on these names.
QJsonObject toJson(const CacheSnapshot &snapshot);
QJsonArray toJson(const QList<Problem> &problems);
QJsonObject toJson(const host::HostConfig &host);

} // namespace cowherd::cache
