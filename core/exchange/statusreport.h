#pragma once

#include "db/storeerror.h"
#include "domain/incident.h"
#include "domain/incidentaction.h"
#include "domain/rollcall.h"
#include "domain/timer.h"

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
    QList<Timer> cadences; // the live status-update cadences, the one due first first
    Timer cadence;         // that first one (what the draft's next check-in follows); id 0: none
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
    // The cadences a report can answer: the internal and external update defaults and any live
    // cadence whose label says "status", the one due first first (paused ones last).
    static QList<Timer> statusCadences(const QList<Timer> &timers);
    // The first of those: the one a report restarts unless the user picks otherwise; id 0: none.
    static Timer statusCadence(const QList<Timer> &timers);
};

} // namespace cp
