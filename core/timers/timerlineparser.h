#pragma once

#include "domain/timer.h"

#include <QCoreApplication>

#include <optional>

namespace cp {

// A timer typed on one line, for the timers dock and the CLI:
//
//   5m check DB SME             countdown
//   90s …   1h30m …             countdown (units h, m, s, combined in that order)
//   every 20m status update     recurring cadence
//   stopwatch since declared    stopwatch
//   @sme anywhere in the label  owner role key
struct TimerLine
{
    QString error; // empty when the line parsed
    TimerKind kind = TimerKind::Countdown;
    qint64 durationMs = 0; // countdown: length; cadence: period; stopwatch: 0
    QString label;
    QString ownerRoleKey;

    bool isValid() const { return error.isEmpty(); }
};

class TimerLineParser
{
    Q_DECLARE_TR_FUNCTIONS(cp::TimerLineParser)
public:
    static TimerLine parse(const QString &line);
    // "5m", "90s", "1h30m" → milliseconds; nullopt when it is not a duration.
    static std::optional<qint64> parseDuration(const QString &word);
    static constexpr qint64 MaxDurationMs = 7LL * 24 * 3600 * 1000;
};

} // namespace cp
