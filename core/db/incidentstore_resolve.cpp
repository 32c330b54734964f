// Resolving and reopening an incident: the resolve checklist, the end of the call's machinery
// (roll calls, timers) and the closed record.
#include "incidentstore.h"

#include "storevalues.h"
#include "writetransaction.h"

namespace cp {

using namespace storevalues;

namespace {

template <typename T> StoreError take(const Result<T> &result, T &into)
{
    if (!result)
        return result.error();
    into = *result;
    return {};
}

} // namespace

Result<QList<ResolveBlocker>> IncidentStore::resolveBlockers(qint64 incidentId) const
{
    ResolveInputs in;
    if (StoreError error = take(incident(incidentId), in.incident); !error.ok())
        return error;
    if (StoreError error = take(actions(incidentId), in.actions); !error.ok())
        return error;
    if (StoreError error = take(rollCallItems(incidentId), in.rollCallItems); !error.ok())
        return error;
    if (StoreError error = take(businessMode(incidentId), in.businessMode); !error.ok())
        return error;
    if (in.businessMode) {
        if (StoreError error = take(businessActivities(incidentId), in.activities); !error.ok())
            return error;
        if (StoreError error = take(messages(incidentId), in.messages); !error.ok())
            return error;
        if (StoreError error = take(skippedCells(incidentId), in.skippedCells); !error.ok())
            return error;
    }
    if (StoreError error = take(postmortem(incidentId), in.postmortem); !error.ok())
        return error;
    return ResolveChecklist::blockers(in);
}

StoreError IncidentStore::resolveIncident(qint64 incidentId, const QList<ResolveAcknowledgement> &acknowledgements,
                                          const QString &author)
{
    if (StoreError error = m_session.requireWritable(); !error.ok())
        return error;
    const QString who = author.trimmed();
    if (who.isEmpty())
        return {StoreError::Code::Invalid, tr("Say who is resolving the incident.")};
    WriteTransaction tx(m_session.database(), m_session.dialect(), tr("Resolving the incident"));
    if (StoreError error = tx.begin(); !error.ok())
        return error;
    // Read inside the transaction (same connection): nobody can open a new item meanwhile.
    auto current = incident(incidentId);
    if (!current)
        return current.error();
    if (current->isResolved())
        return {StoreError::Code::Invalid, tr("Incident #%1 is already resolved.").arg(incidentId)};
    auto blockers = resolveBlockers(incidentId);
    if (!blockers)
        return blockers.error();
    QStringList reasons;
    if (auto problem = ResolveChecklist::unacknowledged(*blockers, acknowledgements, &reasons))
        return {StoreError::Code::Invalid, tr("Incident #%1 is not resolved: %2").arg(incidentId).arg(*problem)};

    for (qsizetype i = 0; i < blockers->size(); ++i) {
        const QString text = tr("Resolving with this left as it is: %1 — %2").arg(blockers->at(i).text, reasons.at(i));
        if (StoreError error =
                log(tx, incidentId, EntryKind::System, text, false, {QStringLiteral("resolve-checklist")}, who);
            !error.ok())
            return error;
    }
    // The call's machinery ends with it: open rounds close, timers stop.
    auto rounds = rollCalls(incidentId);
    if (!rounds)
        return rounds.error();
    for (const RollCall &round : std::as_const(*rounds)) {
        if (round.isOpen()) {
            if (StoreError error = closeRollCallInTx(tx, round, who); !error.ok())
                return error;
        }
    }
    auto running = timers(incidentId);
    if (!running)
        return running.error();
    QStringList stopped;
    for (Timer t : std::as_const(*running)) {
        if (!t.isLive())
            continue;
        t.state = TimerState::Cancelled;
        if (StoreError error = saveTimer(tx, t); !error.ok())
            return error;
        stopped << QStringLiteral("“%1”").arg(t.label);
    }
    if (!stopped.isEmpty()) {
        const QString text = tr("Timers stopped on resolve: %1").arg(stopped.join(QStringLiteral(", ")));
        if (StoreError error = log(tx, incidentId, EntryKind::Timer, text, false, {}, who); !error.ok())
            return error;
    }
    ClosedRecordWrite closing(*this);
    const QString text = tr("Status: %1 → %2")
                             .arg(IncidentVocabulary::statusLabel(current->status),
                                  IncidentVocabulary::statusLabel(IncidentStatus::Resolved));
    if (StoreError error = changeStatusInTx(tx, incidentId, current->status, IncidentStatus::Resolved, text, who);
        !error.ok())
        return error;
    return m_session.finish(tx);
}

StoreError IncidentStore::reopenIncident(qint64 incidentId, IncidentStatus status, const QString &reason,
                                         const QString &author)
{
    if (StoreError error = m_session.requireWritable(); !error.ok())
        return error;
    if (status == IncidentStatus::Resolved)
        return {StoreError::Code::Invalid, tr("Reopen to investigating, identified or monitoring.")};
    if (reason.trimmed().isEmpty())
        return {StoreError::Code::Invalid, tr("Say why the incident is reopened: a reopening needs a reason.")};
    if (author.trimmed().isEmpty())
        return {StoreError::Code::Invalid, tr("Say who is reopening the incident.")};
    WriteTransaction tx(m_session.database(), m_session.dialect(), tr("Reopening the incident"));
    if (StoreError error = tx.begin(); !error.ok())
        return error;
    auto current = readIncidentField(tx, incidentId, QStringLiteral("status"));
    if (!current)
        return current.error();
    if (current->toString() != IncidentVocabulary::statusKey(IncidentStatus::Resolved))
        return {StoreError::Code::Invalid,
                tr("Incident #%1 is not resolved; there is nothing to reopen.").arg(incidentId)};
    ClosedRecordWrite reopening(*this);
    const QString text = tr("Incident reopened: %1 → %2 — %3")
                             .arg(IncidentVocabulary::statusLabel(IncidentStatus::Resolved),
                                  IncidentVocabulary::statusLabel(status), reason.trimmed());
    if (StoreError error = changeStatusInTx(tx, incidentId, IncidentStatus::Resolved, status, text, author.trimmed());
        !error.ok())
        return error;
    return m_session.finish(tx);
}

} // namespace cp
