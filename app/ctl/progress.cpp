#include "progress.h"

#include "context.h"

#include <cstdio>

using namespace Qt::StringLiterals;

namespace cowherd::ctl {

ProgressPrinter::ProgressPrinter(bool quiet)
    : m_quiet(quiet)
{
    m_sinceStart.start();
    m_sinceLine.start();
}

void ProgressPrinter::step(const QString &text)
{
    if (!m_quiet)
        std::fprintf(stderr, "%s\n", qUtf8Printable(text));
}

void ProgressPrinter::operator()(const cache::FetchProgress &p)
{
    if (m_quiet)
        return;
    const bool newStage = int(p.stage) != m_stage;
    if (!newStage && m_sinceLine.elapsed() < 1000)
        return;
    m_stage = int(p.stage);
    m_sinceLine.restart();
    QString line = cache::toString(p.stage);
    if (p.stage == cache::FetchProgress::Stage::Done) {
        // nothing to add
    } else if (p.stage == cache::FetchProgress::Stage::Converting) {
        line += u" %1%"_s.arg(p.done);
    } else if (p.done > 0) {
        line += u" "_s + formatBytes(p.done);
        if (p.total > 0)
            line += u" of %1 (%2%)"_s.arg(formatBytes(p.total)).arg(p.done * 100 / p.total);
        const qint64 ms = std::max<qint64>(1, m_sinceStart.elapsed());
        line += u", %1/s"_s.arg(formatBytes(p.done * 1000 / ms));
    }
    std::fprintf(stderr, "%s\n", qUtf8Printable(line));
}

} // namespace cowherd::ctl
