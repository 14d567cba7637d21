#pragma once

#include "cache/cachesnapshot.h"
#include "host/hostconfig.h"
#include "snapshottablemodel.h"

#include <QDateTime>
#include <QIcon>

#include <functional>
#include <optional>

namespace cowherd::ui {

// The hosts of the sidebar with the state of their latest scan.
class HostListModel final : public SnapshotTableModel
{
    Q_OBJECT

public:
    enum Column {
        Name,
        Uri,
        State,
        BaseFiles,
        Instances,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        SortRole = Qt::UserRole,
        HostNameRole, // the row's key
        ScanStateRole, // ScanState as int
        SummaryRole, // one line under the name: URI and state or counts
    };

    enum class ScanState {
        NotScanned,
        Scanning,
        Ok,
        Error,
    };
    Q_ENUM(ScanState)

    explicit HostListModel(QObject *parent = nullptr);

    // Keeps the scan state of hosts that stay; the demo lab gets a friendly display name.
    void setHosts(const QList<host::HostConfig> &hosts, bool demoLab = false);
    void setScanning(const QString &hostName);
    void setScanned(const QString &hostName, const cache::CacheSnapshot &snapshot);
    void setFailed(const QString &hostName, const QString &message);

    bool isDemoLab() const { return m_demoLab; }
    QList<host::HostConfig> hosts() const;
    std::optional<host::HostConfig> hostAt(int row) const;
    QModelIndex indexOf(const QString &hostName, int column = Name) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        host::HostConfig host;
        ScanState state = ScanState::NotScanned;
        QString message; // why the scan failed, or the host-level problems
        int baseFiles = 0;
        int instances = 0;
        QDateTime scannedAt;
    };

    void changeRow(const QString &hostName, const std::function<void(Row &)> &change);
    QString displayName(const Row &row) const;
    QString stateText(const Row &row) const;
    QString summary(const Row &row) const;
    QIcon stateIcon(const Row &row) const;

    QList<Row> m_rows;
    bool m_demoLab = false;
};

} // namespace cowherd::ui
