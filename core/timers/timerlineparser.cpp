#include "timerlineparser.h"

#include <QRegularExpression>

namespace cp {

std::optional<qint64> TimerLineParser::parseDuration(const QString &word)
{
    static const QRegularExpression pattern(QStringLiteral("^(?:(\\d{1,6})h)?(?:(\\d{1,6})m)?(?:(\\d{1,7})s)?$"),
                                            QRegularExpression::CaseInsensitiveOption);
    if (word.isEmpty())
        return std::nullopt;
    const QRegularExpressionMatch m = pattern.match(word);
    if (!m.hasMatch())
        return std::nullopt;
    const qint64 h = m.captured(1).toLongLong();
    const qint64 min = m.captured(2).toLongLong();
    const qint64 s = m.captured(3).toLongLong();
    return ((h * 60 + min) * 60 + s) * 1000;
}

TimerLine TimerLineParser::parse(const QString &line)
{
    TimerLine result;
    QStringList words = line.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.isEmpty()) {
        result.error = tr("Type a timer: “5m check DB SME”, “every 20m status update” or “stopwatch since declared”.");
        return result;
    }

    // The owner can stand anywhere: "5m @sme check the replica".
    for (qsizetype i = 0; i < words.size();) {
        const QString &w = words.at(i);
        if (w.size() > 1 && w.startsWith(QLatin1Char('@'))) {
            if (!result.ownerRoleKey.isEmpty()) {
                result.error = tr("Name one owner: %1 or %2.").arg(QLatin1Char('@') + result.ownerRoleKey, w);
                return result;
            }
            result.ownerRoleKey = w.mid(1).toLower();
            words.removeAt(i);
            continue;
        }
        ++i;
    }
    if (words.isEmpty()) {
        result.error = tr("Say how long and what for: “5m check DB SME”.");
        return result;
    }

    const QString first = words.takeFirst();
    QString durationWord;
    if (first.compare(QLatin1String("stopwatch"), Qt::CaseInsensitive) == 0) {
        result.kind = TimerKind::Stopwatch;
    } else if (first.compare(QLatin1String("every"), Qt::CaseInsensitive) == 0) {
        result.kind = TimerKind::Cadence;
        if (words.isEmpty()) {
            result.error = tr("Say how often: “every 20m status update”.");
            return result;
        }
        durationWord = words.takeFirst();
    } else {
        result.kind = TimerKind::Countdown;
        durationWord = first;
    }

    if (result.kind != TimerKind::Stopwatch) {
        const std::optional<qint64> ms = parseDuration(durationWord);
        if (!ms) {
            static const QRegularExpression number(QStringLiteral("^\\d+$"));
            if (number.match(durationWord).hasMatch())
                result.error = tr("“%1” needs a unit: %1m, %1s or %1h.").arg(durationWord);
            else if (result.kind == TimerKind::Cadence)
                result.error = tr("“%1” is not a period: try “every 20m” or “every 1h30m”.").arg(durationWord);
            else
                result.error = tr("Start with a duration (5m, 90s, 1h30m), “every 20m” or “stopwatch”.");
            return result;
        }
        if (*ms <= 0) {
            result.error = tr("A timer needs more than no time.");
            return result;
        }
        if (*ms > MaxDurationMs) {
            result.error = tr("%1 is longer than a week; timers are for the call.").arg(durationWord);
            return result;
        }
        result.durationMs = *ms;
    }

    result.label = words.join(QLatin1Char(' '));
    if (result.label.isEmpty()) {
        result.error =
            result.kind == TimerKind::Stopwatch
                ? tr("Say what the stopwatch counts: “stopwatch since declared”.")
                : tr("Say what the timer is for: “%1 check DB SME”.")
                      .arg(result.kind == TimerKind::Cadence ? QStringLiteral("every ") + durationWord : durationWord);
    }
    return result;
}

} // namespace cp
