#include "incidentstore.h"

namespace cp {

IncidentStore::IncidentStore(const Clock &clock, QObject *parent)
    : QObject(parent), m_session(clock), m_timeline(m_session), m_roster(m_session),
      m_roles(m_session, m_timeline, m_roster), m_incidents(m_session, m_timeline, m_roles),
      m_timers(m_session, m_timeline), m_rollCalls(m_session, m_timeline, m_roles, m_roster, m_timers),
      m_business(m_session, m_timeline, m_incidents, m_roles, m_timers),
      m_resolution(m_session, m_timeline, m_incidents, m_rollCalls, m_timers, m_business)
{
}

IncidentStore::~IncidentStore() = default;

} // namespace cp
