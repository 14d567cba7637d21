#include "hosts/hostbanner.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>

namespace cowherd::ui {

HostBanner::HostBanner(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
{
    setObjectName(QStringLiteral("hostBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setTextFormat(Qt::PlainText);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    hide();
}

void HostBanner::showMessage(Level level, const QString &text)
{
    m_level = level;
    m_text->setText(text);
    QStyle::StandardPixmap pixmap = QStyle::SP_MessageBoxInformation;
    QColor background(0xd6, 0xe9, 0xf8); // calm blue
    switch (level) {
    case Level::Information:
        break;
    case Level::Warning:
        pixmap = QStyle::SP_MessageBoxWarning;
        background = QColor(0xfc, 0xef, 0xc7);
        break;
    case Level::Error:
        pixmap = QStyle::SP_MessageBoxCritical;
        background = QColor(0xf8, 0xd7, 0xd7);
        break;
    }
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(style()->standardIcon(pixmap).pixmap(iconSize, iconSize));
    QPalette p = palette();
    p.setColor(QPalette::Window, background);
    p.setColor(QPalette::WindowText, QColor(0x20, 0x20, 0x20));
    setPalette(p);
    show();
}

void HostBanner::clearMessage()
{
    m_text->clear();
    hide();
}

QString HostBanner::text() const
{
    return m_text->text();
}

} // namespace cowherd::ui
