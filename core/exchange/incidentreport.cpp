#include "incidentreport.h"

#include "db/incidentstore.h"

#include <QRegularExpression>
#include <QSet>

namespace cp {

namespace {

constexpr int ReportPageRows = 5000;

// GitHub-flavoured Markdown escapes only what would otherwise become markup, so a chat tool
// that shows the source reads the same words ("Fix #123", "a_b", "[retracted]").
QString mdInline(const QString &text, bool tableCell = false)
{
    QString out;
    out.reserve(text.size() + 8);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const QChar prev = i > 0 ? text.at(i - 1) : QChar();
        const QChar next = i + 1 < text.size() ? text.at(i + 1) : QChar();
        bool escape = false;
        switch (c.unicode()) {
        case '\\': // only before punctuation, where it would escape it
            escape = next.unicode() < 128 && next.isPunct();
            break;
        case '*':
        case '`':
            escape = true;
            break;
        case '_': // emphasis only at a word's edge
            escape = !(prev.isLetterOrNumber() && next.isLetterOrNumber());
            break;
        case '~': // strikethrough
            escape = next == QLatin1Char('~') || prev == QLatin1Char('~');
            break;
        case ']': // a link or a reference: "](", "][", "]:"
            escape = next == QLatin1Char('(') || next == QLatin1Char('[') || next == QLatin1Char(':');
            break;
        case '<': // an HTML tag or an autolink
            escape =
                next.isLetter() || next == QLatin1Char('/') || next == QLatin1Char('!') || next == QLatin1Char('?');
            break;
        case '&': { // an entity: "&amp;", "&#35;" (not "AT&T")
            qsizetype end = i + 1;
            while (end < text.size() && end - i <= 32 &&
                   (text.at(end).isLetterOrNumber() || text.at(end) == QLatin1Char('#')))
                ++end;
            escape = end > i + 1 && end < text.size() && text.at(end) == QLatin1Char(';');
            break;
        }
        case '|':
            escape = tableCell;
            break;
        case '\n':
            out += QLatin1Char(' ');
            continue;
        default:
            break;
        }
        if (escape)
            out += QLatin1Char('\\');
        out += c;
    }
    return out;
}

// The same at the start of a block, where "#", ">", "-", "+", "=" or "1." would start a
// heading, a quote, a list or an underline.
QString mdEscape(const QString &text)
{
    QString out = mdInline(text);
    static const QRegularExpression blockStart(QStringLiteral("^(\\s*)([#>+=-]|\\d{1,9}(?=[.)]))"));
    const QRegularExpressionMatch m = blockStart.match(out);
    if (m.hasMatch()) {
        const qsizetype at = m.capturedEnd(0);
        if (m.captured(2).at(0).isDigit())
            out.insert(at, QLatin1Char('\\'));
        else
            out.insert(m.capturedStart(2), QLatin1Char('\\'));
    }
    return out;
}

QString htmlText(const QString &text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

QString historyLabel(const IncidentChange &c)
{
    if (c.field == QLatin1String("status")) {
        auto from = IncidentVocabulary::statusFromKey(c.oldValue);
        auto to = IncidentVocabulary::statusFromKey(c.newValue);
        return IncidentReport::tr("Status: %1 → %2")
            .arg(from ? IncidentVocabulary::statusLabel(*from) : c.oldValue,
                 to ? IncidentVocabulary::statusLabel(*to) : c.newValue);
    }
    if (c.field == QLatin1String("severity"))
        return IncidentReport::tr("Severity: %1 → %2").arg(c.oldValue, c.newValue);
    if (c.field == QLatin1String("title"))
        return IncidentReport::tr("Title: “%1”").arg(c.newValue);
    return IncidentReport::tr("Summary updated");
}

} // namespace

void ReportDocument::bullets(const QStringList &items)
{
    ReportBlock b{ReportBlock::Kind::Bullets};
    b.items = items;
    blocks << b;
}

void ReportDocument::table(const QStringList &header, const QList<QStringList> &rows)
{
    ReportBlock b{ReportBlock::Kind::Table};
    b.header = header;
    b.rows = rows;
    blocks << b;
}

void ReportDocument::fields(const QStringList &labels, const QStringList &values)
{
    ReportBlock b{ReportBlock::Kind::Fields};
    b.items = labels;
    b.values = values;
    blocks << b;
}

Result<IncidentReport> IncidentReport::build(const IncidentStore &store, qint64 incidentId, const QDateTime &nowUtc,
                                             const QTimeZone &zone)
{
    IncidentReport report;
    report.generatedAt = nowUtc.toUTC();
    report.zone = zone.isValid() ? zone : QTimeZone::utc();
    auto incident = store.incidents().incident(incidentId);
    if (!incident)
        return incident.error();
    report.incident = *incident;
    auto history = store.incidents().history(incidentId);
    if (!history)
        return history.error();
    report.history = *history;

    TimelinePage page;
    page.incidentId = incidentId;
    page.oldestFirst = true;
    page.limit = ReportPageRows;
    for (;;) {
        auto rows = store.timeline().entries(page);
        if (!rows)
            return rows.error();
        report.timeline << *rows;
        if (rows->size() < page.limit)
            break;
        page.hasCursor = true;
        page.cursorOccurredMs = rows->constLast().occurredAt.toMSecsSinceEpoch();
        page.cursorId = rows->constLast().id;
    }
    auto roles = store.roles().list(incidentId);
    if (!roles)
        return roles.error();
    report.roles = *roles;
    auto assignments = store.roles().assignmentHistory(incidentId);
    if (!assignments)
        return assignments.error();
    report.assignments = *assignments;
    auto timers = store.timers().list(incidentId);
    if (!timers)
        return timers.error();
    report.timers = *timers;
    auto rollCalls = store.rollCalls().rounds(incidentId);
    if (!rollCalls)
        return rollCalls.error();
    report.rollCalls = *rollCalls;
    auto items = store.rollCalls().items(incidentId);
    if (!items)
        return items.error();
    report.rollCallItems = *items;
    auto actions = store.rollCalls().actions(incidentId);
    if (!actions)
        return actions.error();
    report.actions = *actions;
    auto decisions = store.rollCalls().decisions(incidentId);
    if (!decisions)
        return decisions.error();
    report.decisions = *decisions;
    auto postmortem = store.incidents().postmortem(incidentId);
    if (!postmortem)
        return postmortem.error();
    report.postmortem = *postmortem;
    auto people = store.roster().people();
    if (!people)
        return people.error();
    for (const Person &p : std::as_const(*people))
        report.people.insert(p.id, p);
    auto departments = store.roster().departments();
    if (!departments)
        return departments.error();
    for (const Department &d : std::as_const(*departments))
        report.departments.insert(d.key, d);
    return report;
}

QList<TimelineEntry> IncidentReport::entries(const QList<EntryKind> &kinds) const
{
    QList<TimelineEntry> list;
    for (const TimelineEntry &e : timeline) {
        if (!e.retracted && (kinds.isEmpty() || kinds.contains(e.kind)))
            list << e;
    }
    return list;
}

QList<TimelineEntry> IncidentReport::keyEvents() const
{
    QList<TimelineEntry> list;
    for (const TimelineEntry &e : timeline) {
        if (!e.retracted && e.keyEvent)
            list << e;
    }
    return list;
}

QStringList IncidentReport::followUps() const
{
    QStringList list;
    QSet<QString> seen;
    for (const IncidentAction &a : actions) {
        if (!a.followUp || a.status == ActionStatus::Cancelled)
            continue;
        seen.insert(a.text);
        list << tr("%1 (owner: %2; raised by %3 at %4)")
                    .arg(a.text, a.ownerName.isEmpty() ? tr("nobody yet") : a.ownerName, a.createdBy,
                         clock(a.createdAt));
    }
    for (const TimelineEntry &e : timeline) {
        if (e.retracted)
            continue;
        const bool tagged = e.tags.contains(QStringLiteral("followup"), Qt::CaseInsensitive) ||
                            e.tags.contains(QStringLiteral("follow-up"), Qt::CaseInsensitive);
        const bool named =
            e.kind == EntryKind::Action && e.text.startsWith(QStringLiteral("Follow-up"), Qt::CaseInsensitive);
        if ((tagged || named) &&
            !std::any_of(seen.cbegin(), seen.cend(), [&](const QString &t) { return e.text.contains(t); }))
            list << tr("%1 (raised by %2 at %3)").arg(e.text, e.author, clock(e.occurredAt));
    }
    return list;
}

QDateTime IncidentReport::periodEnd() const
{
    return incident.resolvedAt.isValid() ? incident.resolvedAt : generatedAt;
}

QString IncidentReport::dateTime(const QDateTime &utc) const
{
    return utc.isValid() ? utc.toTimeZone(zone).toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
}

QString IncidentReport::clock(const QDateTime &utc) const
{
    return utc.isValid() ? utc.toTimeZone(zone).toString(QStringLiteral("HH:mm")) : QString();
}

QString IncidentReport::zoneName() const
{
    const QString abbreviation = zone.abbreviation(incident.declaredAt);
    return abbreviation.isEmpty() ? QString::fromUtf8(zone.id()) : abbreviation;
}

QString IncidentReport::duration() const
{
    return TimerVocabulary::durationText(qMax<qint64>(0, incident.declaredAt.msecsTo(periodEnd())));
}

TimelineEntry IncidentReport::impactStartEntry() const
{
    TimelineEntry earliest;
    for (const TimelineEntry &e : entries()) {
        const bool marked = e.tags.contains(QLatin1String("impact-start"), Qt::CaseInsensitive);
        if ((e.keyEvent || marked) && e.occurredAt < incident.declaredAt &&
            (earliest.id == 0 || e.occurredAt < earliest.occurredAt))
            earliest = e;
    }
    return earliest;
}

QDateTime IncidentReport::impactStart() const
{
    const TimelineEntry start = impactStartEntry();
    return start.id > 0 ? start.occurredAt : incident.declaredAt;
}

QString IncidentReport::impactDuration() const
{
    return TimerVocabulary::durationText(qMax<qint64>(0, impactStart().msecsTo(periodEnd())));
}

QString IncidentReport::impactText() const
{
    const TimelineEntry start = impactStartEntry();
    QString text = start.text.simplified();
    if (text.size() > 60)
        text = text.left(59) + QChar(0x2026);
    const QString from = start.id > 0 ? tr("from “%1” (%2)").arg(text, clock(start.occurredAt))
                                      : tr("from the declaration (%1)").arg(clock(incident.declaredAt));
    const QString to = incident.resolvedAt.isValid() ? tr("to the resolution (%1)").arg(clock(incident.resolvedAt))
                                                     : tr("to now (%1), still open").arg(clock(generatedAt));
    return tr("%1, %2 %3").arg(impactDuration(), from, to);
}

QString IncidentReport::severityText() const
{
    return IncidentVocabulary::severityKey(incident.severity);
}

QString IncidentReport::heldBy(const IncidentRole &role) const
{
    QStringList names;
    for (const RoleHolder &h : role.holders)
        names << h.name;
    return names.join(QStringLiteral(", "));
}

QString IncidentReport::homeAgency(qint64 personId) const
{
    const auto person = people.constFind(personId);
    if (person == people.cend())
        return QString();
    const QString department = departments.value(person->departmentKey).name;
    if (department.isEmpty())
        return person->team;
    return person->team.isEmpty() ? department : tr("%1 (%2)").arg(department, person->team);
}

ReportDocument IncidentReport::postmortemDraft() const
{
    ReportDocument d;
    d.title = tr("Postmortem: %1").arg(incident.title);
    d.subtitle = tr("Draft generated by CommandPost on %1 %2 from incident %3")
                     .arg(dateTime(generatedAt), zoneName(), incident.number());

    d.fields({tr("Severity"), tr("Status"), tr("Kind"), tr("Impact began"), tr("Declared"), tr("Resolved"),
              tr("Customer-facing duration"), tr("Declared to resolved"), tr("Postmortem owner"), tr("Due")},
             {severityText(), IncidentVocabulary::statusLabel(incident.status),
              IncidentVocabulary::kindLabel(incident.kind), dateTime(impactStart()) + QLatin1Char(' ') + zoneName(),
              dateTime(incident.declaredAt) + QLatin1Char(' ') + zoneName(),
              incident.resolvedAt.isValid() ? dateTime(incident.resolvedAt) + QLatin1Char(' ') + zoneName()
                                            : tr("still open"),
              impactDuration(), duration(), postmortem ? postmortem->owner : tr("not named yet"),
              postmortem ? dateTime(postmortem->dueAt) + QLatin1Char(' ') + zoneName() : tr("not set")});

    d.heading(tr("Summary"));
    d.paragraph(incident.summary.isEmpty() ? tr("(No summary was written during the incident.)") : incident.summary);

    d.heading(tr("Impact"));
    QStringList impact;
    for (const TimelineEntry &e : entries({EntryKind::Callout, EntryKind::Communication})) {
        if (e.keyEvent)
            impact << QStringLiteral("%1 — %2").arg(clock(e.occurredAt), e.text);
    }
    impact << tr("Customer-facing duration: %1.").arg(impactText());
    if (impactStartEntry().id > 0)
        impact << tr("Declared to resolved: %1 (the impact began before the incident was declared).").arg(duration());
    d.bullets(impact);
    d.paragraph(tr("Owner to complete: who was affected, how many, and for how long."));

    d.heading(tr("Severity and status history"));
    QList<QStringList> historyRows;
    QString declaredAs = severityText();
    for (const IncidentChange &c : history) {
        if (c.field == QLatin1String("severity")) {
            declaredAs = c.oldValue; // the first change says what it was declared as
            break;
        }
    }
    historyRows << QStringList{dateTime(incident.declaredAt), tr("Declared as %1").arg(declaredAs), QString()};
    for (const IncidentChange &c : history) {
        if (c.field == QLatin1String("severity") || c.field == QLatin1String("status"))
            historyRows << QStringList{dateTime(c.changedAt), historyLabel(c), c.changedBy};
    }
    d.table({tr("Time (%1)").arg(zoneName()), tr("Change"), tr("By")}, historyRows);

    d.heading(tr("Timeline of key events"));
    QList<QStringList> keyRows;
    for (const TimelineEntry &e : keyEvents())
        keyRows << QStringList{clock(e.occurredAt), EntryVocabulary::kindLabel(e.kind), e.author, e.text};
    d.table({tr("Time"), tr("Kind"), tr("By"), tr("What happened")}, keyRows);

    d.heading(tr("Responders: roles and who held them"));
    QList<QStringList> roleRows;
    for (const Assignment &a : assignments) {
        QString until = a.endedAt.isValid() ? clock(a.endedAt) : tr("end");
        if (a.endReason == QLatin1String("handed-over"))
            until += tr(" (handed over)");
        roleRows << QStringList{a.roleTitle, a.personName, clock(a.startedAt), until};
    }
    d.table({tr("Role"), tr("Person"), tr("From"), tr("Until")}, roleRows);
    QStringList vacant;
    for (const IncidentRole &r : roles) {
        if (r.definition.required && !std::any_of(assignments.cbegin(), assignments.cend(),
                                                  [&](const Assignment &a) { return a.roleId == r.id; }))
            vacant << r.definition.title;
    }
    if (!vacant.isEmpty())
        d.paragraph(tr("Required roles never staffed: %1.").arg(vacant.join(QStringLiteral(", "))));

    d.heading(tr("Roll-call outcomes"));
    if (rollCalls.isEmpty())
        d.paragraph(tr("No roll call was recorded."));
    for (const RollCall &round : rollCalls) {
        QList<QStringList> rows;
        int answered = 0, missed = 0, skipped = 0;
        for (const RollCallItem &item : rollCallItems) {
            if (item.rollCallId != round.id)
                continue;
            answered += item.state == RollCallItemState::Answered ? 1 : 0;
            missed += item.state == RollCallItemState::NoAnswer ? 1 : 0;
            skipped += item.state == RollCallItemState::Skipped ? 1 : 0;
            QString state = RollCallVocabulary::stateLabel(item.state);
            if (item.state == RollCallItemState::NoAnswer && item.clearedAt.isValid())
                state = tr("%1, then %2 at %3").arg(state, item.clearedReason, clock(item.clearedAt));
            const bool hasReport = item.state == RollCallItemState::Answered;
            QString condition;
            if (hasReport) {
                condition = RollCallVocabulary::conditionLabel(item.report.condition);
                if (!item.report.conditionText.isEmpty())
                    condition += QStringLiteral(" — ") + item.report.conditionText;
            }
            rows << QStringList{item.roleTitle,
                                item.personName,
                                state,
                                condition,
                                hasReport ? item.report.actions : QString(),
                                hasReport ? item.report.needs : QString()};
        }
        d.heading(tr("Round %1 at %2: %3 answered, %4 no answer, %5 skipped")
                      .arg(round.number)
                      .arg(clock(round.startedAt))
                      .arg(answered)
                      .arg(missed)
                      .arg(skipped),
                  3);
        d.table({tr("Role"), tr("Person"), tr("Answer"), tr("Condition"), tr("Actions"), tr("Needs")}, rows);
    }

    d.heading(tr("Actions and decisions"));
    QList<QStringList> actionRows;
    for (const IncidentAction &a : actions) {
        if (!a.followUp)
            actionRows << QStringList{clock(a.createdAt), a.text, a.ownerName, ActionVocabulary::statusLabel(a.status)};
    }
    if (!actionRows.isEmpty())
        d.table({tr("Time"), tr("Action"), tr("Owner"), tr("Status")}, actionRows);
    QList<QStringList> decisionRows;
    for (const Decision &dc : decisions) {
        QString check = ActionVocabulary::objectionLabel(dc.objectionCheck);
        if (!dc.objections.isEmpty())
            check += QStringLiteral(": ") + dc.objections;
        decisionRows << QStringList{clock(dc.decidedAt), dc.proposal, check, ActionVocabulary::outcomeLabel(dc.outcome),
                                    dc.decidedBy};
    }
    if (!decisionRows.isEmpty())
        d.table({tr("Time"), tr("Decision"), tr("Strong objections?"), tr("Outcome"), tr("By")}, decisionRows);
    // Actions and decisions logged only as timeline entries (typed by the Scribe).
    QList<QStringList> loggedRows;
    for (const TimelineEntry &e : entries({EntryKind::Action, EntryKind::Decision})) {
        const bool recorded = std::any_of(actions.cbegin(), actions.cend(),
                                          [&](const IncidentAction &a) { return e.text.contains(a.text); }) ||
                              std::any_of(decisions.cbegin(), decisions.cend(),
                                          [&](const Decision &dc) { return e.text.contains(dc.proposal); });
        if (!recorded)
            loggedRows << QStringList{clock(e.occurredAt), EntryVocabulary::kindLabel(e.kind), e.author, e.text};
    }
    if (!loggedRows.isEmpty())
        d.table({tr("Time"), tr("Kind"), tr("By"), tr("Logged on the timeline")}, loggedRows);
    if (actionRows.isEmpty() && decisionRows.isEmpty() && loggedRows.isEmpty())
        d.paragraph(tr("No actions or decisions were recorded."));

    d.heading(tr("Callouts"));
    QStringList callouts;
    for (const TimelineEntry &e : entries({EntryKind::Callout}))
        callouts << QStringLiteral("%1 — %2 (%3)").arg(clock(e.occurredAt), e.text, e.author);
    if (callouts.isEmpty())
        d.paragraph(tr("No callouts were logged."));
    else
        d.bullets(callouts);

    d.heading(tr("Follow-up actions"));
    QStringList followUpItems;
    for (const QString &item : followUps())
        followUpItems << QStringLiteral("[ ] ") + item;
    if (followUpItems.isEmpty())
        d.paragraph(tr("None recorded yet: mark an action as a follow-up, or tag a timeline entry \"followup\"."));
    else
        d.bullets(followUpItems);

    d.heading(tr("For the owner to write"));
    d.heading(tr("Contributing factors"), 3);
    d.paragraph(tr("What combination of conditions let this happen? Avoid naming a single root cause or a person."));
    d.heading(tr("Resolution"), 3);
    d.paragraph(tr("What restored service, and how it was confirmed."));
    d.heading(tr("What went well, what did not"), 3);
    d.paragraph(tr("Detection, response, communication, tooling."));
    d.heading(tr("Messaging"), 3);
    d.paragraph(tr("The internal summary and the external message, once approved."));
    return d;
}

ReportDocument IncidentReport::fullReport() const
{
    ReportDocument d = postmortemDraft();
    d.heading(tr("Full timeline"));
    QList<QStringList> rows;
    for (const TimelineEntry &e : timeline) {
        QString text = e.text;
        if (e.retracted)
            text = tr("[retracted] %1").arg(text);
        if (e.revision > 0)
            text += tr(" (amended)");
        rows << QStringList{dateTime(e.occurredAt), EntryVocabulary::kindLabel(e.kind), e.author, text};
    }
    d.table({tr("Time (%1)").arg(zoneName()), tr("Kind"), tr("By"), tr("Entry")}, rows);
    return d;
}

QString ReportRenderer::markdown(const ReportDocument &document)
{
    QString out = QStringLiteral("# %1\n\n").arg(mdInline(document.title));
    if (!document.subtitle.isEmpty())
        out += QStringLiteral("_%1_\n\n").arg(mdInline(document.subtitle));
    for (const ReportBlock &b : document.blocks) {
        switch (b.kind) {
        case ReportBlock::Kind::Heading:
            out += QString(qBound(2, b.level, 6), QLatin1Char('#')) + QLatin1Char(' ') + mdInline(b.text) +
                   QStringLiteral("\n\n");
            break;
        case ReportBlock::Kind::Paragraph:
            out += mdEscape(b.text) + QStringLiteral("\n\n");
            break;
        case ReportBlock::Kind::Bullets:
            for (const QString &item : b.items) {
                // A "[ ] " item is a task list entry; keep its brackets.
                if (item.startsWith(QLatin1String("[ ] ")))
                    out += QStringLiteral("- [ ] ") + mdEscape(item.mid(4)) + QLatin1Char('\n');
                else
                    out += QStringLiteral("- ") + mdEscape(item) + QLatin1Char('\n');
            }
            out += QLatin1Char('\n');
            break;
        case ReportBlock::Kind::Fields:
            for (qsizetype i = 0; i < b.items.size(); ++i)
                out += QStringLiteral("- **%1:** %2\n").arg(mdInline(b.items.at(i)), mdInline(b.values.value(i)));
            out += QLatin1Char('\n');
            break;
        case ReportBlock::Kind::Table: {
            QStringList header;
            for (const QString &h : b.header)
                header << mdInline(h, true);
            out += QStringLiteral("| %1 |\n").arg(header.join(QStringLiteral(" | ")));
            out += QStringLiteral("|") + QStringLiteral("---|").repeated(b.header.size()) + QLatin1Char('\n');
            for (const QStringList &row : b.rows) {
                QStringList cells;
                for (const QString &cell : row)
                    cells << mdInline(cell, true);
                out += QStringLiteral("| %1 |\n").arg(cells.join(QStringLiteral(" | ")));
            }
            if (b.rows.isEmpty())
                out += QStringLiteral("| %1 |\n")
                           .arg(QStringList(b.header.size(), QStringLiteral("—")).join(QStringLiteral(" | ")));
            out += QLatin1Char('\n');
            break;
        }
        }
    }
    return out;
}

QString ReportRenderer::plainText(const ReportDocument &document)
{
    auto line = [](QString text) { return text.replace(QLatin1Char('\n'), QLatin1Char(' ')); };
    QString out = line(document.title) + QLatin1Char('\n');
    if (!document.subtitle.isEmpty())
        out += line(document.subtitle) + QLatin1Char('\n');
    out += QLatin1Char('\n');
    for (const ReportBlock &b : document.blocks) {
        switch (b.kind) {
        case ReportBlock::Kind::Heading:
            out += line(b.text) + QStringLiteral("\n");
            break;
        case ReportBlock::Kind::Paragraph:
            out += line(b.text) + QStringLiteral("\n\n");
            break;
        case ReportBlock::Kind::Bullets:
            for (const QString &item : b.items) {
                if (item.startsWith(QLatin1String("[ ] ")))
                    out += QStringLiteral("☐ ") + line(item.mid(4)) + QLatin1Char('\n');
                else
                    out += QStringLiteral("• ") + line(item) + QLatin1Char('\n');
            }
            out += QLatin1Char('\n');
            break;
        case ReportBlock::Kind::Fields:
            for (qsizetype i = 0; i < b.items.size(); ++i)
                out += QStringLiteral("%1: %2\n").arg(line(b.items.at(i)), line(b.values.value(i)));
            out += QLatin1Char('\n');
            break;
        case ReportBlock::Kind::Table:
            for (const QStringList &row : b.rows) {
                QStringList cells;
                for (const QString &cell : row) {
                    if (!cell.isEmpty())
                        cells << line(cell);
                }
                out += QStringLiteral("• ") + cells.join(QStringLiteral(" · ")) + QLatin1Char('\n');
            }
            if (b.rows.isEmpty())
                out += QStringLiteral("• —\n");
            out += QLatin1Char('\n');
            break;
        }
    }
    return out;
}

QString ReportRenderer::html(const ReportDocument &document)
{
    QString out =
        QStringLiteral(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>%1</title>\n"
            "<style>\n"
            "body { font-family: sans-serif; font-size: 10.5pt; color: #111; max-width: 60em; margin: 2em auto; }\n"
            "h1 { font-size: 18pt; margin-bottom: 0.2em; }\n"
            "h2 { font-size: 13pt; border-bottom: 1px solid #888; margin-top: 1.4em; }\n"
            "h3 { font-size: 11pt; margin-top: 1em; }\n"
            "p.subtitle { color: #555; font-style: italic; margin-top: 0; }\n"
            "table { border-collapse: collapse; width: 100%; margin: 0.4em 0; }\n"
            "th, td { border: 1px solid #999; padding: 3px 6px; text-align: left; vertical-align: top; }\n"
            "th { background: #e8e8e8; }\n"
            "table.fields th { width: 12em; }\n"
            "</style>\n</head>\n<body>\n<h1>%1</h1>\n")
            .arg(htmlText(document.title));
    if (!document.subtitle.isEmpty())
        out += QStringLiteral("<p class=\"subtitle\">%1</p>\n").arg(htmlText(document.subtitle));
    for (const ReportBlock &b : document.blocks) {
        switch (b.kind) {
        case ReportBlock::Kind::Heading: {
            const int level = qBound(2, b.level, 6);
            out += QStringLiteral("<h%1>%2</h%1>\n").arg(level).arg(htmlText(b.text));
            break;
        }
        case ReportBlock::Kind::Paragraph:
            out += QStringLiteral("<p>%1</p>\n").arg(htmlText(b.text));
            break;
        case ReportBlock::Kind::Bullets:
            out += QStringLiteral("<ul>\n");
            for (const QString &item : b.items) {
                if (item.startsWith(QLatin1String("[ ] ")))
                    out += QStringLiteral("<li>&#9744; %1</li>\n").arg(htmlText(item.mid(4)));
                else
                    out += QStringLiteral("<li>%1</li>\n").arg(htmlText(item));
            }
            out += QStringLiteral("</ul>\n");
            break;
        case ReportBlock::Kind::Fields:
            out += QStringLiteral("<table class=\"fields\">\n");
            for (qsizetype i = 0; i < b.items.size(); ++i)
                out += QStringLiteral("<tr><th>%1</th><td>%2</td></tr>\n")
                           .arg(htmlText(b.items.at(i)), htmlText(b.values.value(i)));
            out += QStringLiteral("</table>\n");
            break;
        case ReportBlock::Kind::Table:
            out += QStringLiteral("<table>\n<thead><tr>");
            for (const QString &h : b.header)
                out += QStringLiteral("<th>%1</th>").arg(htmlText(h));
            out += QStringLiteral("</tr></thead>\n<tbody>\n");
            for (const QStringList &row : b.rows) {
                out += QStringLiteral("<tr>");
                for (const QString &cell : row)
                    out += QStringLiteral("<td>%1</td>").arg(htmlText(cell));
                out += QStringLiteral("</tr>\n");
            }
            out += QStringLiteral("</tbody>\n</table>\n");
            break;
        }
    }
    return out + QStringLiteral("</body>\n</html>\n");
}

} // namespace cp
