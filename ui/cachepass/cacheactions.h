#pragma once

#include "cachepass/cachetasks.h"

#include "cache/cachesnapshot.h"

#include <QObject>
#include <QPointer>

#include <optional>

class QAction;
class QDialog;
class QWidget;

namespace cowherd::task {
class TaskManager;
}

namespace cowherd::ui {

class HostBanner;

// Cache pass…, Verify checksums, Pin/Unpin for the current host and base file, and the banner
// that names corrupt base files. Every action runs as a task.
class CacheActions final : public QObject
{
    Q_OBJECT

public:
    CacheActions(task::TaskManager *tasks, QWidget *dialogParent);
    ~CacheActions() override;

    void setTarget(const CacheTarget &target);
    void setSelectedBase(const cache::BaseFile *base);
    // Updates the corrupt-file banner.
    void setSnapshot(const cache::CacheSnapshot *snapshot);

    QList<QAction *> actions() const;
    QAction *cachePassAction() const { return m_cachePass; }
    QAction *verifyAction() const { return m_verify; }
    QAction *pinAction() const { return m_pin; }
    HostBanner *corruptBanner() const;

Q_SIGNALS:
    void taskSubmitted(quint64 id);
    void cachePassDialogOpened(QDialog *dialog);

private:
    void openCachePass();

    task::TaskManager *m_tasks;
    QWidget *m_dialogParent;
    CacheTarget m_target;
    std::optional<cache::BaseFile> m_base;
    QAction *m_cachePass;
    QAction *m_verify;
    QAction *m_pin;
    QPointer<HostBanner> m_banner;
};

} // namespace cowherd::ui
