#pragma once

#include "domain/incidentaction.h"
#include "domain/rollcall.h"
#include "storesession.h"

#include <QObject>

namespace cp {

class RoleRepository;
class RosterRepository;
class TimelineRepository;
class TimerRepository;

// Roll calls, and the actions and decisions that come out of them.
//
// A round takes its items from the roles as they are held now (one item per holder of a role
// several people hold); the previous open round is closed first. Each answer, miss, skip and
// dismissal is a roll-call entry on the timeline; closing a round logs its summary (who reported
// what, who was missed). Items still pending when a round closes count as missed.
class RollCallRepository final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RollCallRepository)

public:
    RollCallRepository(StoreSession &session, TimelineRepository &timeline, RoleRepository &roles,
                       RosterRepository &roster, TimerRepository &timers, QObject *parent = nullptr);

    Result<qint64> start(qint64 incidentId, const RollCallSelection &selection, const QString &author);
    StoreError answer(qint64 itemId, const CanReport &report, const QString &author);
    // NoAnswer (it goes on the missed list), Skipped, or Pending (takes a mark back).
    StoreError mark(qint64 itemId, RollCallItemState state, const QString &author);
    StoreError dismissMissed(qint64 itemId, const QString &author); // off the Deputy's list
    StoreError end(qint64 rollCallId, const QString &author);
    Result<QList<RollCall>> rounds(qint64 incidentId) const; // oldest first
    Result<RollCall> round(qint64 rollCallId) const;
    Result<QList<RollCallItem>> items(qint64 incidentId) const;      // every round, in call order
    Result<QList<RollCallItem>> roundItems(qint64 rollCallId) const; // one round, in call order
    Result<RollCallItem> item(qint64 itemId) const;

    // Actions (rollcallrepository_actions.cpp): every change is an action entry on the timeline.
    // From a roll-call item, an action with no text of its own takes the item's Needs.
    Result<qint64> addAction(const NewAction &action, const QString &author);
    StoreError updateAction(qint64 actionId, const ActionChange &change, const QString &author);
    Result<QList<IncidentAction>> actions(qint64 incidentId) const; // open first, then in order
    Result<IncidentAction> action(qint64 actionId) const;

    // Decisions: the proposal, the objections check and the outcome, as a decision entry.
    Result<qint64> addDecision(const NewDecision &decision, const QString &author);
    Result<QList<Decision>> decisions(qint64 incidentId) const; // oldest first
    Result<Decision> decision(qint64 decisionId) const;

    // Inside another repository's transaction (the resolution closes an open round).
    StoreError closeRollCallInTx(WriteTransaction &tx, const RollCall &round, const QString &author);

signals:
    void rollCallChanged(qint64 incidentId, qint64 rollCallId); // a round started or closed
    void rollCallItemChanged(qint64 incidentId, qint64 itemId); // added, answered, marked or cleared
    void actionChanged(qint64 incidentId, qint64 actionId);     // added or edited
    void decisionChanged(qint64 incidentId, qint64 decisionId); // recorded

public:
    static constexpr qint64 MaxTimeboxMs = 7LL * 24 * 3600 * 1000; // a week: anything longer is a typo
    static constexpr int MaxTextLength = 4000;

private:
    void announce(const StoreChange &change);
    Result<RollCallItem> rollCallItemInTx(WriteTransaction &tx, qint64 itemId);
    StoreError saveRollCallItem(WriteTransaction &tx, const RollCallItem &item);
    Result<IncidentAction> actionInTx(WriteTransaction &tx, qint64 actionId);
    Result<QString> actionOwnerName(WriteTransaction &tx, qint64 incidentId, const QString &roleKey, qint64 personId);

    StoreSession &m_session;
    TimelineRepository &m_timeline;
    RoleRepository &m_roles;
    RosterRepository &m_roster;
    TimerRepository &m_timers;
};

} // namespace cp
