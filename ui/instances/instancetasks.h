#pragma once

#include "host/hostconfig.h"
#include "task/task.h"

#include <QCoreApplication>
#include <QString>

#include <functional>
#include <memory>

namespace cowherd::source {
class CloudSession;
}

namespace cowherd::ui {

// What the launch wizard asks for, as plain values a worker can capture.
struct LaunchSpec
{
    QString sourcePath; // a local image file to fetch; or
    QString imageId; // an image already in the host's cache; or
    QString glanceImageId; // an image in a cloud's Glance (the Images tab), fetched as sha1(id)
    std::shared_ptr<source::CloudSession> glanceSession;
    QString glanceLabel; // "cirros (cloud lab)", for messages
    QString baseName; // its base file name, for messages
    QString name;
    qint64 sizeGiB = 0; // 0: the image's own size
    qint64 memoryMiB = 256;
    int vcpus = 1;
    QString network = QStringLiteral("none");
    QString virtType; // empty: the host's choice (test on test:///, kvm or qemu otherwise)
};

// What a launch would do with the cache, for the wizard's last page.
struct LaunchPreview
{
    enum class Verdict
    {
        Reuse,
        Fetch,
        Resize,
        Refused,
        Error
    };
    Verdict verdict = Verdict::Error;
    QString text;
};

enum class InstanceAction
{
    Start,
    Shutdown,
    Reboot,
    Terminate,
    Pause,
    Resume
};

// The work of the instance tasks: blocking functions for the TaskManager's pool that mirror
// cowherdctl launch/start/shutdown/reboot/terminate.
class InstanceTasks
{
    Q_DECLARE_TR_FUNCTIONS(InstanceTasks)

public:
    // Probes the cache (and inspects a local file's header); blocking, off the UI thread.
    static LaunchPreview preview(const host::HostConfig &host, const LaunchSpec &spec);
    static task::TaskWork launch(const host::HostConfig &host, const LaunchSpec &spec);
    static task::TaskWork action(const host::HostConfig &host, InstanceAction action, const QString &uuid);
    static QString title(InstanceAction action, const QString &instance);
};

} // namespace cowherd::ui
