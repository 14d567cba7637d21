#pragma once

#include "context.h"

namespace cowherd::ctl {

// Each command gets the words after its name and returns an ExitCode.
int scanCommand(const QStringList &arguments, Context &context);
int hostsCommand(const QStringList &arguments, Context &context);
int fetchCommand(const QStringList &arguments, Context &context);
int launchCommand(const QStringList &arguments, Context &context);
// images [--cloud NAME] [--json]: Glance's images and whether each is cached on the host.
int imagesCommand(const QStringList &arguments, Context &context);
// inspect FILE [--disk-format F] [--json]: exit 0 safe, 3 unsafe, 1 unreadable, 2 usage.
int inspectCommand(const QStringList &arguments, Context &context);
int demoImageCommand(const QStringList &arguments, Context &context);
int startCommand(const QStringList &arguments, Context &context);
int shutdownCommand(const QStringList &arguments, Context &context);
int rebootCommand(const QStringList &arguments, Context &context);
int terminateCommand(const QStringList &arguments, Context &context);
int pauseCommand(const QStringList &arguments, Context &context);
int resumeCommand(const QStringList &arguments, Context &context);
// console NAME [--follow] [--lines N]: the serial console log through the host's transport.
int consoleCommand(const QStringList &arguments, Context &context);
int cleanupCommand(const QStringList &arguments, Context &context);
int verifyCommand(const QStringList &arguments, Context &context);
int pinCommand(const QStringList &arguments, Context &context);
int unpinCommand(const QStringList &arguments, Context &context);

} // namespace cowherd::ctl
