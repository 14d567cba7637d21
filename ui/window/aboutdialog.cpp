#include "window/aboutdialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cowherd::ui {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About Cowherd"));

    // The installed hicolor icon; from the build tree, whatever icon the application has.
    const QIcon icon = QIcon::fromTheme(QStringLiteral(COWHERD_APP_ID), QApplication::windowIcon());
    auto *iconLabel = new QLabel(this);
    iconLabel->setObjectName(u"icon"_s);
    if (!icon.isNull())
        iconLabel->setPixmap(icon.pixmap(64, 64));
    iconLabel->setAlignment(Qt::AlignTop);

    auto *name = new QLabel(tr("Cowherd"), this);
    name->setObjectName(u"name"_s);
    QFont nameFont = name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.6);
    nameFont.setBold(true);
    name->setFont(nameFont);

    m_version = new QLabel(tr("Version %1").arg(QStringLiteral(COWHERD_VERSION)), this);
    m_version->setObjectName(u"version"_s);
    m_version->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *description
        = new QLabel(tr("Watches the image cache of KVM hosts and the copy-on-write instances built on it."), this);
    description->setObjectName(u"description"_s);
    description->setWordWrap(true);

    m_license = new QLabel(tr("Licensed under %1. Built with Qt %2.")
                               .arg(QStringLiteral(COWHERD_LICENSE), QString::fromLatin1(qVersion())),
        this);
    m_license->setObjectName(u"license"_s);
    m_license->setWordWrap(true);

    auto *text = new QVBoxLayout;
    text->addWidget(name);
    text->addWidget(m_version);
    text->addSpacing(8);
    text->addWidget(description);
    text->addWidget(m_license);
    text->addStretch();

    auto *top = new QHBoxLayout;
    top->addWidget(iconLabel);
    top->addSpacing(12);
    top->addLayout(text, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(buttons);
    setMinimumWidth(420);
}

QString AboutDialog::versionText() const
{
    return m_version->text();
}

QString AboutDialog::licenseText() const
{
    return m_license->text();
}

} // namespace cowherd::ui
