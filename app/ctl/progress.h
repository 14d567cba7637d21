#pragma once

#include "cache/fetcher.h"

#include <QElapsedTimer>

namespace cowherd::ctl {

// Progress of slow work on stderr: one line per stage, and at most one update a second.
class ProgressPrinter
{
public:
    explicit ProgressPrinter(bool quiet = false);
    void operator()(const cache::FetchProgress &progress);
    void step(const QString &text);

private:
    bool m_quiet;
    int m_stage = -1;
    QElapsedTimer m_sinceStart;
    QElapsedTimer m_sinceLine;
};

} // namespace cowherd::ctl
