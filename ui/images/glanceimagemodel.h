#pragma once

#include "source/glanceclient.h"

#include <QAbstractTableModel>
#include <QSet>

namespace cowherd::ui {

// The images of one cloud's Glance, with whether each is cached on the current host: its
// original base file sha1(id) is in that host's latest scan, as Nova names it.
class GlanceImageModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Name,
        Cached, // next to the name: what the tab is for
        Id,
        DiskFormat,
        Size,
        Status,
        Visibility,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role
    {
        SortRole = Qt::UserRole,
        IdRole, // the row's key
        CachedRole, // bool
    };

    explicit GlanceImageModel(QObject *parent = nullptr);

    void setImages(const QList<source::GlanceImage> &images);
    void clear();
    // The base file names in the current host's latest snapshot (scanned false: none yet).
    void setCachedBases(const QString &hostName, const QSet<QString> &baseNames, bool scanned = true);

    const source::GlanceImage *imageAt(int row) const;
    const source::GlanceImage *image(const QString &id) const;
    QModelIndex indexOf(const QString &id, int column = Name) const;
    bool isCached(const QString &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant displayData(const source::GlanceImage &image, int column) const;

    QList<source::GlanceImage> m_images;
    QList<QString> m_baseNames; // sha1(id) per row
    QString m_host;
    QSet<QString> m_cached;
    bool m_scanned = false;
};

} // namespace cowherd::ui
