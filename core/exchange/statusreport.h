#pragma once

#include "db/storeerror.h"
#include "domain/incident.h"
#include "domain/incidentaction.h"
#include "domain/rollcall.h"
#include "timers/timer.h"

#include <QCoreApplication>
#include <QTimeZone>

namespace cp {

class IncidentStore;

// What the IC's status report is drafted from: the live state of one incident.
struct StatusReportFacts
{
    Incident incident;
    int roundNumber = 0;          // the latest roll call; 0: none yet
    QList<RollCallItem> troubled; // its answers that are not healthy
    QList<IncidentAction> openActions;
    QList<Decision> decisions;
    Timer cadence; // the status-update cadence; id 0: none running
};

// Drafts the IC's status update ("where we are, what is being done, when we speak next") from
// the store. GUI-free, so the composer dialog and the tests share it.
class StatusReport
{
    Q_DECLARE_TR_FUNCTIONS(cp::StatusReport)
public:
    static Result<StatusReportFacts> gather(const IncidentStore &store, qint64 incidentId);
    static QString draft(const StatusReportFacts &facts, const QDateTime &nowUtc,
                         const QTimeZone &zone = QTimeZone(Qt::UTC));
    // The cadence the report restarts: the internal update default, else a live cadence whose
    // label says "status", else the external update; null (id 0) when none runs.
    static Timer statusCadence(const QList<Timer> &timers);
};

} // namespace cp
