#pragma once

#include <QFrame>

class QLabel;

namespace cowherd::ui {

// A coloured strip above the tables for what concerns the whole host: the demo lab in use,
// an instances path that is missing, libvirt that does not answer, a failed scan.
class HostBanner final : public QFrame
{
    Q_OBJECT

public:
    enum class Level
    {
        Information,
        Warning,
        Error,
    };
    Q_ENUM(Level)

    explicit HostBanner(QWidget *parent = nullptr);

    void showMessage(Level level, const QString &text);
    void clearMessage();

    Level level() const { return m_level; }
    QString text() const;

private:
    QLabel *m_icon;
    QLabel *m_text;
    Level m_level = Level::Information;
};

} // namespace cowherd::ui
