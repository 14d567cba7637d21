#include "hosts/hostlistmodel.h"

#include "common/displayformat.h"
#include "hosts/hostconnections.h"

#include <QApplication>
#include <QColor>
#include <QLocale>
#include <QStyle>

#include <functional>

namespace cowherd::ui {

using namespace Qt::StringLiterals;

HostListModel::HostListModel(QObject *parent)
    : SnapshotTableModel(ColumnCount, parent)
{ }

void HostListModel::setHosts(const QList<host::HostConfig> &hosts, bool demoLab)
{
    QList<Row> next;
    next.reserve(hosts.size());
    for (const auto &host : hosts) {
        Row row;
        row.host = host;
        if (const Row *existing = rowAt(indexOf(host.name).row()); existing && existing->host == host)
            row = *existing;
        next.append(row);
    }
    const bool demoChanged = m_demoLab != demoLab;
    m_demoLab = demoLab;
    updateRows(std::move(next), [demoChanged](const Row &a, const Row &b) { return !demoChanged && a == b; });
}

void HostListModel::changeRow(const QString &hostName, const std::function<void(Row &)> &change)
{
    const QModelIndex index = indexOf(hostName);
    if (!index.isValid())
        return;
    change(editRow(index.row()));
    Q_EMIT dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
}

void HostListModel::setScanning(const QString &hostName)
{
    changeRow(hostName, [](Row &row) { row.state = ScanState::Scanning; });
}

void HostListModel::setScanned(const QString &hostName, const cache::CacheSnapshot &snapshot)
{
    changeRow(hostName, [&snapshot](Row &row) {
        QList<Problem> problems = snapshot.problems;
        if (!snapshot.libvirtStatus.isEmpty())
            problems.append({QStringLiteral("libvirt"), snapshot.libvirtStatus});
        row.state = problems.isEmpty() ? ScanState::Ok : ScanState::Error;
        row.message = DisplayFormat::problems(problems);
        row.baseFiles = int(snapshot.bases.size());
        row.instances = int(snapshot.instances.size());
        row.scannedAt = snapshot.takenAt;
        row.cacheBytes = 0;
        for (const cache::BaseFile &base : snapshot.bases)
            row.cacheBytes += base.allocatedSize;
        row.listed = std::ranges::none_of(
            snapshot.problems, [](const Problem &p) { return p.code == QLatin1String("instances-path-unreadable"); });
        // Whose cache it is needs a look under the instances path (or the host's setting): a scan
        // that could not list it keeps what the last one found (unknown at first).
        if (row.listed || row.host.managedBy != host::ManagedBy::Auto) {
            row.managedBy = host::toString(snapshot.managedBy);
            row.managedByReason = snapshot.managedByReason;
        }
        if (!row.listed)
            row.reclaimableBytes = -1;
    });
}

void HostListModel::setConnectionState(
    const QString &hostName, host::HostConnection::State state, const QString &reason, int attempt)
{
    changeRow(hostName, [&](Row &row) {
        row.connection = int(state);
        row.connectionReason = reason;
        row.attempt = attempt;
    });
}

void HostListModel::setReclaimable(const QString &hostName, qint64 bytes, int files, const QStringList &sharedWith)
{
    changeRow(hostName, [&](Row &row) {
        row.reclaimableBytes = bytes;
        row.removableFiles = files;
        row.reclaimSharedWith = sharedWith;
    });
}

void HostListModel::setLastPass(const QString &hostName, const ui::LastPass &pass)
{
    changeRow(hostName, [&](Row &row) { row.lastPass = pass; });
}

void HostListModel::setFailed(const QString &hostName, const QString &message)
{
    changeRow(hostName, [&message](Row &row) {
        row.state = ScanState::Error;
        row.message = message;
        row.baseFiles = 0;
        row.instances = 0;
        row.listed = false;
        row.cacheBytes = 0;
        row.reclaimableBytes = -1;
        row.removableFiles = 0;
    });
}

QList<host::HostConfig> HostListModel::hosts() const
{
    QList<host::HostConfig> out;
    out.reserve(rows().size());
    for (const auto &row : rows())
        out.append(row.host);
    return out;
}

std::optional<host::HostConfig> HostListModel::hostAt(int row) const
{
    if (const Row *found = rowAt(row))
        return found->host;
    return std::nullopt;
}

QString HostListModel::displayName(const Row &row) const
{
    return m_demoLab ? tr("Local demo lab") : row.host.name;
}

bool HostListModel::connectionLost(const Row &row) const
{
    using S = host::HostConnection::State;
    return row.connection == int(S::Reconnecting) || row.connection == int(S::Failed);
}

QString HostListModel::connectionText(const Row &row) const
{
    if (row.connection < 0)
        return {};
    return HostConnections::stateText(host::HostConnection::State(row.connection), row.connectionReason, row.attempt);
}

QString HostListModel::message(const Row &row) const
{
    if (connectionLost(row) && !row.connectionReason.isEmpty())
        return row.connectionReason;
    return row.state == ScanState::Error ? row.message : QString();
}

// A lost connection says most about the host; then what the scan does or found.
QString HostListModel::stateText(const Row &row) const
{
    if (connectionLost(row))
        return connectionText(row);
    if (row.state == ScanState::Ok && row.connection >= 0)
        return connectionText(row);
    switch (row.state) {
    case ScanState::NotScanned:
        return tr("not scanned");
    case ScanState::Scanning:
        return tr("scanning…");
    case ScanState::Ok:
        return tr("ok");
    case ScanState::Error:
        return row.message.isEmpty() ? tr("error") : tr("error: %1").arg(row.message);
    }
    return {};
}

QString HostListModel::summary(const Row &row) const
{
    if (connectionLost(row))
        return tr("%1 · %2").arg(row.host.uri, stateText(row));
    switch (row.state) {
    case ScanState::NotScanned:
    case ScanState::Scanning:
        return tr("%1 · %2").arg(row.host.uri, stateText(row));
    case ScanState::Ok:
    case ScanState::Error:
        if (row.scannedAt.isValid()) {
            const QString counts
                = tr("%n base file(s), ", nullptr, row.baseFiles) + tr("%n instance(s)", nullptr, row.instances);
            // "Nova" first: the sidebar elides the end of a long URI.
            return row.managedBy == u"nova" ? tr("Nova · %1 · %2").arg(row.host.uri, counts)
                                            : tr("%1 · %2").arg(row.host.uri, counts);
        }
        return tr("%1 · %2").arg(row.host.uri, stateText(row));
    }
    return {};
}

QString HostListModel::managedByText(const Row &row) const
{
    if (row.managedBy == u"nova")
        return row.host.allowNovaWrites ? tr("Nova (Cowherd may write)") : tr("Nova (advice only)");
    if (row.managedBy == u"cowherd")
        return tr("Cowherd");
    return {};
}

QIcon HostListModel::stateIcon(const Row &row) const
{
    QStyle *style = QApplication::style();
    if (connectionLost(row))
        return style->standardIcon(QStyle::SP_MessageBoxWarning);
    switch (row.state) {
    case ScanState::NotScanned:
    case ScanState::Scanning:
        return style->standardIcon(QStyle::SP_BrowserReload);
    case ScanState::Ok:
        return style->standardIcon(QStyle::SP_DriveHDIcon);
    case ScanState::Error:
        return style->standardIcon(QStyle::SP_MessageBoxWarning);
    }
    return {};
}

QVariant HostListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = rows()[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, index.column());
    case SortRole:
        switch (index.column()) {
        case CacheSize:
            return row.cacheBytes;
        case Reclaimable:
            return row.reclaimableBytes;
        case LastPass:
            return row.lastPass.time;
        case Instances:
        case BaseFiles:
            return displayData(row, index.column());
        case State: // the troubled hosts first
            return u"%1 %2"_s.arg(connectionLost(row) || row.state == ScanState::Error ? 0 : 1).arg(stateText(row));
        default:
            return displayData(row, index.column());
        }
    case HostNameRole:
        return row.host.name;
    case ScanStateRole:
        return int(row.state);
    case ConnectionStateRole:
        return row.connection;
    case MessageRole:
        return message(row);
    case ManagedByRole:
        return row.managedBy;
    case SummaryRole:
        return summary(row);
    case Qt::DecorationRole:
        return index.column() == Name ? QVariant(stateIcon(row)) : QVariant();
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case CacheSize:
        case Reclaimable:
        case Instances:
        case BaseFiles:
            return int(Qt::AlignRight | Qt::AlignVCenter);
        }
        return {};
    case Qt::ForegroundRole:
        if ((index.column() == State && (connectionLost(row) || row.state == ScanState::Error))
            || (index.column() == LastPass && row.lastPass.failed))
            return QColor(0xc6, 0x28, 0x28);
        return {};
    case Qt::ToolTipRole: {
        QString tip = tr("%1\n%2\nInstances path: %3\nState: %4")
                          .arg(displayName(row), row.host.uri, row.host.instancesPath, stateText(row));
        if (row.connection >= 0)
            tip += u'\n' + tr("libvirt: %1").arg(connectionText(row));
        if (const QString why = message(row); !why.isEmpty() && !tip.contains(why))
            tip += u'\n' + why;
        if (index.column() == Reclaimable && row.reclaimableBytes >= 0) {
            tip += u'\n' + tr("%n file(s) a cache pass would remove now", nullptr, row.removableFiles);
            if (!row.reclaimSharedWith.isEmpty())
                tip += u'\n'
                    + tr("This _base is shared with %1: the figure is the whole group's, planned on the instances "
                         "of all its hosts. Count it once, not once per host.")
                          .arg(row.reclaimSharedWith.join(u", "_s));
        }
        if (!row.managedBy.isEmpty())
            tip += u'\n' + tr("Managed by: %1 (%2)").arg(managedByText(row), row.managedByReason);
        if (index.column() == LastPass && row.lastPass.time.isValid())
            tip += u'\n'
                + tr("Last cache pass: %1, %2")
                      .arg(QLocale().toString(row.lastPass.time.toLocalTime(), QLocale::ShortFormat),
                          row.lastPass.outcome);
        return tip;
    }
    default:
        return {};
    }
}

