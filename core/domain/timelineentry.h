#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace cp {

enum class EntryKind
{
    Action,
    Status,
    Decision,
    Callout,
    Note,
    Communication,
    Role,
    Timer,
    RollCall,
    System
};

// One line of the incident's log as it reads now. The store keeps every earlier revision;
// an amendment or a retraction never overwrites the record of what was first written.
struct TimelineEntry
{
    qint64 id = 0;
    qint64 incidentId = 0;
    EntryKind kind = EntryKind::Note;
    QString author;
    QDateTime occurredAt; // UTC; editable for backfill
    QDateTime capturedAt; // UTC; set by the store when first written, never changed
    QString text;
    QStringList tags;
    bool keyEvent = false;
    bool retracted = false;
    int revision = 0; // 0 = as first written
};

struct NewEntry
{
    qint64 incidentId = 0;
    EntryKind kind = EntryKind::Note;
    QString author;
    QString text;
    QStringList tags;
    bool keyEvent = false;
    QDateTime occurredAt; // null: the moment it is captured
    // Team mode's outbox: the entry was captured earlier, while the server was out of reach, and
    // carries the id its client made for it; the server logs each id once.
    QDateTime capturedAt; // null: now
    QString clientId;     // empty: none
};

// What an amendment changes; unset fields keep their current value.
struct EntryAmendment
{
    std::optional<EntryKind> kind;
    std::optional<QString> text;
    std::optional<QDateTime> occurredAt;
    std::optional<QStringList> tags;
    std::optional<bool> keyEvent;
    std::optional<bool> retracted;

    bool isEmpty() const { return !kind && !text && !occurredAt && !tags && !keyEvent && !retracted; }
};

// An earlier reading of an entry, kept when an amendment or retraction replaced it.
struct EntryRevision
{
    TimelineEntry entry;    // as it read in that revision
    QDateTime supersededAt; // UTC; null for the current revision
    QString supersededBy;
};

// Which entries a timeline view shows. The store turns it into SQL so that filtering works
// over a million entries without loading them.
struct TimelineFilter
{
    QList<EntryKind> kinds; // empty: every kind
    QString author;         // exact, ignoring case; empty: anyone
    QString text;           // substring of the text or tags; empty: anything
    bool includeRetracted = true;
    bool keyEventsOnly = false;

    bool isEmpty() const
    {
        return kinds.isEmpty() && author.isEmpty() && text.isEmpty() && includeRetracted && !keyEventsOnly;
    }
    bool operator==(const TimelineFilter &) const = default;
};

// Entries come newest first (or oldest first for exports). A page continues strictly after
// the (occurredAt, id) cursor, so entries inserted meanwhile never shift what the next page returns.
struct TimelinePage
{
    qint64 incidentId = 0;
    bool oldestFirst = false;
    TimelineFilter filter;
    bool hasCursor = false;
    qint64 cursorOccurredMs = 0;
    qint64 cursorId = 0;
    int limit = 256;
};

class EntryVocabulary
{
    Q_DECLARE_TR_FUNCTIONS(cp::EntryVocabulary)
public:
    static QString kindKey(EntryKind k); // "action"
    static std::optional<EntryKind> kindFromKey(const QString &key);
    static QString kindLabel(EntryKind k);
    static QList<EntryKind> allKinds();
    // The kinds a person types; the others are written by CommandPost itself.
    static QList<EntryKind> manualKinds();
    // The author of what nobody typed (a timer's expiry): the same in a live call, on another
    // laptop and in a replay.
    static QString systemAuthor() { return QStringLiteral("CommandPost"); }
};

} // namespace cp
