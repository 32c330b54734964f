#pragma once

#include "domain/incident.h"
#include "domain/timer.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QMap>

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
// The user's changes to one default: whether it starts, and its minutes (0: the built-in value).
struct TimerDefaultOverride
{
    bool enabled = true;
    int minutes = 0;           // countdown: length; cadence: period; stopwatch: unused
    int firstAfterMinutes = 0; // cadence with a first deadline of its own (the external update)

    bool isNeutral() const { return enabled && minutes == 0 && firstAfterMinutes == 0; }
    friend bool operator==(const TimerDefaultOverride &, const TimerDefaultOverride &) = default;
};

// The user's changes to the built-in defaults, per severity and per default key. GUI-free:
// kept by the GUI's preferences (and read by the CLI) as JSON text. Empty: the built-ins.
class TimerDefaultOverrides
{
public:
    static constexpr int MinMinutes = 1;
    static constexpr int MaxMinutes = 1440;

    bool isEmpty() const { return m_overrides.isEmpty(); }
    // The change to one default; a neutral one (enabled, built-in minutes) when there is none.
    TimerDefaultOverride value(Severity severity, const QString &key) const;
    // Stores a change; a neutral one removes it. Minutes outside 1…1440 are dropped (built-in).
    void set(Severity severity, const QString &key, const TimerDefaultOverride &change);
    void clear(Severity severity);
    void clear() { m_overrides.clear(); }

    // {"SEV-1": {"external-update": {"enabled": true, "minutes": 15, "firstAfterMinutes": 5}}}
    QJsonObject toJson() const;
    // Unknown severities and keys are ignored; a value of the wrong type or out of range
    // falls back to the built-in one.
    static TimerDefaultOverrides fromJson(const QJsonObject &json);
    // The JSON text as stored in the settings; anything unreadable: no overrides.
    static TimerDefaultOverrides fromText(const QString &text);
    QString toText() const;

    // Where the preferences keep the text (QSettings key, shared by the GUI and the CLI).
    static QString settingsKey();

    friend bool operator==(const TimerDefaultOverrides &, const TimerDefaultOverrides &) = default;

private:
    QMap<Severity, QMap<QString, TimerDefaultOverride>> m_overrides;
};

class TimerDefaults
{
    Q_DECLARE_TR_FUNCTIONS(cp::TimerDefaults)
public:
    static QList<TimerDefault> forSeverity(Severity severity);
    // The built-ins with the user's changes applied: a disabled default is left out, minutes
    // replace the period/length (and the first deadline of a cadence that has one of its own).
    static QList<TimerDefault> forSeverity(Severity severity, const TimerDefaultOverrides &overrides);
};

} // namespace cp
