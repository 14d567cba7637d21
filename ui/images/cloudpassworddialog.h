#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace cowherd::ui {

// Asks for a cloud's password when clouds.yaml, secure.yaml and the OS_* variables give none,
// with "keep it in the keyring" (disabled, with the reason, when no keyring can be reached).
class CloudPasswordDialog final : public QDialog
{
    Q_OBJECT

public:
    // who: "admin at http://keystone:5000"; keyringUnavailable: why the keyring cannot keep it.
    CloudPasswordDialog(
        const QString &cloud, const QString &who, const QString &keyringUnavailable, QWidget *parent = nullptr);

    QString password() const;
    bool keepInKeyring() const;
    QLineEdit *passwordEdit() const { return m_password; }

private:
    QLineEdit *m_password;
    QCheckBox *m_keep;
};

} // namespace cowherd::ui
