#include "cachepass/cacheactions.h"

#include "cachepass/cachepassdialog.h"
#include "hosts/hostbanner.h"
#include "task/taskmanager.h"

#include <QAction>
#include <QApplication>
#include <QStyle>

namespace cowherd::ui {

CacheActions::CacheActions(task::TaskManager *tasks, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_tasks(tasks)
    , m_dialogParent(dialogParent)
    , m_banner(new HostBanner(dialogParent))
{
    m_banner->setObjectName(QStringLiteral("corruptBaseBanner"));
    m_banner->setAccessibleName(tr("Corrupt base files"));
    QStyle *style = QApplication::style();
    m_cachePass = new QAction(style->standardIcon(QStyle::SP_TrashIcon), tr("Cache &pass…"), this);
    m_cachePass->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_cachePass->setToolTip(tr("Preview what a cache pass would remove, then run it (Ctrl+Shift+P)"));
    m_verify = new QAction(style->standardIcon(QStyle::SP_DialogApplyButton), tr("&Verify checksums"), this);
    m_verify->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    m_verify->setToolTip(tr("Hash every base file of the host and compare with the recorded sha256 (Ctrl+Shift+V)"));
    m_pin = new QAction(tr("P&in base file"), this);
    m_pin->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    connect(m_cachePass, &QAction::triggered, this, &CacheActions::openCachePass);
    connect(m_verify, &QAction::triggered, this, [this] {
        Q_EMIT taskSubmitted(m_tasks->submit(
            tr("Verify checksums on %1").arg(m_target.host.name), m_target.host.name, CacheTasks::verify(m_target)));
    });
    connect(m_pin, &QAction::triggered, this, [this] {
        if (!m_base)
            return;
        const bool pin = !m_base->pinned;
        Q_EMIT taskSubmitted(m_tasks->submit(pin ? tr("Pin %1").arg(m_base->name) : tr("Unpin %1").arg(m_base->name),
            m_target.host.name, CacheTasks::setPinned(m_target.host, m_base->name, pin)));
    });
    setSelectedBase(nullptr);
    setTarget({});
}

CacheActions::~CacheActions()
{
    // Without a window to live in, the banner is ours.
    if (m_banner && !m_banner->parent())
        delete m_banner;
}

HostBanner *CacheActions::corruptBanner() const
{
    return m_banner;
}

QList<QAction *> CacheActions::actions() const
{
    return {m_cachePass, m_verify, m_pin};
}

void CacheActions::setTarget(const CacheTarget &target)
{
    m_target = target;
    const bool haveHost = !target.host.name.isEmpty();
    m_cachePass->setEnabled(haveHost);
    m_verify->setEnabled(haveHost);
}

void CacheActions::setSelectedBase(const cache::BaseFile *base)
{
    m_base = base ? std::optional(*base) : std::nullopt;
    m_pin->setEnabled(base && base->kind != cache::BaseKind::Partial);
    const bool pinned = base && base->pinned;
    m_pin->setText(pinned ? tr("Unp&in base file") : tr("P&in base file"));
    m_pin->setToolTip(pinned ? tr("Let cache passes remove this base file again when unused (Ctrl+Shift+I)")
                             : tr("Keep this base file forever, used or not (Ctrl+Shift+I)"));
}

void CacheActions::setSnapshot(const cache::CacheSnapshot *snapshot)
{
    QStringList corrupt;
    if (snapshot)
        for (const cache::BaseFile &base : snapshot->bases)
            for (const Problem &problem : base.problems)
                if (problem.code == u"checksum-mismatch")
                    corrupt.append(base.name);
    if (corrupt.isEmpty()) {
        m_banner->clearMessage();
        return;
    }
    m_banner->showMessage(HostBanner::Level::Error,
        tr("%n base file(s) on %1 no longer match their recorded sha256 and are corrupt: %2. "
           "Instances using them may read bad data; fetch the image again and move them to it.",
            nullptr, int(corrupt.size()))
            .arg(snapshot->host.name, corrupt.join(QStringLiteral(", "))));
}

void CacheActions::openCachePass()
{
    if (m_target.host.name.isEmpty())
        return;
    auto *dialog = new CachePassDialog(m_tasks, m_target, m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setModal(false);
    dialog->show();
    dialog->plan();
    Q_EMIT cachePassDialogOpened(dialog);
}

} // namespace cowherd::ui
