#pragma once

#include "businessrepository.h"
#include "incidentrepository.h"
#include "resolutionrepository.h"
#include "rolerepository.h"
#include "rollcallrepository.h"
#include "rosterrepository.h"
#include "storesession.h"
#include "timelinerepository.h"
#include "timerrepository.h"

#include <QObject>

namespace cp {

// One open incident database: the session (connection, transactions, change log) and one
// repository per domain over it, e.g. store.timers().pause(id, author). The repositories are the
// only writers; each command is one transaction, committed (WAL, synchronous=FULL) before it
// returns success, and each repository announces its own changes, ours and other processes'
// alike, through its typed signals.
class IncidentStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IncidentStore)

public:
    explicit IncidentStore(const Clock &clock, QObject *parent = nullptr);
    ~IncidentStore() override;

    StoreSession &session() { return m_session; }
    const StoreSession &session() const { return m_session; }

    IncidentRepository &incidents() { return m_incidents; }
    const IncidentRepository &incidents() const { return m_incidents; }
    TimelineRepository &timeline() { return m_timeline; }
    const TimelineRepository &timeline() const { return m_timeline; }
    RoleRepository &roles() { return m_roles; }
    const RoleRepository &roles() const { return m_roles; }
    RosterRepository &roster() { return m_roster; }
    const RosterRepository &roster() const { return m_roster; }
    TimerRepository &timers() { return m_timers; }
    const TimerRepository &timers() const { return m_timers; }
    RollCallRepository &rollCalls() { return m_rollCalls; }
    const RollCallRepository &rollCalls() const { return m_rollCalls; }
    BusinessRepository &business() { return m_business; }
    const BusinessRepository &business() const { return m_business; }
    ResolutionRepository &resolution() { return m_resolution; }
    const ResolutionRepository &resolution() const { return m_resolution; }

private:
    // Declared in dependency order: each repository is built over the ones above it.
    StoreSession m_session;
    TimelineRepository m_timeline;
    RosterRepository m_roster;
    RoleRepository m_roles;
    IncidentRepository m_incidents;
    TimerRepository m_timers;
    RollCallRepository m_rollCalls;
    BusinessRepository m_business;
    ResolutionRepository m_resolution;
};

} // namespace cp
