#pragma once

#include "context.h"

namespace cowherd::ctl {

// Each command gets the words after its name and returns an ExitCode.
int scanCommand(const QStringList &arguments, Context &context);
int hostsCommand(const QStringList &arguments, Context &context);

} // namespace cowherd::ctl
