#pragma once

#include "instances/instancetasks.h"

#include "cache/cachesnapshot.h"
#include "host/hostconfig.h"

#include <QWizard>

class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace cowherd::task {
class TaskManager;
}

namespace cowherd::ui {

// Launch an instance: the image (a base file already in the host's cache, or a local file),
// name, size, memory, vCPUs and network, then a last page that says what will happen to the
// cache. Finish submits a Launch task; the wizard does no work on the UI thread.
class LaunchWizard final : public QWizard
{
    Q_OBJECT

public:
    enum PageId
    {
        ImagePage,
        SettingsPage,
        SummaryPage
    };

    LaunchWizard(task::TaskManager *tasks, const host::HostConfig &host, const cache::CacheSnapshot *snapshot,
        QWidget *parent = nullptr);

    // For tests and the screenshot hook: the fields, as a person would fill them.
    void selectCachedImage(const QString &imageId);
    void setImageFile(const QString &path);
    // From the Images tab: an image of a cloud's Glance (its cached base file when the host has it).
    void setGlanceImage(std::shared_ptr<source::CloudSession> session, const QString &imageId, const QString &label);
    void setInstanceName(const QString &name);
    void setSizeGiB(int size);
    void setMemoryMiB(int memory);
    void setVcpus(int vcpus);
    void setNetwork(const QString &network);

    LaunchSpec spec() const;
    QString previewText() const;
    bool previewReady() const { return m_previewReady; }
    quint64 submittedTask() const { return m_submitted; }

    void accept() override;

Q_SIGNALS:
    void previewComputed(const QString &text);
    void launchSubmitted(quint64 taskId);

private:
    QWizardPage *createImagePage(const cache::CacheSnapshot *snapshot);
    QWizardPage *createSettingsPage();
    QWizardPage *createSummaryPage();
    void computePreview();

    task::TaskManager *m_tasks;
    host::HostConfig m_host;
    QRadioButton *m_fromCache = nullptr;
    QRadioButton *m_fromFile = nullptr;
    QRadioButton *m_fromGlance = nullptr;
    std::shared_ptr<source::CloudSession> m_glanceSession;
    QString m_glanceImageId;
    QString m_glanceLabel;
    QComboBox *m_cachedImages = nullptr;
    QLineEdit *m_file = nullptr;
    QLineEdit *m_name = nullptr;
    QSpinBox *m_size = nullptr;
    QSpinBox *m_memory = nullptr;
    QSpinBox *m_vcpus = nullptr;
    QComboBox *m_network = nullptr;
    QLabel *m_preview = nullptr;
    QWizardPage *m_summaryPage = nullptr;
    bool m_previewReady = false;
    bool m_previewAllows = false;
    quint64 m_previewGeneration = 0;
    quint64 m_submitted = 0;
};

} // namespace cowherd::ui
