#pragma once

#include "roletemplate.h"

#include <QDateTime>

namespace cp {

// Someone holding a role now.
struct RoleHolder
{
    qint64 assignmentId = 0;
    qint64 personId = 0;
    QString name;
    QString handle;
    QDateTime since; // UTC
};

// A role as it exists in one incident: copied from the template when the incident was declared
// (later template edits do not rewrite past incidents), or added during the call.
struct IncidentRole
{
    qint64 id = 0;
    qint64 incidentId = 0;
    RoleDefinition definition;
    QString subTeam;            // "Alpha" for a sub-team's lead and members; empty otherwise
    QList<RoleHolder> holders;  // current holders, longest-serving first
    int position = 0;           // order among siblings

    bool isVacant() const { return holders.isEmpty(); }
    bool isVacantRequired() const { return definition.required && holders.isEmpty(); }
};

// One stretch of one person in one role: every assignment, hand-over and release is kept.
struct Assignment
{
    qint64 id = 0;
    qint64 incidentId = 0;
    qint64 roleId = 0;
    QString roleKey;
    QString roleTitle;
    qint64 personId = 0;
    QString personName;
    QDateTime startedAt;
    QString startedBy;
    QDateTime endedAt; // null while held
    QString endedBy;
    QString endReason; // "released", "handed-over"
};

// A line of a role's responsibilities checklist in one incident.
struct RoleDuty
{
    qint64 id = 0;
    qint64 roleId = 0;
    int position = 0;
    QString text;
    QDateTime doneAt; // null: not done
    QString doneBy;
};

} // namespace cp
