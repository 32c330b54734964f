#pragma once

#include "domain/incidentrole.h"
#include "domain/roletemplate.h"
#include "domain/roster.h"
#include "storesession.h"

#include <QObject>

namespace cp {

class RosterRepository;
class TimelineRepository;

// Roles and assignments. Roles are found by their key within the incident; every change is
// logged on the timeline as a role entry.
class RoleRepository final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RoleRepository)

public:
    RoleRepository(StoreSession &session, TimelineRepository &timeline, RosterRepository &roster,
                   QObject *parent = nullptr);

    // Adds the template's roles the incident does not have yet; its top roles go under
    // linkUnderRoleKey when given (a business tree under the technical IC).
    StoreError applyTemplate(qint64 incidentId, const RoleTemplate &roles, const QString &linkUnderRoleKey,
                             const QString &author);
    Result<qint64> add(qint64 incidentId, const RoleDefinition &role, const QString &author);
    // A sub-team (Alpha, Bravo …): a lead role reporting to the command role and a members role.
    StoreError addSubTeam(qint64 incidentId, const QString &name, const QString &author);
    Result<qint64> assign(qint64 incidentId, const QString &roleKey, qint64 personId, const QString &author);
    // Ends fromPersonId's stretch (0: the only holder) and starts toPersonId's, in one step.
    StoreError handOver(qint64 incidentId, const QString &roleKey, qint64 fromPersonId, qint64 toPersonId,
                        const QString &author);
    StoreError release(qint64 incidentId, const QString &roleKey, qint64 personId, const QString &author);
    // The Deputy becomes the commander; the outgoing commander becomes Deputy or is released.
    StoreError takeCommand(qint64 incidentId, bool outgoingBecomesDeputy, const QString &author);
    StoreError setDutyDone(qint64 dutyId, bool done, const QString &author);
    Result<QList<IncidentRole>> list(qint64 incidentId) const; // parents before children
    Result<IncidentRole> role(qint64 roleId) const;
    Result<QList<Assignment>> assignmentHistory(qint64 incidentId) const; // oldest first
    Result<QList<RoleDuty>> duties(qint64 roleId) const;

    // Inside another repository's transaction.
    StoreError applyTemplateInTx(WriteTransaction &tx, qint64 incidentId, const RoleTemplate &roles,
                                 const QString &linkUnderRoleKey, const QString &author);
    Result<IncidentRole> roleInTx(WriteTransaction &tx, qint64 incidentId, const QString &roleKey);

signals:
    void roleChanged(qint64 incidentId, qint64 roleId); // added, holders or checklist changed

private:
    void announce(const StoreChange &change);
    Result<qint64> insertRole(WriteTransaction &tx, qint64 incidentId, const RoleDefinition &role,
                              const QString &subTeam, int position);
    Result<qint64> startAssignment(WriteTransaction &tx, const IncidentRole &role, const Person &person,
                                   const QString &author);
    StoreError endAssignment(WriteTransaction &tx, const IncidentRole &role, const RoleHolder &holder,
                             const QString &reason, const QString &author);

    StoreSession &m_session;
    TimelineRepository &m_timeline;
    RosterRepository &m_roster;
};

} // namespace cp
