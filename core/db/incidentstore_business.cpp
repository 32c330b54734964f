// IncidentStore: business incident mode — emergency operations, the first briefing, messages
// through the approval chain, the audience × phase grid, departments told, inbound questions.
// Every change is a communication entry on the timeline tagged "business".
#include "incidentstore.h"

#include "storevalues.h"
#include "writetransaction.h"

#include <QSqlQuery>

namespace cp {

using namespace storevalues;

namespace {

const QString BusinessTag = QStringLiteral("business");
const QString ModeColumns = QStringLiteral(
    "incident_id, state, audiences, declared_at, declared_by, normal_at, normal_by, all_clear_at, analysis_timer_id");
const QString ActivityColumns = QStringLiteral("id, incident_id, position, activity, owner_role_key, user_added, "
                                               "added_by, halted_at, halted_by, restarted_at, restarted_by");
const QString MessageColumns = QStringLiteral("id, incident_id, audience, phase, channel, body, version, waiting_for, "
                                              "created_at, created_by, updated_at, sent_at");
const QString StepColumns = QStringLiteral("id, message_id, version, step, verdict, comment, done_by, done_at");
const QString NoticeColumns = QStringLiteral("id, incident_id, department_key, told_at, told_by, method, note");
const QString InboundColumns = QStringLiteral("id, incident_id, channel, asked_by, question, received_at, logged_by, "
                                              "answer, answered_at, answered_by");
constexpr int MaxText = 20000;

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

Message readMessage(const QSqlQuery &q)
{
    Message m;
    m.id = q.value(0).toLongLong();
    m.incidentId = q.value(1).toLongLong();
    m.audience = q.value(2).toString();
    m.phase = q.value(3).toString();
    m.channel = q.value(4).toString();
    m.text = q.value(5).toString();
    m.version = q.value(6).toInt();
    m.waitingFor = BusinessVocabulary::stepFromKey(q.value(7).toString()).value_or(MessageStep::LegalReview);
    m.createdAt = fromMs(q.value(8));
    m.createdBy = q.value(9).toString();
    m.updatedAt = fromMs(q.value(10));
    m.sentAt = fromMs(q.value(11));
    return m;
}

MessageStepRecord readStep(const QSqlQuery &q)
{
    MessageStepRecord s;
    s.id = q.value(0).toLongLong();
    s.messageId = q.value(1).toLongLong();
    s.version = q.value(2).toInt();
    s.step = BusinessVocabulary::stepFromKey(q.value(3).toString()).value_or(MessageStep::Draft);
    s.verdict = BusinessVocabulary::verdictFromKey(q.value(4).toString()).value_or(StepVerdict::Done);
    s.comment = q.value(5).toString();
    s.by = q.value(6).toString();
    s.at = fromMs(q.value(7));
    return s;
}

StakeholderNotice readNotice(const QSqlQuery &q)
{
    StakeholderNotice n;
    n.id = q.value(0).toLongLong();
    n.incidentId = q.value(1).toLongLong();
    n.departmentKey = q.value(2).toString();
    n.toldAt = fromMs(q.value(3));
    n.toldBy = q.value(4).toString();
    n.method = q.value(5).toString();
    n.note = q.value(6).toString();
    return n;
}

InboundQuestion readInbound(const QSqlQuery &q)
{
    InboundQuestion i;
    i.id = q.value(0).toLongLong();
    i.incidentId = q.value(1).toLongLong();
    i.channel = q.value(2).toString();
    i.from = q.value(3).toString();
    i.question = q.value(4).toString();
    i.receivedAt = fromMs(q.value(5));
    i.loggedBy = q.value(6).toString();
    i.answer = q.value(7).toString();
    i.answeredAt = fromMs(q.value(8));
    i.answeredBy = q.value(9).toString();
    return i;
}

QString roleTitle(const QString &roleKey)
{
    if (roleKey == QLatin1String("marketing-officer"))
        return IncidentStore::tr("Marketing Officer");
    for (MessageStep s : BusinessVocabulary::chain()) {
        if (BusinessVocabulary::stepRoleKey(s) == roleKey)
            return BusinessVocabulary::stepRoleTitle(s);
    }
    if (roleKey == QLatin1String("social-officer"))
        return IncidentStore::tr("Social Officer");
    if (roleKey == QLatin1String("media-officer"))
        return IncidentStore::tr("Media Officer");
    if (roleKey == QLatin1String("business-customer-liaison"))
        return IncidentStore::tr("Customer Liaison");
    return roleKey;
}

QString cellText(const QString &audience, const QString &phase)
{
    return IncidentStore::tr("%1, %2 phase")
        .arg(BusinessVocabulary::audienceLabel(audience), BusinessVocabulary::phaseLabel(phase).toLower());
}

StoreError invalid(const QString &message)
{
    return {StoreError::Code::Invalid, message};
}

} // namespace

// ---- helpers inside a transaction ----------------------------------------------------------

Result<BusinessMode> IncidentStore::businessModeInTx(WriteTransaction &tx, qint64 incidentId)
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
    auto incident = tx.exec(QStringLiteral("SELECT 1 FROM incident WHERE id = ?"), {incidentId});
    if (!incident)
        return incident.error();
    if (!incident->next())
        return StoreError(StoreError::Code::NotFound, tr("There is no incident #%1.").arg(incidentId));
    incident->finish();
    return StoreError(StoreError::Code::NotFound,
                      tr("Incident #%1 is not a business incident: declare business mode first.").arg(incidentId));
}

Result<BusinessActivity> IncidentStore::activityInTx(WriteTransaction &tx, qint64 activityId)
{
    return tx.readOne(QStringLiteral("SELECT %1 FROM business_activity WHERE id = ?").arg(ActivityColumns),
                      {activityId}, tr("There is no emergency-operations activity #%1.").arg(activityId), readActivity);
}

Result<Message> IncidentStore::messageInTx(WriteTransaction &tx, qint64 messageId)
{
    return tx.readOne(QStringLiteral("SELECT %1 FROM message WHERE id = ?").arg(MessageColumns), {messageId},
                      tr("There is no message #%1.").arg(messageId), readMessage);
}

