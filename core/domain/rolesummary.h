#pragma once

#include "incident.h"
#include "incidentrole.h"
#include "timelineentry.h"

#include <QCoreApplication>

namespace cp {

// What the role structure says at a glance: the chat-room topic, the gaps, the overloads,
// and the briefing an incoming commander needs.
class RoleSummary
{
    Q_DECLARE_TR_FUNCTIONS(cp::RoleSummary)
public:
    // More direct reports than this and one lead cannot keep track (span of control).
    static constexpr int SpanOfControlLimit = 7;

    // "IC: Ana · Deputy: Bo · Scribe: Cy · SME: Dee, Eve" (first names; vacant roles left out).
    static QString chatTopic(const QList<IncidentRole> &roles);
    // Required roles nobody holds, the command role first.
    static QList<IncidentRole> vacantRequired(const QList<IncidentRole> &roles);
    // How many people report directly to the holders of this role (staff roles count too).
    static int directReports(const QList<IncidentRole> &roles, const QString &roleKey);
    // The roles whose direct reports exceed the limit.
    static QList<IncidentRole> overSpan(const QList<IncidentRole> &roles, int limit = SpanOfControlLimit);
    // Plain text for an incoming commander: state, who holds what, gaps, recent key events
    // and the last status report (entries newest first).
    static QString catchUp(const Incident &incident, const QList<IncidentRole> &roles,
                           const QList<TimelineEntry> &recentEntries, const QDateTime &nowUtc);
};

} // namespace cp
