#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class QHeaderView;
class QMainWindow;
class QSplitter;

namespace cowherd::ui {

// Keeps the window's geometry, toolbars, splitter and table headers across runs, in
// cowherd/window-state.conf beside the host list. Saves when the window closes.
class WindowState final : public QObject
{
    Q_OBJECT

public:
    explicit WindowState(QMainWindow *window, const QString &fileName = defaultFileName());

    void trackSplitter(QSplitter *splitter, const QString &key);
    void trackHeader(QHeaderView *header, const QString &key);

    // Applies what was saved to everything tracked; false when nothing was saved yet.
    bool restore();
    void save();

    QString fileName() const { return m_fileName; }
    static QString defaultFileName();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Splitter
    {
        QPointer<QSplitter> widget;
        QString key;
    };
    struct Header
    {
        QPointer<QHeaderView> widget;
        QString key;
    };

    QMainWindow *m_window;
    QString m_fileName;
    QList<Splitter> m_splitters;
    QList<Header> m_headers;
};

} // namespace cowherd::ui
