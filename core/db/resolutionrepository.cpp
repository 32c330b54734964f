#include "resolutionrepository.h"

#include "businessrepository.h"
#include "incidentrepository.h"
#include "rollcallrepository.h"
#include "timelinerepository.h"
#include "timerrepository.h"

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

ResolutionRepository::ResolutionRepository(StoreSession &session, TimelineRepository &timeline,
                                           IncidentRepository &incidents, RollCallRepository &rollCalls,
                                           TimerRepository &timers, BusinessRepository &business)
    : m_session(session), m_timeline(timeline), m_incidents(incidents), m_rollCalls(rollCalls), m_timers(timers),
      m_business(business)
{
}

Result<QList<ResolveBlocker>> ResolutionRepository::blockers(qint64 incidentId) const
{
    ResolveInputs in;
    if (StoreError error = take(m_incidents.incident(incidentId), in.incident); !error.ok())
        return error;
    if (StoreError error = take(m_rollCalls.actions(incidentId), in.actions); !error.ok())
        return error;
    if (StoreError error = take(m_rollCalls.items(incidentId), in.rollCallItems); !error.ok())
        return error;
    if (StoreError error = take(m_business.mode(incidentId), in.businessMode); !error.ok())
        return error;
    if (in.businessMode) {
        if (StoreError error = take(m_business.activities(incidentId), in.activities); !error.ok())
            return error;
        if (StoreError error = take(m_business.messages(incidentId), in.messages); !error.ok())
            return error;
        if (StoreError error = take(m_business.skippedCells(incidentId), in.skippedCells); !error.ok())
            return error;
    }
    if (StoreError error = take(m_incidents.postmortem(incidentId), in.postmortem); !error.ok())
        return error;
    return ResolveChecklist::blockers(in);
}

StoreError ResolutionRepository::resolve(qint64 incidentId, const QList<ResolveAcknowledgement> &acknowledgements,
                                         const QString &author)
{
    const QString who = author.trimmed();
    if (who.isEmpty())
        return {StoreError::Code::Invalid, tr("Say who is resolving the incident.")};
    return m_session.write(tr("Resolving the incident"), [&](WriteTransaction &tx) -> StoreError {
        // Read inside the transaction (same connection): nobody can open a new item meanwhile.
        auto current = m_incidents.incident(incidentId);
        if (!current)
            return current.error();
        if (current->isResolved())
            return {StoreError::Code::Invalid, tr("Incident #%1 is already resolved.").arg(incidentId)};
        auto blockers = this->blockers(incidentId);
        if (!blockers)
            return blockers.error();
        QStringList reasons;
        if (auto problem = ResolveChecklist::unacknowledged(*blockers, acknowledgements, &reasons))
            return {StoreError::Code::Invalid, tr("Incident #%1 is not resolved: %2").arg(incidentId).arg(*problem)};

        for (qsizetype i = 0; i < blockers->size(); ++i) {
            const QString text =
                tr("Resolving with this left as it is: %1 — %2").arg(blockers->at(i).text, reasons.at(i));
            if (StoreError error = m_timeline.log(tx, incidentId, EntryKind::System, text, false,
                                                  {QStringLiteral("resolve-checklist")}, who);
                !error.ok())
                return error;
        }
        // The call's machinery ends with it: open rounds close, timers stop.
        auto rounds = m_rollCalls.rounds(incidentId);
        if (!rounds)
            return rounds.error();
        for (const RollCall &round : std::as_const(*rounds)) {
            if (round.isOpen()) {
                if (StoreError error = m_rollCalls.closeRollCallInTx(tx, round, who); !error.ok())
                    return error;
            }
        }
        auto running = m_timers.list(incidentId);
        if (!running)
            return running.error();
        QStringList stopped;
        for (Timer t : std::as_const(*running)) {
            if (!t.isLive())
                continue;
            t.state = TimerState::Cancelled;
            if (StoreError error = m_timers.saveTimer(tx, t); !error.ok())
                return error;
            stopped << QStringLiteral("“%1”").arg(t.label);
        }
        if (!stopped.isEmpty()) {
            const QString text = tr("Timers stopped on resolve: %1").arg(stopped.join(QStringLiteral(", ")));
            if (StoreError error = m_timeline.log(tx, incidentId, EntryKind::Timer, text, false, {}, who); !error.ok())
                return error;
        }
        TimelineRepository::ClosedRecordWrite closing(m_timeline);
        const QString text = tr("Status: %1 → %2")
                                 .arg(IncidentVocabulary::statusLabel(current->status),
                                      IncidentVocabulary::statusLabel(IncidentStatus::Resolved));
        return m_incidents.changeStatus(tx, incidentId, current->status, IncidentStatus::Resolved, text, who);
    });
}

StoreError ResolutionRepository::reopen(qint64 incidentId, IncidentStatus status, const QString &reason,
                                        const QString &author)
{
    if (status == IncidentStatus::Resolved)
        return {StoreError::Code::Invalid, tr("Reopen to investigating, identified or monitoring.")};
    if (reason.trimmed().isEmpty())
        return {StoreError::Code::Invalid, tr("Say why the incident is reopened: a reopening needs a reason.")};
    if (author.trimmed().isEmpty())
        return {StoreError::Code::Invalid, tr("Say who is reopening the incident.")};
    return m_session.write(tr("Reopening the incident"), [&](WriteTransaction &tx) -> StoreError {
        auto current = m_incidents.readField(tx, incidentId, QStringLiteral("status"));
        if (!current)
            return current.error();
        if (current->toString() != IncidentVocabulary::statusKey(IncidentStatus::Resolved))
            return {StoreError::Code::Invalid,
                    tr("Incident #%1 is not resolved; there is nothing to reopen.").arg(incidentId)};
        TimelineRepository::ClosedRecordWrite reopening(m_timeline);
        const QString text = tr("Incident reopened: %1 → %2 — %3")
                                 .arg(IncidentVocabulary::statusLabel(IncidentStatus::Resolved),
                                      IncidentVocabulary::statusLabel(status), reason.trimmed());
        return m_incidents.changeStatus(tx, incidentId, IncidentStatus::Resolved, status, text, author.trimmed());
    });
}

StoreError ResolutionRepository::setStatus(qint64 incidentId, IncidentStatus status, const QString &author)
{
    if (status != IncidentStatus::Resolved)
        return m_incidents.setStatus(incidentId, status, author);
    if (auto current = m_incidents.incident(incidentId); current && current->isResolved())
        return {}; // already: nothing to log
    return resolve(incidentId, {}, author);
}

} // namespace cp