StoreError IncidentStore::insertActivity(WriteTransaction &tx, qint64 incidentId, const NewActivity &activity,
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

StoreError IncidentStore::saveMode(WriteTransaction &tx, const BusinessMode &mode)
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
StoreError IncidentStore::allClearIfDone(WriteTransaction &tx, BusinessMode &mode, const QString &author)
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
    mode.allClearAt = m_clock.nowUtc();
    if (mode.analysisTimerId == 0) {
        TimerOptions options;
        options.ownerRoleKey = QStringLiteral("technical-slt");
        auto timer = insertTimer(tx, mode.incidentId, TimerKind::Countdown, tr("Preliminary analysis"),
                                 BusinessVocabulary::PreliminaryAnalysisMs, options, author);
        if (!timer)
            return timer.error();
        mode.analysisTimerId = *timer;
    }
    if (StoreError error = saveMode(tx, mode); !error.ok())
        return error;
    return log(tx, mode.incidentId, EntryKind::Communication,
               tr("All clear: the business is back to normal operations; the Technical SLT's "
                  "preliminary analysis is due within 24 hours"),
               true, {BusinessTag, QStringLiteral("all-clear")}, author);
}

// ---- emergency operations ------------------------------------------------------------------

StoreError IncidentStore::declareBusinessMode(qint64 incidentId, const BusinessDeclaration &declaration,
                                              const QString &author)
{
    if (StoreError error = m_session.requireWritable(); !error.ok())
        return error;
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

    WriteTransaction tx(m_session.database(), m_session.dialect(), tr("Declaring the business incident"));
    if (StoreError error = tx.begin(); !error.ok())
        return error;
    auto status = readIncidentField(tx, incidentId, QStringLiteral("status"));
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

    const QDateTime now = m_clock.nowUtc();
    if (StoreError error = tx.run(
            QStringLiteral("INSERT INTO business_mode (incident_id, state, audiences, "
                           "declared_at, declared_by, normal_by) VALUES (?, ?, ?, ?, ?, '')"),
            {incidentId, BusinessVocabulary::stateKey(BusinessState::Emergency), joinWords(audiences), toMs(now), who});
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
    if (StoreError error =
            log(tx, incidentId, EntryKind::Communication,
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
        if (StoreError error = applyTemplateInTx(tx, incidentId, *declaration.roles,
                                                 hasLink ? declaration.linkUnderRoleKey : QString(), who);
            !error.ok())
            return error;
    }
    if (StoreError error = touchIncident(tx, incidentId); !error.ok())
        return error;
    return m_session.finish(tx);
}

Result<qint64> IncidentStore::addBusinessActivity(qint64 incidentId, const NewActivity &activity, const QString &author)
{
    if (StoreError error = m_session.requireWritable(); !error.ok())
        return error;
    if (activity.activity.trimmed().isEmpty())
        return invalid(tr("Name the outbound activity to halt."));
    if (author.trimmed().isEmpty())
        return invalid(tr("Say who is adding the activity."));
    WriteTransaction tx(m_session.database(), m_session.dialect(), tr("Adding an activity to the emergency checklist"));
    if (StoreError error = tx.begin(); !error.ok())
        return error;
    auto mode = businessModeInTx(tx, incidentId);
    if (!mode)
        return mode.error();
    if (mode->state != BusinessState::Emergency)
        return invalid(tr("The business is returning to normal; there is nothing more to halt."));
    qint64 id = 0;
    if (StoreError error = insertActivity(tx, incidentId, activity, true, author.trimmed(), &id); !error.ok())
        return error;
    const QString owner = activity.ownerRoleKey.trimmed();
    if (StoreError error = log(
            tx, incidentId, EntryKind::Communication,
            owner.isEmpty()
                ? tr("Added to the emergency checklist: %1").arg(activity.activity.trimmed())
                : tr("Added to the emergency checklist: %1 (%2)").arg(activity.activity.trimmed(), roleTitle(owner)),
            false, {BusinessTag, QStringLiteral("activity-%1").arg(id)}, author.trimmed());
        !error.ok())
        return error;
    if (StoreError error = m_session.finish(tx); !error.ok())
        return error;
    return id;
}

StoreError IncidentStore::tickActivity(qint64 activityId, ActivityTick tick, const QString &author)
{
    if (StoreError error = m_session.requireWritable(); !error.ok())
        return error;
    const QString who = author.trimmed();
    if (who.isEmpty())
        return invalid(tr("Say who ticked the activity."));
    WriteTransaction tx(m_session.database(), m_session.dialect(), tr("Ticking the emergency checklist"));
    if (StoreError error = tx.begin(); !error.ok())
        return error;
    auto activity = activityInTx(tx, activityId);
    if (!activity)
        return activity.error();
    auto mode = businessModeInTx(tx, activity->incidentId);
    if (!mode)
        return mode.error();
    const QDateTime now = m_clock.nowUtc();
    QString text;
    switch (tick) {
    case ActivityTick::Halt:
        if (mode->state != BusinessState::Emergency)
            return invalid(tr("The business is returning to normal; “%1” is not halted now.").arg(activity->activity));
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
        text += QStringLiteral(" (%1)").arg(roleTitle(activity->ownerRoleKey));
    if (StoreError error =
            m_session.logChange(tx, StoreEntity::Activity, activityId, activity->incidentId, ChangeOp::Update);
        !error.ok())
        return error;
    if (StoreError error = log(tx, activity->incidentId, EntryKind::Communication, text, false,
                               {BusinessTag, QStringLiteral("activity-%1").arg(activityId)}, who);
        !error.ok())
        return error;
    if (tick == ActivityTick::Restart) {
        if (StoreError error = allClearIfDone(tx, *mode, who); !error.ok())
            return error;
    }
    return m_session.finish(tx);
}

StoreError IncidentStore::haltActivity(qint64 activityId, const QString &author)
{
    return tickActivity(activityId, ActivityTick::Halt, author);
}

StoreError IncidentStore::restartActivity(qint64 activityId, const QString &author)
{
    return tickActivity(activityId, ActivityTick::Restart, author);
}

StoreError IncidentStore::withdrawActivityTick(qint64 activityId, const QString &author)
{
    return tickActivity(activityId, ActivityTick::Withdraw, author);
}

StoreError IncidentStore::returnToNormal(qint64 incidentId, const QString &author)
{
    if (StoreError error = m_session.requireWritable(); !error.ok())
        return error;
    const QString who = author.trimmed();
    if (who.isEmpty())
        return invalid(tr("Say who is returning the business to normal."));
    WriteTransaction tx(m_session.database(), m_session.dialect(), tr("Returning the business to normal"));
    if (StoreError error = tx.begin(); !error.ok())
        return error;
    auto mode = businessModeInTx(tx, incidentId);
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
    mode->normalAt = m_clock.nowUtc();
    mode->normalBy = who;
    if (StoreError error = saveMode(tx, *mode); !error.ok())
        return error;
    if (StoreError error =
            log(tx, incidentId, EntryKind::Communication,
                tr("Returning to normal: restart %n halted activit(y/ies), last halted first", nullptr, count), true,
                {BusinessTag, QStringLiteral("normal")}, who);
        !error.ok())
        return error;
    if (StoreError error = allClearIfDone(tx, *mode, who); !error.ok())
        return error;
    return m_session.finish(tx);
}

StoreError IncidentStore::setBusinessAudiences(qint64 incidentId, const QStringList &audiences, const QString &author)
{
    if (StoreError error = m_session.requireWritable(); !error.ok())
        return error;
    if (audiences.isEmpty())
        return invalid(tr("Name at least one audience."));
    for (const QString &audience : audiences) {
        if (!BusinessVocabulary::allAudiences().contains(audience))
            return invalid(tr("“%1” is not an audience; use %2.")
                               .arg(audience, BusinessVocabulary::allAudiences().join(QStringLiteral(", "))));
    }
    WriteTransaction tx(m_session.database(), m_session.dialect(), tr("Changing the audiences"));
    if (StoreError error = tx.begin(); !error.ok())
        return error;
    auto mode = businessModeInTx(tx, incidentId);
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
    if (StoreError error =
            log(tx, incidentId, EntryKind::Communication, tr("Audiences: %1").arg(labels.join(QStringLiteral(", "))),
                false, {BusinessTag}, author.trimmed().isEmpty() ? QStringLiteral("CommandPost") : author.trimmed());
        !error.ok())
        return error;
    return m_session.finish(tx);
}

// ---- the first briefing ------------------------------------------------------------------

StoreError IncidentStore::answerBriefing(qint64 incidentId, const QString &questionKey, const QString &answer,
                                         const QString &author)
{
    if (StoreError error = m_session.requireWritable(); !error.ok())
        return error;
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
    WriteTransaction tx(m_session.database(), m_session.dialect(), tr("Recording a briefing answer"));
    if (StoreError error = tx.begin(); !error.ok())
        return error;
    auto mode = businessModeInTx(tx, incidentId);
    if (!mode)
        return mode.error();
    auto old = tx.exec(QStringLiteral("SELECT answer FROM briefing_answer WHERE incident_id = ? AND question_key = ?"),
                       {incidentId, questionKey});
    if (!old)
        return old.error();
    const bool had = old->next();
    const bool same = had && old->value(0).toString() == text;
    old->finish();
    if (same)
        return {};
    const QVariantList values{text, author.trimmed(), toMs(m_clock.nowUtc()), incidentId, questionKey};
    if (StoreError error = tx.run(had ? QStringLiteral("UPDATE briefing_answer SET answer = ?, answered_by = ?, "
                                                       "answered_at = ? WHERE incident_id = ? AND question_key = ?")
                                      : QStringLiteral("INSERT INTO briefing_answer (answer, answered_by, answered_at, "
                                                       "incident_id, question_key) VALUES (?, ?, ?, ?, ?)"),
                                  values);
        !error.ok())
        return error;
    if (StoreError error = m_session.logChange(tx, StoreEntity::Business, incidentId, incidentId, ChangeOp::Update);
        !error.ok())
        return error;
    if (StoreError error = log(tx, incidentId, EntryKind::Communication, tr("Briefing — %1 %2").arg(question, text),
                               false, {BusinessTag, QStringLiteral("briefing")}, author.trimmed());
        !error.ok())
        return error;
    return m_session.finish(tx);
}

// ---- messages through the approval chain --------------------------------------------------

Result<qint64> IncidentStore::draftMessage(const NewMessage &draft, const QString &author)
{
    if (StoreError error = m_session.requireWritable(); !error.ok())
        return error;
    const QString who = author.trimmed();
    if (!BusinessVocabulary::allAudiences().contains(draft.audience))
        return invalid(tr("“%1” is not an audience; use %2.")
                           .arg(draft.audience, BusinessVocabulary::allAudiences().join(QStringLiteral(", "))));
    if (!draft.phase.isEmpty() && !BusinessVocabulary::allPhases().contains(draft.phase))
        return invalid(tr("“%1” is not a phase; use %2.")
                           .arg(draft.phase, BusinessVocabulary::allPhases().join(QStringLiteral(", "))));
    if (draft.text.trimmed().isEmpty())
        return invalid(tr("The draft has no text."));
    if (draft.text.size() > MaxText)
        return invalid(tr("The draft is too long."));
    if (draft.channel.trimmed().isEmpty())
        return invalid(tr("Say which channel the message goes out on (email, status page, chat …)."));
    if (who.isEmpty())
        return invalid(tr("Say who drafted the message."));

    WriteTransaction tx(m_session.database(), m_session.dialect(), tr("Drafting a message"));
    if (StoreError error = tx.begin(); !error.ok())
        return error;
    auto mode = businessModeInTx(tx, draft.incidentId);
    if (!mode)
        return mode.error();
    QString phase = draft.phase;
    if (phase.isEmpty()) {
        auto status = readIncidentField(tx, draft.incidentId, QStringLiteral("status"));
        if (!status)
            return status.error();
        phase = BusinessVocabulary::phaseForStatus(
            IncidentVocabulary::statusFromKey(status->toString()).value_or(IncidentStatus::Investigating));
    }
    auto taken = tx.exec(QStringLiteral("SELECT id FROM message WHERE incident_id = ? AND audience = ? AND phase = ?"),
                         {draft.incidentId, draft.audience, phase});
    if (!taken)
        return taken.error();
    if (taken->next())
        return invalid(tr("Message #%1 is already the %2 message; revise it instead.")
                           .arg(taken->value(0).toLongLong())
                           .arg(cellText(draft.audience, phase)));
    taken->finish();
    auto skipped = tx.exec(QStringLiteral("SELECT reason FROM message_skip WHERE incident_id = ? AND audience = ? "
                                          "AND phase = ?"),
                           {draft.incidentId, draft.audience, phase});
    if (!skipped)
        return skipped.error();
    if (skipped->next())
        return invalid(tr("The %1 message was skipped (%2); take the skip back first.")
                           .arg(cellText(draft.audience, phase), skipped->value(0).toString()));
    skipped->finish();

    const qint64 now = toMs(m_clock.nowUtc());
    const QString channel = draft.channel.trimmed();
    const QString text = draft.text.trimmed();
    auto inserted =
        tx.insert(QStringLiteral("INSERT INTO message (incident_id, audience, phase, channel, body, version, "
                                 "waiting_for, created_at, created_by, updated_at) "
                                 "VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?) RETURNING id"),
                  {draft.incidentId, draft.audience, phase, channel, text,
                   BusinessVocabulary::stepKey(MessageStep::LegalReview), now, who, now});
    if (!inserted)
        return inserted.error();
    const qint64 id = *inserted;
    if (StoreError error = tx.run(QStringLiteral("INSERT INTO message_version (message_id, version, body, channel, "
                                                 "drafted_at, drafted_by) VALUES (?, 1, ?, ?, ?, ?)"),
                                  {id, text, channel, now, who});
        !error.ok())
        return error;
    if (StoreError error = tx.run(QStringLiteral("INSERT INTO message_step (message_id, version, step, verdict, "
                                                 "comment, done_by, done_at) VALUES (?, 1, ?, ?, '', ?, ?)"),
                                  {id, BusinessVocabulary::stepKey(MessageStep::Draft),
                                   BusinessVocabulary::verdictKey(StepVerdict::Done), who, now});
        !error.ok())
        return error;
    if (!mode->audiences.contains(draft.audience)) {
        QStringList audiences = mode->audiences;
        audiences << draft.audience;
        mode->audiences.clear();
        for (const QString &a : BusinessVocabulary::allAudiences()) {
            if (audiences.contains(a))
                mode->audiences << a;
        }
        if (StoreError error = saveMode(tx, *mode); !error.ok())
            return error;
    }
    if (StoreError error = m_session.logChange(tx, StoreEntity::Message, id, draft.incidentId, ChangeOp::Insert);
        !error.ok())
        return error;
    if (StoreError error = log(tx, draft.incidentId, EntryKind::Communication,
                               tr("Message #%1 drafted for %2 (%3); waiting for the Legal Officer's review")
                                   .arg(id)
                                   .arg(cellText(draft.audience, phase), channel),
                               false, {BusinessTag, QStringLiteral("message-%1").arg(id)}, who);
        !error.ok())
        return error;
    if (StoreError error = m_session.finish(tx); !error.ok())
        return error;
    return id;
}

StoreError IncidentStore::reviseMessage(qint64 messageId, const QString &text, const QString &channel,
                                        const QString &author)
{
    if (StoreError error = m_session.requireWritable(); !error.ok())
        return error;
    const QString who = author.trimmed();
    const QString body = text.trimmed();
    if (body.isEmpty())
        return invalid(tr("The revised draft has no text."));
    if (body.size() > MaxText)
        return invalid(tr("The draft is too long."));
    if (who.isEmpty())
        return invalid(tr("Say who revised the message."));
    WriteTransaction tx(m_session.database(), m_session.dialect(), tr("Revising a message"));
    if (StoreError error = tx.begin(); !error.ok())
        return error;
    auto message = messageInTx(tx, messageId);
    if (!message)
        return message.error();
    if (message->isSent())
        return invalid(tr("Message #%1 was already sent; draft the next phase's message instead.").arg(messageId));
    const QString newChannel = channel.trimmed().isEmpty() ? message->channel : channel.trimmed();
    const int version = message->version + 1;
    const qint64 now = toMs(m_clock.nowUtc());
    if (StoreError error =
            tx.run(QStringLiteral("UPDATE message SET body = ?, channel = ?, version = ?, "
                                  "waiting_for = ?, updated_at = ? WHERE id = ?"),
                   {body, newChannel, version, BusinessVocabulary::stepKey(MessageStep::LegalReview), now, messageId});
        !error.ok())
        return error;
    if (StoreError error = tx.run(QStringLiteral("INSERT INTO message_version (message_id, version, body, channel, "
                                                 "drafted_at, drafted_by) VALUES (?, ?, ?, ?, ?, ?)"),
                                  {messageId, version, body, newChannel, now, who});
        !error.ok())
        return error;
    if (StoreError error = tx.run(QStringLiteral("INSERT INTO message_step (message_id, version, step, verdict, "
                                                 "comment, done_by, done_at) VALUES (?, ?, ?, ?, '', ?, ?)"),
                                  {messageId, version, BusinessVocabulary::stepKey(MessageStep::Draft),
                                   BusinessVocabulary::verdictKey(StepVerdict::Done), who, now});
        !error.ok())
        return error;
    if (StoreError error =
            m_session.logChange(tx, StoreEntity::Message, messageId, message->incidentId, ChangeOp::Update);
        !error.ok())
        return error;
    if (StoreError error =
            log(tx, message->incidentId, EntryKind::Communication,
                tr("Message #%1 revised (version %2); back to the Legal Officer's review").arg(messageId).arg(version),
                false, {BusinessTag, QStringLiteral("message-%1").arg(messageId)}, who);
        !error.ok())
        return error;
    return m_session.finish(tx);
}

StoreError IncidentStore::advanceMessage(qint64 messageId, MessageStep step, StepVerdict verdict,
                                         const QString &comment, const QString &author)
{
    if (StoreError error = m_session.requireWritable(); !error.ok())
        return error;
    const QString who = author.trimmed();
    if (who.isEmpty())
        return invalid(tr("Say who is taking the step."));
    if (step == MessageStep::Draft || step == MessageStep::Sent)
        return invalid(tr("%1 is not a step to take on a drafted message.").arg(BusinessVocabulary::stepLabel(step)));
    if (verdict == StepVerdict::ChangesRequested && comment.trimmed().isEmpty())
        return invalid(tr("Say which changes are needed: a request for changes needs a comment."));
    if (verdict == StepVerdict::ChangesRequested && step == MessageStep::Send)
        return invalid(tr("Sending cannot request changes; the IC's authorisation is the last chance for that."));
    WriteTransaction tx(m_session.database(), m_session.dialect(), tr("Moving a message along the approval chain"));
    if (StoreError error = tx.begin(); !error.ok())
        return error;
    auto message = messageInTx(tx, messageId);
    if (!message)
        return message.error();
    const Message &m = *message;
    if (m.isSent())
        return invalid(tr("Message #%1 was already sent.").arg(messageId));
    if (m.changesRequested())
        return invalid(tr("Message #%1 waits for a revised draft from the Technical SLT; %2 comes after it.")
                           .arg(messageId)
                           .arg(BusinessVocabulary::stepLabel(step).toLower()));
    if (step != m.waitingFor) {
        const bool earlier = static_cast<int>(step) < static_cast<int>(m.waitingFor);
        return invalid(earlier ? tr("Message #%1 is past %2 (version %3 has it); it now waits for %4 by the %5.")
                                     .arg(messageId)
                                     .arg(BusinessVocabulary::stepLabel(step).toLower())
                                     .arg(m.version)
                                     .arg(BusinessVocabulary::stepLabel(m.waitingFor).toLower(),
                                          BusinessVocabulary::stepRoleTitle(m.waitingFor))
                               : tr("Message #%1 waits for %2 by the %3; %4 cannot skip it.")
                                     .arg(messageId)
                                     .arg(BusinessVocabulary::stepLabel(m.waitingFor).toLower(),
                                          BusinessVocabulary::stepRoleTitle(m.waitingFor),
                                          BusinessVocabulary::stepLabel(step).toLower()));
    }
    const StepVerdict recorded = step == MessageStep::Send                  ? StepVerdict::Done
                                 : verdict == StepVerdict::ChangesRequested ? StepVerdict::ChangesRequested
                                                                            : StepVerdict::Approved;
    const QDateTime now = m_clock.nowUtc();
    if (StoreError error =
            tx.run(QStringLiteral("INSERT INTO message_step (message_id, version, step, verdict, "
                                  "comment, done_by, done_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                   {messageId, m.version, BusinessVocabulary::stepKey(step), BusinessVocabulary::verdictKey(recorded),
                    nonNull(comment.trimmed()), who, toMs(now)});
        !error.ok())
        return error;
    const MessageStep next =
        recorded == StepVerdict::ChangesRequested ? MessageStep::Draft : *BusinessVocabulary::nextStep(step);
    if (StoreError error = tx.run(QStringLiteral("UPDATE message SET waiting_for = ?, updated_at = ?, sent_at = ? "
                                                 "WHERE id = ?"),
                                  {BusinessVocabulary::stepKey(next), toMs(now),
                                   next == MessageStep::Sent ? QVariant(toMs(now)) : QVariant(), messageId});
        !error.ok())
        return error;
    if (StoreError error = m_session.logChange(tx, StoreEntity::Message, messageId, m.incidentId, ChangeOp::Update);
        !error.ok())
        return error;

    QString text;
    const QString cell = cellText(m.audience, m.phase);
    switch (step) {
    case MessageStep::LegalReview:
    case MessageStep::MessagingReview:
        text = recorded == StepVerdict::ChangesRequested ? tr("Message #%1 (%2): %3 asks for changes")
                                                         : tr("Message #%1 (%2): %3 passed");
        text = text.arg(messageId).arg(cell, BusinessVocabulary::stepLabel(step).toLower());
        break;
    case MessageStep::EltApproval:
        text = recorded == StepVerdict::ChangesRequested ? tr("Message #%1 (%2): the ELT Approver asks for changes")
                                                         : tr("Message #%1 (%2): final approval by the ELT Approver");
        text = text.arg(messageId).arg(cell);
        break;
    case MessageStep::IcAuthorisation:
        text = recorded == StepVerdict::ChangesRequested
                   ? tr("Message #%1 (%2): the IC asks for changes before distribution")
                   : tr("Message #%1 (%2): the IC authorised distribution");
        text = text.arg(messageId).arg(cell);
        break;
    case MessageStep::Send:
        text = tr("Message #%1 sent to %2 (%3)").arg(messageId).arg(cell, m.channel);
        break;
    case MessageStep::Draft:
    case MessageStep::Sent:
        break;
    }
    if (!comment.trimmed().isEmpty())
        text += QStringLiteral(" — %1").arg(comment.trimmed());
    if (StoreError error = log(tx, m.incidentId, EntryKind::Communication, text, step == MessageStep::Send,
                               {BusinessTag, QStringLiteral("message-%1").arg(messageId)}, who);
        !error.ok())
        return error;
    return m_session.finish(tx);
}

StoreError IncidentStore::skipCell(qint64 incidentId, const QString &audience, const QString &phase,
                                   const QString &reason, const QString &author)
{
    if (StoreError error = m_session.requireWritable(); !error.ok())
        return error;
    if (!BusinessVocabulary::allAudiences().contains(audience))
        return invalid(tr("“%1” is not an audience.").arg(audience));
    if (!BusinessVocabulary::allPhases().contains(phase))
        return invalid(tr("“%1” is not a phase.").arg(phase));
    if (reason.trimmed().isEmpty())
        return invalid(tr("Say why the %1 message is skipped.").arg(cellText(audience, phase)));
    if (author.trimmed().isEmpty())
        return invalid(tr("Say who is skipping the message."));
    WriteTransaction tx(m_session.database(), m_session.dialect(), tr("Skipping a message"));
    if (StoreError error = tx.begin(); !error.ok())
        return error;
    auto mode = businessModeInTx(tx, incidentId);
    if (!mode)
        return mode.error();
    auto existing = tx.exec(QStringLiteral("SELECT id, waiting_for FROM message WHERE incident_id = ? AND audience = ? "
                                           "AND phase = ?"),
                            {incidentId, audience, phase});
    if (!existing)
        return existing.error();
    if (existing->next())
        return invalid(tr("Message #%1 is the %2 message already; it cannot be skipped.")
                           .arg(existing->value(0).toLongLong())
                           .arg(cellText(audience, phase)));
    existing->finish();
    auto skipped = tx.exec(QStringLiteral("SELECT 1 FROM message_skip WHERE incident_id = ? AND audience = ? "
                                          "AND phase = ?"),
                           {incidentId, audience, phase});
    if (!skipped)
        return skipped.error();
    const bool already = skipped->next();
    skipped->finish();
    if (already)
        return invalid(tr("The %1 message is already skipped.").arg(cellText(audience, phase)));
    if (StoreError error =
            tx.run(QStringLiteral("INSERT INTO message_skip (incident_id, audience, phase, reason, "
                                  "skipped_by, skipped_at) VALUES (?, ?, ?, ?, ?, ?)"),
                   {incidentId, audience, phase, reason.trimmed(), author.trimmed(), toMs(m_clock.nowUtc())});
        !error.ok())
        return error;
    if (StoreError error = m_session.logChange(tx, StoreEntity::Business, incidentId, incidentId, ChangeOp::Update);
        !error.ok())
        return error;
    if (StoreError error = log(tx, incidentId, EntryKind::Communication,
                               tr("Skipped: the %1 message — %2").arg(cellText(audience, phase), reason.trimmed()),
                               false, {BusinessTag, QStringLiteral("skip")}, author.trimmed());
        !error.ok())
        return error;
    return m_session.finish(tx);
}

StoreError IncidentStore::unskipCell(qint64 incidentId, const QString &audience, const QString &phase,
                                     const QString &author)
{
    if (StoreError error = m_session.requireWritable(); !error.ok())
        return error;
    if (author.trimmed().isEmpty())
        return invalid(tr("Say who is taking the skip back."));
    WriteTransaction tx(m_session.database(), m_session.dialect(), tr("Taking a skip back"));
    if (StoreError error = tx.begin(); !error.ok())
        return error;
    auto mode = businessModeInTx(tx, incidentId);
    if (!mode)
        return mode.error();
    auto skipped = tx.exec(QStringLiteral("SELECT 1 FROM message_skip WHERE incident_id = ? AND audience = ? "
                                          "AND phase = ?"),
                           {incidentId, audience, phase});
    if (!skipped)
        return skipped.error();
    const bool found = skipped->next();
    skipped->finish();
    if (!found)
        return {StoreError::Code::NotFound, tr("The %1 message is not skipped.").arg(cellText(audience, phase))};
    if (StoreError error = tx.run(QStringLiteral("DELETE FROM message_skip WHERE incident_id = ? AND audience = ? "
                                                 "AND phase = ?"),
                                  {incidentId, audience, phase});
        !error.ok())
        return error;
    if (StoreError error = m_session.logChange(tx, StoreEntity::Business, incidentId, incidentId, ChangeOp::Update);
        !error.ok())
        return error;
    if (StoreError error = log(tx, incidentId, EntryKind::Communication,
                               tr("No longer skipped: the %1 message").arg(cellText(audience, phase)), false,
                               {BusinessTag, QStringLiteral("skip")}, author.trimmed());
        !error.ok())
        return error;
    return m_session.finish(tx);
}

// ---- departments and inbound questions --------------------------------------------------

Result<qint64> IncidentStore::notifyDepartment(qint64 incidentId, const QString &departmentKey, const QString &method,
                                               const QString &note, const QString &author)
{
    if (StoreError error = m_session.requireWritable(); !error.ok())
        return error;
    const QString who = author.trimmed();
    if (who.isEmpty())
        return invalid(tr("Say who told the department."));
    WriteTransaction tx(m_session.database(), m_session.dialect(), tr("Recording a department told"));
    if (StoreError error = tx.begin(); !error.ok())
        return error;
    auto incident = readIncidentField(tx, incidentId, QStringLiteral("id"));
    if (!incident)
        return incident.error();
    auto department = tx.exec(QStringLiteral("SELECT key, name FROM department WHERE lower(key) = lower(?) "
                                             "OR lower(name) = lower(?)"),
                              {departmentKey.trimmed(), departmentKey.trimmed()});
    if (!department)
        return department.error();
    if (!department->next())
        return StoreError(StoreError::Code::NotFound,
                          tr("There is no department “%1” in the directory.").arg(departmentKey.trimmed()));
    const QString key = department->value(0).toString();
    const QString name = department->value(1).toString();
    department->finish();
    auto inserted =
        tx.insert(QStringLiteral("INSERT INTO stakeholder_notice (incident_id, department_key, told_at, "
                                 "told_by, method, note) VALUES (?, ?, ?, ?, ?, ?) RETURNING id"),
                  {incidentId, key, toMs(m_clock.nowUtc()), who, nonNull(method.trimmed()), nonNull(note.trimmed())});
    if (!inserted)
        return inserted.error();
    if (StoreError error = m_session.logChange(tx, StoreEntity::Notice, *inserted, incidentId, ChangeOp::Insert);
        !error.ok())
        return error;
    QString text =
        method.trimmed().isEmpty() ? tr("Told %1").arg(name) : tr("Told %1 (%2)").arg(name, method.trimmed());
    if (!note.trimmed().isEmpty())
        text += QStringLiteral(" — %1").arg(note.trimmed());
    if (StoreError error = log(tx, incidentId, EntryKind::Communication, text, false,
                               {BusinessTag, QStringLiteral("department-%1").arg(key)}, who);
        !error.ok())
        return error;
    if (StoreError error = m_session.finish(tx); !error.ok())
        return error;
    return *inserted;
}

StoreError IncidentStore::withdrawNotice(qint64 noticeId, const QString &author)
{
    if (StoreError error = m_session.requireWritable(); !error.ok())
        return error;
    if (author.trimmed().isEmpty())
        return invalid(tr("Say who is taking the record back."));
    WriteTransaction tx(m_session.database(), m_session.dialect(), tr("Taking back a department told"));
    if (StoreError error = tx.begin(); !error.ok())
        return error;
    auto q = tx.exec(
        QStringLiteral("SELECT %1 FROM stakeholder_notice WHERE id = ? AND withdrawn_at IS NULL").arg(NoticeColumns),
        {noticeId});
    if (!q)
        return q.error();
    if (!q->next())
        return {StoreError::Code::NotFound, tr("There is no record #%1 of a department told.").arg(noticeId)};
    const StakeholderNotice notice = readNotice(*q);
    q->finish();
    if (StoreError error = tx.run(QStringLiteral("UPDATE stakeholder_notice SET withdrawn_at = ?, withdrawn_by = ? "
                                                 "WHERE id = ?"),
                                  {toMs(m_clock.nowUtc()), author.trimmed(), noticeId});
        !error.ok())
        return error;
    if (StoreError error = m_session.logChange(tx, StoreEntity::Notice, noticeId, notice.incidentId, ChangeOp::Update);
        !error.ok())
        return error;
    if (StoreError error =
            log(tx, notice.incidentId, EntryKind::Communication,
                tr("Taken back: %1 was not told after all").arg(notice.departmentKey), false,
                {BusinessTag, QStringLiteral("department-%1").arg(notice.departmentKey)}, author.trimmed());
        !error.ok())
        return error;
    return m_session.finish(tx);
}

Result<qint64> IncidentStore::logInbound(qint64 incidentId, const QString &channel, const QString &from,
                                         const QString &question, const QString &author)
{
    if (StoreError error = m_session.requireWritable(); !error.ok())
        return error;
    if (!BusinessVocabulary::inboundChannels().contains(channel))
        return invalid(tr("“%1” is not an inbound channel; use media or social.").arg(channel));
    if (question.trimmed().isEmpty())
        return invalid(tr("What was asked? The question is empty."));
    if (question.size() > MaxText)
        return invalid(tr("The question is too long."));
    if (author.trimmed().isEmpty())
        return invalid(tr("Say who is logging the question."));
    WriteTransaction tx(m_session.database(), m_session.dialect(), tr("Logging an inbound question"));
    if (StoreError error = tx.begin(); !error.ok())
        return error;
    auto incident = readIncidentField(tx, incidentId, QStringLiteral("id"));
    if (!incident)
        return incident.error();
    auto inserted = tx.insert(
        QStringLiteral("INSERT INTO inbound_question (incident_id, channel, asked_by, question, "
                       "received_at, logged_by, answer) VALUES (?, ?, ?, ?, ?, ?, '') "
                       "RETURNING id"),
        {incidentId, channel, nonNull(from.trimmed()), question.trimmed(), toMs(m_clock.nowUtc()), author.trimmed()});
    if (!inserted)
        return inserted.error();
    if (StoreError error = m_session.logChange(tx, StoreEntity::Inbound, *inserted, incidentId, ChangeOp::Insert);
        !error.ok())
        return error;
    const QString owner = roleTitle(BusinessVocabulary::inboundOwnerRoleKey(channel));
    const QString text =
        (channel == QLatin1String("media") ? tr("Media question #%1%2 for the %3: %4")
                                           : tr("Social question #%1%2 for the %3: %4"))
            .arg(*inserted)
            .arg(from.trimmed().isEmpty() ? QString() : tr(" from %1").arg(from.trimmed()), owner, question.trimmed());
    if (StoreError error = log(tx, incidentId, EntryKind::Communication, text, false,
                               {BusinessTag, QStringLiteral("inbound-%1").arg(*inserted)}, author.trimmed());
        !error.ok())
        return error;
    if (StoreError error = m_session.finish(tx); !error.ok())
        return error;
    return *inserted;
}

StoreError IncidentStore::answerInbound(qint64 questionId, const QString &answer, const QString &author)
{
    if (StoreError error = m_session.requireWritable(); !error.ok())
        return error;
    if (answer.trimmed().isEmpty())
        return invalid(tr("The answer is empty."));
    if (author.trimmed().isEmpty())
        return invalid(tr("Say who answered."));
    WriteTransaction tx(m_session.database(), m_session.dialect(), tr("Answering an inbound question"));
    if (StoreError error = tx.begin(); !error.ok())
        return error;
    auto q = tx.exec(QStringLiteral("SELECT %1 FROM inbound_question WHERE id = ?").arg(InboundColumns), {questionId});
    if (!q)
        return q.error();
    if (!q->next())
        return {StoreError::Code::NotFound, tr("There is no inbound question #%1.").arg(questionId)};
    const InboundQuestion question = readInbound(*q);
    q->finish();
    if (question.isAnswered())
        return invalid(tr("Question #%1 was already answered by %2.").arg(questionId).arg(question.answeredBy));
    if (StoreError error = tx.run(QStringLiteral("UPDATE inbound_question SET answer = ?, answered_at = ?, "
                                                 "answered_by = ? WHERE id = ?"),
                                  {answer.trimmed(), toMs(m_clock.nowUtc()), author.trimmed(), questionId});
        !error.ok())
        return error;
    if (StoreError error =
            m_session.logChange(tx, StoreEntity::Inbound, questionId, question.incidentId, ChangeOp::Update);
        !error.ok())
        return error;
    if (StoreError error = log(tx, question.incidentId, EntryKind::Communication,
                               tr("Answered question #%1: %2").arg(questionId).arg(answer.trimmed()), false,
                               {BusinessTag, QStringLiteral("inbound-%1").arg(questionId)}, author.trimmed());
        !error.ok())
        return error;
    return m_session.finish(tx);
}

// ---- reading ----------------------------------------------------------------------------

Result<std::optional<BusinessMode>> IncidentStore::businessMode(qint64 incidentId) const
{
    if (!isOpen())
        return StoreSession::notOpen();
    auto q = runStatement(m_session.database(),
                          QStringLiteral("SELECT %1 FROM business_mode WHERE incident_id = ?").arg(ModeColumns),
                          {incidentId}, tr("Reading the business mode"));
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<BusinessMode>();
    return std::optional<BusinessMode>(readMode(*q));
}

Result<QList<BusinessActivity>> IncidentStore::businessActivities(qint64 incidentId) const
{
    return m_session.readAll(
        QStringLiteral("SELECT %1 FROM business_activity WHERE incident_id = ? ORDER BY position, id")
            .arg(ActivityColumns),
        {incidentId}, tr("Reading the emergency checklist"), readActivity);
}

Result<BusinessActivity> IncidentStore::businessActivity(qint64 activityId) const
{
    return m_session.readOne(QStringLiteral("SELECT %1 FROM business_activity WHERE id = ?").arg(ActivityColumns),
                             {activityId}, tr("Reading the emergency checklist"),
                             tr("There is no emergency-operations activity #%1.").arg(activityId), readActivity);
}

Result<QList<BriefingAnswer>> IncidentStore::briefingAnswers(qint64 incidentId) const
{
    if (!isOpen())
        return StoreSession::notOpen();
    auto q = runStatement(m_session.database(),
                          QStringLiteral("SELECT question_key, answer, answered_by, answered_at FROM briefing_answer "
                                         "WHERE incident_id = ?"),
                          {incidentId}, tr("Reading the briefing"));
    if (!q)
        return q.error();
    QHash<QString, BriefingAnswer> byKey;
    while (q->next())
        byKey.insert(q->value(0).toString(),
                     {q->value(0).toString(), q->value(1).toString(), q->value(2).toString(), fromMs(q->value(3))});
    QList<BriefingAnswer> list; // in the order of the questions
    for (const BriefingQuestion &question : BusinessVocabulary::briefingQuestions()) {
        if (byKey.contains(question.key))
            list << byKey.value(question.key);
    }
    return list;
}

Result<QList<Message>> IncidentStore::messages(qint64 incidentId) const
{
    return m_session.readAll(
        QStringLiteral("SELECT %1 FROM message WHERE incident_id = ? ORDER BY id").arg(MessageColumns), {incidentId},
        tr("Reading the messages"), readMessage);
}

Result<Message> IncidentStore::message(qint64 messageId) const
{
    if (!isOpen())
        return StoreSession::notOpen();
    const QString doing = tr("Reading message #%1").arg(messageId);
    auto q =
        runStatement(m_session.database(), QStringLiteral("SELECT %1 FROM message WHERE id = ?").arg(MessageColumns),
                     {messageId}, doing);
    if (!q)
        return q.error();
    if (!q->next())
        return StoreError(StoreError::Code::NotFound, tr("There is no message #%1.").arg(messageId));
    Message m = readMessage(*q);
    auto versions =
        runStatement(m_session.database(),
                     QStringLiteral("SELECT version, body, channel, drafted_at, drafted_by FROM "
                                    "message_version WHERE message_id = ? AND version < ? ORDER BY version"),
                     {messageId, m.version}, doing);
    if (!versions)
        return versions.error();
    while (versions->next())
        m.earlier << MessageVersion{versions->value(0).toInt(), versions->value(1).toString(),
                                    versions->value(2).toString(), fromMs(versions->value(3)),
                                    versions->value(4).toString()};
    auto steps =
        runStatement(m_session.database(),
                     QStringLiteral("SELECT %1 FROM message_step WHERE message_id = ? ORDER BY id").arg(StepColumns),
                     {messageId}, doing);
    if (!steps)
        return steps.error();
    while (steps->next())
        m.steps << readStep(*steps);
    return m;
}

Result<QList<SkippedCell>> IncidentStore::skippedCells(qint64 incidentId) const
{
    if (!isOpen())
        return StoreSession::notOpen();
    auto q = runStatement(m_session.database(),
                          QStringLiteral("SELECT audience, phase, reason, skipped_by, skipped_at FROM message_skip "
                                         "WHERE incident_id = ? ORDER BY skipped_at"),
                          {incidentId}, tr("Reading the skipped messages"));
    if (!q)
        return q.error();
    QList<SkippedCell> list;
    while (q->next())
        list << SkippedCell{q->value(0).toString(), q->value(1).toString(), q->value(2).toString(),
                            q->value(3).toString(), fromMs(q->value(4))};
    return list;
}

Result<QList<StakeholderNotice>> IncidentStore::stakeholderNotices(qint64 incidentId) const
{
    return m_session.readAll(QStringLiteral("SELECT %1 FROM stakeholder_notice WHERE incident_id = ? AND withdrawn_at "
                                            "IS NULL ORDER BY told_at, id")
                                 .arg(NoticeColumns),
                             {incidentId}, tr("Reading the departments told"), readNotice);
}

Result<QList<InboundQuestion>> IncidentStore::inboundQuestions(qint64 incidentId) const
{
    return m_session.readAll(
        QStringLiteral("SELECT %1 FROM inbound_question WHERE incident_id = ? ORDER BY id").arg(InboundColumns),
        {incidentId}, tr("Reading the inbound questions"), readInbound);
}

} // namespace cp
