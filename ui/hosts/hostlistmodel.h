#pragma once

#include "cache/cachesnapshot.h"
#include "cachepass/lastpass.h"
#include "host/hostconfig.h"
#include "host/hostconnection.h"
#include "tables/snapshottablemodel.h"

#include <QDateTime>
#include <QIcon>

#include <functional>
#include <optional>

namespace cowherd::ui {

// HostListModel::ScanState: what the latest scan of a host did.
enum class HostScanState
{
    NotScanned,
    Scanning,
    Ok,
    Error,
};

// A row of HostListModel.
struct HostRow
{
    host::HostConfig host;
    HostScanState state = HostScanState::NotScanned;
    QString message; // why the scan failed, or the host-level problems
    int baseFiles = 0;
    int instances = 0;
    QDateTime scannedAt;
    bool listed = false; // the latest scan could list the instances path: its figures count
    qint64 cacheBytes = 0;
    qint64 reclaimableBytes = -1; // -1: not planned yet
    int removableFiles = 0;
    QString managedBy; // "nova" or "cowherd" once scanned
    QString managedByReason;
    QStringList reclaimSharedWith; // the other hosts of the group the figure is planned for
    ui::LastPass lastPass;
    int connection = -1; // host::HostConnection::State; -1: none
    QString connectionReason;
    int attempt = 0;

    const QString &key() const { return host.name; }

    friend bool operator==(const HostRow &, const HostRow &) = default;
};

// The hosts of the sidebar and of the overview of all hosts: the state of their libvirt
// connection and of their latest scan, cache figures and the last cache pass.
class HostListModel final : public SnapshotTableModel<HostRow>
{
    Q_OBJECT

public:
    enum Column
    {
        Name,
        State,
        CacheSize,
        Reclaimable,
        Instances,
        BaseFiles,
        LastPass,
        ManagedBy,
        Uri,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role
    {
        SortRole = Qt::UserRole,
        HostNameRole, // the row's key
        ScanStateRole, // ScanState as int
        SummaryRole, // one line under the name: URI and state or counts
        ConnectionStateRole, // host::HostConnection::State as int; -1 without a connection
        MessageRole, // why the host is reconnecting, failed or could not be scanned; empty when fine
        ManagedByRole, // "nova" or "cowherd" after a scan; empty before
    };

    using ScanState = HostScanState;

    explicit HostListModel(QObject *parent = nullptr);

    // Keeps the scan state of hosts that stay; the demo lab gets a friendly display name.
    void setHosts(const QList<host::HostConfig> &hosts, bool demoLab = false);
    void setScanning(const QString &hostName);
    void setScanned(const QString &hostName, const cache::CacheSnapshot &snapshot);
    void setFailed(const QString &hostName, const QString &message);
    // attempt: the reconnect attempt under way or next, while Reconnecting.
    void setConnectionState(
        const QString &hostName, host::HostConnection::State state, const QString &reason, int attempt);
    // What a cache pass would remove now, planned on the latest snapshot. sharedWith: the other
    // hosts of the sharing group the figure was planned for (it is the group's, not the host's).
    void setReclaimable(const QString &hostName, qint64 bytes, int files, const QStringList &sharedWith = {});
    void setLastPass(const QString &hostName, const ui::LastPass &pass);

    bool isDemoLab() const { return m_demoLab; }
    QList<host::HostConfig> hosts() const;
    std::optional<host::HostConfig> hostAt(int row) const;
    // indexOf(hostName, column): the row of the host.

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    using Row = HostRow;

    void changeRow(const QString &hostName, const std::function<void(Row &)> &change);
    QString displayName(const Row &row) const;
    QString stateText(const Row &row) const;
    QString connectionText(const Row &row) const;
    bool connectionLost(const Row &row) const;
    QString message(const Row &row) const;
    QVariant displayData(const Row &row, int column) const;
    QString summary(const Row &row) const;
    QString managedByText(const Row &row) const;
    QIcon stateIcon(const Row &row) const;

    bool m_demoLab = false;
};

} // namespace cowherd::ui
