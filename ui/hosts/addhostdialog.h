#pragma once

#include "host/hostconfig.h"

#include <QDialog>
#include <QFutureWatcher>

class QComboBox;
class QDialogButtonBox;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace cowherd::ui {

// What a host check found, line by line ("libvirt: connected (QEMU 7.2)", ...).
struct HostCheck
{
    bool ok = true;
    QStringList lines;
};

// Checks that a host is usable: the URI, libvirt, the files (SSH for remote hosts), qemu-img,
// write access to _base and free space. Blocking: run it off the UI thread.
HostCheck checkHost(const host::HostConfig &host);

// Add host: a URI builder (transport, user, host, port) beside a raw URI field, the instances
// path, and a Test button that reports what works before the host is saved.
class AddHostDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit AddHostDialog(QWidget *parent = nullptr);
    ~AddHostDialog() override;

    host::HostConfig host() const;
    // The URI the builder fields describe.
    QString builtUri() const;
    QLineEdit *uriEdit() const { return m_uri; }
    QComboBox *transportBox() const { return m_transport; }
    QLineEdit *userEdit() const { return m_user; }
    QLineEdit *hostEdit() const { return m_hostName; }
    QSpinBox *portBox() const { return m_port; }
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *instancesPathEdit() const { return m_instancesPath; }
    QPushButton *testButton() const { return m_test; }
    QPlainTextEdit *report() const { return m_report; }

public Q_SLOTS:
    void test();

Q_SIGNALS:
    void tested(bool ok);

private:
    void updateUri();
    void updateState();

    QLineEdit *m_name;
    QComboBox *m_transport;
    QLineEdit *m_user;
    QLineEdit *m_hostName;
    QSpinBox *m_port;
    QLineEdit *m_uri;
    QLineEdit *m_instancesPath;
    QPushButton *m_test;
    QPlainTextEdit *m_report;
    QDialogButtonBox *m_buttons;
    QFutureWatcher<HostCheck> m_check;
};

} // namespace cowherd::ui
