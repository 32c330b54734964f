#include "rolesummary.h"

namespace cp {

namespace {

QString firstName(const QString &name)
{
    const QString trimmed = name.trimmed();
    const qsizetype space = trimmed.indexOf(QLatin1Char(' '));
    return space > 0 ? trimmed.left(space) : trimmed;
}

QString holderNames(const IncidentRole &role, bool full)
{
    QStringList names;
    for (const RoleHolder &h : role.holders)
        names << (full ? h.name : firstName(h.name));
    return names.join(QStringLiteral(", "));
}

QString hoursMinutes(qint64 secs)
{
    return QStringLiteral("%1:%2").arg(secs / 3600).arg((secs / 60) % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

QString RoleSummary::chatTopic(const QList<IncidentRole> &roles)
{
    QStringList parts;
    for (const IncidentRole &role : roles) {
        if (!role.holders.isEmpty())
            parts << QStringLiteral("%1: %2").arg(role.definition.shortName, holderNames(role, false));
    }
    return parts.join(QStringLiteral(" · "));
}

QList<IncidentRole> RoleSummary::vacantRequired(const QList<IncidentRole> &roles)
{
    QList<IncidentRole> command;
    QList<IncidentRole> others;
    for (const IncidentRole &role : roles) {
        if (!role.isVacantRequired())
            continue;
        (role.definition.parentKey.isEmpty() ? command : others) << role;
    }
    return command + others;
}

int RoleSummary::directReports(const QList<IncidentRole> &roles, const QString &roleKey)
{
    int count = 0;
    for (const IncidentRole &role : roles) {
        if (role.definition.parentKey == roleKey)
            count += int(role.holders.size());
    }
    return count;
}

QList<IncidentRole> RoleSummary::overSpan(const QList<IncidentRole> &roles, int limit)
{
    QList<IncidentRole> over;
    for (const IncidentRole &role : roles) {
        if (directReports(roles, role.definition.key) > limit)
            over << role;
    }
    return over;
}

QString RoleSummary::catchUp(const Incident &incident, const QList<IncidentRole> &roles,
                             const QList<TimelineEntry> &recentEntries, const QDateTime &nowUtc)
{
    QStringList lines;
    lines << tr("Catch-up for the incoming commander — incident #%1: %2").arg(incident.id).arg(incident.title);
    lines << tr("State: %1, %2, running %3 (declared %4 UTC)")
                 .arg(IncidentVocabulary::severityKey(incident.severity),
                      IncidentVocabulary::statusLabel(incident.status).toLower(),
                      hoursMinutes(qMax<qint64>(0, incident.declaredAt.secsTo(nowUtc))),
                      incident.declaredAt.toUTC().toString(QStringLiteral("HH:mm")));
    if (!incident.summary.isEmpty())
        lines << tr("Summary: %1").arg(incident.summary);

    lines << QString() << tr("Roles:");
    for (const IncidentRole &role : roles) {
        const QString who = role.holders.isEmpty() ? (role.definition.required ? tr("VACANT (required)") : tr("vacant"))
                                                   : holderNames(role, true);
        lines << QStringLiteral("  %1: %2").arg(role.definition.title, who);
    }
    for (const IncidentRole &role : overSpan(roles))
        lines << tr("  Warning: %1 has %2 direct reports (more than %3)")
                     .arg(role.definition.title)
                     .arg(directReports(roles, role.definition.key))
                     .arg(SpanOfControlLimit);

    const auto lastStatus = std::find_if(recentEntries.cbegin(), recentEntries.cend(), [](const TimelineEntry &e) {
        return e.kind == EntryKind::Status && !e.retracted;
    });
    if (lastStatus != recentEntries.cend())
        lines << QString() << tr("Last status report (%1 UTC, %2): %3")
                                  .arg(lastStatus->occurredAt.toUTC().toString(QStringLiteral("HH:mm")),
                                       lastStatus->author, lastStatus->text);

    QStringList keyEvents;
    for (const TimelineEntry &e : recentEntries) {
        if (e.keyEvent && !e.retracted && keyEvents.size() < 8)
            keyEvents.prepend(QStringLiteral("  %1 %2").arg(e.occurredAt.toUTC().toString(QStringLiteral("HH:mm")), e.text));
    }
    if (!keyEvents.isEmpty())
        lines << QString() << tr("Recent key events (UTC):") << keyEvents;
    return lines.join(QLatin1Char('\n'));
}

} // namespace cp
