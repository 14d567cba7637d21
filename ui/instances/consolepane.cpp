#include "instances/consolepane.h"

#include "host/localtransport.h"
#include "instance/consolelog.h"

#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QVBoxLayout>

namespace cowherd::ui {

ConsolePane::ConsolePane(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_text(new QPlainTextEdit(this))
    , m_follower(new instance::ConsoleFollower(this))
{
    setObjectName(QStringLiteral("consolePane"));
    m_text->setObjectName(QStringLiteral("consoleText"));
    m_text->setAccessibleName(tr("Serial console"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setMaximumBlockCount(10000);
    m_text->setPlaceholderText(tr("Select an instance to follow its serial console."));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 4);
    layout->addWidget(m_title);
    layout->addWidget(m_text, 1);
    connect(m_follower, &instance::ConsoleFollower::received, this, &ConsolePane::received);
    connect(m_follower, &instance::ConsoleFollower::failed, this, [this](const QString &message) {
        m_text->setPlainText(tr("Cannot read the console log: %1").arg(message));
        Q_EMIT updated();
    });
}

ConsolePane::~ConsolePane() = default;

void ConsolePane::follow(const QString &path, const QString &instanceName)
{
    follow(path.isEmpty() ? nullptr : std::make_shared<host::LocalTransport>(), path, instanceName);
}

void ConsolePane::follow(std::shared_ptr<host::Transport> transport, const QString &path, const QString &instanceName)
{
    if (path == m_path && (transport != nullptr) == (m_transport != nullptr))
        return;
    m_follower->stop();
    m_transport = path.isEmpty() ? nullptr : std::move(transport);
    m_path = m_transport ? path : QString();
    m_text->clear();
    if (m_path.isEmpty()) {
        m_title->setText(tr("No instance selected"));
        return;
    }
    m_title->setText(m_transport->isLocal() ? tr("%1 — %2").arg(instanceName, path)
                                            : tr("%1 — %2 on %3").arg(instanceName, path, m_transport->displayName()));
    if (isVisible())
        m_follower->follow(m_transport, m_path, MaxBytes);
}

void ConsolePane::setInterval(int ms)
{
    m_follower->setInterval(ms);
}

bool ConsolePane::isFollowing() const
{
    return m_follower->isFollowing();
}

void ConsolePane::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_path.isEmpty() && !m_follower->isFollowing())
        m_follower->follow(m_transport, m_path, MaxBytes);
}

void ConsolePane::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_follower->stop();
}

void ConsolePane::received(const QByteArray &data, bool restarted)
{
    QScrollBar *bar = m_text->verticalScrollBar();
    const bool atEnd = bar->value() == bar->maximum();
    QString text = QString::fromUtf8(data);
    text.remove(u'\r');
    if (restarted) {
        m_text->setPlainText(text);
    } else {
        m_text->moveCursor(QTextCursor::End);
        m_text->insertPlainText(text);
    }
    if (atEnd || restarted)
        bar->setValue(bar->maximum());
    Q_EMIT updated();
}

QString ConsolePane::text() const
{
    return m_text->toPlainText();
}

} // namespace cowherd::ui
