// BusinessRepository: the departments told and the inbound media and social questions.
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

const QString NoticeColumns = QStringLiteral("id, incident_id, department_key, told_at, told_by, method, note");
const QString InboundColumns = QStringLiteral("id, incident_id, channel, asked_by, question, received_at, logged_by, "
                                              "answer, answered_at, answered_by");
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

} // namespace

Result<qint64> BusinessRepository::notifyDepartment(qint64 incidentId, const QString &departmentKey,
                                                    const QString &method, const QString &note, const QString &author)
{
    const QString who = author.trimmed();
    if (who.isEmpty())
        return invalid(tr("Say who told the department."));
    return m_session.write(tr("Recording a department told"), [&](WriteTransaction &tx) -> Result<qint64> {
        auto incident = m_incidents.readField(tx, incidentId, QStringLiteral("id"));
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
                      {incidentId, key, toMs(m_session.clock().nowUtc()), who, nonNull(method.trimmed()),
                       nonNull(note.trimmed())});
        if (!inserted)
            return inserted.error();
        if (StoreError error = m_session.logChange(tx, StoreEntity::Notice, *inserted, incidentId, ChangeOp::Insert);
            !error.ok())
            return error;
        QString text =
            method.trimmed().isEmpty() ? tr("Told %1").arg(name) : tr("Told %1 (%2)").arg(name, method.trimmed());
        if (!note.trimmed().isEmpty())
            text += QStringLiteral(" — %1").arg(note.trimmed());
        if (StoreError error = m_timeline.log(tx, incidentId, EntryKind::Communication, text, false,
                                              {BusinessTag, QStringLiteral("department-%1").arg(key)}, who);
            !error.ok())
            return error;
        return *inserted;
    });
}

StoreError BusinessRepository::withdrawNotice(qint64 noticeId, const QString &author)
{
    if (author.trimmed().isEmpty())
        return invalid(tr("Say who is taking the record back."));
    return m_session.write(tr("Taking back a department told"), [&](WriteTransaction &tx) -> StoreError {
        auto q = tx.exec(QStringLiteral("SELECT %1 FROM stakeholder_notice WHERE id = ? AND withdrawn_at IS NULL")
                             .arg(NoticeColumns),
                         {noticeId});
        if (!q)
            return q.error();
        if (!q->next())
            return {StoreError::Code::NotFound, tr("There is no record #%1 of a department told.").arg(noticeId)};
        const StakeholderNotice notice = readNotice(*q);
        q->finish();
        if (StoreError error = tx.run(QStringLiteral("UPDATE stakeholder_notice SET withdrawn_at = ?, withdrawn_by = ? "
                                                     "WHERE id = ?"),
                                      {toMs(m_session.clock().nowUtc()), author.trimmed(), noticeId});
            !error.ok())
            return error;
        if (StoreError error =
                m_session.logChange(tx, StoreEntity::Notice, noticeId, notice.incidentId, ChangeOp::Update);
            !error.ok())
            return error;
        return m_timeline.log(tx, notice.incidentId, EntryKind::Communication,
                              tr("Taken back: %1 was not told after all").arg(notice.departmentKey), false,
                              {BusinessTag, QStringLiteral("department-%1").arg(notice.departmentKey)},
                              author.trimmed());
    });
}

