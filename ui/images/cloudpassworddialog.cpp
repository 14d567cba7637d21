#include "images/cloudpassworddialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cowherd::ui {

CloudPasswordDialog::CloudPasswordDialog(
    const QString &cloud, const QString &who, const QString &keyringUnavailable, QWidget *parent)
    : QDialog(parent)
    , m_password(new QLineEdit(this))
    , m_keep(new QCheckBox(tr("&Keep it in the desktop keyring"), this))
{
    setObjectName(QStringLiteral("cloudPasswordDialog"));
    setWindowTitle(tr("Password for cloud %1").arg(cloud));
    auto *intro = new QLabel(tr("Cloud %1 needs the password of %2; neither clouds.yaml, secure.yaml nor the "
                                "OS_* variables give it.")
                                 .arg(cloud, who),
        this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setAccessibleName(tr("Password"));
    m_keep->setChecked(keyringUnavailable.isEmpty());
    auto *note = new QLabel(this);
    note->setObjectName(QStringLiteral("keyringNote"));
    note->setWordWrap(true);
    note->setTextFormat(Qt::PlainText);
    if (!keyringUnavailable.isEmpty()) {
        m_keep->setEnabled(false);
        note->setText(tr("The password cannot be kept: no desktop keyring answered (%1). Cowherd will ask again "
                         "next time.")
                          .arg(keyringUnavailable));
    } else {
        note->setText(tr("Without the keyring, Cowherd asks again after it is restarted. The password is never "
                         "written to a file or a log."));
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Log in"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    connect(m_password, &QLineEdit::textChanged, this,
        [buttons](const QString &text) { buttons->button(QDialogButtonBox::Ok)->setEnabled(!text.isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("&Password:"), m_password);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_keep);
    layout->addWidget(note);
    layout->addWidget(buttons);
}

QString CloudPasswordDialog::password() const
{
    return m_password->text();
}

bool CloudPasswordDialog::keepInKeyring() const
{
    return m_keep->isEnabled() && m_keep->isChecked();
}

} // namespace cowherd::ui
