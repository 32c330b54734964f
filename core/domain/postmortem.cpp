#include "postmortem.h"

namespace cp {

QDateTime PostmortemPolicy::addBusinessDays(const QDateTime &from, int days)
{
    QDateTime t = from.toLocalTime();
    int left = qMax(0, days);
    while (left > 0) {
        t = t.addDays(1);
        if (t.date().dayOfWeek() <= 5)
            --left;
    }
    return t.toUTC();
}

QDateTime PostmortemPolicy::defaultDue(Severity severity, const QDateTime &resolvedAt,
                                       const PostmortemDeadlines &deadlines)
{
    if (severity == Severity::Sev1)
        return resolvedAt.toLocalTime().addDays(qMax(0, deadlines.sev1CalendarDays)).toUTC();
    if (severity == Severity::Sev2)
        return addBusinessDays(resolvedAt, deadlines.sev2BusinessDays);
    return addBusinessDays(resolvedAt, deadlines.otherBusinessDays);
}

QString PostmortemPolicy::ruleText(Severity severity, const PostmortemDeadlines &deadlines)
{
    if (severity == Severity::Sev1) {
        const int days = deadlines.sev1CalendarDays;
        return days == 1 ? tr("1 calendar day after resolution") : tr("%1 calendar days after resolution").arg(days);
    }
    const int days = severity == Severity::Sev2 ? deadlines.sev2BusinessDays : deadlines.otherBusinessDays;
    return days == 1 ? tr("1 business day after resolution") : tr("%1 business days after resolution").arg(days);
}

} // namespace cp
