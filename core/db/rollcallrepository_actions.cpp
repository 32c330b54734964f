// RollCallRepository: the actions and decisions of an incident.
#include "rollcallrepository.h"

#include "rolerepository.h"
#include "rosterrepository.h"
#include "storevalues.h"
#include "timelinerepository.h"
#include "timerrepository.h"
#include "writetransaction.h"

#include <QSqlQuery>

namespace cp {

using namespace storevalues;

namespace {

const QString ActionColumns = QStringLiteral(
    "a.id, a.incident_id, a.body, a.owner_role_key, a.owner_person_id, a.status, a.timer_id, a.follow_up, "
    "a.origin_item_id, a.created_at, a.created_by, a.updated_at, a.closed_at, p.name, r.short_name "
    "FROM incident_action a LEFT JOIN person p ON p.id = a.owner_person_id "
    "LEFT JOIN incident_role r ON r.incident_id = a.incident_id AND r.role_key = a.owner_role_key");
const QString DecisionColumns = QStringLiteral(
    "id, incident_id, proposal, objection_check, objections, outcome, decided_by, decided_at, recorded_by");
// Open actions first, then closed ones, each in the order they were added.
const QString ActionOrder =
    QStringLiteral(" ORDER BY CASE WHEN a.status IN ('done', 'cancelled') THEN 1 ELSE 0 END, a.id");

IncidentAction readAction(const QSqlQuery &q)
{
    IncidentAction a;
    a.id = q.value(0).toLongLong();
    a.incidentId = q.value(1).toLongLong();
    a.text = q.value(2).toString();
    a.ownerRoleKey = q.value(3).toString();
    a.ownerPersonId = q.value(4).toLongLong();
    a.status = ActionVocabulary::statusFromKey(q.value(5).toString()).value_or(ActionStatus::Proposed);
    a.timerId = q.value(6).toLongLong();
    a.followUp = q.value(7).toInt() != 0;
    a.originItemId = q.value(8).toLongLong();
    a.createdAt = fromMs(q.value(9));
    a.createdBy = q.value(10).toString();
    a.updatedAt = fromMs(q.value(11));
    a.closedAt = fromMs(q.value(12));
    const QString person = q.value(13).toString();
    const QString role = q.value(14).toString().isEmpty() ? a.ownerRoleKey : q.value(14).toString();
    if (!role.isEmpty() && !person.isEmpty())
        a.ownerName = QStringLiteral("%1 (%2)").arg(role, person);
    else
        a.ownerName = role.isEmpty() ? person : role;
    return a;
}

Decision readDecision(const QSqlQuery &q)
{
    Decision d;
    d.id = q.value(0).toLongLong();
    d.incidentId = q.value(1).toLongLong();
    d.proposal = q.value(2).toString();
    d.objectionCheck = ActionVocabulary::objectionFromKey(q.value(3).toString()).value_or(ObjectionCheck::NotAsked);
    d.objections = q.value(4).toString();
    d.outcome = ActionVocabulary::outcomeFromKey(q.value(5).toString()).value_or(DecisionOutcome::Adopted);
    d.decidedBy = q.value(6).toString();
    d.decidedAt = fromMs(q.value(7));
    d.recordedBy = q.value(8).toString();
    return d;
}

QString shortened(const QString &text, int length = 60)
{
    const QString simple = text.simplified();
    return simple.size() <= length ? simple : simple.left(length - 1) + QChar(0x2026);
}

} // namespace

Result<IncidentAction> RollCallRepository::actionInTx(WriteTransaction &tx, qint64 actionId)
{
    return tx.readOne(QStringLiteral("SELECT %1 WHERE a.id = ?").arg(ActionColumns), {actionId},
                      tr("There is no action #%1.").arg(actionId), readAction);
}

// Checks the owner exists and says how it reads: "SME (Dana Reyes)", "Dana Reyes", "SME", "".
Result<QString> RollCallRepository::actionOwnerName(WriteTransaction &tx, qint64 incidentId, const QString &roleKey,
                                                    qint64 personId)
{
    QString role;
    QString person;
    if (!roleKey.isEmpty()) {
        auto r = m_roles.roleInTx(tx, incidentId, roleKey);
        if (!r)
            return r.error();
        role = r->definition.shortName.isEmpty() ? r->definition.title : r->definition.shortName;
    }
    if (personId > 0) {
        auto p = m_roster.personInTx(tx, personId);
        if (!p)
            return p.error();
        person = p->name;
    } else if (personId < 0) {
        return StoreError(StoreError::Code::Invalid, tr("There is no person #%1 on the roster.").arg(personId));
    }
    if (!role.isEmpty() && !person.isEmpty())
        return QStringLiteral("%1 (%2)").arg(role, person);
    return role.isEmpty() ? person : role;
}

Result<qint64> RollCallRepository::addAction(const NewAction &action, const QString &author)
{
    const QString who = author.trimmed();
    if (who.isEmpty())
        return StoreError(StoreError::Code::Invalid, tr("Say who is adding the action."));
    if (action.timeboxMs < 0 || action.timeboxMs > MaxTimeboxMs)
        return StoreError(StoreError::Code::Invalid, tr("An action's time-box runs for more than nothing and at most "
                                                        "a week."));
    if (action.text.size() > MaxTextLength)
        return StoreError(StoreError::Code::Invalid, tr("Keep an action under %1 characters.").arg(MaxTextLength));
    return m_session.write(tr("Adding the action"), [&](WriteTransaction &tx) -> Result<qint64> {
        // A follow-up is a postmortem field: it may still be set on a resolved incident.
        TimelineRepository::ClosedRecordWrite followUp(m_timeline, action.followUp && action.timeboxMs == 0);
        if (StoreError error = tx.requireRow(QStringLiteral("incident"), action.incidentId,
                                             tr("There is no incident #%1.").arg(action.incidentId));
            !error.ok())
            return error;

        QString text = action.text.trimmed();
        QString origin;
        if (action.originItemId > 0) {
            auto item = rollCallItemInTx(tx, action.originItemId);
            if (!item)
                return item.error();
            if (item->incidentId != action.incidentId)
                return StoreError(
                    StoreError::Code::NotFound,
                    tr("Incident #%1 has no roll-call item #%2.").arg(action.incidentId).arg(action.originItemId));
            if (text.isEmpty())
                text = item->report.needs.trimmed();
            if (text.isEmpty())
                return StoreError(StoreError::Code::Invalid,
                                  tr("%1 reported no Needs in roll call %2: say what the action is.")
                                      .arg(item->label(), QString::number(item->roundNumber)));
            origin = tr("from the Needs of %1 in roll call %2").arg(item->label(), QString::number(item->roundNumber));
        }
        if (text.isEmpty())
            return StoreError(StoreError::Code::Invalid, tr("An action needs a text: what is to be done?"));
        const QString roleKey = action.ownerRoleKey.trimmed();
        auto owner = actionOwnerName(tx, action.incidentId, roleKey, action.ownerPersonId);
        if (!owner)
            return owner.error();
        const ActionStatus status =
            action.status.value_or(owner->isEmpty() ? ActionStatus::Proposed : ActionStatus::Assigned);

        qint64 timerId = 0;
        if (action.timeboxMs > 0) {
            TimerOptions options;
            options.ownerRoleKey = roleKey;
            auto timer = m_timers.insertTimer(tx, action.incidentId, TimerKind::Countdown,
                                              tr("Action: %1").arg(shortened(text)), action.timeboxMs, options, who);
            if (!timer)
                return timer.error();
            timerId = *timer;
        }
        const QDateTime now = m_session.clock().nowUtc();
        const bool closed = status == ActionStatus::Done || status == ActionStatus::Cancelled;
        auto inserted = tx.insert(
            QStringLiteral("INSERT INTO incident_action (incident_id, body, owner_role_key, owner_person_id, status, "
                           "timer_id, follow_up, origin_item_id, created_at, created_by, updated_at, closed_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
            {action.incidentId, text, nonNull(roleKey), idOrNull(action.ownerPersonId),
             ActionVocabulary::statusKey(status), idOrNull(timerId), action.followUp ? 1 : 0,
             idOrNull(action.originItemId), toMs(now), who, toMs(now), closed ? QVariant(toMs(now)) : QVariant()});
        if (!inserted)
            return inserted.error();
        const qint64 id = *inserted;
        if (StoreError error = m_session.logChange(tx, StoreEntity::Action, id, action.incidentId, ChangeOp::Insert);
            !error.ok())
            return error;

        QString line = tr("Action #%1: %2 — %3").arg(id).arg(text, ActionVocabulary::statusLabel(status).toLower());
        if (!owner->isEmpty())
            line += tr(", owner %1").arg(*owner);
        if (action.timeboxMs > 0)
            line += tr(", time-box %1").arg(TimerVocabulary::durationText(action.timeboxMs));
        if (action.followUp)
            line += tr(", follow-up for the postmortem");
        if (!origin.isEmpty())
            line += QStringLiteral(" (%1)").arg(origin);
        if (StoreError error = m_timeline.log(tx, action.incidentId, EntryKind::Action, line, false,
                                              {QStringLiteral("action-%1").arg(id)}, who);
            !error.ok())
            return error;
        return id;
    });
}

StoreError RollCallRepository::updateAction(qint64 actionId, const ActionChange &change, const QString &author)
{
    const QString who = author.trimmed();
    if (who.isEmpty())
        return {StoreError::Code::Invalid, tr("Say who is changing the action.")};
    if (change.isEmpty())
        return {StoreError::Code::Invalid, tr("Say what changes about the action.")};
    if (change.text && change.text->trimmed().isEmpty())
        return {StoreError::Code::Invalid, tr("An action needs a text: what is to be done?")};
    if (change.text && change.text->size() > MaxTextLength)
        return {StoreError::Code::Invalid, tr("Keep an action under %1 characters.").arg(MaxTextLength)};
    return m_session.write(tr("Changing the action"), [&](WriteTransaction &tx) -> StoreError {
        auto loaded = actionInTx(tx, actionId);
        if (!loaded)
            return loaded.error();
        const IncidentAction before = *loaded;
        TimelineRepository::ClosedRecordWrite followUp(m_timeline, before.followUp && change.followUp.value_or(true));
        IncidentAction a = before;
        QStringList what;
        if (change.text && change.text->trimmed() != a.text) {
            a.text = change.text->trimmed();
            what << tr("reworded");
        }
        const QString roleKey = change.ownerRoleKey ? change.ownerRoleKey->trimmed() : a.ownerRoleKey;
        const qint64 personId = change.ownerPersonId ? *change.ownerPersonId : a.ownerPersonId;
        if (roleKey != a.ownerRoleKey || personId != a.ownerPersonId) {
            auto owner = actionOwnerName(tx, a.incidentId, roleKey, personId);
            if (!owner)
                return owner.error();
            a.ownerRoleKey = roleKey;
            a.ownerPersonId = personId;
            what << (owner->isEmpty() ? tr("owner removed") : tr("owner %1").arg(*owner));
        }
        if (change.status && *change.status != a.status) {
            what << tr("%1 → %2").arg(ActionVocabulary::statusLabel(a.status).toLower(),
                                      ActionVocabulary::statusLabel(*change.status).toLower());
            a.status = *change.status;
        }
        if (change.followUp && *change.followUp != a.followUp) {
            a.followUp = *change.followUp;
            what << (a.followUp ? tr("marked as a follow-up for the postmortem") : tr("no longer a follow-up"));
        }
        if (what.isEmpty())
            return {StoreError::Code::Invalid, tr("Action #%1 already reads that way.").arg(actionId)};

        const QDateTime now = m_session.clock().nowUtc();
        const bool closedNow = !a.isOpen();
        if (closedNow && before.isOpen())
            a.closedAt = now;
        else if (!closedNow)
            a.closedAt = QDateTime();
        if (StoreError error = tx.run(
                QStringLiteral(
                    "UPDATE incident_action SET body = ?, owner_role_key = ?, owner_person_id = ?, status = ?, "
                    "follow_up = ?, updated_at = ?, closed_at = ? WHERE id = ?"),
                {a.text, nonNull(a.ownerRoleKey), idOrNull(a.ownerPersonId), ActionVocabulary::statusKey(a.status),
                 a.followUp ? 1 : 0, toMs(now), msOrNull(a.closedAt), a.id});
            !error.ok())
            return error;
        if (StoreError error = m_session.logChange(tx, StoreEntity::Action, a.id, a.incidentId, ChangeOp::Update);
            !error.ok())
            return error;

        // A finished action's time-box has nothing left to time.
        if (closedNow && before.isOpen() && a.timerId > 0) {
            auto timer = m_timers.timerInTx(tx, a.timerId);
            if (!timer)
                return timer.error();
            Timer t = *timer;
            if (t.isLive()) {
                if (StoreError error = m_timers.logPendingExpiry(tx, t); !error.ok())
                    return error;
                t.state = a.status == ActionStatus::Done ? TimerState::Acknowledged : TimerState::Cancelled;
                if (StoreError error = m_timers.saveTimer(tx, t); !error.ok())
                    return error;
                const QString timerText = a.status == ActionStatus::Done
                                              ? tr("Timer acknowledged: “%1” — the action is done").arg(t.label)
                                              : tr("Timer cancelled: “%1” — the action is cancelled").arg(t.label);
                if (StoreError error =
                        m_timeline.log(tx, t.incidentId, EntryKind::Timer, timerText, false, t.entryTags(), who);
                    !error.ok())
                    return error;
            }
        }

        const QString text =
            tr("Action #%1 “%2”: %3").arg(a.id).arg(shortened(a.text), what.join(QStringLiteral(", ")));
        return m_timeline.log(tx, a.incidentId, EntryKind::Action, text, false, {QStringLiteral("action-%1").arg(a.id)},
                              who);
    });
}

Result<QList<IncidentAction>> RollCallRepository::actions(qint64 incidentId) const
{
    return m_session.readAll(QStringLiteral("SELECT %1 WHERE a.incident_id = ?").arg(ActionColumns) + ActionOrder,
                             {incidentId}, tr("Reading the actions"), &readAction);
}

Result<IncidentAction> RollCallRepository::action(qint64 actionId) const
{
    return m_session.readOne(QStringLiteral("SELECT %1 WHERE a.id = ?").arg(ActionColumns), {actionId},
                             tr("Reading the action"), tr("There is no action #%1.").arg(actionId), &readAction);
}

Result<qint64> RollCallRepository::addDecision(const NewDecision &decision, const QString &author)
{
    const QString who = author.trimmed();
    if (who.isEmpty())
        return StoreError(StoreError::Code::Invalid, tr("Say who is recording the decision."));
    const QString proposal = decision.proposal.trimmed();
    if (proposal.isEmpty())
        return StoreError(StoreError::Code::Invalid, tr("A decision needs its proposal: what was decided?"));
    const QString objections = decision.objections.trimmed();
    if (decision.objectionCheck == ObjectionCheck::Raised && objections.isEmpty())
        return StoreError(StoreError::Code::Invalid, tr("Objections were raised: say what they were."));
    if (decision.objectionCheck != ObjectionCheck::Raised && !objections.isEmpty())
        return StoreError(StoreError::Code::Invalid,
                          tr("Objections are written down only when the check raised some."));
    if (proposal.size() > MaxTextLength || objections.size() > MaxTextLength)
        return StoreError(StoreError::Code::Invalid, tr("Keep a decision under %1 characters.").arg(MaxTextLength));
    const QString decidedBy = decision.decidedBy.trimmed().isEmpty() ? who : decision.decidedBy.trimmed();

    return m_session.write(tr("Recording the decision"), [&](WriteTransaction &tx) -> Result<qint64> {
        if (StoreError error = tx.requireRow(QStringLiteral("incident"), decision.incidentId,
                                             tr("There is no incident #%1.").arg(decision.incidentId));
            !error.ok())
            return error;
        const QDateTime now = m_session.clock().nowUtc();
        auto inserted =
            tx.insert(QStringLiteral(
                          "INSERT INTO incident_decision (incident_id, proposal, objection_check, objections, outcome, "
                          "decided_by, decided_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
                      {decision.incidentId, proposal, ActionVocabulary::objectionKey(decision.objectionCheck),
                       nonNull(objections), ActionVocabulary::outcomeKey(decision.outcome), decidedBy, toMs(now), who});
        if (!inserted)
            return inserted.error();
        const qint64 id = *inserted;
        if (StoreError error =
                m_session.logChange(tx, StoreEntity::Decision, id, decision.incidentId, ChangeOp::Insert);
            !error.ok())
            return error;
        QString line = tr("Decision: %1 — %2 by %3")
                           .arg(proposal, ActionVocabulary::outcomeLabel(decision.outcome).toLower(), decidedBy);
        switch (decision.objectionCheck) {
        case ObjectionCheck::NotAsked:
            line += tr("; objections were not asked for");
            break;
        case ObjectionCheck::NoneRaised:
            line += tr("; no strong objections");
            break;
        case ObjectionCheck::Raised:
            line += tr("; objections: %1").arg(objections);
            break;
        }
        if (StoreError error = m_timeline.log(tx, decision.incidentId, EntryKind::Decision, line, true,
                                              {QStringLiteral("decision-%1").arg(id)}, who);
            !error.ok())
            return error;
        return id;
    });
}

Result<QList<Decision>> RollCallRepository::decisions(qint64 incidentId) const
{
    return m_session.readAll(
        QStringLiteral("SELECT %1 FROM incident_decision WHERE incident_id = ? ORDER BY decided_at, id")
            .arg(DecisionColumns),
        {incidentId}, tr("Reading the decisions"), &readDecision);
}

Result<Decision> RollCallRepository::decision(qint64 decisionId) const
{
    return m_session.readOne(QStringLiteral("SELECT %1 FROM incident_decision WHERE id = ?").arg(DecisionColumns),
                             {decisionId}, tr("Reading the decision"), tr("There is no decision #%1.").arg(decisionId),
                             &readDecision);
}

} // namespace cp
