#pragma once

#include "host/hostconfig.h"
#include "source/sourceoptions.h"
#include "task/task.h"

#include <QCoreApplication>

#include <memory>

namespace cowherd::source {
class CloudSession;
}

namespace cowherd::ui {

// What the import dialog asks for: the same SOURCE and options as cowherdctl fetch, so the
// base file gets the same name (a file's sha256:<content>, a URL's url:<URL> or sha256:<given>).
struct ImportSpec
{
    QString source; // path, archive!member, http(s)://…
    source::SourceOptions options; // sha256, CA file
    bool forceRaw = true; // cowherdctl fetch without --keep-format
};

// The work of the download tasks: blocking functions for the TaskManager's pool. Each reports
// bytes (for speed and ETA), honours cancel, and leaves nothing under a final name on failure.
class ImageTasks
{
    Q_DECLARE_TR_FUNCTIONS(ImageTasks)

public:
    // Fetches a Glance image into host's _base as sha1(id), without launching anything.
    static task::TaskWork precache(
        const host::HostConfig &host, std::shared_ptr<source::CloudSession> session, const QString &imageId);
    // cowherdctl fetch SOURCE into host's _base.
    static task::TaskWork import(const host::HostConfig &host, const ImportSpec &spec);
};

} // namespace cowherd::ui