Result<qint64> BusinessRepository::logInbound(qint64 incidentId, const QString &channel, const QString &from,
                                              const QString &question, const QString &author)
{
    if (!BusinessVocabulary::inboundChannels().contains(channel))
        return invalid(tr("“%1” is not an inbound channel; use media or social.").arg(channel));
    if (question.trimmed().isEmpty())
        return invalid(tr("What was asked? The question is empty."));
    if (question.size() > MaxText)
        return invalid(tr("The question is too long."));
    if (author.trimmed().isEmpty())
        return invalid(tr("Say who is logging the question."));
    return m_session.write(tr("Logging an inbound question"), [&](WriteTransaction &tx) -> Result<qint64> {
        auto incident = m_incidents.readField(tx, incidentId, QStringLiteral("id"));
        if (!incident)
            return incident.error();
        auto inserted =
            tx.insert(QStringLiteral("INSERT INTO inbound_question (incident_id, channel, asked_by, question, "
                                     "received_at, logged_by, answer) VALUES (?, ?, ?, ?, ?, ?, '') "
                                     "RETURNING id"),
                      {incidentId, channel, nonNull(from.trimmed()), question.trimmed(),
                       toMs(m_session.clock().nowUtc()), author.trimmed()});
        if (!inserted)
            return inserted.error();
        if (StoreError error = m_session.logChange(tx, StoreEntity::Inbound, *inserted, incidentId, ChangeOp::Insert);
            !error.ok())
            return error;
        const QString owner = BusinessVocabulary::roleTitle(BusinessVocabulary::inboundOwnerRoleKey(channel));
        const QString text = (channel == QLatin1String("media") ? tr("Media question #%1%2 for the %3: %4")
                                                                : tr("Social question #%1%2 for the %3: %4"))
                                 .arg(*inserted)
                                 .arg(from.trimmed().isEmpty() ? QString() : tr(" from %1").arg(from.trimmed()), owner,
                                      question.trimmed());
        if (StoreError error =
                m_timeline.log(tx, incidentId, EntryKind::Communication, text, false,
                               {BusinessTag, QStringLiteral("inbound-%1").arg(*inserted)}, author.trimmed());
            !error.ok())
            return error;
        return *inserted;
    });
}

StoreError BusinessRepository::answerInbound(qint64 questionId, const QString &answer, const QString &author)
{
    if (answer.trimmed().isEmpty())
        return invalid(tr("The answer is empty."));
    if (author.trimmed().isEmpty())
        return invalid(tr("Say who answered."));
    return m_session.write(tr("Answering an inbound question"), [&](WriteTransaction &tx) -> StoreError {
        auto q =
            tx.exec(QStringLiteral("SELECT %1 FROM inbound_question WHERE id = ?").arg(InboundColumns), {questionId});
        if (!q)
            return q.error();
        if (!q->next())
            return {StoreError::Code::NotFound, tr("There is no inbound question #%1.").arg(questionId)};
        const InboundQuestion question = readInbound(*q);
        q->finish();
        if (question.isAnswered())
            return invalid(tr("Question #%1 was already answered by %2.").arg(questionId).arg(question.answeredBy));
        if (StoreError error =
                tx.run(QStringLiteral("UPDATE inbound_question SET answer = ?, answered_at = ?, "
                                      "answered_by = ? WHERE id = ?"),
                       {answer.trimmed(), toMs(m_session.clock().nowUtc()), author.trimmed(), questionId});
            !error.ok())
            return error;
        if (StoreError error =
                m_session.logChange(tx, StoreEntity::Inbound, questionId, question.incidentId, ChangeOp::Update);
            !error.ok())
            return error;
        return m_timeline.log(tx, question.incidentId, EntryKind::Communication,
                              tr("Answered question #%1: %2").arg(questionId).arg(answer.trimmed()), false,
                              {BusinessTag, QStringLiteral("inbound-%1").arg(questionId)}, author.trimmed());
    });
}

Result<QList<StakeholderNotice>> BusinessRepository::stakeholderNotices(qint64 incidentId) const
{
    return m_session.readAll(QStringLiteral("SELECT %1 FROM stakeholder_notice WHERE incident_id = ? AND withdrawn_at "
                                            "IS NULL ORDER BY told_at, id")
                                 .arg(NoticeColumns),
                             {incidentId}, tr("Reading the departments told"), readNotice);
}

Result<QList<InboundQuestion>> BusinessRepository::inboundQuestions(qint64 incidentId) const
{
    return m_session.readAll(
        QStringLiteral("SELECT %1 FROM inbound_question WHERE incident_id = ? ORDER BY id").arg(InboundColumns),
        {incidentId}, tr("Reading the inbound questions"), readInbound);
}

} // namespace cp
