#include "rolecommands.h"

#include "db/incidentstore.h"

namespace cp {

AssignRoleCommand::AssignRoleCommand(IncidentStore &store, SaveStatus *status, qint64 incidentId,
                                     const QString &roleKey, const QString &roleTitle, qint64 personId,
                                     const QString &personName, const QString &author)
    : StoreCommand(store, status, author), m_incidentId(incidentId), m_roleKey(roleKey), m_personId(personId)
{
    setText(tr("Assign %1 as %2").arg(personName, roleTitle));
}

StoreError AssignRoleCommand::apply(bool forward)
{
    return forward ? store().roles().assign(m_incidentId, m_roleKey, m_personId, author()).error()
                   : store().roles().release(m_incidentId, m_roleKey, m_personId, author());
}

ReleaseRoleCommand::ReleaseRoleCommand(IncidentStore &store, SaveStatus *status, qint64 incidentId,
                                       const QString &roleKey, const QString &roleTitle, qint64 personId,
                                       const QString &personName, const QString &author)
    : StoreCommand(store, status, author), m_incidentId(incidentId), m_roleKey(roleKey), m_personId(personId)
{
    setText(tr("Release %1 from %2").arg(personName, roleTitle));
}

StoreError ReleaseRoleCommand::apply(bool forward)
{
    return forward ? store().roles().release(m_incidentId, m_roleKey, m_personId, author())
                   : store().roles().assign(m_incidentId, m_roleKey, m_personId, author()).error();
}

HandOverRoleCommand::HandOverRoleCommand(IncidentStore &store, SaveStatus *status, qint64 incidentId,
                                         const QString &roleKey, const QString &roleTitle, qint64 fromPersonId,
                                         qint64 toPersonId, const QString &toName, const QString &author)
    : StoreCommand(store, status, author), m_incidentId(incidentId), m_roleKey(roleKey), m_from(fromPersonId),
      m_to(toPersonId)
{
    setText(tr("Hand %1 over to %2").arg(roleTitle, toName));
}

StoreError HandOverRoleCommand::apply(bool forward)
{
    return forward ? store().roles().handOver(m_incidentId, m_roleKey, m_from, m_to, author())
                   : store().roles().handOver(m_incidentId, m_roleKey, m_to, m_from, author());
}

} // namespace cp
