#pragma once

#include <QString>
#include <QStringList>

namespace cowherd::host {

// POSIX single-quote quoting: the result is one word for any sh, whatever the argument holds
// (spaces, quotes, ';', $(...), newlines). ssh joins its command arguments with spaces into one
// string for the remote shell, so every remote argument goes through this exactly once.
QString shellQuote(const QString &argument);
QString shellJoin(const QStringList &argv);

} // namespace cowherd::host
