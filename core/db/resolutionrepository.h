#pragma once

#include "domain/incident.h"
#include "domain/resolvechecklist.h"
#include "storesession.h"

#include <QCoreApplication>

namespace cp {

class BusinessRepository;
class IncidentRepository;
class RollCallRepository;
class TimelineRepository;
class TimerRepository;

// Resolving and reopening an incident: the resolve checklist over every domain, the end of the
// call's machinery (open roll calls close, timers stop) and the closed record. A resolved
// incident's record is closed: every write to it is refused, except naming the postmortem's
// owner, its follow-up actions, and reopening it. Its changes are announced by the repositories
// of what it touches (incidentChanged, rollCallChanged, timerChanged, entryAdded).
class ResolutionRepository final
{
    Q_DECLARE_TR_FUNCTIONS(cp::ResolutionRepository)
    Q_DISABLE_COPY_MOVE(ResolutionRepository)

public:
    ResolutionRepository(StoreSession &session, TimelineRepository &timeline, IncidentRepository &incidents,
                         RollCallRepository &rollCalls, TimerRepository &timers, BusinessRepository &business);

    // What is still open (ResolveChecklist), for the resolve dialog and `incident resolve`.
    Result<QList<ResolveBlocker>> blockers(qint64 incidentId) const;
    // Refused while a blocker is neither settled nor acknowledged. In one transaction: each
    // acknowledgement on the timeline, open roll calls closed, running timers stopped (one entry),
    // the status resolved.
    StoreError resolve(qint64 incidentId, const QList<ResolveAcknowledgement> &acknowledgements, const QString &author);
    // Back to an open status, logged with the reason.
    StoreError reopen(qint64 incidentId, IncidentStatus status, const QString &reason, const QString &author);
    // Any status, as the status menu and 'incident set --status' offer it: Resolved resolves
    // (refused while a blocker is open: nothing is acknowledged here), an open status is set by the
    // incidents repository; a resolved incident changes status only through reopen().
    StoreError setStatus(qint64 incidentId, IncidentStatus status, const QString &author);

private:
    StoreSession &m_session;
    TimelineRepository &m_timeline;
    IncidentRepository &m_incidents;
    RollCallRepository &m_rollCalls;
    TimerRepository &m_timers;
    BusinessRepository &m_business;
};

} // namespace cp
