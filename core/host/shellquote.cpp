#include "host/shellquote.h"

using namespace Qt::StringLiterals;

namespace cowherd::host {

QString shellQuote(const QString &argument)
{
    static const auto safe = [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'/'
            || c == u'.' || c == u'_' || c == u'-' || c == u'=' || c == u':' || c == u',' || c == u'@' || c == u'+'
            || c == u'%';
    };
    if (!argument.isEmpty() && std::all_of(argument.cbegin(), argument.cend(), safe))
        return argument;
    QString quoted = argument;
    quoted.replace(u'\'', u"'\\''"_s);
    return u'\'' + quoted + u'\'';
}

QString shellJoin(const QStringList &argv)
{
    QStringList words;
    words.reserve(argv.size());
    for (const QString &a : argv)
        words.append(shellQuote(a));
    return words.join(u' ');
}

} // namespace cowherd::host
