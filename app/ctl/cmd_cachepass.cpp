// cleanup, verify, pin, unpin: the cache pass on the command line.
#include "commands.h"

#include "cache/auditlog.h"
#include "cache/cachelayout.h"
#include "cache/cachepass.h"
#include "cache/novahost.h"
#include "host/transportfactory.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace cowherd::ctl {

namespace {

// Each host through the transport its URI asks for. A host that cannot be reached is reported
// by the scan.
cache::TransportFactory hostTransports()
{
    return [](const host::HostConfig &h) -> std::unique_ptr<host::Transport> {
        auto t = host::transportFor(h);
        return t ? std::move(*t) : nullptr;
    };
}

struct GroupSetup
{
    host::HostConfig host;
    QList<host::HostConfig> group;
    cache::CachePolicy policy;
};

// markers: a dry run never writes the storage-id marker (nor anything else) on any host.
Result<GroupSetup> setUp(const Context &context, cache::MarkerUse markers = cache::MarkerUse::Create)
{
    auto host = context.resolveHost();
    if (!host)
        return std::unexpected(host.error());
    GroupSetup s;
    s.host = *host;
    s.policy = cache::loadCachePolicy(context.configFile, host->name);
    s.group = cache::sharingGroupOf(*host, context.registry().hosts(), context.configFile, hostTransports(), markers);
    return s;
}

QJsonObject policyJson(const cache::PlanPolicy &p)
{
    return {{u"original_min_age_s"_s, p.originalMinimumAgeSeconds},
        {u"resized_min_age_s"_s, p.resizedMinimumAgeSeconds}, {u"remove_unused"_s, p.removeUnused},
        {u"source"_s, p.source}};
}

bool readSeconds(const QCommandLineParser &parser, const QString &option, qint64 &target, QString &error)
{
    if (!parser.isSet(option))
        return true;
    bool ok = false;
    const qint64 v = parser.value(option).toLongLong(&ok);
    if (!ok || v < 0) {
        error = u"--%1 takes a number of seconds, not '%2'"_s.arg(option, parser.value(option));
        return false;
    }
    target = v;
    return true;
}

QJsonValue timeValue(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

} // namespace

int cleanupCommand(const QStringList &arguments, Context &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Touches base files in use and removes unused ones (Nova's semantics) in "
        "the host's sharing group. Exit code 3 when a host of the group blocks removal."_s);
    parser.addOption({u"dry-run"_s, u"Plan only; change nothing."_s});
    parser.addOption({u"json"_s, u"Print the plan (or what was done) as JSON."_s});
    parser.addOption({u"no-libvirt"_s, u"Do not ask libvirt for domains (references from disks alone)."_s});
    parser.addOption(
        {u"original-min-age"_s, u"Minimum unused age of originals, swap and ephemeral files."_s, u"SECONDS"_s});
    parser.addOption({u"resized-min-age"_s, u"Minimum unused age of resized files."_s, u"SECONDS"_s});
    parser.addOption({u"orphan-min-age"_s, u"Age after which a .part/.converted file is an orphan."_s, u"SECONDS"_s});
    parser.addOption({u"no-remove"_s, u"Do not remove unused base files (still touch and clean orphans)."_s});
    parser.addOption({u"keep-orphans"_s, u"Do not remove stale .part/.converted files."_s});
    parser.addOption({u"audit-log"_s, u"Append the audit trail to FILE instead of the data directory."_s, u"FILE"_s});
    addNovaLockTimeoutOption(parser, 60);
    if (const auto stop = parseCommandLine(parser, u"cleanup"_s, arguments))
        return *stop;
    if (!parser.positionalArguments().isEmpty())
        return usageError(u"cleanup takes no arguments"_s);
    context.json = context.json || parser.isSet(u"json"_s);

    const bool dryRun = parser.isSet(u"dry-run"_s);
    const auto novaLockTimeout = novaLockTimeoutMs(parser, 60);
    if (!novaLockTimeout)
        return usageError(u"--nova-lock-timeout takes a number of seconds"_s);
    auto setup = setUp(context, dryRun ? cache::MarkerUse::ReadOnly : cache::MarkerUse::Create);
    if (!setup)
        return printError(setup.error());
    cache::PassOptions options;
    options.policy = setup->policy;
    options.novaLockTimeoutMs = *novaLockTimeout;
    QString error;
    if (!readSeconds(parser, u"original-min-age"_s, options.policy.originalMinimumAgeSeconds, error)
        || !readSeconds(parser, u"resized-min-age"_s, options.policy.resizedMinimumAgeSeconds, error)
        || !readSeconds(parser, u"orphan-min-age"_s, options.policy.orphanMinimumAgeSeconds, error))
        return usageError(error);
    if (parser.isSet(u"no-remove"_s))
        options.policy.removeUnused = false;
    // The command line wins over cowherd.conf, and over nova.conf on a cache Nova manages.
    const bool overridden
        = parser.isSet(u"original-min-age"_s) || parser.isSet(u"resized-min-age"_s) || parser.isSet(u"no-remove"_s);
    options.policySource = u"%1cowherd.conf (hosts/%2/cache_pass)"_s.arg(
        overridden ? u"command line over "_s : QString(), setup->host.name);
    if (parser.isSet(u"original-min-age"_s))
        options.novaOverrides.originalMinimumAgeSeconds = options.policy.originalMinimumAgeSeconds;
    if (parser.isSet(u"resized-min-age"_s))
        options.novaOverrides.resizedMinimumAgeSeconds = options.policy.resizedMinimumAgeSeconds;
    if (parser.isSet(u"no-remove"_s))
        options.novaOverrides.removeUnused = false;
    if (parser.isSet(u"keep-orphans"_s))
        options.policy.removeOrphans = false;
    options.scan.queryLibvirt = !parser.isSet(u"no-libvirt"_s);
    options.dryRun = dryRun;
    options.verify = false;
    cache::AuditLog audit(parser.isSet(u"audit-log"_s) ? parser.value(u"audit-log"_s) : cache::AuditLog::defaultPath());
    options.audit = &audit;
    if (!context.json)
        options.log = [](const QString &line) { std::fprintf(stderr, "%s\n", qUtf8Printable(line)); };

    const cache::PassResult result = cache::runCachePass(setup->group, hostTransports(), options);
    const cache::CleanupPlan &plan = result.plan;

    if (context.json) {
        QJsonArray actions;
        for (const cache::PlannedAction &a : plan.actions)
            actions.append(QJsonObject{{u"name"_s, a.name}, {u"path"_s, a.path}, {u"kind"_s, cache::toString(a.kind)},
                {u"action"_s, cache::toString(a.action)}, {u"reason"_s, a.reason}, {u"bytes"_s, a.bytes},
                {u"advice"_s, a.advice.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(a.advice)}});
        QJsonArray hosts;
        for (const host::HostConfig &h : std::as_const(setup->group))
            hosts.append(h.name);
        printJson({{u"dry_run"_s, options.dryRun}, {u"hosts"_s, hosts}, {u"blocked"_s, plan.blocked},
            {u"blocked_reason"_s, plan.blocked ? QJsonValue(plan.blockedReason) : QJsonValue(QJsonValue::Null)},
            {u"rules"_s, cache::toString(plan.rules)}, {u"policy"_s, policyJson(plan.policy)},
            {u"notes"_s, QJsonArray::fromStringList(plan.notes)},
            {u"refused"_s, result.refused ? QJsonValue(result.refused->message) : QJsonValue(QJsonValue::Null)},
            {u"reclaimable_bytes"_s, plan.reclaimableBytes}, {u"actions"_s, actions}});
    } else {
        QStringList names;
        for (const host::HostConfig &h : std::as_const(setup->group))
            names.append(h.name);
        printLine(u"Sharing group: %1"_s.arg(names.join(u", "_s)));
        printLine(u"Rules: %1; ages %2 s (originals, swap, ephemeral) and %3 s (resized); removal %4; from %5"_s
                      .arg(plan.rules == cache::PlanRules::Nova ? u"Nova's image cache manager"_s : u"Cowherd's"_s)
                      .arg(plan.policy.originalMinimumAgeSeconds)
                      .arg(plan.policy.resizedMinimumAgeSeconds)
                      .arg(plan.policy.removeUnused ? u"on"_s : u"off"_s, plan.policy.source));
        for (const QString &note : plan.notes)
            printLine(u"  note: "_s + note);
        if (plan.blocked)
            printLine(u"  ! "_s + plan.blockedReason);
        QList<QStringList> rows{{u"BASE FILE"_s, u"KIND"_s, u"ACTION"_s, u"SIZE"_s, u"REASON"_s}};
        for (const cache::PlannedAction &a : plan.actions)
            rows.append({a.name, cache::toString(a.kind), cache::toString(a.action), formatBytes(a.bytes),
                a.advice.isEmpty() ? a.reason : a.reason + u" [advice: "_s + a.advice + u']'});
        std::fputs(qUtf8Printable(formatTable(rows)), stdout);
        printLine(u"%1: %2 to remove (%3), %4 touched, %5 kept"_s.arg(options.dryRun ? u"Plan"_s : u"Done"_s)
                      .arg(plan.removeCount)
                      .arg(formatBytes(plan.reclaimableBytes))
                      .arg(plan.touchCount)
                      .arg(plan.keepCount));
    }
    if (result.refused)
        return printError(*result.refused);
    return plan.blocked ? ExitRefused : ExitSuccess;
}

int verifyCommand(const QStringList &arguments, Context &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Records or verifies the sha256 of base files, least recently verified "
                                     "first. A corrupt unused file is quarantined; one in use is flagged. "
                                     "Exit code 1 when a file does not match."_s);
    parser.addPositionalArgument(u"name"_s, u"Base files to verify (default: all, within the budget)."_s, u"[NAME…]"_s);
    parser.addOption({u"json"_s, u"Print the result as JSON."_s});
    parser.addOption({u"no-libvirt"_s, u"Do not ask libvirt for domains (references from disks alone)."_s});
    parser.addOption({u"budget-bytes"_s, u"Stop after this many bytes (0: no limit)."_s, u"BYTES"_s});
    parser.addOption({u"budget-seconds"_s, u"Start no file after this many seconds (0: no limit)."_s, u"SECONDS"_s});
    parser.addOption({u"workers"_s, u"Files hashed at once."_s, u"N"_s});
    parser.addOption({u"normal-io-priority"_s, u"Hash at normal I/O priority instead of idle."_s});
    parser.addOption({u"audit-log"_s, u"Append the audit trail to FILE instead of the data directory."_s, u"FILE"_s});
    if (const auto stop = parseCommandLine(parser, u"verify"_s, arguments))
        return *stop;
    context.json = context.json || parser.isSet(u"json"_s);

