#include "instances/consolepane.h"
#include "task/whenfinished.h"

#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace cowherd::ui {

ConsolePane::ConsolePane(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_text(new QPlainTextEdit(this))
    , m_watcher(new QFileSystemWatcher(this))
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
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 4);
    layout->addWidget(m_title);
    layout->addWidget(m_text, 1);
    // The directory too: libvirt creates console.log when the domain starts.
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &ConsolePane::readMore);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, &ConsolePane::readMore);
}

void ConsolePane::follow(const QString &path, const QString &instanceName)
{
    if (path == m_path)
        return;
    if (!m_watcher->files().isEmpty())
        m_watcher->removePaths(m_watcher->files());
    if (!m_watcher->directories().isEmpty())
        m_watcher->removePaths(m_watcher->directories());
    ++m_generation;
    m_path = path;
    m_offset = -1; // first read: the tail only
    m_reading = false;
    m_readAgain = false;
    m_text->clear();
    if (path.isEmpty()) {
        m_title->setText(tr("No instance selected"));
        return;
    }
    m_title->setText(tr("%1 — %2").arg(instanceName, path));
    // addPath() stats the path; for a local file that is cheap, and remote hosts get no watcher.
    m_watcher->addPath(QFileInfo(path).absolutePath());
    readMore();
}

ConsolePane::Chunk ConsolePane::readFrom(const QString &path, qint64 offset)
{
    Chunk chunk;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        chunk.error = file.exists() ? file.errorString() : QString();
        chunk.end = 0;
        return chunk;
    }
    const qint64 size = file.size();
    if (offset < 0 || offset > size) {
        chunk.restarted = true;
        offset = std::max<qint64>(0, size - MaxBytes);
    }
    const qint64 start = std::max(offset, size - MaxBytes);
    if (start > offset)
        chunk.restarted = true;
    file.seek(start);
    chunk.data = file.read(size - start);
    chunk.end = start + chunk.data.size();
    return chunk;
}

void ConsolePane::readMore()
{
    if (m_path.isEmpty())
        return;
    if (m_reading) {
        m_readAgain = true;
        return;
    }
    m_reading = true;
    const quint64 generation = m_generation;
    task::whenFinished(QtConcurrent::run(&ConsolePane::readFrom, m_path, m_offset), this, [this, generation](const Chunk &chunk) {
        if (generation != m_generation)
            return;
        m_reading = false;
        if (!chunk.error.isEmpty()) {
            m_text->setPlainText(tr("Cannot read the console log: %1").arg(chunk.error));
        } else if (!chunk.data.isEmpty() || chunk.restarted) {
            if (m_watcher->files().isEmpty())
                m_watcher->addPath(m_path);
            QScrollBar *bar = m_text->verticalScrollBar();
            const bool atEnd = bar->value() == bar->maximum();
            QString text = QString::fromUtf8(chunk.data);
            text.remove(u'\r');
            if (chunk.restarted) {
                m_text->setPlainText(text);
            } else {
                m_text->moveCursor(QTextCursor::End);
                m_text->insertPlainText(text);
            }
            if (atEnd || chunk.restarted)
                bar->setValue(bar->maximum());
            Q_EMIT updated();
        }
        m_offset = chunk.end;
        if (std::exchange(m_readAgain, false))
            readMore();
    });
}

QString ConsolePane::text() const
{
    return m_text->toPlainText();
}

} // namespace cowherd::ui
