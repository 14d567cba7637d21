#include "common/displayformat.h"

#include <QLocale>
#include <QStringList>

namespace cowherd::ui {

QString DisplayFormat::kindName(cache::BaseKind kind)
{
    switch (kind) {
    case cache::BaseKind::Original:
        return tr("original");
    case cache::BaseKind::Resized:
        return tr("resized");
    case cache::BaseKind::Swap:
        return tr("swap");
    case cache::BaseKind::Ephemeral:
        return tr("ephemeral");
    case cache::BaseKind::Unknown:
        return tr("unknown");
    case cache::BaseKind::Partial:
        return tr("partial");
    }
    return tr("unknown");
}

QString DisplayFormat::actionName(cache::PlannedAction::Action action)
{
    switch (action) {
    case cache::PlannedAction::Action::Touch:
        return tr("touch");
    case cache::PlannedAction::Action::Remove:
        return tr("remove");
    case cache::PlannedAction::Action::Keep:
        break;
    }
    return tr("keep");
}

QString DisplayFormat::fetchStage(cache::FetchProgress::Stage stage)
{
    switch (stage) {
    case cache::FetchProgress::Stage::Hashing:
        return tr("hashing");
    case cache::FetchProgress::Stage::Waiting:
        return tr("waiting for the lock");
    case cache::FetchProgress::Stage::Downloading:
        return tr("downloading");
    case cache::FetchProgress::Stage::Inspecting:
        return tr("inspecting");
    case cache::FetchProgress::Stage::Converting:
        return tr("converting");
    case cache::FetchProgress::Stage::Verifying:
        return tr("verifying");
    case cache::FetchProgress::Stage::Done:
        return tr("done");
    }
    return cache::toString(stage);
}

QString DisplayFormat::auditAction(const QString &action)
{
    if (action == u"remove")
        return tr("remove");
    if (action == u"touch")
        return tr("touch");
    if (action == u"keep")
        return tr("keep");
    if (action == u"pin")
        return tr("pin");
    if (action == u"unpin")
        return tr("unpin");
    if (action == u"advised")
        return tr("advised (Nova manages the cache)");
    return action;
}

QString DisplayFormat::instanceState(const QString &state)
{
    if (state == u"running")
        return tr("running");
    if (state == u"blocked")
        return tr("blocked");
    if (state == u"paused")
        return tr("paused");
    if (state == u"shutting down")
        return tr("shutting down");
    if (state == u"shutoff")
        return tr("shutoff");
    if (state == u"crashed")
        return tr("crashed");
    if (state == u"suspended")
        return tr("suspended");
    if (state == u"undefined")
        return tr("undefined");
    if (state == u"unknown")
        return tr("unknown");
    return state;
}

QString DisplayFormat::size(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1);
}

QString DisplayFormat::age(qint64 seconds)
{
    if (seconds < 0)
        return tr("in the future");
    // Compact units: this fills a narrow table column and needs no plural forms.
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min").arg(seconds / 60);
    if (seconds < 86400)
        return tr("%1 h").arg(seconds / 3600);
    if (seconds < 30 * 86400 && seconds % 86400 >= 3600)
        return tr("%1 d %2 h").arg(seconds / 86400).arg(seconds % 86400 / 3600);
    return tr("%1 d").arg(seconds / 86400);
}

QString DisplayFormat::problems(const QList<Problem> &problems)
{
    QStringList lines;
    lines.reserve(problems.size());
    for (const auto &p : problems)
        lines.append(tr("• %1").arg(p.message.isEmpty() ? p.code : p.message));
    return lines.join(u'\n');
}

QString DisplayFormat::instanceName(const cache::Instance &instance)
{
    if (instance.nova && !instance.nova->name.isEmpty())
        return instance.name.isEmpty() ? instance.nova->name : tr("%1 (%2)").arg(instance.nova->name, instance.name);
    return instance.name;
}

QString DisplayFormat::flavor(const host::NovaInstanceInfo &nova)
{
    QStringList parts;
    if (nova.memoryMiB >= 0)
        parts.append(size(nova.memoryMiB * 1024 * 1024));
    if (nova.vcpus >= 0)
        parts.append(tr("%n vCPU(s)", nullptr, nova.vcpus));
    if (nova.diskGiB >= 0)
        parts.append(tr("%1 disk").arg(size(nova.diskGiB * 1024 * 1024 * 1024)));
    const QString name = nova.flavorName.isEmpty() ? tr("unknown flavor") : nova.flavorName;
    return parts.isEmpty() ? name : tr("%1 (%2)").arg(name, parts.join(QStringLiteral(", ")));
}

QString DisplayFormat::demoLabTitle(const QString &uri)
{
    if (uri.startsWith(u"test:"))
        return tr("Local demo lab — %1 (no hypervisor)").arg(uri);
    return tr("Local demo lab — %1").arg(uri);
}

} // namespace cowherd::ui
