#pragma once

#include "source/glanceclient.h"

#include <QDialog>

class QListWidget;

namespace cowherd::ui {

class ScanScheduler;

// Chooses the hosts to pre-cache one Glance image on, as Nova's aggregate image pre-caching
// does: every host with whether its latest scan has the image already. One task per host.
class PrecacheDialog final : public QDialog
{
    Q_OBJECT

public:
    PrecacheDialog(const source::GlanceImage &image, const ScanScheduler *scheduler, const QString &currentHost,
        QWidget *parent = nullptr);

    QStringList selectedHosts() const;
    void setHostChecked(const QString &host, bool checked);
    QListWidget *hostList() const { return m_hosts; }

private:
    QListWidget *m_hosts;
};

} // namespace cowherd::ui
