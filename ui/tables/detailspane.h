#pragma once

#include "cache/cachesnapshot.h"

#include <QStackedWidget>

class QFormLayout;
class QLabel;
class QListWidget;
class QTreeWidget;
class QVBoxLayout;

namespace cowherd::ui {

// What is known about the selected base file or instance: for a base file its sizes, image
// id, problems and the instances that use it; for an instance its disks and backing chains.
class DetailsPane final : public QStackedWidget
{
    Q_OBJECT

public:
    explicit DetailsPane(QWidget *parent = nullptr);

    void showNothing();
    void showBase(const cache::CacheSnapshot &snapshot, const QString &name);
    void showInstance(const cache::CacheSnapshot &snapshot, const QString &uuid);

    QString shownBase() const { return m_shownBase; }
    QString shownInstance() const { return m_shownInstance; }
    QListWidget *referenceList() const { return m_references; }
    QTreeWidget *diskTree() const { return m_disks; }
    // Adds a widget below the disks of the instance page (the live figures' plot).
    void addInstanceWidget(QWidget *widget);

Q_SIGNALS:
    void instanceActivated(const QString &uuid);
    void baseActivated(const QString &name);

private:
    QWidget *createBasePage();
    QWidget *createInstancePage();

    QLabel *m_baseTitle = nullptr;
    QLabel *m_baseKind = nullptr;
    QLabel *m_baseFormat = nullptr;
    QLabel *m_baseVirtual = nullptr;
    QLabel *m_baseAllocated = nullptr;
    QLabel *m_baseModified = nullptr;
    QLabel *m_baseImageId = nullptr;
    QLabel *m_basePath = nullptr;
    QLabel *m_baseProblems = nullptr;
    QLabel *m_referencesTitle = nullptr;
    QListWidget *m_references = nullptr;

    QLabel *m_instanceTitle = nullptr;
    QLabel *m_instanceName = nullptr;
    QLabel *m_instanceProject = nullptr; // the rows of Nova's metadata, hidden without it
    QLabel *m_instanceFlavor = nullptr;
    QLabel *m_instanceImage = nullptr;
    QFormLayout *m_instanceForm = nullptr;
    QLabel *m_instanceState = nullptr;
    QLabel *m_instanceDirectory = nullptr;
    QLabel *m_instanceProblems = nullptr;
    QTreeWidget *m_disks = nullptr;
    QVBoxLayout *m_instanceLayout = nullptr;

    QWidget *m_emptyPage = nullptr;
    QWidget *m_basePage = nullptr;
    QWidget *m_instancePage = nullptr;
    QString m_shownBase;
    QString m_shownInstance;
};

} // namespace cowherd::ui
