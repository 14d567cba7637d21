#pragma once

#include "cache/cachesnapshot.h"

#include <QByteArrayView>
#include <QJsonArray>
#include <QJsonObject>

#include <functional>

namespace cowherd::cache {

// The `cowherdctl scan --json` contract: scripts and tests rely on these names. The document
// is written as it is made (writeJson), each base file and instance in turn, so a snapshot of
// 50,000 instances never exists as one QJsonObject (about 1 KB per instance) nor as one text;
// the text is byte for byte what QJsonDocument::toJson(Indented) gives for the same document.
void writeJson(const CacheSnapshot &snapshot, const std::function<void(QByteArrayView)> &write);
QByteArray toJsonText(const CacheSnapshot &snapshot);
// The same document as a QJsonObject (parsed from the text), for tests and small snapshots.
QJsonObject toJson(const CacheSnapshot &snapshot);

QJsonArray toJson(const QList<Problem> &problems);
QJsonObject toJson(const host::HostConfig &host);
// An instance's "nova": null, or the server Nova's metadata describes (novajson.cpp).
QJsonValue toJson(const std::optional<host::NovaInstanceInfo> &nova);

} // namespace cowherd::cache
