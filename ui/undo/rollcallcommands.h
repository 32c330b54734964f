#pragma once

#include "domain/incidentaction.h"
#include "domain/rollcall.h"
#include "storecommands.h"

namespace cp {

// Answers, marks (no answer, skipped) or takes back one roll-call item; undo puts the item back
// as it was (its earlier answer, its earlier mark, or waiting to be called).
class RollCallItemCommand final : public StoreCommand
{
public:
    // state Answered records 'report'; any other state is a mark.
    RollCallItemCommand(IncidentStore &store, SaveStatus *status, const RollCallItem &before, RollCallItemState state,
                        const CanReport &report, const QString &author);

protected:
    StoreError apply(bool forward) override;

private:
    StoreError setTo(RollCallItemState state, const CanReport &report);

    qint64 m_itemId;
    RollCallItemState m_beforeState;
    CanReport m_beforeReport;
    RollCallItemState m_state;
    CanReport m_report;
};

// Changes an action's status, owner, text or follow-up mark; undo changes it back.
class UpdateActionCommand final : public StoreCommand
{
public:
    UpdateActionCommand(IncidentStore &store, SaveStatus *status, const IncidentAction &before,
                        const ActionChange &change, const QString &author);

protected:
    StoreError apply(bool forward) override;

private:
    qint64 m_actionId;
    ActionChange m_change;
    ActionChange m_inverse;
};

} // namespace cp
