#pragma once

#include "storecommands.h"

namespace cp {

// Puts a person into a role; undo releases them again.
class AssignRoleCommand final : public StoreCommand
{
public:
    AssignRoleCommand(IncidentStore &store, SaveStatus *status, qint64 incidentId, const QString &roleKey,
                      const QString &roleTitle, qint64 personId, const QString &personName, const QString &author);

protected:
    StoreError apply(bool forward) override;

private:
    qint64 m_incidentId;
    QString m_roleKey;
    qint64 m_personId;
};

// Takes a person out of a role; undo assigns them again.
class ReleaseRoleCommand final : public StoreCommand
{
public:
    ReleaseRoleCommand(IncidentStore &store, SaveStatus *status, qint64 incidentId, const QString &roleKey,
                       const QString &roleTitle, qint64 personId, const QString &personName, const QString &author);

protected:
    StoreError apply(bool forward) override;

private:
    qint64 m_incidentId;
    QString m_roleKey;
    qint64 m_personId;
};

// Hands a single-holder role from its holder to someone else; undo hands it back.
class HandOverRoleCommand final : public StoreCommand
{
public:
    HandOverRoleCommand(IncidentStore &store, SaveStatus *status, qint64 incidentId, const QString &roleKey,
                        const QString &roleTitle, qint64 fromPersonId, qint64 toPersonId, const QString &toName,
                        const QString &author);

protected:
    StoreError apply(bool forward) override;

private:
    qint64 m_incidentId;
    QString m_roleKey;
    qint64 m_from;
    qint64 m_to;
};

} // namespace cp
