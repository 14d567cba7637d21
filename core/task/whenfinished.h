#pragma once
// Delivers a future's result to a function on a QObject's thread, only while that object lives.
//
// Qt 6.4's QFuture::then(context, f) asserts (in builds with assertions, such as the asan preset)
// when the context is destroyed before the future finishes; Qt 6.6 cancels the continuation
// instead. A QFutureWatcher owned by the context goes away with it, and so does the call. Use
// this, never QFuture::then(context, …), for work whose caller may go away first (every widget).
//
// A future that was cancelled or ended in an exception has no result: the function is not
// called, as QFuture::then would not call it either. A result that owns a resource must free it
// in its own destructor, because nobody may ever take it.

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

#include <type_traits>
#include <utility>

namespace cowherd::task {

template<typename T, typename Function> void whenFinished(QFuture<T> future, QObject *context, Function &&function)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, watcher,
        [watcher, function = std::forward<Function>(function)]() mutable {
            watcher->deleteLater();
            if (watcher->isCanceled())
                return;
            if constexpr (std::is_void_v<T>)
                function();
            else if (watcher->future().resultCount() > 0)
                function(watcher->result());
        });
    watcher->setFuture(std::move(future));
}

} // namespace cowherd::task
