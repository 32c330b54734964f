#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace cp {

enum class TimerKind
{
    Countdown,
    Cadence,
    Stopwatch
};

// What the store keeps. "Due soon" and "expired" are not stored: they follow from the deadline
// and the clock (expired is latched once the store marked the deadline as expired).
enum class TimerState
{
    Running,
    Paused,
    Acknowledged,
    Cancelled
};

// What a person sees now: the stored state read against the clock.
enum class TimerPhase
{
    Running,
    DueSoon,
    Expired,
    Paused,
    Acknowledged,
    Cancelled
};

constexpr qint64 DefaultTimerWarnMs = 60 * 1000; // amber a minute before the limit

// A countdown, a recurring cadence or a stopwatch of one incident. Deadlines are absolute UTC
// instants; what is left is always computed from the clock, never counted down.
struct Timer
{
    qint64 id = 0;
    qint64 incidentId = 0;
    TimerKind kind = TimerKind::Countdown;
    QString label;
    QString ownerRoleKey; // empty: nobody in particular
    qint64 entryId = 0;   // the timeline entry it belongs to; 0: none
    TimerState state = TimerState::Running;
    qint64 durationMs = 0; // countdown: its length; cadence: the period; stopwatch: 0
    qint64 warnMs = DefaultTimerWarnMs;
    // Countdown: when it was (re)started. Cadence: the schedule's grid point that the current
    // deadline belongs to (a snooze moves the deadline, not the grid). Stopwatch: counting since.
    QDateTime anchorAt;
    QDateTime deadlineAt;        // null for a stopwatch and while paused
    qint64 pausedMs = 0;         // while paused: the time left (stopwatch: the time counted)
    QDateTime endsAt;            // cadence: no deadline after this; null: runs until stopped
    QDateTime expiredDeadlineAt; // the deadline whose expiry is on the timeline
    QString defaultKey;          // which default of TimerDefaults created it; empty: by hand
    QDateTime createdAt;
    QString createdBy;

    bool hasDeadline() const { return kind != TimerKind::Stopwatch; }
    bool isLive() const { return state == TimerState::Running || state == TimerState::Paused; }
    // The tag its timeline entries carry ("timer-12"), so its history can be found.
    QStringList entryTags() const { return {tag(id)}; }
    static QString tag(qint64 timerId) { return QStringLiteral("timer-%1").arg(timerId); }
    TimerPhase phaseAt(const QDateTime &nowUtc) const;
    // Signed: negative once the deadline has passed. Frozen while paused. Stopwatch: 0.
    qint64 remainingMsAt(const QDateTime &nowUtc) const;
    qint64 overdueMsAt(const QDateTime &nowUtc) const; // 0 unless expired
    qint64 elapsedMsAt(const QDateTime &nowUtc) const; // stopwatch: counted so far
    // A running countdown or cadence whose deadline is off its schedule was snoozed to it: that
    // deadline. Null otherwise.
    QDateTime snoozedUntil() const;
    // Cadence: the first point of its schedule (anchor + k·period, k ≥ 1) after nowUtc. Periods
    // missed meanwhile are skipped, not owed (skipped counts them), so the schedule never drifts
    // by the reaction time. Null when that point is past the cadence's end.
    QDateTime nextDeadlineAfter(const QDateTime &nowUtc, qint64 *skipped = nullptr) const;
};

// Options shared by every way of starting a timer.
struct TimerOptions
{
    QString ownerRoleKey;
    qint64 entryId = 0;
    qint64 warnMs = DefaultTimerWarnMs;
    qint64 firstAfterMs = 0; // cadence: first deadline this long after the start; 0: one period
    QDateTime since;         // stopwatch: counting since this instant; null: now
    QDateTime endsAt;        // cadence: stop scheduling after this; null: never
    QString defaultKey;      // set by startDefaultTimers
};

// Stable keys (database, CLI, files) and labels (people).
class TimerVocabulary
{
    Q_DECLARE_TR_FUNCTIONS(cp::TimerVocabulary)
public:
    static QString kindKey(TimerKind kind); // "countdown", "cadence", "stopwatch"
    static std::optional<TimerKind> kindFromKey(const QString &key);
    static QString kindLabel(TimerKind kind);
    static QString stateKey(TimerState state); // "running", "paused", "acknowledged", "cancelled"
    static std::optional<TimerState> stateFromKey(const QString &key);
    static QString phaseKey(TimerPhase phase); // the state keys plus "due-soon", "expired"
    static QString phaseLabel(TimerPhase phase);
    // "0:45", "3:00", "1:30:00": whole seconds, rounded up (a countdown shows 0:01 until it is due).
    static QString clockText(qint64 ms);
    // "3 min", "90 s", "1 h 30 min": for timeline entries.
    static QString durationText(qint64 ms);
};

} // namespace cp
