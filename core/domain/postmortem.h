#pragma once

#include "incident.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace cp {

// Who owns the postmortem of an incident and when it is due (named by the IC on resolve).
struct Postmortem
{
    qint64 id = 0;
    qint64 incidentId = 0;
    QString owner;        // a person's name or handle
    QDateTime dueAt;      // UTC
    QDateTime assignedAt; // UTC: when the owner and due date were last set
    QString assignedBy;
};

// One change of an incident's own fields (severity, status, title, summary), oldest first.
struct IncidentChange
{
    qint64 id = 0;
    QDateTime changedAt; // UTC
    QString changedBy;
    QString field;
    QString oldValue;
    QString newValue;
};

// When a postmortem is due, counted from the resolution: the response guides' practice is
// 3 calendar days for SEV-1 and 5 business days for SEV-2; both are preferences.
struct PostmortemDeadlines
{
    int sev1CalendarDays = 3;
    int sev2BusinessDays = 5;
    int otherBusinessDays = 10; // SEV-3 and below

    bool operator==(const PostmortemDeadlines &) const = default;
};

class PostmortemPolicy
{
    Q_DECLARE_TR_FUNCTIONS(cp::PostmortemPolicy)
public:
    // Business days skip Saturdays and Sundays, counted on the local calendar; the time of day
    // of the resolution is kept. Returns UTC.
    static QDateTime defaultDue(Severity severity, const QDateTime &resolvedAt,
                                const PostmortemDeadlines &deadlines = {});
    static QDateTime addBusinessDays(const QDateTime &from, int days);
    // "3 calendar days" / "5 business days" for the severity.
    static QString ruleText(Severity severity, const PostmortemDeadlines &deadlines = {});
};

} // namespace cp
