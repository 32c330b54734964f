#pragma once

#include "db/storeerror.h"
#include "domain/incident.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QStringList>

namespace cp {

class IncidentStore;

// The IC's call-script cards: what to say at the start of the call, during a roll call, for a
// status update, when handing over command, and when an executive swoops in. Written for this
// program from the practice of the response guides; the live facts of the incident are filled in.
enum class CallScriptCard
{
    StartOfCall,
    RollCall,
    StatusUpdate,
    HandOver,
    ExecutiveSwoop
};

struct CallScriptContext
{
    QString commander; // who holds the command role; empty: nobody
    QString deputy;
    Severity severity = Severity::Sev3;
    IncidentStatus status = IncidentStatus::Investigating;
    qint64 minutesSinceDeclared = 0;
    int rounds = 0; // roll calls so far
    bool roundOpen = false;
    QStringList toCall; // the open round's items still waiting
    QStringList missed; // the missed list
    int openActions = 0;
    bool statusUpdateDue = false; // the status cadence is due soon or expired
    bool handOverDue = false;     // the IC hand-over prompt is due soon or expired
};

class CallScripts
{
    Q_DECLARE_TR_FUNCTIONS(cp::CallScripts)
public:
    static QList<CallScriptCard> allCards();
    static QString key(CallScriptCard card); // "start-of-call"
    static QString title(CallScriptCard card);
    static Result<CallScriptContext> context(const IncidentStore &store, qint64 incidentId, const QDateTime &nowUtc);
    // The card the incident's state calls for (the executive swoop is only ever chosen by hand).
    static CallScriptCard suggested(const CallScriptContext &context);
    // The card's lines: said aloud ("> …") and reminders, with the facts filled in.
    static QStringList lines(CallScriptCard card, const CallScriptContext &context);
};

} // namespace cp
