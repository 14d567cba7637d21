#pragma once

#include "cache/cacheplanner.h"
#include "cache/cachesnapshot.h"
#include "cache/fetcher.h"
#include "error.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace cowherd::ui {

// How cache values read to people: translated kind names, sizes, ages, problem lists.
class DisplayFormat
{
    Q_DECLARE_TR_FUNCTIONS(DisplayFormat)

public:
    static QString kindName(cache::BaseKind kind);
    static QString actionName(cache::PlannedAction::Action action);
    static QString fetchStage(cache::FetchProgress::Stage stage);
    // An action as the audit log records it ("remove", "touch", "pin", ...); others unchanged.
    static QString auditAction(const QString &action);
    // libvirt's domain states as core names them ("running", "shutoff", ...); others unchanged.
    static QString instanceState(const QString &state);
    static QString size(qint64 bytes);
    static QString age(qint64 seconds);
    static QString problems(const QList<Problem> &problems);
    // "Local demo lab — test:///default (no hypervisor)"
    static QString demoLabTitle(const QString &uri);
    // The server's name first (Nova's metadata), the domain's second: "web-1 (instance-00000005)";
    // the domain's name alone without Nova; empty when neither is known.
    static QString instanceName(const cache::Instance &instance);
    // "m1.tiny (128 MiB, 1 vCPU, 1 GiB disk)"
    static QString flavor(const host::NovaInstanceInfo &nova);
};

} // namespace cowherd::ui
