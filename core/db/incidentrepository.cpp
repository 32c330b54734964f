// Incidents: declaring one, its severity, status and details, and the postmortem owner.
#include "incidentrepository.h"

#include "rolerepository.h"
#include "storevalues.h"
#include "timelinerepository.h"
#include "writetransaction.h"

#include <QSqlQuery>

namespace cp {

using namespace storevalues;

namespace {

const QString IncidentColumns =
    QStringLiteral("id, title, summary, severity, status, kind, declared_at, resolved_at, template_key");

Incident readIncident(const QSqlQuery &q)
{
    Incident i;
    i.id = q.value(0).toLongLong();
    i.title = q.value(1).toString();
    i.summary = q.value(2).toString();
    i.severity = static_cast<Severity>(qBound(1, q.value(3).toInt(), 5));
    i.status = IncidentVocabulary::statusFromKey(q.value(4).toString()).value_or(IncidentStatus::Investigating);
    i.kind = IncidentVocabulary::kindFromKey(q.value(5).toString()).value_or(IncidentKind::Technical);
    i.declaredAt = fromMs(q.value(6));
    i.resolvedAt = fromMs(q.value(7));
    i.templateKey = q.value(8).toString();
    return i;
}

Postmortem readPostmortem(const QSqlQuery &q)
{
    Postmortem p;
    p.id = q.value(0).toLongLong();
    p.incidentId = q.value(1).toLongLong();
    p.owner = q.value(2).toString();
    p.dueAt = fromMs(q.value(3));
    p.assignedAt = fromMs(q.value(4));
    p.assignedBy = q.value(5).toString();
    return p;
}

} // namespace

IncidentRepository::IncidentRepository(StoreSession &session, TimelineRepository &timeline, RoleRepository &roles,
                                       QObject *parent)
    : QObject(parent), m_session(session), m_timeline(timeline), m_roles(roles)
{
    connect(&m_session, &StoreSession::changed, this, &IncidentRepository::announce);
}

void IncidentRepository::announce(const StoreChange &c)
{
    if (c.entity == StoreEntity::Incident) {
        if (c.op == ChangeOp::Insert)
            emit incidentAdded(c.entityId);
        else
            emit incidentChanged(c.entityId);
    } else if (c.entity == StoreEntity::Postmortem) {
        emit postmortemChanged(c.incidentId);
    }
}

StoreError IncidentRepository::recordChange(WriteTransaction &tx, qint64 incidentId, const QString &field,
                                            const QString &oldValue, const QString &newValue, const QString &author)
{
    return tx.run(QStringLiteral("INSERT INTO incident_change (incident_id, changed_at, changed_by, field, "
                                 "old_value, new_value) VALUES (?, ?, ?, ?, ?, ?)"),
                  {incidentId, toMs(m_session.clock().nowUtc()), author, field, oldValue, newValue});
}

StoreError IncidentRepository::touch(WriteTransaction &tx, qint64 incidentId)
{
    if (StoreError error = tx.run(QStringLiteral("UPDATE incident SET updated_at = ? WHERE id = ?"),
                                  {toMs(m_session.clock().nowUtc()), incidentId});
        !error.ok())
        return error;
    return m_session.logChange(tx, StoreEntity::Incident, incidentId, incidentId, ChangeOp::Update);
}

Result<qint64> IncidentRepository::create(const NewIncident &incident, const QString &author)
{
    const QString title = incident.title.trimmed();
    if (title.isEmpty())
        return StoreError(StoreError::Code::Invalid, tr("An incident needs a title."));
    if (author.trimmed().isEmpty())
        return StoreError(StoreError::Code::Invalid, tr("Say who is declaring the incident."));
    const QDateTime now = m_session.clock().nowUtc();
    const QDateTime declared = incident.declaredAt.isValid() ? incident.declaredAt.toUTC() : now;

    return m_session.write(tr("Declaring the incident"), [&](WriteTransaction &tx) -> Result<qint64> {
        auto inserted = tx.insert(
            QStringLiteral("INSERT INTO incident (title, summary, severity, status, kind, declared_at, "
                           "created_at, updated_at, template_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                           "RETURNING id"),
            {title, nonNull(incident.summary.trimmed()), static_cast<int>(incident.severity),
             IncidentVocabulary::statusKey(IncidentStatus::Investigating), IncidentVocabulary::kindKey(incident.kind),
             toMs(declared), toMs(now), toMs(now), nonNull(incident.roles ? incident.roles->key : QString())});
        if (!inserted)
            return inserted.error();
        const qint64 id = *inserted;
        if (StoreError error = m_session.logChange(tx, StoreEntity::Incident, id, id, ChangeOp::Insert); !error.ok())
            return error;

        const QString declaredText = tr("Incident declared: %1 %2 — %3")
                                         .arg(IncidentVocabulary::severityKey(incident.severity),
                                              IncidentVocabulary::kindLabel(incident.kind).toLower(), title);
        if (StoreError error =
                m_timeline.log(tx, id, EntryKind::System, declaredText, true, {}, author.trimmed(), declared);
            !error.ok())
            return error;
        if (incident.roles) {
            if (StoreError error = m_roles.applyTemplateInTx(tx, id, *incident.roles, QString(), author.trimmed());
                !error.ok())
                return error;
        }
        return id;
    });
}

Result<QVariant> IncidentRepository::readField(WriteTransaction &tx, qint64 incidentId, const QString &column)
{
    // column is one of ours, never user input.
    auto current = tx.exec(QStringLiteral("SELECT %1 FROM incident WHERE id = ?").arg(column), {incidentId});
    if (!current)
        return current.error();
    if (!current->next())
        return StoreError(StoreError::Code::NotFound, tr("There is no incident #%1.").arg(incidentId));
    const QVariant value = current->value(0);
    current->finish();
    return value;
}

StoreError IncidentRepository::logChange(WriteTransaction &tx, qint64 incidentId, const QString &field,
                                         const QString &from, const QString &to, const QString &text,
                                         const QString &author)
{
    if (StoreError error = recordChange(tx, incidentId, field, from, to, author); !error.ok())
        return error;
    const bool keyEvent = field == QLatin1String("severity") || field == QLatin1String("status");
    return m_timeline.log(tx, incidentId, EntryKind::System, text, keyEvent, {}, author);
}

StoreError IncidentRepository::setSeverity(qint64 incidentId, Severity severity, const QString &author)
{
    return m_session.write(tr("Changing the severity"), [&](WriteTransaction &tx) -> StoreError {
        auto current = readField(tx, incidentId, QStringLiteral("severity"));
        if (!current)
            return current.error();
        const auto before = static_cast<Severity>(current->toInt());
        if (before == severity)
            return {};

        if (StoreError error = tx.run(QStringLiteral("UPDATE incident SET severity = ? WHERE id = ?"),
                                      {static_cast<int>(severity), incidentId});
            !error.ok())
            return error;
        const QString from = IncidentVocabulary::severityKey(before);
        const QString to = IncidentVocabulary::severityKey(severity);
        const QString text =
            (severity < before ? tr("Severity raised: %1 → %2") : tr("Severity lowered: %1 → %2")).arg(from, to);
        if (StoreError error = logChange(tx, incidentId, QStringLiteral("severity"), from, to, text, author);
            !error.ok())
            return error;
        return touch(tx, incidentId);
    });
}

StoreError IncidentRepository::setStatus(qint64 incidentId, IncidentStatus status, const QString &author)
{
    if (status == IncidentStatus::Resolved)
        return {
            StoreError::Code::Invalid,
            tr("Incident #%1 is resolved through its resolve checklist, not by setting the status.").arg(incidentId)};
    return m_session.write(tr("Changing the status"), [&](WriteTransaction &tx) -> StoreError {
        auto current = readField(tx, incidentId, QStringLiteral("status"));
        if (!current)
            return current.error();
        const IncidentStatus before =
            IncidentVocabulary::statusFromKey(current->toString()).value_or(IncidentStatus::Investigating);
        if (before == status)
            return {};
        if (before == IncidentStatus::Resolved)
            return {StoreError::Code::Invalid,
                    tr("Incident #%1 is resolved; reopen it with a reason to change its status.").arg(incidentId)};
        const QString text =
            tr("Status: %1 → %2").arg(IncidentVocabulary::statusLabel(before), IncidentVocabulary::statusLabel(status));
        return changeStatus(tx, incidentId, before, status, text, author);
    });
}

StoreError IncidentRepository::changeStatus(WriteTransaction &tx, qint64 incidentId, IncidentStatus before,
                                            IncidentStatus after, const QString &text, const QString &author)
{
    const QVariant resolvedAt =
        after == IncidentStatus::Resolved ? QVariant(toMs(m_session.clock().nowUtc())) : QVariant();
    if (StoreError error = tx.run(QStringLiteral("UPDATE incident SET status = ?, resolved_at = ? WHERE id = ?"),
                                  {IncidentVocabulary::statusKey(after), resolvedAt, incidentId});
        !error.ok())
        return error;
    if (StoreError error = logChange(tx, incidentId, QStringLiteral("status"), IncidentVocabulary::statusKey(before),
                                     IncidentVocabulary::statusKey(after), text, author);
        !error.ok())
        return error;
    return touch(tx, incidentId);
}

StoreError IncidentRepository::setDetails(qint64 incidentId, const QString &title, const QString &summary,
                                          const QString &author)
{
    if (title.trimmed().isEmpty())
        return {StoreError::Code::Invalid, tr("An incident needs a title.")};
    return m_session.write(tr("Changing the incident's details"), [&](WriteTransaction &tx) -> StoreError {
        auto current = tx.exec(QStringLiteral("SELECT title, summary FROM incident WHERE id = ?"), {incidentId});
        if (!current)
            return current.error();
        if (!current->next())
            return {StoreError::Code::NotFound, tr("There is no incident #%1.").arg(incidentId)};
        const QString oldTitle = current->value(0).toString();
        const QString oldSummary = current->value(1).toString();
        current->finish();
        const QString newTitle = title.trimmed();
        const QString newSummary = nonNull(summary.trimmed());
        if (oldTitle == newTitle && oldSummary == newSummary)
            return {};

        if (StoreError error = tx.run(QStringLiteral("UPDATE incident SET title = ?, summary = ? WHERE id = ?"),
                                      {newTitle, newSummary, incidentId});
            !error.ok())
            return error;
        if (oldTitle != newTitle) {
            if (StoreError error = logChange(tx, incidentId, QStringLiteral("title"), oldTitle, newTitle,
                                             tr("Title changed to “%1”").arg(newTitle), author);
                !error.ok())
                return error;
        }
        if (oldSummary != newSummary) {
            if (StoreError error = logChange(tx, incidentId, QStringLiteral("summary"), oldSummary, newSummary,
                                             tr("Summary updated: %1").arg(newSummary), author);
                !error.ok())
                return error;
        }
        return touch(tx, incidentId);
    });
}

Result<Incident> IncidentRepository::incident(qint64 incidentId) const
{
    return m_session.readOne(QStringLiteral("SELECT %1 FROM incident WHERE id = ?").arg(IncidentColumns), {incidentId},
                             tr("Reading incident #%1").arg(incidentId),
                             tr("There is no incident #%1.").arg(incidentId), readIncident);
}

Result<QList<Incident>> IncidentRepository::list() const
{
    return m_session.readAll(QStringLiteral("SELECT %1 FROM incident ORDER BY CASE WHEN status = 'resolved' THEN 1 "
                                            "ELSE 0 END, declared_at DESC, id DESC")
                                 .arg(IncidentColumns),
                             {}, tr("Listing incidents"), readIncident);
}

StoreError IncidentRepository::setPostmortem(qint64 incidentId, const QString &owner, const QDateTime &dueAt,
                                             const QString &author)
{
    const QString who = owner.trimmed();
    if (who.isEmpty())
        return {StoreError::Code::Invalid, tr("Name the postmortem's owner.")};
    if (!dueAt.isValid())
        return {StoreError::Code::Invalid, tr("Give the postmortem a due date.")};
    if (author.trimmed().isEmpty())
        return {StoreError::Code::Invalid, tr("Say who is naming the postmortem owner.")};

    return m_session.write(tr("Naming the postmortem owner"), [&](WriteTransaction &tx) -> StoreError {
        TimelineRepository::ClosedRecordWrite postmortemField(m_timeline); // the postmortem outlives the call
        auto resolvedAt = readField(tx, incidentId, QStringLiteral("resolved_at"));
        if (!resolvedAt)
            return resolvedAt.error();
        if (!resolvedAt->isNull() && toMs(dueAt) < resolvedAt->toLongLong())
            return {StoreError::Code::Invalid, tr("The postmortem cannot be due before the incident was resolved.")};
        auto existing =
            tx.exec(QStringLiteral("SELECT id, owner, due_at FROM postmortem WHERE incident_id = ?"), {incidentId});
        if (!existing)
            return existing.error();
        const bool found = existing->next();
        qint64 id = found ? existing->value(0).toLongLong() : 0;
        const bool same =
            found && existing->value(1).toString() == who && existing->value(2).toLongLong() == toMs(dueAt);
        existing->finish();
        if (same)
            return {};

        const qint64 now = toMs(m_session.clock().nowUtc());
        if (found) {
            if (StoreError error =
                    tx.run(QStringLiteral("UPDATE postmortem SET owner = ?, due_at = ?, assigned_at = ?, "
                                          "assigned_by = ? WHERE id = ?"),
                           {who, toMs(dueAt), now, author.trimmed(), id});
                !error.ok())
                return error;
        } else {
            auto inserted = tx.insert(QStringLiteral("INSERT INTO postmortem (incident_id, owner, due_at, assigned_at, "
                                                     "assigned_by) VALUES (?, ?, ?, ?, ?) RETURNING id"),
                                      {incidentId, who, toMs(dueAt), now, author.trimmed()});
            if (!inserted)
                return inserted.error();
            id = *inserted;
        }
        const QString text =
            tr("Postmortem owner: %1, due %2 UTC").arg(who, dueAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        if (StoreError error = m_timeline.log(tx, incidentId, EntryKind::System, text, true,
                                              {QStringLiteral("postmortem")}, author.trimmed());
            !error.ok())
            return error;
        return m_session.logChange(tx, StoreEntity::Postmortem, id, incidentId,
                                   found ? ChangeOp::Update : ChangeOp::Insert);
    });
}

Result<std::optional<Postmortem>> IncidentRepository::postmortem(qint64 incidentId) const
{
    return m_session.readFirst(QStringLiteral("SELECT id, incident_id, owner, due_at, assigned_at, assigned_by "
                                              "FROM postmortem WHERE incident_id = ?"),
                               {incidentId}, tr("Reading the postmortem"), readPostmortem);
}

Result<QList<IncidentChange>> IncidentRepository::history(qint64 incidentId) const
{
    return m_session.readAll(QStringLiteral("SELECT id, changed_at, changed_by, field, old_value, new_value "
                                            "FROM incident_change WHERE incident_id = ? ORDER BY changed_at, id"),
                             {incidentId}, tr("Reading the incident's history"), [](const QSqlQuery &q) {
                                 return IncidentChange{q.value(0).toLongLong(), fromMs(q.value(1)),
                                                       q.value(2).toString(),   q.value(3).toString(),
                                                       q.value(4).toString(),   q.value(5).toString()};
                             });
}

} // namespace cp
