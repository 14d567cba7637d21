#pragma once

#include <QWidget>

class QFileSystemWatcher;
class QLabel;
class QPlainTextEdit;

namespace cowherd::ui {

// Follows an instance's serial console log (<instance dir>/console.log) like tail -f: the last
// 256 KiB at first, then what is appended. Reads happen on a worker thread; the watcher only
// says when to read.
class ConsolePane final : public QWidget
{
    Q_OBJECT

public:
    static constexpr qint64 MaxBytes = 256 * 1024;

    explicit ConsolePane(QWidget *parent = nullptr);

    // An empty path shows nothing.
    void follow(const QString &path, const QString &instanceName);
    QString path() const { return m_path; }
    QString text() const;

Q_SIGNALS:
    // After each read that changed the text; for tests and the screenshot hook.
    void updated();

private:
    struct Chunk
    {
        QByteArray data;
        qint64 end = 0; // offset after data
        bool restarted = false; // the file was truncated or replaced: data replaces the text
        QString error;
    };
    static Chunk readFrom(const QString &path, qint64 offset);
    void readMore();

    QLabel *m_title;
    QPlainTextEdit *m_text;
    QFileSystemWatcher *m_watcher;
    QString m_path;
    qint64 m_offset = 0;
    quint64 m_generation = 0;
    bool m_reading = false;
    bool m_readAgain = false;
};

} // namespace cowherd::ui
