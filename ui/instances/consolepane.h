#pragma once

#include <QWidget>

#include <memory>

class QLabel;
class QPlainTextEdit;

namespace cowherd::host {
class Transport;
}
namespace cowherd::instance {
class ConsoleFollower;
}

namespace cowherd::ui {

// Follows an instance's serial console log (<instance dir>/console.log) like tail -f, through
// the host's transport, so a remote host's console shows too: the last 256 KiB at first, then
// what is appended. It reads only while it is shown (instance::ConsoleFollower polls every
// second on the host call pool) and reads the tail again when shown again.
class ConsolePane final : public QWidget
{
    Q_OBJECT

public:
    static constexpr qint64 MaxBytes = 256 * 1024;

    explicit ConsolePane(QWidget *parent = nullptr);
    ~ConsolePane() override;

    // An empty path (or no transport) shows nothing.
    void follow(std::shared_ptr<host::Transport> transport, const QString &path, const QString &instanceName);
    // A log on this machine.
    void follow(const QString &path, const QString &instanceName);
    QString path() const { return m_path; }
    QString text() const;
    bool isFollowing() const;
    void setInterval(int ms);

Q_SIGNALS:
    // After each read that changed the text; for tests and the screenshot hook.
    void updated();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void received(const QByteArray &data, bool restarted);

    QLabel *m_title;
    QPlainTextEdit *m_text;
    instance::ConsoleFollower *m_follower;
    std::shared_ptr<host::Transport> m_transport;
    QString m_path;
};

} // namespace cowherd::ui
