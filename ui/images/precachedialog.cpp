#include "images/precachedialog.h"

#include "tables/scanscheduler.h"

#include "cache/basename.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace cowherd::ui {

namespace {
constexpr int HostNameRole = Qt::UserRole;
}

PrecacheDialog::PrecacheDialog(
    const source::GlanceImage &image, const ScanScheduler *scheduler, const QString &currentHost, QWidget *parent)
    : QDialog(parent)
    , m_hosts(new QListWidget(this))
{
    setObjectName(QStringLiteral("precacheDialog"));
    const QString label = image.name.isEmpty() ? image.id : image.name;
    setWindowTitle(tr("Pre-cache %1").arg(label));
    const QString baseName = cache::originalBaseName(image.id);
    auto *intro = new QLabel(tr("Fetch image %1 into the _base of each chosen host as %2, one task per host, all at "
                                "once. Hosts that have it already keep their copy.")
                                 .arg(label, baseName),
        this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);
    m_hosts->setAccessibleName(tr("Hosts"));
    for (const host::HostConfig &host : scheduler->hosts()) {
        QString state = tr("not scanned yet");
        bool cached = false;
        if (const cache::CacheSnapshot *snapshot = scheduler->snapshot(host.name)) {
            cached = snapshot->base(baseName) != nullptr;
            state = cached ? tr("cached") : tr("not cached");
        }
        auto *item = new QListWidgetItem(tr("%1 — %2").arg(host.name, state), m_hosts);
        item->setData(HostNameRole, host.name);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(host.name == currentHost && !cached ? Qt::Checked : Qt::Unchecked);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("&Pre-cache"));
    auto sync = [this, ok] { ok->setEnabled(!selectedHosts().isEmpty()); };
    connect(m_hosts, &QListWidget::itemChanged, this, sync);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    sync();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_hosts, 1);
    layout->addWidget(buttons);
    resize(480, 320);
}

QStringList PrecacheDialog::selectedHosts() const
{
    QStringList hosts;
    for (int i = 0; i < m_hosts->count(); ++i)
        if (m_hosts->item(i)->checkState() == Qt::Checked)
            hosts.append(m_hosts->item(i)->data(HostNameRole).toString());
    return hosts;
}

void PrecacheDialog::setHostChecked(const QString &host, bool checked)
{
    for (int i = 0; i < m_hosts->count(); ++i)
        if (m_hosts->item(i)->data(HostNameRole).toString() == host)
            m_hosts->item(i)->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
}

} // namespace cowherd::ui
