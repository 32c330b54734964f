#pragma once

#include "domain/timer.h"

#include <QHash>
#include <QObject>

#include <optional>

namespace cp {

class Clock;
class IncidentStore;

// Watches every live timer of every incident against the injected clock. The app calls tick()
// from a 1 s QTimer; tests call it by hand. Nothing is counted down here: each tick reads the
// deadlines (cached, reloaded when the store announces a timer change) against the clock.
//
// - timerDue(id) once per deadline when a timer enters its amber window;
// - timerExpired(id) once per deadline, also when the deadline passed while the laptop slept or
//   the process was not running (then on the first tick). The expiry is put on the timeline
//   through store.timers().markExpired, which logs it once whoever notices first; an expiry that
//   an earlier run (or another process) already logged before this engine saw the timer is not
//   announced again;
// - clockJumped(deltaMs) when the wall clock moved differently from the monotonic clock between
//   two ticks by more than a few seconds (NTP step, manual change, a laptop waking up).
//   Deadlines are absolute, so a jump never fires a timer twice or skips one.
class TimerEngine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimerEngine)

public:
    static constexpr qint64 JumpToleranceMs = 3000;

    TimerEngine(IncidentStore &store, const Clock &clock, QObject *parent = nullptr);

    void tick();
    // The phase of a live timer as of the last tick (Cancelled when unknown).
    TimerPhase phase(qint64 timerId) const;
    // A live timer as last read from the store (none when unknown): what an alert says, read
    // without the store, which may be a team server out of reach at that moment.
    std::optional<Timer> timer(qint64 timerId) const;
    // Milliseconds from the clock's now until the next tick would announce something (a timer
    // entering its amber window or reaching its deadline), as of the last tick; -1 if nothing
    // is ahead. The window sets a precise timer to it, so an alert is late by the timer's
    // latency, not by the tick interval.
    qint64 msUntilNextEvent() const;

signals:
    void timerDue(qint64 timerId);
    void timerExpired(qint64 timerId);
    void clockJumped(qint64 deltaMs);

private:
    struct Seen
    {
        qint64 deadlineMs = 0;
        TimerPhase phase = TimerPhase::Running;
        bool sawBeforeExpiry = false; // watched it run towards this deadline
        bool dueAnnounced = false;
        bool expiryAnnounced = false;
        bool expiryRecorded = false;
    };

    void reload();

    IncidentStore &m_store;
    const Clock &m_clock;
    QList<Timer> m_timers;
    QHash<qint64, Seen> m_seen;
    bool m_dirty = true;
    bool m_hasLastTick = false;
    qint64 m_lastWallMs = 0;
    qint64 m_lastMonotonicMs = 0;
};

} // namespace cp
