#pragma once

#include "domain/incident.h"
#include "timer.h"

#include <QCoreApplication>
#include <QList>

namespace cp {

// One timer the practice asks for when an incident is declared.
struct TimerDefault
{
    QString key; // stable: "external-update", "elapsed-callout" …; kept on the timer
    TimerKind kind = TimerKind::Cadence;
    QString label;
    QString ownerRoleKey;
    qint64 durationMs = 0;      // countdown: length; cadence: period
    qint64 firstAfterMs = 0;    // cadence: first deadline after the start; 0: one period
    qint64 endsAfterMs = 0;     // cadence: stops this long after the start; 0: never
    bool sinceDeclared = false; // stopwatch: counts from the declaration, not from now
};

// The communications and command cadences of the response guides, by severity:
//
//   SEV-1, SEV-2  time since declared (stopwatch); external update first within 5 min, then every
//                 20 min for the first 2 h; scoping post 5 min after the first one (countdown,
//                 10 min); internal/executive update every 30 min; elapsed-time callout every
//                 10 min (Deputy); IC hand-over prompt every 60 min; IC hard limit at 3 h.
//   SEV-3         time since declared; internal/executive update every 30 min; IC hand-over
//                 prompt every 60 min; IC hard limit at 3 h.
//   SEV-4, SEV-5  time since declared; internal update every 60 min.
class TimerDefaults
{
    Q_DECLARE_TR_FUNCTIONS(cp::TimerDefaults)
public:
    static QList<TimerDefault> forSeverity(Severity severity);
};

} // namespace cp