QVariant HostListModel::displayData(const Row &row, int column) const
{
    // A host whose files could not be listed has no figures, rather than zeros.
    const bool scanned = row.scannedAt.isValid() && row.listed;
    switch (column) {
    case Name:
        return displayName(row);
    case Uri:
        return row.host.uri;
    case ManagedBy:
        return managedByText(row);
    case State:
        return stateText(row);
    case BaseFiles:
        return scanned ? QVariant(row.baseFiles) : QVariant();
    case Instances:
        return scanned ? QVariant(row.instances) : QVariant();
    case CacheSize:
        return scanned ? DisplayFormat::size(row.cacheBytes) : QString();
    case Reclaimable:
        if (!scanned || row.reclaimableBytes < 0)
            return QString();
        return row.reclaimSharedWith.isEmpty() ? DisplayFormat::size(row.reclaimableBytes)
                                               : tr("%1 · shared").arg(DisplayFormat::size(row.reclaimableBytes));
    case LastPass:
        if (!row.lastPass.time.isValid())
            return tr("none yet");
        return tr("%1 ago · %2")
            .arg(DisplayFormat::age(row.lastPass.time.secsTo(QDateTime::currentDateTimeUtc())), row.lastPass.outcome);
    }
    return {};
}

QVariant HostListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Host");
    case Uri:
        return tr("URI");
    case State:
        return tr("State");
    case CacheSize:
        return tr("Cache size");
    case Reclaimable:
        return tr("Reclaimable");
    case LastPass:
        return tr("Last cache pass");
    case ManagedBy:
        return tr("Managed by");
    case BaseFiles:
        return tr("Base files");
    case Instances:
        return tr("Instances");
    }
    return {};
}

} // namespace cowherd::ui
