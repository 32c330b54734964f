#pragma once

#include "domain/incident.h"
#include "domain/timer.h"
#include "domain/timerdefaults.h"
#include "storesession.h"

#include <QObject>

#include <functional>

namespace cp {

class TimelineRepository;

// Countdowns, cadences and stopwatches. Deadlines are absolute UTC instants computed from the
// injected clock. Every start, expiry, acknowledgement, snooze, pause, resume, restart and cancel
// is a Timer entry on the timeline; each command announces timerChanged(incidentId, timerId).
class TimerRepository final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimerRepository)

public:
    TimerRepository(StoreSession &session, TimelineRepository &timeline, QObject *parent = nullptr);

    Result<qint64> startCountdown(qint64 incidentId, const QString &label, qint64 durationMs,
                                  const TimerOptions &options, const QString &author);
    Result<qint64> startCadence(qint64 incidentId, const QString &label, qint64 periodMs, const TimerOptions &options,
                                const QString &author);
    Result<qint64> startStopwatch(qint64 incidentId, const QString &label, const TimerOptions &options,
                                  const QString &author);
    // The SEV-dependent defaults of TimerDefaults, all in one transaction and one timeline entry
    // naming them all. A default the incident already runs (not cancelled) is not started twice.
    // Returns the new timers' ids.
    Result<QList<qint64>> startDefaults(qint64 incidentId, Severity severity, const QString &author);
    // The same for a list of defaults of the caller's choosing (e.g. with the user's overrides
    // applied: TimerDefaults::forSeverity(severity, overrides)).
    Result<QList<qint64>> startDefaults(qint64 incidentId, const QList<TimerDefault> &defaults, const QString &author);
    StoreError pause(qint64 timerId, const QString &author);               // time left is frozen
    StoreError resume(qint64 timerId, const QString &author);              // deadline = now + time left
    StoreError snooze(qint64 timerId, int minutes, const QString &author); // deadline = now + N min
    // Countdown: done. Cadence: the next deadline on the schedule's grid (Timer::acknowledged).
    StoreError acknowledge(qint64 timerId, const QString &author);
    // Countdown: now + duration. Cadence: a new schedule from now (now + period). Stopwatch: from now.
    StoreError restart(qint64 timerId, const QString &author);
    StoreError cancel(qint64 timerId, const QString &author);
    // Logs the expiry of the current deadline once, dated at the deadline, authored by the system
    // whoever notices first. True when this call logged it; false when it was already logged or is
    // not due.
    Result<bool> markExpired(qint64 timerId);
    Result<QList<Timer>> list(qint64 incidentId) const; // in start order
    Result<QList<Timer>> live() const;                  // running or paused, every incident
    Result<Timer> timer(qint64 timerId) const;

    // Inside another repository's transaction.
    Result<Timer> timerInTx(WriteTransaction &tx, qint64 timerId);
    // Logs "Timer started: …" on the timeline, or, given `started`, leaves the entry to the caller
    // and sets it to what was started ("“label” — every 20 min (owner: …)").
    Result<qint64> insertTimer(WriteTransaction &tx, qint64 incidentId, TimerKind kind, const QString &label,
                               qint64 durationMs, const TimerOptions &options, const QString &author,
                               QString *started = nullptr);
    StoreError saveTimer(WriteTransaction &tx, const Timer &timer);
    // An expiry that happened but is not on the timeline yet is logged, dated at the deadline.
    StoreError logPendingExpiry(WriteTransaction &tx, Timer &timer);

signals:
    void timerChanged(qint64 incidentId, qint64 timerId); // started, or its state or deadline changed

private:
    void announce(const StoreChange &change);
    // The one transaction behind startCountdown, startCadence and startStopwatch.
    Result<qint64> startTimer(TimerKind kind, const QString &doing, qint64 incidentId, const QString &label,
                              qint64 durationMs, const TimerOptions &options, const QString &author);
    // Loads the timer, logs an expiry nobody noticed yet, lets 'change' edit it and name the
    // entry text (an error refuses), then saves, logs and commits.
    StoreError changeTimer(qint64 timerId, const QString &author, const QString &doing,
                           const std::function<Result<QString>(Timer &)> &change);

    StoreSession &m_session;
    TimelineRepository &m_timeline;
};

} // namespace cp
