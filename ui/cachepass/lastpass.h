#pragma once

#include "overview/dashboardfigures.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QString>

namespace cowherd::ui {

// The most recent cache pass of a host, as the overview of all hosts shows it.
struct LastPass
{
    QDateTime time; // UTC; invalid: no pass known
    QString outcome; // "removed 2 files (1.5 GiB)", "blocked: nothing removed", "failed: …"
    bool failed = false; // blocked, failed, or a corrupt file found

    friend bool operator==(const LastPass &, const LastPass &) = default;
};

class LastPasses
{
    Q_DECLARE_TR_FUNCTIONS(LastPasses)

public:
    // Per host, the newest pass recorded in the audit log (entries newest first, as
    // readRecentAudit() returns them). A pass is the run of a host's entries that ends with its
    // newest one, back to a gap of more than gapSeconds or a pin/unpin done by hand.
    static QHash<QString, LastPass> fromAudit(const QList<AuditEntry> &newestFirst, qint64 gapSeconds = 600);
};

} // namespace cowherd::ui
