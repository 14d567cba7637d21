#pragma once

#include "context.h"

namespace cowherd::ctl {

// Each command gets the words after its name and returns an ExitCode.
int scanCommand(const QStringList &arguments, Context &context);
int hostsCommand(const QStringList &arguments, Context &context);
int cleanupCommand(const QStringList &arguments, Context &context);
int verifyCommand(const QStringList &arguments, Context &context);
int pinCommand(const QStringList &arguments, Context &context);
int unpinCommand(const QStringList &arguments, Context &context);

} // namespace cowherd::ctl
