#include "ctlrun.h"

#include <QJsonDocument>
#include <QProcess>

namespace cowherd::test {

QJsonObject CtlRun::json() const
{
    return QJsonDocument::fromJson(out).object();
}

QString cowherdctlPath()
{
    return QStringLiteral(COWHERDCTL);
}

CtlRun runCtl(const QStringList &arguments, int timeoutMs)
{
    QProcess p;
    p.start(cowherdctlPath(), arguments);
    CtlRun run;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
    } else if (p.exitStatus() == QProcess::NormalExit) {
        run.exitCode = p.exitCode();
    }
    run.out = p.readAllStandardOutput();
    run.err = p.readAllStandardError();
    return run;
}

} // namespace cowherd::test
