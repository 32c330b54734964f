#include "callscripts.h"

#include "db/incidentstore.h"
#include "statusreport.h"

namespace cp {

QList<CallScriptCard> CallScripts::allCards()
{
    return {CallScriptCard::StartOfCall, CallScriptCard::RollCall, CallScriptCard::StatusUpdate,
            CallScriptCard::HandOver, CallScriptCard::ExecutiveSwoop};
}

QString CallScripts::key(CallScriptCard card)
{
    switch (card) {
    case CallScriptCard::StartOfCall:
        return QStringLiteral("start-of-call");
    case CallScriptCard::RollCall:
        return QStringLiteral("roll-call");
    case CallScriptCard::StatusUpdate:
        return QStringLiteral("status-update");
    case CallScriptCard::HandOver:
        return QStringLiteral("hand-over");
    case CallScriptCard::ExecutiveSwoop:
        return QStringLiteral("executive-swoop");
    }
    return {};
}

QString CallScripts::title(CallScriptCard card)
{
    switch (card) {
    case CallScriptCard::StartOfCall:
        return tr("Start of call");
    case CallScriptCard::RollCall:
        return tr("Roll call");
    case CallScriptCard::StatusUpdate:
        return tr("Status update");
    case CallScriptCard::HandOver:
        return tr("Hand-over");
    case CallScriptCard::ExecutiveSwoop:
        return tr("Executive swoop");
    }
    return {};
}

Result<CallScriptContext> CallScripts::context(const IncidentStore &store, qint64 incidentId, const QDateTime &nowUtc)
{
    CallScriptContext c;
    auto incident = store.incidents().incident(incidentId);
    if (!incident)
        return incident.error();
    c.severity = incident->severity;
    c.status = incident->status;
    c.minutesSinceDeclared = qMax<qint64>(0, incident->declaredAt.msecsTo(nowUtc) / 60000);
    auto roles = store.roles().list(incidentId);
    if (!roles)
        return roles.error();
    for (const IncidentRole &r : std::as_const(*roles)) {
        if (r.holders.isEmpty())
            continue;
        if (c.commander.isEmpty() && r.definition.parentKey.isEmpty())
            c.commander = r.holders.first().name;
        if (r.definition.key == QLatin1String("deputy"))
            c.deputy = r.holders.first().name;
    }
    auto rounds = store.rollCalls().rounds(incidentId);
    if (!rounds)
        return rounds.error();
    c.rounds = int(rounds->size());
    c.roundOpen = !rounds->isEmpty() && rounds->last().isOpen();
    auto items = store.rollCalls().items(incidentId);
    if (!items)
        return items.error();
    for (const RollCallItem &i : std::as_const(*items)) {
        if (i.isMissed())
            c.missed << i.label();
        if (c.roundOpen && i.rollCallId == rounds->last().id && i.state == RollCallItemState::Pending)
            c.toCall << i.label();
    }
    auto actions = store.rollCalls().actions(incidentId);
    if (!actions)
        return actions.error();
    for (const IncidentAction &a : std::as_const(*actions))
        c.openActions += a.isOpen() ? 1 : 0;
    auto timers = store.timers().list(incidentId);
    if (!timers)
        return timers.error();
    const Timer cadence = StatusReport::statusCadence(*timers);
    if (cadence.id > 0) {
        const TimerPhase phase = cadence.phaseAt(nowUtc);
        c.statusUpdateDue = phase == TimerPhase::DueSoon || phase == TimerPhase::Expired;
    }
    for (const Timer &t : std::as_const(*timers)) {
        if (t.defaultKey == QLatin1String("ic-handover") && t.isLive()) {
            const TimerPhase phase = t.phaseAt(nowUtc);
            c.handOverDue = phase == TimerPhase::DueSoon || phase == TimerPhase::Expired;
        }
    }
    return c;
}

CallScriptCard CallScripts::suggested(const CallScriptContext &c)
{
    if (c.roundOpen)
        return CallScriptCard::RollCall;
    if (c.handOverDue)
        return CallScriptCard::HandOver;
    if (c.statusUpdateDue)
        return CallScriptCard::StatusUpdate;
    if (c.rounds == 0)
        return CallScriptCard::StartOfCall;
    return CallScriptCard::StatusUpdate;
}

QStringList CallScripts::lines(CallScriptCard card, const CallScriptContext &c)
{
    const QString me = c.commander.isEmpty() ? tr("[your name]") : c.commander;
    const QString sev = IncidentVocabulary::severityKey(c.severity);
    QStringList l;
    switch (card) {
    case CallScriptCard::StartOfCall:
        l << tr("> This is %1. I am the Incident Commander for this call.").arg(me)
          << tr("Say “Incident Commander” in full: people new to calls may not know “IC”.")
          << tr("If no commander is on the call: ask “Is there an Incident Commander on the call?”, wait, then take "
                "command by name.")
          << tr("> We are handling a %1, status %2, declared %n minutes ago.", nullptr, int(c.minutesSinceDeclared))
                 .arg(sev, IncidentVocabulary::statusLabel(c.status).toLower())
          << (c.deputy.isEmpty() ? tr("Name a Deputy now: nobody holds the role.")
                                 : tr("> %1 is my Deputy and keeps the timers.").arg(c.deputy))
          << tr("Ask the experts on the call to say their name and the system they speak for.")
          << tr("Ask everyone to stay muted unless speaking, and to bring concerns to the commander.")
          << tr("Next: a roll call (Ctrl+Shift+G) for where every role stands.");
        break;
    case CallScriptCard::RollCall:
        l << tr("Poll each role by name; never ask “can someone…”.")
          << tr("> [Name], your report: condition, actions, needs?")
          << tr("Acknowledge each answer so the person can move on; a need you accept becomes an action with an "
                "owner and a time to report back.");
        if (!c.toCall.isEmpty())
            l << tr("Still to call: %1.").arg(c.toCall.join(QStringLiteral(", ")));
        if (!c.missed.isEmpty())
            l << tr("No answer so far (the Deputy follows up): %1.").arg(c.missed.join(QStringLiteral(", ")));
        l << tr("When everyone is called: end the round (Ctrl+Shift+X); its summary goes on the timeline.");
        break;
    case CallScriptCard::StatusUpdate:
        l << tr("Fill a lull in the call with a status update, so everyone works from the same picture.")
          << tr("> Here is a status update. We are in a %1, %2.")
                 .arg(sev, IncidentVocabulary::statusLabel(c.status).toLower())
          << tr("> We believe the cause is [cause]; [person] comes back to us in [minutes] minutes.")
          << tr("%n action(s) open.", nullptr, c.openActions)
          << tr("> Are there any other actions or proposals from anyone at this time?")
          << tr("Compose the written report from the live state with Ctrl+U: it is logged, copied and the "
                "update cadence restarts.");
        if (!c.missed.isEmpty())
            l << tr("Still unanswered from the roll call: %1.").arg(c.missed.join(QStringLiteral(", ")));
        break;
    case CallScriptCard::HandOver:
        l << tr("Hand-overs are normal: fatigue, a change in scope, or a better-placed commander are all reasons.")
          << tr("Brief the incoming commander outside the call first: severity, actions in flight, who is missed.")
          << tr("> Everyone on the call, be advised: at this time I am handing over command to [name].")
          << tr("The new commander then opens as at the start of a call, by name, as Incident Commander.")
          << tr("Record it: Roles ▸ Take command, or hand the role over in the role chart.");
        break;
    case CallScriptCard::ExecutiveSwoop:
        l << tr("Someone senior starts directing the call. Offer command; do not argue.")
          << tr("> Hold, please. [Name], do you wish to take over command?")
          << tr("If yes: hand over on the call, by name, as in the hand-over card.")
          << tr("If no: > Understood. I remain the Incident Commander; please keep other comments until the end.")
          << tr("Asked for information the team cannot spare? > We can get you that, or fix the incident, not both. "
                "The incident comes first.")
          << tr("Severity questioned? Severity follows the definitions; it can be reviewed in the postmortem.");
        break;
    }
    return l;
}

} // namespace cp