    auto setup = setUp(context);
    if (!setup)
        return printError(setup.error());
    cache::VerifyOptions options;
    options.names = parser.positionalArguments();
    // By hand, everything asked for is verified; the per-pass budget is for the background pass.
    options.budgetBytes = 0;
    options.budgetSeconds = 0;
    QString error;
    if (!readSeconds(parser, u"budget-bytes"_s, options.budgetBytes, error)
        || !readSeconds(parser, u"budget-seconds"_s, options.budgetSeconds, error))
        return usageError(error);
    options.workers = parser.isSet(u"workers"_s) ? parser.value(u"workers"_s).toInt() : setup->policy.verifyWorkers;
    if (options.workers < 1)
        return usageError(u"--workers takes a positive number"_s);
    const bool idle = setup->policy.verifyAtIdleIoPriority && !parser.isSet(u"normal-io-priority"_s);
    options.ioPriority = idle ? host::IoPriority::Idle : host::IoPriority::Normal;
    const cache::TransportFactory transports = hostTransports();
    cache::ScanOptions scan;
    scan.queryLibvirt = !parser.isSet(u"no-libvirt"_s);
    const cache::SharingGroupState state = cache::scanSharingGroup(setup->group, transports, scan);
    options.rescan = [&] { return cache::scanSharingGroup(setup->group, transports, scan); };
    cache::AuditLog audit(parser.isSet(u"audit-log"_s) ? parser.value(u"audit-log"_s) : cache::AuditLog::defaultPath());
    options.audit = &audit;
    options.hostName = setup->host.name;
    if (!context.json)
        options.log = [](const QString &line) { std::fprintf(stderr, "%s\n", qUtf8Printable(line)); };

