#pragma once

#include <QObject>
#include <QString>
#include <QtGlobal>

namespace cowherd::test {

// A part of a window found by its object name, as a person finds it by what it is called: the
// window offers no getters for tests. A missing part ends the test at once, saying which.
template<typename T> T *windowPart(const QObject &window, const QString &name)
{
    T *part = window.findChild<T *>(name);
    if (!part)
        qFatal("%s has no %s named %s", qPrintable(window.objectName()), T::staticMetaObject.className(),
            qPrintable(name));
    return part;
}

} // namespace cowherd::test
