#include "cachepass/lastpass.h"

#include "common/displayformat.h"

#include <QSet>

namespace cowherd::ui {

using namespace Qt::StringLiterals;

namespace {

bool byHand(const QString &action)
{
    return action == u"pin" || action == u"unpin";
}

struct Tally
{
    QDateTime newest;
    QDateTime oldest;
    bool closed = false;
    int removed = 0;
    qint64 removedBytes = 0;
    int blocked = 0;
    int touched = 0;
    int corrupt = 0;
    int advised = 0; // plan-only passes on a cache Nova manages
};

} // namespace

QHash<QString, LastPass> LastPasses::fromAudit(const QList<AuditEntry> &newestFirst, qint64 gapSeconds)
{
    QHash<QString, Tally> tallies;
    for (const AuditEntry &entry : newestFirst) {
        Tally &t = tallies[entry.host];
        if (t.closed)
            continue;
        if (byHand(entry.action)) {
            t.closed = t.newest.isValid();
            continue;
        }
        if (t.oldest.isValid() && entry.time.secsTo(t.oldest) > gapSeconds) {
            t.closed = true;
            continue;
        }
        if (!t.newest.isValid())
            t.newest = entry.time;
        t.oldest = entry.time;
        if (entry.action == u"remove") {
            ++t.removed;
            t.removedBytes += entry.bytes;
        } else if (entry.action == u"blocked") {
            ++t.blocked;
        } else if (entry.action == u"touch") {
            ++t.touched;
        } else if (entry.action == u"quarantined" || entry.action == u"flagged" || entry.action == u"failed") {
            ++t.corrupt;
        } else if (entry.action == u"advised") {
            ++t.advised;
        }
    }

    QHash<QString, LastPass> out;
    for (auto it = tallies.cbegin(); it != tallies.cend(); ++it) {
        const Tally &t = it.value();
        if (!t.newest.isValid())
            continue;
        LastPass pass;
        pass.time = t.newest;
        QStringList parts;
        if (t.advised > 0 && t.removed == 0 && t.touched == 0)
            parts.append(tr("Nova manages this cache: advice only"));
        else if (t.blocked > 0)
            parts.append(tr("blocked: nothing removed"));
        else if (t.removed > 0)
            parts.append(tr("removed %n file(s) (%1)", nullptr, t.removed).arg(DisplayFormat::size(t.removedBytes)));
        else
            parts.append(tr("nothing to remove"));
        if (t.corrupt > 0)
            parts.append(tr("%n corrupt or unreadable file(s)", nullptr, t.corrupt));
        pass.outcome = parts.join(u"; "_s);
        pass.failed = t.blocked > 0 || t.corrupt > 0;
        out.insert(it.key(), pass);
    }
    return out;
}

} // namespace cowherd::ui
