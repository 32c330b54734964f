#pragma once

#include "timelineentry.h"

#include <QCoreApplication>
#include <QTimeZone>

namespace cp {

// Reads the Scribe's one-line shorthand into an entry, so logging never needs the mouse:
//
//   [!] [kind:] [@when] text with #tags
//
//   !          key event
//   kind:      a: action, s: status report, d: decision, c: callout, n: note, m: communication
//              (full words work too); "TODO:" is a callout tagged #followup and keeps its TODO
//   @14:32     backfill to that local time today (yesterday if that is still ahead)
//   @-5m       backfill relative to now (s, m, h)
//   @2026-11-22T14:32   backfill to a full local date and time
//   #tag       adds a tag; the word stays in the text
struct QuickEntry
{
    QString error; // empty when the line parsed
    EntryKind kind = EntryKind::Note;
    bool kindGiven = false; // true when the line named its kind
    QString text;
    QStringList tags;
    bool keyEvent = false;
    QDateTime occurredAt; // UTC; null: now

    bool isValid() const { return error.isEmpty(); }
};

class QuickEntryParser
{
    Q_DECLARE_TR_FUNCTIONS(cp::QuickEntryParser)
public:
    // nowUtc is the injected clock's time; zone is how the Scribe reads clock times.
    static QuickEntry parse(const QString &line, EntryKind defaultKind, const QDateTime &nowUtc, const QTimeZone &zone);
    // In the system's zone, looked up only for a line that names a time.
    static QuickEntry parse(const QString &line, EntryKind defaultKind, const QDateTime &nowUtc);

private:
    // zone: nullptr for the system's.
    static QuickEntry parseIn(const QString &line, EntryKind defaultKind, const QDateTime &nowUtc,
                              const QTimeZone *zone);
};

} // namespace cp
