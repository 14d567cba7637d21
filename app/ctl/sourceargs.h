#pragma once

#include "source/sourceoptions.h"

class QCommandLineParser;

namespace cowherd::ctl {

// --cloud, --sha256, --ca-file (fetch, launch, images). Secrets never come from arguments:
// they are in clouds.yaml, secure.yaml or OS_* variables, so no process listing shows them.
void addSourceOptions(QCommandLineParser &parser, bool withChecksum = true);
source::SourceOptions sourceOptions(const QCommandLineParser &parser);

} // namespace cowherd::ctl
