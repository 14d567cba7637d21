#pragma once

#include "host/transport.h"

namespace cowherd::host {

// Runs argv without a shell, feeding standard input and collecting output with poll(2), so
// that cancellation, timeouts and the signal that ended the child are all known. The child
// dies with the thread that started it (PR_SET_PDEATHSIG), so a killed Cowherd leaves no
// qemu-img writing on.
Result<ProcessResult> runProcess(const QStringList &argv, const RunOptions &options,
    const QString &where = QStringLiteral("on this machine"));

// "exited with status 1", "was killed by SIGKILL".
QString describeExit(const ProcessResult &result);

} // namespace cowherd::host
