#include "window/windowstate.h"

#include "host/hostregistry.h"

#include <QEvent>
#include <QFileInfo>
#include <QHeaderView>
#include <QMainWindow>
#include <QSettings>
#include <QSplitter>

namespace cowherd::ui {

using namespace Qt::StringLiterals;

WindowState::WindowState(QMainWindow *window, const QString &fileName)
    : QObject(window)
    , m_window(window)
    , m_fileName(fileName)
{
    window->installEventFilter(this);
}

QString WindowState::defaultFileName()
{
    return QFileInfo(host::HostRegistry::defaultFileName()).absolutePath() + u"/window-state.conf"_s;
}

void WindowState::trackSplitter(QSplitter *splitter, const QString &key)
{
    m_splitters.append({splitter, key});
}

void WindowState::trackHeader(QHeaderView *header, const QString &key)
{
    m_headers.append({header, key});
}

// A small INI file of a few kilobytes, read once at start and written once at close.
bool WindowState::restore()
{
    QSettings settings(m_fileName, QSettings::IniFormat);
    if (!settings.contains(u"window/geometry"_s))
        return false;
    m_window->restoreGeometry(settings.value(u"window/geometry"_s).toByteArray());
    m_window->restoreState(settings.value(u"window/state"_s).toByteArray());
    for (const Splitter &splitter : std::as_const(m_splitters)) {
        if (splitter.widget)
            splitter.widget->restoreState(settings.value(u"splitters/"_s + splitter.key).toByteArray());
    }
    for (const Header &header : std::as_const(m_headers)) {
        if (header.widget)
            header.widget->restoreState(settings.value(u"headers/"_s + header.key).toByteArray());
    }
    return true;
}

void WindowState::save()
{
    QSettings settings(m_fileName, QSettings::IniFormat);
    settings.setValue(u"window/geometry"_s, m_window->saveGeometry());
    settings.setValue(u"window/state"_s, m_window->saveState());
    for (const Splitter &splitter : std::as_const(m_splitters)) {
        if (splitter.widget)
            settings.setValue(u"splitters/"_s + splitter.key, splitter.widget->saveState());
    }
    for (const Header &header : std::as_const(m_headers)) {
        if (header.widget)
            settings.setValue(u"headers/"_s + header.key, header.widget->saveState());
    }
}

bool WindowState::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::Close)
        save();
    return QObject::eventFilter(watched, event);
}

} // namespace cowherd::ui
