#pragma once
// Runs the cowherdctl built with the tests and collects what it printed, for tests of the CLI.

#include <QByteArray>
#include <QJsonObject>
#include <QStringList>

namespace cowherd::test {

struct CtlRun
{
    // The exit code; -1 when cowherdctl crashed or did not finish in time (then it was killed).
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    // Standard output parsed as one JSON object (empty when it is not one).
    QJsonObject json() const;
    // Standard error as text, for failure messages.
    QString errText() const { return QString::fromUtf8(err); }
};

// Runs cowherdctl with these arguments and waits up to timeoutMs for it to end.
CtlRun runCtl(const QStringList &arguments, int timeoutMs = 60'000);

// The path of the cowherdctl under test.
QString cowherdctlPath();

} // namespace cowherd::test
