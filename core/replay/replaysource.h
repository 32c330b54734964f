#pragma once

#include "db/storeerror.h"
#include "domain/incident.h"
#include "domain/incidentrole.h"
#include "domain/rollcall.h"
#include "domain/roster.h"
#include "domain/timelineentry.h"
#include "domain/timer.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>

namespace cp {

class IncidentStore;

// One recorded change of an incident's own fields (incident_change): severity, status, title …
struct IncidentFieldChange
{
    QDateTime at; // UTC
    QString by;
    QString field; // "severity", "status", "title" …
    QString oldValue;
    QString newValue;
};

// What the store holds of one incident, as a training replay needs it: read in one short read
// transaction (read()), then never touched again.
struct ReplaySource
{
    Q_DECLARE_TR_FUNCTIONS(cp::ReplaySource)
public:
    // Works on a read-only store.
    static Result<ReplaySource> read(const IncidentStore &store, qint64 incidentId);

    Incident incident;
    QList<TimelineEntry> entries;            // oldest first (by occurred time, then id), retracted ones included
    QList<IncidentFieldChange> changes;      // oldest first
    QList<IncidentRole> roles;               // parents before children; holders as they are now
    QList<Assignment> assignments;           // oldest first
    QList<Person> people;                    // everyone who ever held a role in the incident
    QList<Timer> timers;                     // start order
    QHash<qint64, QDateTime> timerSettledAt; // timer id → when its state last changed (updated_at)
    QList<RollCall> rollCalls;               // oldest first
    QList<RollCallItem> rollCallItems;       // every round, in call order
};

} // namespace cp
