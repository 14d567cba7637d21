#pragma once

#include "images/imagetasks.h"

#include "host/hostconfig.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace cowherd::task {
class TaskManager;
}

namespace cowherd::ui {

// Imports an image into the current host's _base: a file, an archive (with !member), or an
// http(s) URL with an optional sha256, named as cowherdctl fetch names it. Import submits a
// task (bytes, speed, ETA, cancel in the task centre); the dialog does no I/O itself.
class ImportDialog final : public QDialog
{
    Q_OBJECT

public:
    ImportDialog(task::TaskManager *tasks, const host::HostConfig &host, QWidget *parent = nullptr);

    // For tests and the screenshot hook, as a person would fill the fields.
    void setSource(const QString &source);
    void setSha256(const QString &hex);
    void setKeepFormat(bool keep);
    ImportSpec spec() const;
    QString problem() const; // why Import is disabled, empty when it is not
    quint64 submittedTask() const { return m_submitted; }

    void accept() override;

Q_SIGNALS:
    void importSubmitted(quint64 taskId);

private:
    void validate();

    task::TaskManager *m_tasks;
    host::HostConfig m_host;
    QLineEdit *m_source;
    QLineEdit *m_sha256;
    QLineEdit *m_caFile;
    QCheckBox *m_keepFormat;
    QLabel *m_hint;
    QPushButton *m_importButton = nullptr;
    quint64 m_submitted = 0;
};

} // namespace cowherd::ui
