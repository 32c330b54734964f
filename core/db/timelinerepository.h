#pragma once

#include "domain/timelineentry.h"
#include "storesession.h"

#include <QHash>
#include <QObject>
#include <QSet>

namespace cp {

// The timeline: entries appended (one or many), amended (the earlier reading kept as a
// revision), retracted, read page by page and filtered. Also the one writer every other
// repository uses to put its own entries on the timeline (log()).
class TimelineRepository final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineRepository)

public:
    explicit TimelineRepository(StoreSession &session, QObject *parent = nullptr);

    Result<qint64> append(const NewEntry &entry);
    // What append() refuses in the entry itself, before any database is asked (Invalid).
    static StoreError checkEntry(const NewEntry &entry);
    Result<QList<qint64>> appendAll(const QList<NewEntry> &entries); // all or nothing
    StoreError amend(qint64 entryId, const EntryAmendment &amendment, const QString &author);
    StoreError setRetracted(qint64 entryId, bool retracted, const QString &author);
    Result<TimelineEntry> entry(qint64 entryId) const;
    // For a slot of entryAdded: the entry added. One that this repository's append() or appendAll()
    // is announcing is the row its INSERT returned (as stored, the server's stamps included), so
    // the writer's own entry is not read back; any other is read.
    Result<TimelineEntry> addedEntry(qint64 entryId) const;
    Result<QList<EntryRevision>> history(qint64 entryId) const; // oldest first, current last
    Result<QList<TimelineEntry>> entries(const TimelinePage &page) const;
    Result<bool> matches(qint64 entryId, const TimelineFilter &filter) const;
    Result<QStringList> authors(qint64 incidentId) const;

    // The one timeline writer of every domain, inside the caller's transaction: a new entry,
    // announced with the rest of the transaction's changes. occurredAt null: now.
    StoreError log(WriteTransaction &tx, qint64 incidentId, EntryKind kind, const QString &text, bool keyEvent,
                   const QStringList &tags, const QString &author, const QDateTime &occurredAt = {});

    // While one lives, entries may go on a resolved incident (its postmortem, its follow-ups, its
    // reopening); otherwise a resolved incident's record is closed.
    class ClosedRecordWrite;

signals:
    void entryAdded(qint64 incidentId, qint64 entryId);
    void entryChanged(qint64 incidentId, qint64 entryId);
    // Too much changed to name one by one (a bulk import): reload the incident's timeline.
    void timelineReloaded(qint64 incidentId);

private:
    void announce(const StoreChange &change);
    // knownIncidents: incidents already checked in this transaction (a bulk append checks each once).
    // stored: where the new row goes as the database returned it (untouched when the entry was
    // already there, sent before).
    Result<qint64> insertEntry(WriteTransaction &tx, const NewEntry &entry, bool logChange,
                               QSet<qint64> *knownIncidents = nullptr, TimelineEntry *stored = nullptr);

    StoreSession &m_session;
    int m_closedRecordWrites = 0;
    // The entries inserted by the append under way, as stored: emptied at each try of its
    // transaction and once it is over, so only its own commit's announcement finds them.
    QHash<qint64, TimelineEntry> m_appended;
};

class TimelineRepository::ClosedRecordWrite final
{
    Q_DISABLE_COPY_MOVE(ClosedRecordWrite)
public:
    explicit ClosedRecordWrite(TimelineRepository &timeline, bool allow = true) : m_timeline(timeline), m_allow(allow)
    {
        if (m_allow)
            ++m_timeline.m_closedRecordWrites;
    }
    ~ClosedRecordWrite()
    {
        if (m_allow)
            --m_timeline.m_closedRecordWrites;
    }

private:
    TimelineRepository &m_timeline;
    bool m_allow;
};

} // namespace cp
