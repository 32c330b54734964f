// BusinessRepository: the messages to each audience and their approval chain.
#include "businessrepository.h"

#include "incidentrepository.h"
#include "rolerepository.h"
#include "server/serverschema.h"
#include "storevalues.h"
#include "timelinerepository.h"
#include "timerrepository.h"
#include "writetransaction.h"

#include <QSqlQuery>

namespace cp {

using namespace storevalues;

namespace {

const QString MessageColumns = QStringLiteral("id, incident_id, audience, phase, channel, body, version, waiting_for, "
                                              "created_at, created_by, updated_at, sent_at");
const QString StepColumns = QStringLiteral("id, message_id, version, step, verdict, comment, done_by, done_at");
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

QString cellText(const QString &audience, const QString &phase)
{
    return BusinessRepository::tr("%1, %2 phase")
        .arg(BusinessVocabulary::audienceLabel(audience), BusinessVocabulary::phaseLabel(phase).toLower());
}

} // namespace

Result<Message> BusinessRepository::messageInTx(WriteTransaction &tx, qint64 messageId)
{
    return tx.readOne(QStringLiteral("SELECT %1 FROM message WHERE id = ?").arg(MessageColumns), {messageId},
                      tr("There is no message #%1.").arg(messageId), readMessage);
}

Result<StepTaker> BusinessRepository::stepTakerInTx(WriteTransaction &tx, qint64 incidentId, MessageStep step,
                                                    const QString &audience, const StepSigner &signer,
                                                    const QString &author)
{
    StoreError failure;
    auto staffing = StepTakers::staffingFor(step, audience, [&](const QString &roleKey) {
        auto role = m_roles.roleInTx(tx, incidentId, roleKey);
        if (!role && role.error().code() != StoreError::Code::NotFound && failure.ok())
            failure = role.error();
        return role ? role->holders : QList<RoleHolder>();
    });
    if (!failure.ok())
        return failure;
    // On a team server a responder's login is the proof: whatever the client says, the step is
    // checked against (and stamped with) the login's person.
    QString who = author;
    if (m_session.isServer()) {
        auto stamped = tx.exec(ServerSchema::stampedAuthorQuery(), {});
        if (!stamped)
            return stamped.error();
        if (stamped->next() && !stamped->value(0).isNull()) {
            who = stamped->value(0).toString();
            staffing.loginIsProof = true;
        }
        stamped->finish();
    }
    QString problem;
    const auto taker = step == MessageStep::Draft ? StepTakers::forDraft(staffing, signer, who, &problem)
                                                  : StepTakers::forApproval(staffing, signer, who, &problem);
    if (!taker)
        return invalid(problem);
    return *taker;
}

Result<StepTakers::Staffing> BusinessRepository::staffing(qint64 incidentId, MessageStep step,
                                                          const QString &audience) const
{
    auto roles = m_roles.list(incidentId);
    if (!roles)
        return roles.error();
    auto staffing = StepTakers::staffingFor(step, audience, [&](const QString &roleKey) {
        for (const IncidentRole &role : std::as_const(*roles)) {
            if (role.definition.key == roleKey)
                return role.holders;
        }
        return QList<RoleHolder>();
    });
    if (m_session.isServer()) {
        auto stamped = runStatement(m_session.database(), ServerSchema::stampedAuthorQuery(), {},
                                    tr("Reading who the server says you are"));
        if (!stamped)
            return stamped.error();
        staffing.loginIsProof = stamped->next() && !stamped->value(0).isNull();
    }
    return staffing;
}

Result<qint64> BusinessRepository::draftMessage(const NewMessage &draft, const QString &author,
                                                const StepSigner &signer)
{
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

    return m_session.write(tr("Drafting a message"), [&](WriteTransaction &tx) -> Result<qint64> {
        auto mode = modeInTx(tx, draft.incidentId);
        if (!mode)
            return mode.error();
        QString phase = draft.phase;
        if (phase.isEmpty()) {
            auto status = m_incidents.readField(tx, draft.incidentId, QStringLiteral("status"));
            if (!status)
                return status.error();
            phase = BusinessVocabulary::phaseForStatus(
                IncidentVocabulary::statusFromKey(status->toString()).value_or(IncidentStatus::Investigating));
        }
        auto taken =
            tx.exec(QStringLiteral("SELECT id FROM message WHERE incident_id = ? AND audience = ? AND phase = ?"),
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
        auto drafter = stepTakerInTx(tx, draft.incidentId, MessageStep::Draft, draft.audience, signer, who);
        if (!drafter)
            return drafter.error();

        const qint64 now = toMs(m_session.clock().nowUtc());
        const QString channel = draft.channel.trimmed();
        const QString text = draft.text.trimmed();
        auto inserted =
            tx.insert(QStringLiteral("INSERT INTO message (incident_id, audience, phase, channel, body, version, "
                                     "waiting_for, created_at, created_by, updated_at) "
                                     "VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?) RETURNING id"),
                      {draft.incidentId, draft.audience, phase, channel, text,
                       BusinessVocabulary::stepKey(MessageStep::LegalReview), now, drafter->by, now});
        if (!inserted)
            return inserted.error();
        const qint64 id = *inserted;
        if (StoreError error = tx.run(QStringLiteral("INSERT INTO message_version (message_id, version, body, channel, "
                                                     "drafted_at, drafted_by) VALUES (?, 1, ?, ?, ?, ?)"),
                                      {id, text, channel, now, drafter->by});
            !error.ok())
            return error;
        if (StoreError error = tx.run(QStringLiteral("INSERT INTO message_step (message_id, version, step, verdict, "
                                                     "comment, done_by, done_at) VALUES (?, 1, ?, ?, '', ?, ?)"),
                                      {id, BusinessVocabulary::stepKey(MessageStep::Draft),
                                       BusinessVocabulary::verdictKey(StepVerdict::Done), drafter->by, now});
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
        if (StoreError error =
                m_timeline.log(tx, draft.incidentId, EntryKind::Communication,
                               tr("Message #%1 drafted for %2 (%3) %4; waiting for the Legal Officer's review")
                                   .arg(id)
                                   .arg(cellText(draft.audience, phase), channel, drafter->note()),
                               false, {BusinessTag, QStringLiteral("message-%1").arg(id)}, who);
            !error.ok())
            return error;
        return id;
    });
}

StoreError BusinessRepository::reviseMessage(qint64 messageId, const QString &text, const QString &channel,
                                             const QString &author, const StepSigner &signer)
{
    const QString who = author.trimmed();
    const QString body = text.trimmed();
    if (body.isEmpty())
        return invalid(tr("The revised draft has no text."));
    if (body.size() > MaxText)
        return invalid(tr("The draft is too long."));
    if (who.isEmpty())
        return invalid(tr("Say who revised the message."));
    return m_session.write(tr("Revising a message"), [&](WriteTransaction &tx) -> StoreError {
        auto message = messageInTx(tx, messageId);
        if (!message)
            return message.error();
        if (message->isSent())
            return invalid(tr("Message #%1 was already sent; draft the next phase's message instead.").arg(messageId));
        auto drafter = stepTakerInTx(tx, message->incidentId, MessageStep::Draft, message->audience, signer, who);
        if (!drafter)
            return drafter.error();
        const QString newChannel = channel.trimmed().isEmpty() ? message->channel : channel.trimmed();
        const int version = message->version + 1;
        const qint64 now = toMs(m_session.clock().nowUtc());
        if (StoreError error = tx.run(
                QStringLiteral("UPDATE message SET body = ?, channel = ?, version = ?, "
                               "waiting_for = ?, updated_at = ? WHERE id = ?"),
                {body, newChannel, version, BusinessVocabulary::stepKey(MessageStep::LegalReview), now, messageId});
            !error.ok())
            return error;
        if (StoreError error = tx.run(QStringLiteral("INSERT INTO message_version (message_id, version, body, channel, "
                                                     "drafted_at, drafted_by) VALUES (?, ?, ?, ?, ?, ?)"),
                                      {messageId, version, body, newChannel, now, drafter->by});
            !error.ok())
            return error;
        if (StoreError error = tx.run(QStringLiteral("INSERT INTO message_step (message_id, version, step, verdict, "
                                                     "comment, done_by, done_at) VALUES (?, ?, ?, ?, '', ?, ?)"),
                                      {messageId, version, BusinessVocabulary::stepKey(MessageStep::Draft),
                                       BusinessVocabulary::verdictKey(StepVerdict::Done), drafter->by, now});
            !error.ok())
            return error;
        if (StoreError error =
                m_session.logChange(tx, StoreEntity::Message, messageId, message->incidentId, ChangeOp::Update);
            !error.ok())
            return error;
        return m_timeline.log(tx, message->incidentId, EntryKind::Communication,
                              tr("Message #%1 revised (version %2) %3; back to the Legal Officer's review")
                                  .arg(messageId)
                                  .arg(version)
                                  .arg(drafter->note()),
                              false, {BusinessTag, QStringLiteral("message-%1").arg(messageId)}, who);
    });
}

StoreError BusinessRepository::advanceMessage(qint64 messageId, MessageStep step, StepVerdict verdict,
                                              const QString &comment, const QString &author, const StepSigner &signer)
{
    const QString who = author.trimmed();
    if (who.isEmpty())
        return invalid(tr("Say who is taking the step."));
    if (step == MessageStep::Draft || step == MessageStep::Sent)
        return invalid(tr("%1 is not a step to take on a drafted message.").arg(BusinessVocabulary::stepLabel(step)));
    if (verdict == StepVerdict::ChangesRequested && comment.trimmed().isEmpty())
        return invalid(tr("Say which changes are needed: a request for changes needs a comment."));
    if (verdict == StepVerdict::ChangesRequested && step == MessageStep::Send)
        return invalid(tr("Sending cannot request changes; the IC's authorisation is the last chance for that."));
    return m_session.write(tr("Moving a message along the approval chain"), [&](WriteTransaction &tx) -> StoreError {
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
        auto taker = stepTakerInTx(tx, m.incidentId, step, m.audience, signer, who);
        if (!taker)
            return taker.error();
        const QString recordedComment = taker->comment(comment);
        const StepVerdict recorded = Message::verdictFor(step, verdict);
        const QDateTime now = m_session.clock().nowUtc();
        if (StoreError error =
                tx.run(QStringLiteral("INSERT INTO message_step (message_id, version, step, verdict, "
                                      "comment, done_by, done_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                       {messageId, m.version, BusinessVocabulary::stepKey(step),
                        BusinessVocabulary::verdictKey(recorded), nonNull(recordedComment), taker->by, toMs(now)});
            !error.ok())
            return error;
        const MessageStep next = Message::waitingAfter(step, recorded);
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
            text = recorded == StepVerdict::ChangesRequested
                       ? tr("Message #%1 (%2): changes asked at the final approval")
                       : tr("Message #%1 (%2): final approval given");
            text = text.arg(messageId).arg(cell);
            break;
        case MessageStep::IcAuthorisation:
            text = recorded == StepVerdict::ChangesRequested ? tr("Message #%1 (%2): changes asked before distribution")
                                                             : tr("Message #%1 (%2): distribution authorised");
            text = text.arg(messageId).arg(cell);
            break;
        case MessageStep::Send:
            text = tr("Message #%1 sent to %2 (%3)").arg(messageId).arg(cell, m.channel);
            break;
        case MessageStep::Draft:
        case MessageStep::Sent:
            break;
        }
        text += QStringLiteral(", ") + taker->note();
        if (!recordedComment.isEmpty())
            text += QStringLiteral(" — %1").arg(recordedComment);
        return m_timeline.log(tx, m.incidentId, EntryKind::Communication, text, step == MessageStep::Send,
                              {BusinessTag, QStringLiteral("message-%1").arg(messageId)}, who);
    });
}

StoreError BusinessRepository::skipCell(qint64 incidentId, const QString &audience, const QString &phase,
                                        const QString &reason, const QString &author)
{
    if (!BusinessVocabulary::allAudiences().contains(audience))
        return invalid(tr("“%1” is not an audience.").arg(audience));
    if (!BusinessVocabulary::allPhases().contains(phase))
        return invalid(tr("“%1” is not a phase.").arg(phase));
    if (reason.trimmed().isEmpty())
        return invalid(tr("Say why the %1 message is skipped.").arg(cellText(audience, phase)));
    if (author.trimmed().isEmpty())
        return invalid(tr("Say who is skipping the message."));
    return m_session.write(tr("Skipping a message"), [&](WriteTransaction &tx) -> StoreError {
        auto mode = modeInTx(tx, incidentId);
        if (!mode)
            return mode.error();
        auto existing =
            tx.exec(QStringLiteral("SELECT id, waiting_for FROM message WHERE incident_id = ? AND audience = ? "
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
        if (StoreError error = tx.run(
                QStringLiteral("INSERT INTO message_skip (incident_id, audience, phase, reason, "
                               "skipped_by, skipped_at) VALUES (?, ?, ?, ?, ?, ?)"),
                {incidentId, audience, phase, reason.trimmed(), author.trimmed(), toMs(m_session.clock().nowUtc())});
            !error.ok())
            return error;
        if (StoreError error = m_session.logChange(tx, StoreEntity::Business, incidentId, incidentId, ChangeOp::Update);
            !error.ok())
            return error;
        return m_timeline.log(tx, incidentId, EntryKind::Communication,
                              tr("Skipped: the %1 message — %2").arg(cellText(audience, phase), reason.trimmed()),
                              false, {BusinessTag, QStringLiteral("skip")}, author.trimmed());
    });
}

StoreError BusinessRepository::unskipCell(qint64 incidentId, const QString &audience, const QString &phase,
                                          const QString &author)
{
    if (author.trimmed().isEmpty())
        return invalid(tr("Say who is taking the skip back."));
    return m_session.write(tr("Taking a skip back"), [&](WriteTransaction &tx) -> StoreError {
        auto mode = modeInTx(tx, incidentId);
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
        return m_timeline.log(tx, incidentId, EntryKind::Communication,
                              tr("No longer skipped: the %1 message").arg(cellText(audience, phase)), false,
                              {BusinessTag, QStringLiteral("skip")}, author.trimmed());
    });
}

Result<QList<Message>> BusinessRepository::messages(qint64 incidentId) const
{
    return m_session.readAll(
        QStringLiteral("SELECT %1 FROM message WHERE incident_id = ? ORDER BY id").arg(MessageColumns), {incidentId},
        tr("Reading the messages"), readMessage);
}

Result<Message> BusinessRepository::message(qint64 messageId) const
{
    const QString doing = tr("Reading message #%1").arg(messageId);
    auto m = m_session.readOne(QStringLiteral("SELECT %1 FROM message WHERE id = ?").arg(MessageColumns), {messageId},
                               doing, tr("There is no message #%1.").arg(messageId), readMessage);
    if (!m)
        return m;
    auto versions =
        m_session.readAll(QStringLiteral("SELECT version, body, channel, drafted_at, drafted_by FROM "
                                         "message_version WHERE message_id = ? AND version < ? ORDER BY "
                                         "version"),
                          {messageId, m->version}, doing, [](const QSqlQuery &q) {
                              return MessageVersion{q.value(0).toInt(), q.value(1).toString(), q.value(2).toString(),
                                                    fromMs(q.value(3)), q.value(4).toString()};
                          });
    if (!versions)
        return versions.error();
    m->earlier = *versions;
    auto steps = m_session.readAll(
        QStringLiteral("SELECT %1 FROM message_step WHERE message_id = ? ORDER BY id").arg(StepColumns), {messageId},
        doing, readStep);
    if (!steps)
        return steps.error();
    m->steps = *steps;
    return m;
}

Result<QList<SkippedCell>> BusinessRepository::skippedCells(qint64 incidentId) const
{
    return m_session.readAll(QStringLiteral("SELECT audience, phase, reason, skipped_by, skipped_at FROM message_skip "
                                            "WHERE incident_id = ? ORDER BY skipped_at"),
                             {incidentId}, tr("Reading the skipped messages"), [](const QSqlQuery &q) {
                                 return SkippedCell{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                                    q.value(3).toString(), fromMs(q.value(4))};
                             });
}

} // namespace cp