    auto transport = transports(setup->host);
    if (!transport)
        return printError(host::transportFor(setup->host).error());
    if (auto allowed = cache::ensureWritesAllowed(setup->host, *transport, u"record or verify checksums"_s); !allowed)
        return printError(allowed.error());
    const QList<cache::VerifyOutcome> outcomes
        = cache::verifyBases(*transport, setup->host.instancesPath, state, options);
    bool bad = false;
    QJsonArray files;
    QList<QStringList> rows{{u"BASE FILE"_s, u"STATE"_s, u"RESULT"_s, u"SHA256"_s, u"VERIFIED"_s}};
    for (const cache::VerifyOutcome &o : outcomes) {
        bad = bad || o.result == cache::VerifyOutcome::Result::Failed
            || o.metadata.state == cache::BaseMetadata::ChecksumState::Mismatch;
        files.append(QJsonObject{{u"name"_s, o.name}, {u"path"_s, o.path},
            {u"state"_s, cache::toString(o.metadata.state)},
            {u"sha256"_s, o.metadata.sha256.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(o.metadata.sha256)},
            {u"verified_at"_s, timeValue(o.metadata.verifiedAt)}, {u"result"_s, cache::toString(o.result)},
            {u"message"_s, o.message}});
        rows.append({o.name, cache::toString(o.metadata.state), cache::toString(o.result),
            o.metadata.sha256.isEmpty() ? u"-"_s : o.metadata.sha256,
            o.metadata.verifiedAt.isValid() ? o.metadata.verifiedAt.toString(Qt::ISODate) : u"-"_s});
    }
    if (context.json)
        printJson({{u"files"_s, files}});
    else
        std::fputs(qUtf8Printable(formatTable(rows)), stdout);
    return bad ? ExitFailure : ExitSuccess;
}

