#pragma once

#include "db/storeerror.h"
#include "domain/incident.h"
#include "domain/incidentaction.h"
#include "domain/incidentrole.h"
#include "domain/postmortem.h"
#include "domain/rollcall.h"
#include "domain/roster.h"
#include "domain/timelineentry.h"
#include "domain/timer.h"

#include <QCoreApplication>
#include <QHash>
#include <QTimeZone>

#include <optional>

namespace cp {

class IncidentStore;

// A format-free document: what every written report (Markdown, HTML, PDF, print) is made of.
// Renderers walk these blocks; none of them reads the store.
struct ReportBlock
{
    enum class Kind
    {
        Heading,   // text, level 2 or 3 (level 1 is the document's title)
        Paragraph, // text
        Bullets,   // items
        Table,     // header + rows
        Fields,    // label/value pairs in items/values: the facts box at the top
    };
    Kind kind = Kind::Paragraph;
    int level = 2;
    QString text;
    QStringList items;
    QStringList values;
    QStringList header;
    QList<QStringList> rows;
};

struct ReportDocument
{
    QString title;
    QString subtitle;
    QList<ReportBlock> blocks;

    void heading(const QString &text, int level = 2) { blocks << ReportBlock{ReportBlock::Kind::Heading, level, text}; }
    void paragraph(const QString &text) { blocks << ReportBlock{ReportBlock::Kind::Paragraph, 0, text}; }
    void bullets(const QStringList &items);
    void table(const QStringList &header, const QList<QStringList> &rows);
    void fields(const QStringList &labels, const QStringList &values);
};

// Everything a report says about one incident, read from the store once. The postmortem draft,
// the ICS-style forms and every export format are made from this one model.
struct IncidentReport
{
    Q_DECLARE_TR_FUNCTIONS(cp::IncidentReport)
public:
    // One stretch of one person in one role, for "who held what when".
    Incident incident;
    QList<IncidentChange> history;     // severity, status, title, summary changes, oldest first
    QList<TimelineEntry> timeline;     // every entry, oldest first, retracted ones included
    QList<IncidentRole> roles;         // hierarchy order, current holders
    QList<Assignment> assignments;     // oldest first
    QList<Timer> timers;               // start order
    QList<RollCall> rollCalls;         // oldest first
    QList<RollCallItem> rollCallItems; // every round, in call order
    QList<IncidentAction> actions;     // as the store lists them
    QList<Decision> decisions;         // oldest first
    std::optional<Postmortem> postmortem;
    QHash<qint64, Person> people;           // the roster, by id
    QHash<QString, Department> departments; // by key
    QDateTime generatedAt;                  // UTC
    QTimeZone zone;                         // the zone times are written in

    static Result<IncidentReport> build(const IncidentStore &store, qint64 incidentId, const QDateTime &nowUtc,
                                        const QTimeZone &zone = QTimeZone::systemTimeZone());

    // Entries that count (not retracted), oldest first.
    QList<TimelineEntry> entries(const QList<EntryKind> &kinds = {}) const;
    QList<TimelineEntry> keyEvents() const;
    // Follow-up actions marked so, then entries tagged "followup" (or "follow-up") or actions
    // whose text starts "Follow-up" that are not such an action already: "text (by, time)".
    QStringList followUps() const;
    // The operational period: declared → resolved (or now while open).
    QDateTime periodEnd() const;

    QString dateTime(const QDateTime &utc) const; // "2026-11-22 14:03"
    QString clock(const QDateTime &utc) const;    // "14:03"
    QString zoneName() const;                     // "UTC", "CET"
    QString duration() const;                     // "1 h 12 min": declared to resolved (or now)
    // When the impact began: the earliest key event, or entry tagged "impact-start", dated
    // before the declaration (a backfill); else the declaration. The entry: null id for the latter.
    TimelineEntry impactStartEntry() const;
    QDateTime impactStart() const;
    QString impactDuration() const; // impact start to resolved (or now)
    // "1 h 40 min, from “Error rate at 38 %” (13:42) to the resolution (15:22)": which events the
    // customer-facing duration runs between.
    QString impactText() const;
    QString severityText() const; // "SEV-1"
    QString heldBy(const IncidentRole &role) const;
    // Where a person comes from, for the forms' "Home Agency (and Unit)": "Engineering (SRE)";
    // empty when the roster knows neither their department nor their team.
    QString homeAgency(qint64 personId) const;

    // The generated postmortem draft (summary, impact, history, key events, roles over time,
    // actions and decisions, callouts, follow-ups, and the sections the owner writes).
    ReportDocument postmortemDraft() const;
    // The full incident report: the draft plus the whole timeline.
    ReportDocument fullReport() const;
};

// Plain renderers of a ReportDocument. Markdown is GitHub-flavoured (GFM: pipe tables, task
// lists) and escapes only what would become markup; plain text has no markup at all, for chat
// tools that show Markdown's source; HTML is one self-contained page with its own stylesheet.
class ReportRenderer
{
public:
    static QString markdown(const ReportDocument &document);
    static QString plainText(const ReportDocument &document);
    static QString html(const ReportDocument &document);
};

} // namespace cp
