#include "replayscript.h"

#include <QLocale>
#include <QSet>

#include <algorithm>

namespace cp {

namespace {

// A system entry this close to a severity or status change is that change's own entry.
constexpr qint64 SameMomentMs = 2000;

QString hhmm(const QDateTime &at)
{
    return at.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
}

} // namespace

ReplayScript::ReplayScript(ReplaySource source) : m_source(std::move(source))
{
    const ReplaySource &s = m_source;
    for (const TimelineEntry &e : s.entries) {
        if (e.kind == EntryKind::System && e.keyEvent &&
            qAbs(e.occurredAt.msecsTo(s.incident.declaredAt)) < SameMomentMs) {
            m_declarationEntryId = e.id;
            break;
        }
    }
    // A round's time-box is started by the round itself.
    QSet<qint64> roundTimers;
    for (const RollCall &r : s.rollCalls) {
        if (r.timerId > 0)
            roundTimers.insert(r.timerId);
    }
    for (int i = 0; i < s.timers.size(); ++i) {
        const Timer &t = s.timers.at(i);
        if (roundTimers.contains(t.id))
            continue;
        m_steps.append({ReplayStep::Kind::TimerStart, t.createdAt, i, -1,
                        tr("%1 timer started: %2").arg(hhmm(t.createdAt), t.label)});
        const QDateTime settled = s.timerSettledAt.value(t.id);
        if (t.state != TimerState::Running && settled.isValid() && settled > t.createdAt) {
            m_steps.append({ReplayStep::Kind::TimerSettle, settled, i, -1,
                            tr("%1 timer %2: %3").arg(hhmm(settled), TimerVocabulary::stateKey(t.state), t.label)});
        }
    }
    QSet<int> takenOver;
    for (int i = 0; i < s.assignments.size(); ++i) {
        const Assignment &a = s.assignments.at(i);
        if (!a.endedAt.isValid())
            continue;
        int successor = -1;
        for (int j = 0; j < s.assignments.size(); ++j) {
            const Assignment &b = s.assignments.at(j);
            if (j != i && b.roleId == a.roleId && !takenOver.contains(j) &&
                qAbs(b.startedAt.msecsTo(a.endedAt)) < SameMomentMs && b.startedAt >= a.startedAt) {
                successor = j;
                break;
            }
        }
        if (successor >= 0 && a.endReason == QLatin1String("handed-over")) {
            takenOver.insert(successor);
            m_steps.append(
                {ReplayStep::Kind::HandOver, a.endedAt, i, successor,
                 tr("%1 %2 handed over: %3 → %4")
                     .arg(hhmm(a.endedAt), a.roleTitle, a.personName, s.assignments.at(successor).personName)});
        } else {
            m_steps.append({ReplayStep::Kind::Release, a.endedAt, i, -1,
                            tr("%1 %2 released: %3").arg(hhmm(a.endedAt), a.roleTitle, a.personName)});
        }
    }
    for (int i = 0; i < s.assignments.size(); ++i) {
        if (takenOver.contains(i))
            continue;
        const Assignment &a = s.assignments.at(i);
        m_steps.append({ReplayStep::Kind::Assign, a.startedAt, i, -1,
                        tr("%1 %2: %3").arg(hhmm(a.startedAt), a.roleTitle, a.personName)});
    }
    for (int i = 0; i < s.changes.size(); ++i) {
        const IncidentFieldChange &c = s.changes.at(i);
        if (c.field == QLatin1String("severity"))
            m_steps.append({ReplayStep::Kind::Severity, c.at, i, -1,
                            tr("%1 severity %2 → %3").arg(hhmm(c.at), c.oldValue, c.newValue)});
        else if (c.field == QLatin1String("status"))
            m_steps.append({ReplayStep::Kind::Status, c.at, i, -1,
                            tr("%1 status %2 → %3").arg(hhmm(c.at), c.oldValue, c.newValue)});
    }
    for (int i = 0; i < s.rollCalls.size(); ++i) {
        const RollCall &r = s.rollCalls.at(i);
        m_steps.append({ReplayStep::Kind::RollCallStart, r.startedAt, i, -1,
                        tr("%1 roll call %2 started").arg(hhmm(r.startedAt)).arg(r.number)});
        for (int j = 0; j < s.rollCallItems.size(); ++j) {
            const RollCallItem &item = s.rollCallItems.at(j);
            if (item.rollCallId != r.id)
                continue;
            if (item.state == RollCallItemState::Answered && item.answeredAt.isValid())
                m_steps.append(
                    {ReplayStep::Kind::RollCallItem, item.answeredAt, j, i,
                     tr("%1 %2 answered: %3")
                         .arg(hhmm(item.answeredAt), item.label(), RollCallVocabulary::reportLine(item.report))});
            else if ((item.state == RollCallItemState::NoAnswer || item.state == RollCallItemState::Skipped) &&
                     item.askedAt.isValid() &&
                     // a mark made as the round closed was still made before the close
                     (!r.endedAt.isValid() || item.askedAt <= r.endedAt) &&
                     // still waiting when the round closed: the close itself marks it missed
                     !(r.endedAt.isValid() && item.askedAt <= r.startedAt))
                m_steps.append(
                    {ReplayStep::Kind::RollCallItem, item.askedAt, j, i,
                     tr("%1 %2: %3")
                         .arg(hhmm(item.askedAt), item.label(), RollCallVocabulary::stateLabel(item.state))});
            if (item.clearedAt.isValid() && item.clearedReason == QLatin1String("dismissed"))
                m_steps.append({ReplayStep::Kind::RollCallDismiss, item.clearedAt, j, i,
                                tr("%1 %2 dismissed from the missed list").arg(hhmm(item.clearedAt), item.label())});
        }
        if (r.endedAt.isValid())
            m_steps.append({ReplayStep::Kind::RollCallEnd, r.endedAt, i, -1,
                            tr("%1 roll call %2 closed").arg(hhmm(r.endedAt)).arg(r.number)});
    }
    for (int i = 0; i < s.entries.size(); ++i) {
        const TimelineEntry &e = s.entries.at(i);
        if (e.retracted || retold(e))
            continue;
        m_steps.append({ReplayStep::Kind::Entry, e.occurredAt, i, -1,
                        QStringLiteral("%1 %2").arg(hhmm(e.occurredAt), e.text.simplified())});
    }
    // A hand-over ends one stretch and starts the next at the same moment: keep releases before
    // assignments, and otherwise the order things were recorded in.
    std::stable_sort(m_steps.begin(), m_steps.end(),
                     [](const ReplayStep &a, const ReplayStep &b) { return a.at < b.at; });
}

bool ReplayScript::retold(const TimelineEntry &entry) const
{
    if (entry.kind == EntryKind::Role || entry.kind == EntryKind::Timer)
        return true;
    if (entry.kind == EntryKind::RollCall && !m_source.rollCalls.isEmpty())
        return true;
    if (entry.kind != EntryKind::System)
        return false;
    // Resolving writes its own acknowledgements when the replay resolves; the postmortem comes
    // after the call the replay tells.
    if (entry.tags.contains(QLatin1String("resolve-checklist")) || entry.tags.contains(QLatin1String("postmortem")))
        return true;
    // The declaration is written again when the replayed incident is declared.
    if (entry.id == m_declarationEntryId)
        return true;
    for (const IncidentFieldChange &c : m_source.changes) {
        if ((c.field == QLatin1String("severity") || c.field == QLatin1String("status")) &&
            qAbs(c.at.msecsTo(entry.occurredAt)) < SameMomentMs && entry.keyEvent)
            return true;
    }
    return false;
}

QString ReplayScript::declaredBy() const
{
    for (const TimelineEntry &e : m_source.entries) {
        if (e.id == m_declarationEntryId)
            return e.author;
    }
    return m_source.entries.isEmpty() ? QString() : m_source.entries.constFirst().author;
}

QString ReplayScript::markedBy(const RollCallItem &item) const
{
    for (const TimelineEntry &e : m_source.entries) {
        if (e.kind == EntryKind::RollCall && qAbs(e.occurredAt.msecsTo(item.askedAt)) < SameMomentMs &&
            e.text.contains(item.label()) && !e.text.contains(QLatin1String(" closed")))
            return e.author;
    }
    for (const RollCall &r : m_source.rollCalls) {
        if (r.id == item.rollCallId)
            return r.startedBy;
    }
    return {};
}

QString ReplayScript::reopenReason(const IncidentFieldChange &change) const
{
    for (const TimelineEntry &e : m_source.entries) {
        if (e.kind == EntryKind::System && qAbs(e.occurredAt.msecsTo(change.at)) < SameMomentMs &&
            e.text.startsWith(QLatin1String("Incident reopened")) && e.text.contains(QStringLiteral(" — ")))
            return e.text.section(QStringLiteral(" — "), -1).trimmed();
    }
    return {};
}

Severity ReplayScript::initialSeverity() const
{
    for (const IncidentFieldChange &c : m_source.changes) {
        if (c.field == QLatin1String("severity"))
            return IncidentVocabulary::severityFromKey(c.oldValue).value_or(m_source.incident.severity);
    }
    return m_source.incident.severity;
}

QDateTime ReplayScript::startUtc() const
{
    QDateTime start = m_source.incident.declaredAt;
    if (!m_steps.isEmpty() && m_steps.constFirst().at < start)
        start = m_steps.constFirst().at;
    return start;
}

QDateTime ReplayScript::endUtc() const
{
    QDateTime end = m_source.incident.resolvedAt.isValid() ? m_source.incident.resolvedAt : startUtc();
    if (!m_steps.isEmpty() && m_steps.constLast().at > end)
        end = m_steps.constLast().at;
    return end;
}

RoleTemplate ReplayScript::roleTemplate() const
{
    RoleTemplate t;
    t.key = m_source.incident.templateKey.isEmpty() ? QStringLiteral("replay") : m_source.incident.templateKey;
    t.name = tr("As in incident #%1").arg(m_source.incident.id);
    for (const IncidentRole &role : m_source.roles)
        t.roles << role.definition;
    return t;
}

int ReplayScript::stepsUntil(const QDateTime &at) const
{
    const auto it = std::upper_bound(m_steps.cbegin(), m_steps.cend(), at,
                                     [](const QDateTime &t, const ReplayStep &s) { return t < s.at; });
    return static_cast<int>(it - m_steps.cbegin());
}

} // namespace cp
