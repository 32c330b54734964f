// Business incident mode: the declaration, the emergency checklist, the briefing and the
// audiences.
#include "businessrepository.h"

#include "incidentrepository.h"
#include "rolerepository.h"
#include "storevalues.h"
#include "timelinerepository.h"
#include "timerrepository.h"
#include "writetransaction.h"

#include <QSqlQuery>

namespace cp {

using namespace storevalues;

namespace {

const QString ModeColumns = QStringLiteral(
    "incident_id, state, audiences, declared_at, declared_by, normal_at, normal_by, all_clear_at, analysis_timer_id");
const QString ActivityColumns = QStringLiteral("id, incident_id, position, activity, owner_role_key, user_added, "
                                               "added_by, halted_at, halted_by, restarted_at, restarted_by");
BusinessMode readMode(const QSqlQuery &q)
{
    BusinessMode m;
    m.incidentId = q.value(0).toLongLong();
    m.state = BusinessVocabulary::stateFromKey(q.value(1).toString()).value_or(BusinessState::Emergency);
    m.audiences = splitWords(q.value(2).toString());
    m.declaredAt = fromMs(q.value(3));
    m.declaredBy = q.value(4).toString();
    m.normalAt = fromMs(q.value(5));
    m.normalBy = q.value(6).toString();
    m.allClearAt = fromMs(q.value(7));
    m.analysisTimerId = q.value(8).toLongLong();
    return m;
}

BusinessActivity readActivity(const QSqlQuery &q)
{
    BusinessActivity a;
    a.id = q.value(0).toLongLong();
    a.incidentId = q.value(1).toLongLong();
    a.position = q.value(2).toInt();
    a.activity = q.value(3).toString();
    a.ownerRoleKey = q.value(4).toString();
    a.userAdded = q.value(5).toInt() != 0;
    a.addedBy = q.value(6).toString();
    a.haltedAt = fromMs(q.value(7));
    a.haltedBy = q.value(8).toString();
    a.restartedAt = fromMs(q.value(9));
    a.restartedBy = q.value(10).toString();
    return a;
}

} // namespace

BusinessRepository::BusinessRepository(StoreSession &session, TimelineRepository &timeline,
                                       IncidentRepository &incidents, RoleRepository &roles, TimerRepository &timers,
                                       QObject *parent)
    : QObject(parent), m_session(session), m_timeline(timeline), m_incidents(incidents), m_roles(roles),
      m_timers(timers)
{
    connect(&m_session, &StoreSession::changed, this, &BusinessRepository::announce);
}

void BusinessRepository::announce(const StoreChange &c)
{
    switch (c.entity) {
    case StoreEntity::Business:
        emit businessChanged(c.incidentId);
        break;
    case StoreEntity::Activity:
        emit activityChanged(c.incidentId, c.entityId);
        break;
    case StoreEntity::Message:
        emit messageChanged(c.incidentId, c.entityId);
        break;
    case StoreEntity::Notice:
        emit noticeChanged(c.incidentId, c.entityId);
        break;
    case StoreEntity::Inbound:
        emit inboundChanged(c.incidentId, c.entityId);
        break;
    default:
        break;
    }
}

Result<BusinessMode> BusinessRepository::modeInTx(WriteTransaction &tx, qint64 incidentId)
{
    auto q =
        tx.exec(QStringLiteral("SELECT %1 FROM business_mode WHERE incident_id = ?").arg(ModeColumns), {incidentId});
    if (!q)
        return q.error();
    if (q->next()) {
        BusinessMode mode = readMode(*q);
        q->finish();
        return mode;
    }
    q->finish();
    if (StoreError error =
            tx.requireRow(QStringLiteral("incident"), incidentId, tr("There is no incident #%1.").arg(incidentId));
        !error.ok())
        return error;
    return StoreError(StoreError::Code::NotFound,
                      tr("Incident #%1 is not a business incident: declare business mode first.").arg(incidentId));
}

Result<BusinessActivity> BusinessRepository::activityInTx(WriteTransaction &tx, qint64 activityId)
{
    return tx.readOne(QStringLiteral("SELECT %1 FROM business_activity WHERE id = ?").arg(ActivityColumns),
                      {activityId}, tr("There is no emergency-operations activity #%1.").arg(activityId), readActivity);
}

StoreError BusinessRepository::insertActivity(WriteTransaction &tx, qint64 incidentId, const NewActivity &activity,
                                              bool userAdded, const QString &author, qint64 *id)
{
    auto last =
        tx.exec(QStringLiteral("SELECT COALESCE(MAX(position), -1) FROM business_activity WHERE incident_id = ?"),
                {incidentId});
    if (!last)
        return last.error();
    last->next();
    const int position = last->value(0).toInt() + 1;
    last->finish();
    auto inserted = tx.insert(QStringLiteral("INSERT INTO business_activity (incident_id, position, activity, "
                                             "owner_role_key, user_added, added_by) VALUES (?, ?, ?, ?, ?, ?) "
                                             "RETURNING id"),
                              {incidentId, position, activity.activity.trimmed(),
                               nonNull(activity.ownerRoleKey.trimmed()), userAdded ? 1 : 0, author});
    if (!inserted)
        return inserted.error();
    if (id)
        *id = *inserted;
    return m_session.logChange(tx, StoreEntity::Activity, *inserted, incidentId, ChangeOp::Insert);
}

StoreError BusinessRepository::saveMode(WriteTransaction &tx, const BusinessMode &mode)
{
    if (StoreError error =
            tx.run(QStringLiteral("UPDATE business_mode SET state = ?, audiences = ?, normal_at = ?, "
                                  "normal_by = ?, all_clear_at = ?, analysis_timer_id = ? "
                                  "WHERE incident_id = ?"),
                   {BusinessVocabulary::stateKey(mode.state), joinWords(mode.audiences),
                    mode.normalAt.isValid() ? QVariant(toMs(mode.normalAt)) : QVariant(), nonNull(mode.normalBy),
                    mode.allClearAt.isValid() ? QVariant(toMs(mode.allClearAt)) : QVariant(),
                    mode.analysisTimerId > 0 ? QVariant(mode.analysisTimerId) : QVariant(), mode.incidentId});
        !error.ok())
        return error;
    return m_session.logChange(tx, StoreEntity::Business, mode.incidentId, mode.incidentId, ChangeOp::Update);
}

// The last halted activity has been restarted: the business is back to normal, and the
// Technical SLT's preliminary analysis is due within 24 hours.
StoreError BusinessRepository::allClearIfDone(WriteTransaction &tx, BusinessMode &mode, const QString &author)
{
    if (mode.state != BusinessState::Restoring)
        return {};
    auto halted = tx.exec(QStringLiteral("SELECT COUNT(*) FROM business_activity WHERE incident_id = ? "
                                         "AND halted_at IS NOT NULL AND restarted_at IS NULL"),
                          {mode.incidentId});
    if (!halted)
        return halted.error();
    halted->next();
    const int stillHalted = halted->value(0).toInt();
    halted->finish();
    if (stillHalted > 0)
        return {};
    mode.state = BusinessState::Normal;
    mode.allClearAt = m_session.clock().nowUtc();
    if (mode.analysisTimerId == 0) {
        TimerOptions options;
        options.ownerRoleKey = QStringLiteral("technical-slt");
        auto timer = m_timers.insertTimer(tx, mode.incidentId, TimerKind::Countdown, tr("Preliminary analysis"),
                                          BusinessVocabulary::PreliminaryAnalysisMs, options, author);
        if (!timer)
            return timer.error();
        mode.analysisTimerId = *timer;
    }
    if (StoreError error = saveMode(tx, mode); !error.ok())
        return error;
    return m_timeline.log(tx, mode.incidentId, EntryKind::Communication,
                          tr("All clear: the business is back to normal operations; the Technical SLT's "
                             "preliminary analysis is due within 24 hours"),
                          true, {BusinessTag, QStringLiteral("all-clear")}, author);
}

StoreError BusinessRepository::declare(qint64 incidentId, const BusinessDeclaration &declaration, const QString &author)
{
    const QString who = author.trimmed();
    if (who.isEmpty())
        return invalid(tr("Say who is declaring the business incident."));
    QStringList audiences =
        declaration.audiences.isEmpty() ? BusinessVocabulary::defaultAudiences() : declaration.audiences;
    for (const QString &audience : std::as_const(audiences)) {
        if (!BusinessVocabulary::allAudiences().contains(audience))
            return invalid(tr("“%1” is not an audience; use %2.")
                               .arg(audience, BusinessVocabulary::allAudiences().join(QStringLiteral(", "))));
    }
    audiences.removeDuplicates();

    return m_session.write(tr("Declaring the business incident"), [&](WriteTransaction &tx) -> StoreError {
        auto status = m_incidents.readField(tx, incidentId, QStringLiteral("status"));
        if (!status)
            return status.error();
        auto existing =
            tx.exec(QStringLiteral("SELECT declared_by FROM business_mode WHERE incident_id = ?"), {incidentId});
        if (!existing)
            return existing.error();
        if (existing->next())
            return invalid(tr("Incident #%1 is already a business incident (declared by %2).")
                               .arg(incidentId)
                               .arg(existing->value(0).toString()));
        existing->finish();
        if (status->toString() == IncidentVocabulary::statusKey(IncidentStatus::Resolved))
            return invalid(
                tr("Incident #%1 is resolved; a business incident starts while it is still open.").arg(incidentId));

        const QDateTime now = m_session.clock().nowUtc();
        if (StoreError error = tx.run(QStringLiteral("INSERT INTO business_mode (incident_id, state, audiences, "
                                                     "declared_at, declared_by, normal_by) VALUES (?, ?, ?, ?, ?, '')"),
                                      {incidentId, BusinessVocabulary::stateKey(BusinessState::Emergency),
                                       joinWords(audiences), toMs(now), who});
            !error.ok())
            return error;
        if (StoreError error = m_session.logChange(tx, StoreEntity::Business, incidentId, incidentId, ChangeOp::Insert);
            !error.ok())
            return error;
        const QList<NewActivity> activities = BusinessVocabulary::defaultActivities();
        for (const NewActivity &activity : activities) {
            if (StoreError error = insertActivity(tx, incidentId, activity, false, who, nullptr); !error.ok())
                return error;
        }
        if (StoreError error = m_timeline.log(
                tx, incidentId, EntryKind::Communication,
                tr("Business incident declared: emergency operations — %n outbound activit(y/ies) to halt", nullptr,
                   int(activities.size())),
                true, {BusinessTag, QStringLiteral("emergency")}, who);
            !error.ok())
            return error;
        if (declaration.roles) {
            auto link = tx.exec(QStringLiteral("SELECT 1 FROM incident_role WHERE incident_id = ? AND role_key = ?"),
                                {incidentId, declaration.linkUnderRoleKey});
            if (!link)
                return link.error();
            const bool hasLink = !declaration.linkUnderRoleKey.isEmpty() && link->next();
            link->finish();
            if (StoreError error = m_roles.applyTemplateInTx(tx, incidentId, *declaration.roles,
                                                             hasLink ? declaration.linkUnderRoleKey : QString(), who);
                !error.ok())
                return error;
        }
        return m_incidents.touch(tx, incidentId);
    });
}

Result<qint64> BusinessRepository::addActivity(qint64 incidentId, const NewActivity &activity, const QString &author)
{
    if (activity.activity.trimmed().isEmpty())
        return invalid(tr("Name the outbound activity to halt."));
    if (author.trimmed().isEmpty())
        return invalid(tr("Say who is adding the activity."));
    return m_session.write(
        tr("Adding an activity to the emergency checklist"), [&](WriteTransaction &tx) -> Result<qint64> {
            auto mode = modeInTx(tx, incidentId);
            if (!mode)
                return mode.error();
            if (mode->state != BusinessState::Emergency)
                return invalid(tr("The business is returning to normal; there is nothing more to halt."));
            qint64 id = 0;
            if (StoreError error = insertActivity(tx, incidentId, activity, true, author.trimmed(), &id); !error.ok())
                return error;
            const QString owner = activity.ownerRoleKey.trimmed();
            if (StoreError error = m_timeline.log(
                    tx, incidentId, EntryKind::Communication,
                    owner.isEmpty() ? tr("Added to the emergency checklist: %1").arg(activity.activity.trimmed())
                                    : tr("Added to the emergency checklist: %1 (%2)")
                                          .arg(activity.activity.trimmed(), BusinessVocabulary::roleTitle(owner)),
                    false, {BusinessTag, QStringLiteral("activity-%1").arg(id)}, author.trimmed());
                !error.ok())
                return error;
            return id;
        });
}

StoreError BusinessRepository::tickActivity(qint64 activityId, ActivityTick tick, const QString &author)
{
    const QString who = author.trimmed();
    if (who.isEmpty())
        return invalid(tr("Say who ticked the activity."));
    return m_session.write(tr("Ticking the emergency checklist"), [&](WriteTransaction &tx) -> StoreError {
        auto activity = activityInTx(tx, activityId);
        if (!activity)
            return activity.error();
        auto mode = modeInTx(tx, activity->incidentId);
        if (!mode)
            return mode.error();
        const QDateTime now = m_session.clock().nowUtc();
        QString text;
        switch (tick) {
        case ActivityTick::Halt:
            if (mode->state != BusinessState::Emergency)
                return invalid(
                    tr("The business is returning to normal; “%1” is not halted now.").arg(activity->activity));
            if (activity->haltedAt.isValid())
                return invalid(tr("“%1” was already halted by %2.").arg(activity->activity, activity->haltedBy));
            if (StoreError error = tx.run(QStringLiteral("UPDATE business_activity SET halted_at = ?, halted_by = ? "
                                                         "WHERE id = ?"),
                                          {toMs(now), who, activityId});
                !error.ok())
                return error;
            text = tr("Halted: %1").arg(activity->activity);
            break;
        case ActivityTick::Restart:
            if (!activity->haltedAt.isValid())
                return invalid(tr("“%1” was never halted, so it cannot be restarted.").arg(activity->activity));
            if (activity->restartedAt.isValid())
                return invalid(tr("“%1” was already restarted by %2.").arg(activity->activity, activity->restartedBy));
            if (mode->state == BusinessState::Emergency)
                return invalid(tr("The business is still in emergency operations: return to normal before restarting "
                                  "“%1”.")
                                   .arg(activity->activity));
            if (StoreError error = tx.run(QStringLiteral("UPDATE business_activity SET restarted_at = ?, "
                                                         "restarted_by = ? WHERE id = ?"),
                                          {toMs(now), who, activityId});
                !error.ok())
                return error;
            text = tr("Restarted: %1").arg(activity->activity);
            break;
        case ActivityTick::Withdraw:
            if (activity->restartedAt.isValid()) {
                if (mode->state == BusinessState::Normal)
                    return invalid(tr("The business is back to normal; the restart of “%1” stays on the record.")
                                       .arg(activity->activity));
                if (StoreError error = tx.run(QStringLiteral("UPDATE business_activity SET restarted_at = NULL, "
                                                             "restarted_by = NULL WHERE id = ?"),
                                              {activityId});
                    !error.ok())
                    return error;
                text = tr("Restart withdrawn: %1").arg(activity->activity);
            } else if (activity->haltedAt.isValid()) {
                if (mode->state != BusinessState::Emergency)
                    return invalid(tr("The business is returning to normal; the halt of “%1” stays on the record.")
                                       .arg(activity->activity));
                if (StoreError error = tx.run(QStringLiteral("UPDATE business_activity SET halted_at = NULL, "
                                                             "halted_by = NULL WHERE id = ?"),
                                              {activityId});
                    !error.ok())
                    return error;
                text = tr("Halt withdrawn: %1").arg(activity->activity);
            } else {
                return invalid(tr("“%1” has no tick to withdraw.").arg(activity->activity));
            }
            break;
        }
        if (!activity->ownerRoleKey.isEmpty())
            text += QStringLiteral(" (%1)").arg(BusinessVocabulary::roleTitle(activity->ownerRoleKey));
        if (StoreError error =
                m_session.logChange(tx, StoreEntity::Activity, activityId, activity->incidentId, ChangeOp::Update);
            !error.ok())
            return error;
        if (StoreError error = m_timeline.log(tx, activity->incidentId, EntryKind::Communication, text, false,
                                              {BusinessTag, QStringLiteral("activity-%1").arg(activityId)}, who);
            !error.ok())
            return error;
        if (tick == ActivityTick::Restart) {
            if (StoreError error = allClearIfDone(tx, *mode, who); !error.ok())
                return error;
        }
        return {};
    });
}

StoreError BusinessRepository::haltActivity(qint64 activityId, const QString &author)
{
    return tickActivity(activityId, ActivityTick::Halt, author);
}

StoreError BusinessRepository::restartActivity(qint64 activityId, const QString &author)
{
    return tickActivity(activityId, ActivityTick::Restart, author);
}

StoreError BusinessRepository::withdrawActivityTick(qint64 activityId, const QString &author)
{
    return tickActivity(activityId, ActivityTick::Withdraw, author);
}

StoreError BusinessRepository::returnToNormal(qint64 incidentId, const QString &author)
{
    const QString who = author.trimmed();
    if (who.isEmpty())
        return invalid(tr("Say who is returning the business to normal."));
    return m_session.write(tr("Returning the business to normal"), [&](WriteTransaction &tx) -> StoreError {
        auto mode = modeInTx(tx, incidentId);
        if (!mode)
            return mode.error();
        if (mode->state != BusinessState::Emergency)
            return invalid(tr("Incident #%1 is already %2.")
                               .arg(incidentId)
                               .arg(BusinessVocabulary::stateLabel(mode->state).toLower()));
        auto halted = tx.exec(QStringLiteral("SELECT COUNT(*) FROM business_activity WHERE incident_id = ? "
                                             "AND halted_at IS NOT NULL AND restarted_at IS NULL"),
                              {incidentId});
        if (!halted)
            return halted.error();
        halted->next();
        const int count = halted->value(0).toInt();
        halted->finish();
        mode->state = BusinessState::Restoring;
        mode->normalAt = m_session.clock().nowUtc();
        mode->normalBy = who;
        if (StoreError error = saveMode(tx, *mode); !error.ok())
            return error;
        if (StoreError error = m_timeline.log(
                tx, incidentId, EntryKind::Communication,
                tr("Returning to normal: restart %n halted activit(y/ies), last halted first", nullptr, count), true,
                {BusinessTag, QStringLiteral("normal")}, who);
            !error.ok())
            return error;
        return allClearIfDone(tx, *mode, who);
    });
}

StoreError BusinessRepository::setAudiences(qint64 incidentId, const QStringList &audiences, const QString &author)
{
    if (audiences.isEmpty())
        return invalid(tr("Name at least one audience."));
    for (const QString &audience : audiences) {
        if (!BusinessVocabulary::allAudiences().contains(audience))
            return invalid(tr("“%1” is not an audience; use %2.")
                               .arg(audience, BusinessVocabulary::allAudiences().join(QStringLiteral(", "))));
    }
    return m_session.write(tr("Changing the audiences"), [&](WriteTransaction &tx) -> StoreError {
        auto mode = modeInTx(tx, incidentId);
        if (!mode)
            return mode.error();
        QStringList ordered;
        for (const QString &a : BusinessVocabulary::allAudiences()) {
            if (audiences.contains(a))
                ordered << a;
        }
        if (ordered == mode->audiences)
            return {};
        mode->audiences = ordered;
        if (StoreError error = saveMode(tx, *mode); !error.ok())
            return error;
        QStringList labels;
        for (const QString &a : std::as_const(ordered))
            labels << BusinessVocabulary::audienceLabel(a);
        return m_timeline.log(tx, incidentId, EntryKind::Communication,
                              tr("Audiences: %1").arg(labels.join(QStringLiteral(", "))), false, {BusinessTag},
                              author.trimmed().isEmpty() ? EntryVocabulary::systemAuthor() : author.trimmed());
    });
}

StoreError BusinessRepository::answerBriefing(qint64 incidentId, const QString &questionKey, const QString &answer,
                                              const QString &author)
{
    const QString question = BusinessVocabulary::briefingQuestion(questionKey);
    if (question.isEmpty()) {
        QStringList keys;
        for (const BriefingQuestion &q : BusinessVocabulary::briefingQuestions())
            keys << q.key;
        return invalid(
            tr("“%1” is not a briefing question; use %2.").arg(questionKey, keys.join(QStringLiteral(", "))));
    }
    const QString text = answer.trimmed();
    if (text.isEmpty())
        return invalid(tr("The answer is empty; say “unknown” if it is not known yet."));
    if (text.size() > MaxText)
        return invalid(tr("The answer is too long."));
    if (author.trimmed().isEmpty())
        return invalid(tr("Say who answered."));
    return m_session.write(tr("Recording a briefing answer"), [&](WriteTransaction &tx) -> StoreError {
        auto mode = modeInTx(tx, incidentId);
        if (!mode)
            return mode.error();
        auto old =
            tx.exec(QStringLiteral("SELECT answer FROM briefing_answer WHERE incident_id = ? AND question_key = ?"),
                    {incidentId, questionKey});
        if (!old)
            return old.error();
        const bool had = old->next();
        const bool same = had && old->value(0).toString() == text;
        old->finish();
        if (same)
            return {};
        const QVariantList values{text, author.trimmed(), toMs(m_session.clock().nowUtc()), incidentId, questionKey};
        if (StoreError error =
                tx.run(had ? QStringLiteral("UPDATE briefing_answer SET answer = ?, answered_by = ?, "
                                            "answered_at = ? WHERE incident_id = ? AND question_key = ?")
                           : QStringLiteral("INSERT INTO briefing_answer (answer, answered_by, answered_at, "
                                            "incident_id, question_key) VALUES (?, ?, ?, ?, ?)"),
                       values);
            !error.ok())
            return error;
        if (StoreError error = m_session.logChange(tx, StoreEntity::Business, incidentId, incidentId, ChangeOp::Update);
            !error.ok())
            return error;
        return m_timeline.log(tx, incidentId, EntryKind::Communication, tr("Briefing — %1 %2").arg(question, text),
                              false, {BusinessTag, QStringLiteral("briefing")}, author.trimmed());
    });
}

Result<std::optional<BusinessMode>> BusinessRepository::mode(qint64 incidentId) const
{
    return m_session.readFirst(QStringLiteral("SELECT %1 FROM business_mode WHERE incident_id = ?").arg(ModeColumns),
                               {incidentId}, tr("Reading the business mode"), readMode);
}

Result<QList<BusinessActivity>> BusinessRepository::activities(qint64 incidentId) const
{
    return m_session.readAll(
        QStringLiteral("SELECT %1 FROM business_activity WHERE incident_id = ? ORDER BY position, id")
            .arg(ActivityColumns),
        {incidentId}, tr("Reading the emergency checklist"), readActivity);
}

Result<BusinessActivity> BusinessRepository::activity(qint64 activityId) const
{
    return m_session.readOne(QStringLiteral("SELECT %1 FROM business_activity WHERE id = ?").arg(ActivityColumns),
                             {activityId}, tr("Reading the emergency checklist"),
                             tr("There is no emergency-operations activity #%1.").arg(activityId), readActivity);
}

Result<QList<BriefingAnswer>> BusinessRepository::briefingAnswers(qint64 incidentId) const
{
    auto answers =
        m_session.readAll(QStringLiteral("SELECT question_key, answer, answered_by, answered_at FROM briefing_answer "
                                         "WHERE incident_id = ?"),
                          {incidentId}, tr("Reading the briefing"), [](const QSqlQuery &q) {
                              return BriefingAnswer{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                                    fromMs(q.value(3))};
                          });
    if (!answers)
        return answers.error();
    QHash<QString, BriefingAnswer> byKey;
    for (const BriefingAnswer &answer : std::as_const(*answers))
        byKey.insert(answer.questionKey, answer);
    QList<BriefingAnswer> list; // in the order of the questions
    for (const BriefingQuestion &question : BusinessVocabulary::briefingQuestions()) {
        if (byKey.contains(question.key))
            list << byKey.value(question.key);
    }
    return list;
}

} // namespace cp
