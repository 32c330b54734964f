#pragma once

#include "domain/incident.h"
#include "domain/postmortem.h"
#include "storesession.h"

#include <QObject>

#include <optional>

namespace cp {

class RoleRepository;
class TimelineRepository;

// Incidents: declaring one, its severity, status, title and summary (each change recorded in
// incident_change and logged on the timeline), and its postmortem owner.
class IncidentRepository final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IncidentRepository)

public:
    IncidentRepository(StoreSession &session, TimelineRepository &timeline, RoleRepository &roles,
                       QObject *parent = nullptr);

    Result<qint64> create(const NewIncident &incident, const QString &author);
    StoreError setSeverity(qint64 incidentId, Severity severity, const QString &author);
    // Between the open statuses only: resolving and reopening need every domain and go through
    // ResolutionRepository (its setStatus() takes any status, as the status menu does).
    StoreError setStatus(qint64 incidentId, IncidentStatus status, const QString &author);
    StoreError setDetails(qint64 incidentId, const QString &title, const QString &summary, const QString &author);
    Result<Incident> incident(qint64 incidentId) const;
    Result<QList<Incident>> list() const;                           // open ones first, newest first
    Result<QList<IncidentChange>> history(qint64 incidentId) const; // oldest first

    // Names (or renames) the postmortem's owner and due date; logged on the timeline as a key
    // event; announces postmortemChanged(incidentId).
    StoreError setPostmortem(qint64 incidentId, const QString &owner, const QDateTime &dueAt, const QString &author);
    Result<std::optional<Postmortem>> postmortem(qint64 incidentId) const; // nullopt: not named yet

    // Inside another repository's transaction.
    Result<QVariant> readField(WriteTransaction &tx, qint64 incidentId, const QString &column);
    StoreError touch(WriteTransaction &tx, qint64 incidentId); // updated_at, and announce the change
    // Sets the status (and resolved_at), records and logs the change with 'text'.
    StoreError changeStatus(WriteTransaction &tx, qint64 incidentId, IncidentStatus before, IncidentStatus after,
                            const QString &text, const QString &author);

signals:
    void incidentAdded(qint64 incidentId);
    void incidentChanged(qint64 incidentId);
    void postmortemChanged(qint64 incidentId); // owner or due date named or changed

private:
    void announce(const StoreChange &change);
    StoreError recordChange(WriteTransaction &tx, qint64 incidentId, const QString &field, const QString &oldValue,
                            const QString &newValue, const QString &author);
    // Records the field change and logs it on the timeline as a system entry.
    StoreError logChange(WriteTransaction &tx, qint64 incidentId, const QString &field, const QString &from,
                         const QString &to, const QString &text, const QString &author);

    StoreSession &m_session;
    TimelineRepository &m_timeline;
    RoleRepository &m_roles;
};

} // namespace cp
