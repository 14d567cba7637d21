#include "hostlistmodel.h"

#include "displayformat.h"

#include <QApplication>
#include <QStyle>

#include <functional>

namespace cowherd::ui {

HostListModel::HostListModel(QObject *parent)
    : SnapshotTableModel(parent)
{
}

void HostListModel::setHosts(const QList<host::HostConfig> &hosts, bool demoLab)
{
    QList<Row> next;
    next.reserve(hosts.size());
    for (const auto &host : hosts) {
        Row row;
        row.host = host;
        if (const QModelIndex existing = indexOf(host.name); existing.isValid() && m_rows[existing.row()].host == host)
            row = m_rows[existing.row()];
        next.append(row);
    }
    const bool demoChanged = m_demoLab != demoLab;
    m_demoLab = demoLab;
    updateRows(m_rows, std::move(next), [](const Row &r) { return r.host.name; },
        [demoChanged](const Row &a, const Row &b) {
            return !demoChanged && a.host == b.host && a.state == b.state && a.message == b.message
                && a.baseFiles == b.baseFiles && a.instances == b.instances && a.scannedAt == b.scannedAt;
        });
}

void HostListModel::changeRow(const QString &hostName, const std::function<void(Row &)> &change)
{
    const QModelIndex index = indexOf(hostName);
    if (!index.isValid())
        return;
    change(m_rows[index.row()]);
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
    });
}

void HostListModel::setFailed(const QString &hostName, const QString &message)
{
    changeRow(hostName, [&message](Row &row) {
        row.state = ScanState::Error;
        row.message = message;
        row.baseFiles = 0;
        row.instances = 0;
    });
}

QList<host::HostConfig> HostListModel::hosts() const
{
    QList<host::HostConfig> out;
    out.reserve(m_rows.size());
    for (const auto &row : m_rows)
        out.append(row.host);
    return out;
}

std::optional<host::HostConfig> HostListModel::hostAt(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return std::nullopt;
    return m_rows[row].host;
}

QModelIndex HostListModel::indexOf(const QString &hostName, int column) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].host.name == hostName)
            return index(int(i), column);
    return {};
}

int HostListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HostListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString HostListModel::displayName(const Row &row) const
{
    return m_demoLab ? tr("Local demo lab") : row.host.name;
}

QString HostListModel::stateText(const Row &row) const
{
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
    switch (row.state) {
    case ScanState::NotScanned:
    case ScanState::Scanning:
        return tr("%1 · %2").arg(row.host.uri, stateText(row));
    case ScanState::Ok:
    case ScanState::Error:
        if (row.scannedAt.isValid())
            return tr("%1 · %n base file(s), ", nullptr, row.baseFiles).arg(row.host.uri)
                + tr("%n instance(s)", nullptr, row.instances);
        return tr("%1 · %2").arg(row.host.uri, stateText(row));
    }
    return {};
}

QIcon HostListModel::stateIcon(const Row &row) const
{
    QStyle *style = QApplication::style();
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
    const Row &row = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case SortRole:
        switch (index.column()) {
        case Name:
            return displayName(row);
        case Uri:
            return row.host.uri;
        case State:
            return stateText(row);
        case BaseFiles:
            return row.baseFiles;
        case Instances:
            return row.instances;
        }
        return {};
    case HostNameRole:
        return row.host.name;
    case ScanStateRole:
        return int(row.state);
    case SummaryRole:
        return summary(row);
    case Qt::DecorationRole:
        return index.column() == Name ? QVariant(stateIcon(row)) : QVariant();
    case Qt::ToolTipRole:
        return tr("%1\n%2\nInstances path: %3\nState: %4")
            .arg(displayName(row), row.host.uri, row.host.instancesPath, stateText(row));
    default:
        return {};
    }
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
    case BaseFiles:
        return tr("Base files");
    case Instances:
        return tr("Instances");
    }
    return {};
}

} // namespace cowherd::ui
