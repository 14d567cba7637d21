#include "images/glanceimagemodel.h"

#include "common/displayformat.h"

#include "cache/basename.h"

namespace cowherd::ui {

GlanceImageModel::GlanceImageModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void GlanceImageModel::setImages(const QList<source::GlanceImage> &images)
{
    beginResetModel();
    m_images = images;
    m_baseNames.clear();
    for (const source::GlanceImage &image : m_images)
        m_baseNames.append(cache::originalBaseName(image.id));
    endResetModel();
}

void GlanceImageModel::clear()
{
    setImages({});
}

void GlanceImageModel::setCachedBases(const QString &hostName, const QSet<QString> &baseNames, bool scanned)
{
    if (hostName == m_host && baseNames == m_cached && scanned == m_scanned)
        return;
    m_host = hostName;
    m_cached = baseNames;
    m_scanned = scanned;
    if (!m_images.isEmpty())
        Q_EMIT dataChanged(index(0, Cached), index(int(m_images.size()) - 1, Cached));
    Q_EMIT headerDataChanged(Qt::Horizontal, Cached, Cached);
}

const source::GlanceImage *GlanceImageModel::imageAt(int row) const
{
    return row >= 0 && row < m_images.size() ? &m_images.at(row) : nullptr;
}

const source::GlanceImage *GlanceImageModel::image(const QString &id) const
{
    return imageAt(indexOf(id).row());
}

QModelIndex GlanceImageModel::indexOf(const QString &id, int column) const
{
    for (qsizetype row = 0; row < m_images.size(); ++row)
        if (m_images.at(row).id == id)
            return index(int(row), column);
    return {};
}

bool GlanceImageModel::isCached(const QString &id) const
{
    const QModelIndex found = indexOf(id);
    return found.isValid() && m_cached.contains(m_baseNames.at(found.row()));
}

int GlanceImageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_images.size());
}

int GlanceImageModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant GlanceImageModel::displayData(const source::GlanceImage &image, int column) const
{
    switch (column) {
    case Name:
        return image.name.isEmpty() ? tr("(no name)") : image.name;
    case Id:
        return image.id;
    case DiskFormat:
        return image.diskFormat.isEmpty() ? tr("–") : image.diskFormat;
    case Size:
        return image.size < 0 ? tr("–") : DisplayFormat::size(image.size);
    case Status:
        return image.status;
    case Visibility:
        return image.visibility;
    default:
        return {};
    }
}

QVariant GlanceImageModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_images.size())
        return {};
    const source::GlanceImage &image = m_images.at(index.row());
    const bool cached = m_cached.contains(m_baseNames.at(index.row()));
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == Cached)
            return !m_scanned ? tr("not scanned") : cached ? tr("yes") : tr("no");
        return displayData(image, index.column());
    case SortRole:
        if (index.column() == Size)
            return image.size;
        if (index.column() == Cached)
            return cached;
        return displayData(image, index.column());
    case IdRole:
        return image.id;
    case CachedRole:
        return cached;
    case Qt::ToolTipRole:
        if (index.column() == Cached && m_scanned)
            return cached ? tr("%1 holds this image as base file %2").arg(m_host, m_baseNames.at(index.row()))
                          : tr("No base file %1 on %2").arg(m_baseNames.at(index.row()), m_host);
        if (image.status != u"active")
            return tr("Only active images can be fetched; this one is %1.").arg(image.status);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Size)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant GlanceImageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Id:
        return tr("ID");
    case DiskFormat:
        return tr("Disk format");
    case Size:
        return tr("Size");
    case Status:
        return tr("Status");
    case Visibility:
        return tr("Visibility");
    case Cached:
        return m_host.isEmpty() ? tr("Cached on this host") : tr("Cached on %1").arg(m_host);
    default:
        return {};
    }
}

} // namespace cowherd::ui
