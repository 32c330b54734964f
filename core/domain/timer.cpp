#include "domain/timer.h"

namespace cp {

namespace {
qint64 ms(const QDateTime &t)
{
    return t.toMSecsSinceEpoch();
}
} // namespace

TimerPhase Timer::phaseAt(const QDateTime &nowUtc) const
{
    switch (state) {
    case TimerState::Cancelled:
        return TimerPhase::Cancelled;
    case TimerState::Acknowledged:
        return TimerPhase::Acknowledged;
    case TimerState::Paused:
        return TimerPhase::Paused;
    case TimerState::Running:
        break;
    }
    if (!hasDeadline() || !deadlineAt.isValid())
        return TimerPhase::Running;
    const qint64 deadline = ms(deadlineAt);
    const qint64 now = ms(nowUtc);
    // Latched: once marked, a wall clock set back does not make it running again.
    if (now >= deadline || (expiredDeadlineAt.isValid() && ms(expiredDeadlineAt) == deadline))
        return TimerPhase::Expired;
    if (deadline - now <= warnMs)
        return TimerPhase::DueSoon;
    return TimerPhase::Running;
}

qint64 Timer::remainingMsAt(const QDateTime &nowUtc) const
{
    if (!hasDeadline())
        return 0;
    if (state == TimerState::Paused)
        return pausedMs;
    if (!deadlineAt.isValid())
        return 0;
    return ms(deadlineAt) - ms(nowUtc);
}

qint64 Timer::overdueMsAt(const QDateTime &nowUtc) const
{
    if (phaseAt(nowUtc) != TimerPhase::Expired)
        return 0;
    return qMax<qint64>(0, ms(nowUtc) - ms(deadlineAt));
}

QDateTime Timer::nextDeadlineAfter(const QDateTime &nowUtc, qint64 *skipped) const
{
    const qint64 anchor = ms(anchorAt);
    const qint64 period = qMax<qint64>(1, durationMs);
    const qint64 k = qMax<qint64>(1, (ms(nowUtc) - anchor) / period + 1);
    if (skipped)
        *skipped = k - 1;
    const qint64 next = anchor + k * period;
    if (endsAt.isValid() && next > ms(endsAt))
        return {};
    return QDateTime::fromMSecsSinceEpoch(next, Qt::UTC);
}

qint64 Timer::elapsedMsAt(const QDateTime &nowUtc) const
{
    if (state == TimerState::Paused)
        return pausedMs;
    if (!anchorAt.isValid())
        return 0;
    return qMax<qint64>(0, ms(nowUtc) - ms(anchorAt));
}

QString TimerVocabulary::kindKey(TimerKind kind)
{
    switch (kind) {
    case TimerKind::Countdown:
        return QStringLiteral("countdown");
    case TimerKind::Cadence:
        return QStringLiteral("cadence");
    case TimerKind::Stopwatch:
        return QStringLiteral("stopwatch");
    }
    return {};
}

std::optional<TimerKind> TimerVocabulary::kindFromKey(const QString &key)
{
    for (TimerKind k : {TimerKind::Countdown, TimerKind::Cadence, TimerKind::Stopwatch}) {
        if (kindKey(k) == key)
            return k;
    }
    return std::nullopt;
}

QString TimerVocabulary::kindLabel(TimerKind kind)
{
    switch (kind) {
    case TimerKind::Countdown:
        return tr("Countdown");
    case TimerKind::Cadence:
        return tr("Recurring");
    case TimerKind::Stopwatch:
        return tr("Stopwatch");
    }
    return {};
}

QDateTime Timer::snoozedUntil() const
{
    if (state != TimerState::Running || !deadlineAt.isValid() || !anchorAt.isValid())
        return {};
    // A countdown runs its length from its anchor; a cadence's deadline is its grid point.
    QDateTime scheduled;
    if (kind == TimerKind::Countdown)
        scheduled = anchorAt.addMSecs(durationMs);
    else if (kind == TimerKind::Cadence)
        scheduled = anchorAt;
    return scheduled.isValid() && deadlineAt != scheduled ? deadlineAt : QDateTime();
}

QString TimerVocabulary::stateKey(TimerState state)
{
    switch (state) {
    case TimerState::Running:
        return QStringLiteral("running");
    case TimerState::Paused:
        return QStringLiteral("paused");
    case TimerState::Acknowledged:
        return QStringLiteral("acknowledged");
    case TimerState::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

std::optional<TimerState> TimerVocabulary::stateFromKey(const QString &key)
{
    for (TimerState s : {TimerState::Running, TimerState::Paused, TimerState::Acknowledged, TimerState::Cancelled}) {
        if (stateKey(s) == key)
            return s;
    }
    return std::nullopt;
}

QString TimerVocabulary::phaseKey(TimerPhase phase)
{
    switch (phase) {
    case TimerPhase::Running:
        return QStringLiteral("running");
    case TimerPhase::DueSoon:
        return QStringLiteral("due-soon");
    case TimerPhase::Expired:
        return QStringLiteral("expired");
    case TimerPhase::Paused:
        return QStringLiteral("paused");
    case TimerPhase::Acknowledged:
        return QStringLiteral("acknowledged");
    case TimerPhase::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

QString TimerVocabulary::phaseLabel(TimerPhase phase)
{
    switch (phase) {
    case TimerPhase::Running:
        return tr("Running");
    case TimerPhase::DueSoon:
        return tr("Due soon");
    case TimerPhase::Expired:
        return tr("Expired");
    case TimerPhase::Paused:
        return tr("Paused");
    case TimerPhase::Acknowledged:
        return tr("Acknowledged");
    case TimerPhase::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

QString TimerVocabulary::clockText(qint64 milliseconds)
{
    const qint64 secs = (qMax<qint64>(0, milliseconds) + 999) / 1000;
    const qint64 h = secs / 3600;
    const qint64 m = (secs % 3600) / 60;
    const qint64 s = secs % 60;
    if (h > 0)
        return QStringLiteral("%1:%2:%3").arg(h).arg(m, 2, 10, QLatin1Char('0')).arg(s, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(m).arg(s, 2, 10, QLatin1Char('0'));
}

QString TimerVocabulary::durationText(qint64 milliseconds)
{
    const qint64 secs = qMax<qint64>(0, milliseconds) / 1000;
    const qint64 h = secs / 3600;
    const qint64 m = (secs % 3600) / 60;
    const qint64 s = secs % 60;
    QStringList parts;
    if (h > 0)
        parts << tr("%1 h").arg(h);
    if (m > 0)
        parts << tr("%1 min").arg(m);
    if (s > 0 || parts.isEmpty())
        parts << tr("%1 s").arg(s);
    return parts.join(QLatin1Char(' '));
}

} // namespace cp
