#include "statusreport.h"

#include "db/incidentstore.h"

namespace cp {

namespace {

QString clock(const QDateTime &t, const QTimeZone &zone)
{
    const QDateTime local = t.toTimeZone(zone);
    const QString name = zone == QTimeZone(Qt::UTC) ? QStringLiteral("UTC") : zone.abbreviation(t);
    return local.toString(QStringLiteral("HH:mm")) + QLatin1Char(' ') + name;
}

QString elapsed(qint64 ms)
{
    const qint64 minutes = qMax<qint64>(0, ms) / 60000;
    return QStringLiteral("T+%1:%2")
        .arg(minutes / 60, 2, 10, QLatin1Char('0'))
        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

QList<Timer> StatusReport::statusCadences(const QList<Timer> &timers)
{
    QList<Timer> list;
    for (const Timer &t : timers) {
        const bool update = t.defaultKey == QLatin1String("internal-update") ||
                            t.defaultKey == QLatin1String("external-update") ||
                            t.label.contains(QLatin1String("status"), Qt::CaseInsensitive);
        if (t.kind == TimerKind::Cadence && t.isLive() && update)
            list << t;
    }
    std::stable_sort(list.begin(), list.end(), [](const Timer &a, const Timer &b) {
        if (a.deadlineAt.isValid() != b.deadlineAt.isValid())
            return a.deadlineAt.isValid(); // a paused cadence is due at no particular time
        return a.deadlineAt < b.deadlineAt;
    });
    return list;
}

Timer StatusReport::statusCadence(const QList<Timer> &timers)
{
    return statusCadences(timers).value(0);
}

Result<StatusReportFacts> StatusReport::gather(const IncidentStore &store, qint64 incidentId)
{
    StatusReportFacts facts;
    auto incident = store.incidents().incident(incidentId);
    if (!incident)
        return incident.error();
    facts.incident = *incident;
    auto rounds = store.rollCalls().rounds(incidentId);
    if (!rounds)
        return rounds.error();
    if (!rounds->isEmpty()) {
        facts.roundNumber = rounds->last().number;
        // The latest answer of each role and person, from any round: the freshest picture.
        auto items = store.rollCalls().items(incidentId);
        if (!items)
            return items.error();
        QHash<QString, RollCallItem> latest;
        QStringList order;
        for (const RollCallItem &i : std::as_const(*items)) {
            if (i.state != RollCallItemState::Answered)
                continue;
            const QString key = i.roleKey + QLatin1Char('/') + QString::number(i.personId);
            if (!latest.contains(key))
                order << key;
            latest.insert(key, i);
        }
        for (const QString &key : std::as_const(order)) {
            if (latest.value(key).report.condition != Condition::Healthy)
                facts.troubled << latest.value(key);
        }
    }
    auto actions = store.rollCalls().actions(incidentId);
    if (!actions)
        return actions.error();
    for (const IncidentAction &a : std::as_const(*actions)) {
        if (a.isOpen())
            facts.openActions << a;
    }
    auto decisions = store.rollCalls().decisions(incidentId);
    if (!decisions)
        return decisions.error();
    facts.decisions = *decisions;
    auto timers = store.timers().list(incidentId);
    if (!timers)
        return timers.error();
    facts.cadences = statusCadences(*timers);
    facts.cadence = facts.cadences.value(0);
    return facts;
}

QString StatusReport::draft(const StatusReportFacts &f, const QDateTime &nowUtc, const QTimeZone &zone)
{
    QStringList lines;
    lines << tr("Status update — %1, %2 — %3 (%4)")
                 .arg(IncidentVocabulary::severityKey(f.incident.severity),
                      IncidentVocabulary::statusLabel(f.incident.status).toLower(), clock(nowUtc, zone),
                      elapsed(f.incident.declaredAt.msecsTo(nowUtc)));
    lines << f.incident.title;
    lines << QString();
    QString affected = f.incident.summary.trimmed();
    if (affected.isEmpty())
        affected = tr("(say what is affected and for whom)");
    lines << tr("What is affected: %1").arg(affected);
    if (!f.troubled.isEmpty()) {
        QStringList reports;
        for (const RollCallItem &i : f.troubled)
            reports << tr("%1 reports %2").arg(i.label(), RollCallVocabulary::reportLine(i.report));
        lines << tr("From the roll call: %1.").arg(reports.join(QStringLiteral("; ")));
    } else if (f.roundNumber > 0) {
        lines << tr("From the roll call: every role that answered reports healthy.");
    }
    lines << QString();
    if (f.openActions.isEmpty()) {
        lines << tr("Current actions: none open.");
    } else {
        lines << tr("Current actions:");
        for (const IncidentAction &a : f.openActions) {
            const QString owner = a.ownerName.isEmpty() ? tr("no owner yet") : a.ownerName;
            lines << tr("  • %1 — %2, %3").arg(a.text, owner, ActionVocabulary::statusLabel(a.status).toLower());
        }
    }
    QStringList adopted;
    for (const Decision &d : f.decisions) {
        if (d.outcome == DecisionOutcome::Adopted)
            adopted << d.proposal;
    }
    if (!adopted.isEmpty())
        lines << tr("Decided: %1.").arg(adopted.join(QStringLiteral("; ")));
    lines << QString();
    if (f.cadence.id > 0 && f.cadence.durationMs > 0) {
        // Sending this report restarts the cadence: the next one is a period from now.
        const QDateTime next = nowUtc.addMSecs(f.cadence.durationMs);
        lines << tr("Next check-in: %1 (in %2).")
                     .arg(clock(next, zone), TimerVocabulary::durationText(f.cadence.durationMs));
    } else {
        lines << tr("Next check-in: (say when)");
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace cp
