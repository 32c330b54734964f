#include "rollcallcommands.h"

#include "db/incidentstore.h"

namespace cp {

RollCallItemCommand::RollCallItemCommand(IncidentStore &store, SaveStatus *status, const RollCallItem &before,
                                         RollCallItemState state, const CanReport &report, const QString &author)
    : StoreCommand(store, status, author), m_itemId(before.id), m_beforeState(before.state),
      m_beforeReport(before.report), m_state(state), m_report(report)
{
    switch (state) {
    case RollCallItemState::Answered:
        setText(tr("Record %1's report").arg(before.label()));
        break;
    case RollCallItemState::NoAnswer:
        setText(tr("Mark %1 as not answering").arg(before.label()));
        break;
    case RollCallItemState::Skipped:
        setText(tr("Skip %1").arg(before.label()));
        break;
    case RollCallItemState::Pending:
        setText(tr("Take back %1's mark").arg(before.label()));
        break;
    }
}

StoreError RollCallItemCommand::setTo(RollCallItemState state, const CanReport &report)
{
    if (state == RollCallItemState::Answered)
        return store().rollCalls().answer(m_itemId, report, author());
    // An answer is taken back before it can become a mark.
    auto current = store().rollCalls().item(m_itemId);
    if (!current)
        return current.error();
    if (current->state == state)
        return {};
    if (current->state == RollCallItemState::Answered && state != RollCallItemState::Pending) {
        if (StoreError error = store().rollCalls().mark(m_itemId, RollCallItemState::Pending, author()); !error.ok())
            return error;
    }
    return store().rollCalls().mark(m_itemId, state, author());
}

StoreError RollCallItemCommand::apply(bool forward)
{
    return forward ? setTo(m_state, m_report) : setTo(m_beforeState, m_beforeReport);
}

UpdateActionCommand::UpdateActionCommand(IncidentStore &store, SaveStatus *status, const IncidentAction &before,
                                         const ActionChange &change, const QString &author)
    : StoreCommand(store, status, author), m_actionId(before.id), m_change(change)
{
    if (change.text)
        m_inverse.text = before.text;
    if (change.status)
        m_inverse.status = before.status;
    if (change.ownerRoleKey)
        m_inverse.ownerRoleKey = before.ownerRoleKey;
    if (change.ownerPersonId)
        m_inverse.ownerPersonId = before.ownerPersonId;
    if (change.followUp)
        m_inverse.followUp = before.followUp;
    if (change.status)
        setText(tr("Mark action #%1 %2").arg(before.id).arg(ActionVocabulary::statusLabel(*change.status).toLower()));
    else if (change.followUp)
        setText(*change.followUp ? tr("Mark action #%1 as a follow-up").arg(before.id)
                                 : tr("Unmark action #%1 as a follow-up").arg(before.id));
    else
        setText(tr("Change action #%1").arg(before.id));
}

StoreError UpdateActionCommand::apply(bool forward)
{
    return store().rollCalls().updateAction(m_actionId, forward ? m_change : m_inverse, author());
}

} // namespace cp
