#pragma once

#include "replaysource.h"

#include <QCoreApplication>

namespace cp {

// One thing that happens again during a replay, at the moment it first happened.
struct ReplayStep
{
    enum class Kind
    {
        Entry,           // a timeline entry told again word for word
        Severity,        // the severity changed
        Status,          // the status changed (resolved included)
        Assign,          // someone took a role
        HandOver,        // a role passed from one person to the next
        Release,         // someone left a role
        TimerStart,      // a countdown, cadence or stopwatch started
        TimerSettle,     // a timer was acknowledged, cancelled or paused for the last time
        RollCallStart,   // a round of the roll call began (with its time-box)
        RollCallItem,    // an item was answered, missed or skipped
        RollCallDismiss, // a missed item was taken off the Deputy's list
        RollCallEnd,     // the round closed
    };

    Kind kind = Kind::Entry;
    QDateTime at;   // UTC: when it happened in the incident
    int index = -1; // into the source list of its kind (entries, changes, assignments, timers, rounds, items)
    int other = -1; // HandOver: the assignment that took over
    QString text;   // one line for the step list: "14:03 SEV-2 → SEV-1"
};

// Turns what the store holds of an incident into the ordered steps of its replay. Role and
// timer events and severity or status changes are re-enacted through the store (which words
// their timeline entries itself), so the source's own entries of those kinds are not told
// twice; every other entry is told again as written. Retracted entries are left out.
class ReplayScript final
{
    Q_DECLARE_TR_FUNCTIONS(cp::ReplayScript)
public:
    ReplayScript() = default;
    explicit ReplayScript(ReplaySource source);

    const ReplaySource &source() const { return m_source; }
    const QList<ReplayStep> &steps() const { return m_steps; }
    // The severity the incident was declared with (before any recorded change).
    Severity initialSeverity() const;
    // From the declaration (or an earlier backfilled entry) to the resolution (or the last step).
    QDateTime startUtc() const;
    QDateTime endUtc() const;
    // The role structure as a template, so the replayed incident starts with the same chart.
    RoleTemplate roleTemplate() const;
    // How many steps lie at or before 'at'.
    int stepsUntil(const QDateTime &at) const;
    // Who is on the record for what a step re-enacts: the declaration's author; who marked a
    // roll-call item missed or skipped (from its timeline entry; else whoever ran the round);
    // the reason given when the incident was reopened at a change.
    QString declaredBy() const;
    QString markedBy(const RollCallItem &item) const;
    QString reopenReason(const IncidentFieldChange &change) const;

private:
    bool retold(const TimelineEntry &entry) const; // re-enacted by another step: not told again

    ReplaySource m_source;
    QList<ReplayStep> m_steps;
    qint64 m_declarationEntryId = 0;
};

} // namespace cp