namespace {

int setPinned(const QStringList &arguments, Context &context, bool pinned)
{
    const QString word = pinned ? u"pin"_s : u"unpin"_s;
    QCommandLineParser parser;
    parser.setApplicationDescription(pinned ? u"Keeps a base file forever, used or not."_s
                                            : u"Lets the cache pass remove a base file again when unused."_s);
    parser.addPositionalArgument(u"name"_s, u"The base file."_s, u"NAME"_s);
    parser.addOption({u"json"_s, u"Print the result as JSON."_s});
    if (const auto stop = parseCommandLine(parser, word, arguments))
        return *stop;
    if (parser.positionalArguments().size() != 1)
        return usageError(u"%1 takes exactly one base file name"_s.arg(word));
    context.json = context.json || parser.isSet(u"json"_s);
    const QString name = parser.positionalArguments().first();
    if (name.contains(u'/') || name.startsWith(u'.'))
        return usageError(u"'%1' is not a base file name"_s.arg(name));

    auto host = context.resolveHost();
    if (!host)
        return printError(host.error());
    auto made = host::transportFor(*host);
    if (!made)
        return printError(made.error());
    host::Transport &transport = **made;
    if (auto allowed = cache::ensureWritesAllowed(*host, transport, word + u' ' + name); !allowed)
        return printError(allowed.error());
    const QString base = cache::basePath(host->instancesPath);
    auto stat = transport.probe({base + u'/' + name}, 0);
    if (!stat || stat->isEmpty() || !stat->first().isFile)
        return printError(
            Error::make(Error::Kind::NotFound, u"No base file named %1 in %2 on %3."_s.arg(name, base, host->name)));
    auto meta = cache::readMetadata(transport, base, name);
    if (!meta)
        return printError(meta.error());
    meta->pinned = pinned;
    if (auto w = cache::writeMetadata(transport, base, name, *meta); !w)
        return printError(w.error());
    cache::AuditLog().append(host->name, base + u'/' + name, word, u"by hand"_s, stat->first().allocatedSize);
    if (context.json)
        printJson({{u"name"_s, name}, {u"pinned"_s, pinned}});
    else
        printLine(u"%1 %2"_s.arg(pinned ? u"Pinned"_s : u"Unpinned"_s, name));
    return ExitSuccess;
}

} // namespace

int pinCommand(const QStringList &arguments, Context &context)
{
    return setPinned(arguments, context, true);
}

int unpinCommand(const QStringList &arguments, Context &context)
{
    return setPinned(arguments, context, false);
}

} // namespace cowherd::ctl
