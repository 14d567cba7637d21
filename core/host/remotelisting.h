#pragma once

#include "host/remoteanswer.h"
#include "host/transport.h"

#include <QHash>

namespace cowherd::host {

// The scan of a remote host in one round trip: a POSIX sh script (run by `sh -s`, so it needs
// no quoting beyond the values it embeds) lists the instances path with one find(1), follows
// symbolic links, and sends the first bytes of every candidate image (hex or base64). Records are
// NUL-separated fields, which no file name can contain, so names with spaces, quotes, newlines,
// ';' or $(...) cannot shift the framing. An end marker tells a complete answer from a cut one.
// Headers are read by one perl process when the host has perl (Debian's perl-base is
// essential), else by `head | base64` per image; COWHERD_NO_PERL=1 in the remote environment
// forces the latter (the tests use it).
QByteArray cacheListingScript(const QString &instancesPath, const ListOptions &options);
QByteArray probeScript(const QStringList &paths, qint64 headBytes);

// Builds the listing from the script's answer as it arrives (feed() each chunk of ssh's
// output), so that the answer is never held whole: the file records come first and are placed;
// each header that follows is decoded into its entry and handed to ListOptions::onHead at once.
// The answer is treated as hostile: sizes are bounded, anything malformed is an error naming
// the host, nothing crashes.
class CacheListingParser
{
public:
    CacheListingParser(const QString &instancesPath, const ListOptions &options, const QString &hostName);
    ~CacheListingParser();
    CacheListingParser(const CacheListingParser &) = delete;
    CacheListingParser &operator=(const CacheListingParser &) = delete;

    // An error ends the parse; finish() returns it.
    Status feed(QByteArrayView chunk);
    Result<CacheListing> finish();

private:
    struct Slot;
    Status onStat(char tag, StatRecord &&record);
    Status onHead(QByteArrayView path, const HeadRecord &head);
    Status place();

    ListOptions m_options;
    QString m_hostName;
    AnswerReader m_reader;
    QList<StatRecord> m_stats;
    QHash<QString, StatRecord> m_followed;
    QHash<QString, Slot> m_slots; // files that take a head, by path
    bool m_placed = false;
    QString m_error; // the script's E record
    CacheListing m_listing;
};

// The same over a whole answer.
Result<CacheListing> parseCacheListing(
    QByteArrayView output, const QString &instancesPath, const ListOptions &options, const QString &hostName);
Result<QList<FileEntry>> parseProbe(
    QByteArrayView output, const QStringList &paths, qint64 headBytes, const QString &hostName);

// Nova's naming rules for what a listing keeps (shared with the local transport).
bool isDiskFileName(QStringView name);
bool isInstanceDirectoryName(QStringView name);

} // namespace cowherd::host
