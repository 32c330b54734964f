#include "timerdefaults.h"

namespace cp {

namespace {
constexpr qint64 Minute = 60 * 1000;
}

QList<TimerDefault> TimerDefaults::forSeverity(Severity severity)
{
    const TimerDefault sinceDeclared{
        QStringLiteral("since-declared"), TimerKind::Stopwatch, tr("Since declared"), QString(), 0, 0, 0, true};
    const TimerDefault internal30{QStringLiteral("internal-update"),
                                  TimerKind::Cadence,
                                  tr("Internal and executive update"),
                                  QStringLiteral("internal-liaison"),
                                  30 * Minute,
                                  0,
                                  0,
                                  false};
    const TimerDefault handOver{QStringLiteral("ic-handover"),
                                TimerKind::Cadence,
                                tr("IC hand-over check"),
                                QStringLiteral("ic"),
                                60 * Minute,
                                0,
                                0,
                                false};
    const TimerDefault handOverLimit{QStringLiteral("ic-hard-limit"),
                                     TimerKind::Countdown,
                                     tr("IC hand-over hard limit"),
                                     QStringLiteral("ic"),
                                     180 * Minute,
                                     0,
                                     0,
                                     false};
    switch (severity) {
    case Severity::Sev1:
    case Severity::Sev2:
        return {
            sinceDeclared,
            {QStringLiteral("external-update"), TimerKind::Cadence, tr("External status update"),
             QStringLiteral("customer-liaison"), 20 * Minute, 5 * Minute, 120 * Minute, false},
            {QStringLiteral("scoping-post"), TimerKind::Countdown, tr("External scoping post"),
             QStringLiteral("customer-liaison"), 10 * Minute, 0, 0, false},
            internal30,
            {QStringLiteral("elapsed-callout"), TimerKind::Cadence, tr("Elapsed-time callout"),
             QStringLiteral("deputy"), 10 * Minute, 0, 0, false},
            handOver,
            handOverLimit,
        };
    case Severity::Sev3:
        return {sinceDeclared, internal30, handOver, handOverLimit};
    case Severity::Sev4:
    case Severity::Sev5:
        break;
    }
    TimerDefault internal60 = internal30;
    internal60.label = tr("Internal update");
    internal60.durationMs = 60 * Minute;
    return {sinceDeclared, internal60};
}

} // namespace cp
