#pragma once

#include <QString>

namespace cowherd::source {

// What the user said about where an image comes from (cowherdctl fetch/launch options, the
// GUI's import dialog). Secrets are never part of it: they come from clouds.yaml, secure.yaml
// or OS_* variables.
struct SourceOptions
{
    QString cloud; // clouds.yaml entry for glance:ID (else OS_CLOUD, else OS_* variables)
    QString sha256; // expected sha256 of the bytes downloaded (URLs) or read (files)
    QString caFile; // extra trusted CA certificates for https (the system's stay trusted)
    // Archive defences: decompressed size and decompressed/compressed ratio limits.
    qint64 maxOutputSize = qint64(1) << 40;
    double maxExpansionRatio = 1000;
    qint64 expansionCheckAfter = qint64(64) << 20; // small members may compress very well
    QString cloudsYaml; // tests: read this clouds.yaml instead of searching
    // HTTP(S): a transfer that receives no byte for this long fails (a hung server); each of
    // the resumptions of a download waits as long again.
    int idleTimeoutMs = 60000;
};

} // namespace cowherd::source
