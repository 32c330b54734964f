// The timeline: entries appended, amended, retracted, read and filtered.
#include "timelinerepository.h"

#include "domain/domainrules.h"
#include "domain/incident.h"

#include "storevalues.h"
#include "writetransaction.h"

#include <QSqlQuery>

namespace cp {

using namespace storevalues;

namespace {

const QString EntryColumns = QStringLiteral(
    "id, incident_id, kind, author, occurred_at, captured_at, body, tags, key_event, retracted, revision");

TimelineEntry readEntry(const QSqlQuery &q)
{
    TimelineEntry e;
    e.id = q.value(0).toLongLong();
    e.incidentId = q.value(1).toLongLong();
    e.kind = EntryVocabulary::kindFromKey(q.value(2).toString()).value_or(EntryKind::Note);
    e.author = q.value(3).toString();
    e.occurredAt = fromMs(q.value(4));
    e.capturedAt = fromMs(q.value(5));
    e.text = q.value(6).toString();
    e.tags = splitWords(q.value(7).toString());
    e.keyEvent = q.value(8).toInt() != 0;
    e.retracted = q.value(9).toInt() != 0;
    e.revision = q.value(10).toInt();
    return e;
}

QString escapeLike(QString text)
{
    text.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    text.replace(QLatin1Char('%'), QStringLiteral("\\%"));
    text.replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QLatin1Char('%') + text + QLatin1Char('%');
}

// The filter as a WHERE fragment ("AND …") with its values appended to 'values'.
QString filterSql(const TimelineFilter &filter, const SqlDialect &dialect, QVariantList &values)
{
    QString sql;
    if (!filter.kinds.isEmpty()) {
        QStringList marks;
        for (EntryKind kind : filter.kinds) {
            marks << QStringLiteral("?");
            values << EntryVocabulary::kindKey(kind);
        }
        sql += QStringLiteral(" AND kind IN (%1)").arg(marks.join(QLatin1Char(',')));
    }
    if (!filter.author.trimmed().isEmpty()) {
        sql += QStringLiteral(" AND lower(author) = lower(?)");
        values << filter.author.trimmed();
    }
    if (!filter.text.trimmed().isEmpty()) {
        const QString like = dialect.likeOperator();
        sql += QStringLiteral(" AND (body %1 ? ESCAPE '\\' OR tags %1 ? ESCAPE '\\')").arg(like);
        const QString pattern = escapeLike(filter.text.trimmed());
        values << pattern << pattern;
    }
    if (!filter.includeRetracted)
        sql += QStringLiteral(" AND retracted = 0");
    if (filter.keyEventsOnly)
        sql += QStringLiteral(" AND key_event = 1");
    return sql;
}

} // namespace

TimelineRepository::TimelineRepository(StoreSession &session, QObject *parent) : QObject(parent), m_session(session)
{
    connect(&m_session, &StoreSession::changed, this, &TimelineRepository::announce);
}

void TimelineRepository::announce(const StoreChange &c)
{
    if (c.entity == StoreEntity::Timeline)
        emit timelineReloaded(c.incidentId);
    else if (c.entity == StoreEntity::Entry && c.op == ChangeOp::Insert)
        emit entryAdded(c.incidentId, c.entityId);
    else if (c.entity == StoreEntity::Entry)
        emit entryChanged(c.incidentId, c.entityId);
}

StoreError TimelineRepository::checkEntry(const NewEntry &entry)
{
    const QString text = entry.text.trimmed();
    if (text.isEmpty())
        return {StoreError::Code::Invalid, tr("A timeline entry needs text.")};
    if (entry.author.trimmed().isEmpty())
        return {StoreError::Code::Invalid, tr("A timeline entry needs an author.")};
    if (const QString problem = DomainRules::textProblem(text); !problem.isEmpty())
        return {StoreError::Code::Invalid, tr("The entry %1.").arg(problem)};
    return {};
}

Result<qint64> TimelineRepository::insertEntry(WriteTransaction &tx, const NewEntry &entry, bool logIt,
                                               QSet<qint64> *knownIncidents, TimelineEntry *stored)
{
    if (StoreError refused = checkEntry(entry); !refused.ok())
        return refused;
    const QString text = entry.text.trimmed();
    // Sent again (its reply was lost, or its client died before clearing its outbox): it is
    // already on the timeline, once.
    if (!entry.clientId.isEmpty()) {
        auto sent =
            tx.value(QStringLiteral("SELECT entry_id FROM entry_delivery WHERE client_uuid = ?"), {entry.clientId});
        if (!sent)
            return sent.error();
        if (sent->has_value())
            return (*sent)->toLongLong();
    }
    const QDateTime now = m_session.clock().nowUtc();
    const QDateTime captured = entry.capturedAt.isValid() ? entry.capturedAt.toUTC() : now;
    const QDateTime occurred = entry.occurredAt.isValid() ? entry.occurredAt.toUTC() : captured;
    for (const QDateTime &time : {occurred, captured}) {
        if (toMs(time) > toMs(now) + DomainRules::FutureToleranceMs)
            return StoreError(StoreError::Code::Invalid,
                              tr("%1 is in the future; an entry records something that has happened.")
                                  .arg(time.toLocalTime().toString(Qt::ISODate)));
    }

    if (!knownIncidents || !knownIncidents->contains(entry.incidentId)) {
        auto status = tx.value(QStringLiteral("SELECT status FROM incident WHERE id = ?"), {entry.incidentId});
        if (!status)
            return status.error();
        if (!status->has_value())
            return StoreError(StoreError::Code::NotFound, tr("There is no incident #%1.").arg(entry.incidentId));
        const bool resolved = (*status)->toString() == IncidentVocabulary::statusKey(IncidentStatus::Resolved);
        // The one writer of the timeline keeps a resolved incident's record closed.
        if (resolved && m_closedRecordWrites == 0)
            return StoreError(StoreError::Code::Invalid,
                              tr("Incident #%1 is resolved: its record is closed. Reopen it (with a reason) to change "
                                 "it; the postmortem's owner and follow-up actions can still be set.")
                                  .arg(entry.incidentId));
        if (knownIncidents)
            knownIncidents->insert(entry.incidentId);
    }

    const QString insert = QStringLiteral("INSERT INTO timeline_entry (incident_id, kind, author, occurred_at, "
                                          "captured_at, body, tags, key_event) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                                          "RETURNING id");
    const QVariantList values{entry.incidentId,        EntryVocabulary::kindKey(entry.kind),
                              entry.author.trimmed(),  toMs(occurred),
                              toMs(captured),          text,
                              joinWords(entry.tags),   entry.keyEvent ? 1 : 0};
    qint64 id = 0;
    QString author = entry.author.trimmed();
    if (stored && m_session.isServer()) {
        // A team server stamps the author with the login's person (serverschema.cpp): the row
        // is what was written but for its id and that.
        auto row = tx.readOne(insert + QStringLiteral(", author"), values, QString(), [](const QSqlQuery &q) {
            return std::pair(q.value(0).toLongLong(), q.value(1).toString());
        });
        if (!row)
            return row.error();
        id = row->first;
        author = row->second;
    } else {
        auto inserted = tx.insert(insert, values);
        if (!inserted)
            return inserted.error();
        id = *inserted;
    }
    if (stored) {
        *stored = TimelineEntry{};
        stored->id = id;
        stored->incidentId = entry.incidentId;
        stored->kind = entry.kind;
        stored->author = author;
        stored->occurredAt = QDateTime::fromMSecsSinceEpoch(toMs(occurred), Qt::UTC);
        stored->capturedAt = QDateTime::fromMSecsSinceEpoch(toMs(captured), Qt::UTC);
        stored->text = text;
        stored->tags = splitWords(joinWords(entry.tags));
        stored->keyEvent = entry.keyEvent;
    }
    if (!entry.clientId.isEmpty()) {
        if (StoreError error =
                tx.run(QStringLiteral("INSERT INTO entry_delivery (client_uuid, entry_id) VALUES (?, ?)"),
                       {entry.clientId, id});
            !error.ok())
            return error;
    }
    if (logIt) {
        if (StoreError error = m_session.logChange(tx, StoreEntity::Entry, id, entry.incidentId, ChangeOp::Insert);
            !error.ok())
            return error;
    }
    return id;
}

StoreError TimelineRepository::log(WriteTransaction &tx, qint64 incidentId, EntryKind kind, const QString &text,
                                   bool keyEvent, const QStringList &tags, const QString &author,
                                   const QDateTime &occurredAt)
{
    NewEntry entry;
    entry.incidentId = incidentId;
    entry.kind = kind;
    entry.text = text;
    entry.keyEvent = keyEvent;
    entry.tags = tags;
    entry.author = author;
    entry.occurredAt = occurredAt;
    auto added = insertEntry(tx, entry, true);
    return added ? StoreError() : added.error();
}

Result<qint64> TimelineRepository::append(const NewEntry &entry)
{
    auto id = m_session.write(tr("Logging the entry"), [&](WriteTransaction &tx) -> Result<qint64> {
        m_appended.clear();
        TimelineEntry stored;
        auto added = insertEntry(tx, entry, true, nullptr, &stored);
        if (added && stored.id == *added)
            m_appended.insert(stored.id, stored);
        return added;
    });
    m_appended.clear();
    return id;
}

Result<QList<qint64>> TimelineRepository::appendAll(const QList<NewEntry> &entries)
{
    auto logged = m_session.write(
        tr("Logging %n entries", nullptr, int(entries.size())), [&](WriteTransaction &tx) -> Result<QList<qint64>> {
            const bool bulk = entries.size() > StoreSession::BulkThreshold;
            m_appended.clear();
            QList<qint64> ids;
            ids.reserve(entries.size());
            QSet<qint64> incidents;
            for (qsizetype i = 0; i < entries.size(); ++i) {
                // A bulk append is announced as a reload: its rows are read a page at a time.
                TimelineEntry stored;
                auto id = insertEntry(tx, entries.at(i), !bulk, &incidents, bulk ? nullptr : &stored);
                if (!id) {
                    const StoreError e = id.error();
                    return StoreError(e.code(), tr("Entry %1: %2").arg(i + 1).arg(e.message()));
                }
                if (!bulk && stored.id == *id)
                    m_appended.insert(stored.id, stored);
                ids << *id;
            }
            if (bulk) {
                for (qint64 incidentId : std::as_const(incidents)) {
                    if (StoreError error =
                            m_session.logChange(tx, StoreEntity::Timeline, incidentId, incidentId, ChangeOp::Reload);
                        !error.ok())
                        return error;
                }
            }
            return ids;
        });
    m_appended.clear();
    return logged;
}

StoreError TimelineRepository::amend(qint64 entryId, const EntryAmendment &amendment, const QString &author)
{
    if (author.trimmed().isEmpty())
        return {StoreError::Code::Invalid, tr("Say who is amending the entry.")};
    if (amendment.text && amendment.text->trimmed().isEmpty())
        return {StoreError::Code::Invalid, tr("A timeline entry needs text; retract it instead of emptying it.")};
    const QDateTime now = m_session.clock().nowUtc();
    if (amendment.occurredAt && toMs(*amendment.occurredAt) > toMs(now) + DomainRules::FutureToleranceMs)
        return {StoreError::Code::Invalid, tr("An entry cannot be dated in the future.")};

    return m_session.write(tr("Amending the entry"), [&](WriteTransaction &tx) -> StoreError {
        auto current =
            tx.exec(QStringLiteral("SELECT %1 FROM timeline_entry WHERE id = ?").arg(EntryColumns), {entryId});
        if (!current)
            return current.error();
        if (!current->next())
            return {StoreError::Code::NotFound, tr("There is no timeline entry #%1.").arg(entryId)};
        const TimelineEntry before = readEntry(*current);
        current->finish();

        TimelineEntry after = before;
        if (amendment.kind)
            after.kind = *amendment.kind;
        if (amendment.text)
            after.text = amendment.text->trimmed();
        if (amendment.occurredAt)
            after.occurredAt = amendment.occurredAt->toUTC();
        if (amendment.tags)
            after.tags = *amendment.tags;
        if (amendment.keyEvent)
            after.keyEvent = *amendment.keyEvent;
        if (amendment.retracted)
            after.retracted = *amendment.retracted;
        if (after.kind == before.kind && after.text == before.text && after.occurredAt == before.occurredAt &&
            after.tags == before.tags && after.keyEvent == before.keyEvent && after.retracted == before.retracted)
            return {}; // nothing to record

        // The reading being replaced is kept whole; the entry row then holds the new reading.
        if (StoreError error = tx.run(
                QStringLiteral("INSERT INTO timeline_revision (entry_id, revision, superseded_at, superseded_by, "
                               "kind, occurred_at, body, tags, key_event, retracted) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                {entryId, before.revision, toMs(now), author.trimmed(), EntryVocabulary::kindKey(before.kind),
                 toMs(before.occurredAt), before.text, joinWords(before.tags), before.keyEvent ? 1 : 0,
                 before.retracted ? 1 : 0});
            !error.ok())
            return error;
        if (StoreError error =
                tx.run(QStringLiteral("UPDATE timeline_entry SET kind = ?, occurred_at = ?, body = ?, tags = ?, "
                                      "key_event = ?, retracted = ?, revision = ? WHERE id = ?"),
                       {EntryVocabulary::kindKey(after.kind), toMs(after.occurredAt), after.text, joinWords(after.tags),
                        after.keyEvent ? 1 : 0, after.retracted ? 1 : 0, before.revision + 1, entryId});
            !error.ok())
            return error;
        return m_session.logChange(tx, StoreEntity::Entry, entryId, before.incidentId, ChangeOp::Update);
    });
}

StoreError TimelineRepository::setRetracted(qint64 entryId, bool retracted, const QString &author)
{
    EntryAmendment amendment;
    amendment.retracted = retracted;
    return amend(entryId, amendment, author);
}

Result<TimelineEntry> TimelineRepository::entry(qint64 entryId) const
{
    return m_session.readOne(QStringLiteral("SELECT %1 FROM timeline_entry WHERE id = ?").arg(EntryColumns), {entryId},
                             tr("Reading entry #%1").arg(entryId), tr("There is no timeline entry #%1.").arg(entryId),
                             readEntry);
}

Result<TimelineEntry> TimelineRepository::addedEntry(qint64 entryId) const
{
    if (const auto it = m_appended.constFind(entryId); it != m_appended.cend())
        return *it;
    return entry(entryId);
}

Result<QList<EntryRevision>> TimelineRepository::history(qint64 entryId) const
{
    auto current = entry(entryId);
    if (!current)
        return current.error();
    auto q =
        runStatement(m_session.database(),
                     QStringLiteral("SELECT revision, superseded_at, superseded_by, kind, occurred_at, body, tags, "
                                    "key_event, retracted FROM timeline_revision WHERE entry_id = ? "
                                    "ORDER BY revision"),
                     {entryId}, tr("Reading the history of entry #%1").arg(entryId));
    if (!q)
        return q.error();
    QList<EntryRevision> history;
    while (q->next()) {
        EntryRevision revision;
        revision.entry = *current;
        revision.entry.revision = q->value(0).toInt();
        revision.supersededAt = fromMs(q->value(1));
        revision.supersededBy = q->value(2).toString();
        revision.entry.kind = EntryVocabulary::kindFromKey(q->value(3).toString()).value_or(EntryKind::Note);
        revision.entry.occurredAt = fromMs(q->value(4));
        revision.entry.text = q->value(5).toString();
        revision.entry.tags = splitWords(q->value(6).toString());
        revision.entry.keyEvent = q->value(7).toInt() != 0;
        revision.entry.retracted = q->value(8).toInt() != 0;
        history << revision;
    }
    history << EntryRevision{*current, {}, {}};
    return history;
}

Result<QList<TimelineEntry>> TimelineRepository::entries(const TimelinePage &page) const
{
    QVariantList values{page.incidentId};
    QString sql = QStringLiteral("SELECT %1 FROM timeline_entry WHERE incident_id = ?").arg(EntryColumns);
    const QString after = page.oldestFirst ? QStringLiteral(">") : QStringLiteral("<");
    if (page.hasCursor) {
        sql += QStringLiteral(" AND (occurred_at %1 ? OR (occurred_at = ? AND id %1 ?))").arg(after);
        values << page.cursorOccurredMs << page.cursorOccurredMs << page.cursorId;
    }
    sql += filterSql(page.filter, m_session.dialect(), values);
    sql += page.oldestFirst ? QStringLiteral(" ORDER BY occurred_at, id LIMIT ?")
                            : QStringLiteral(" ORDER BY occurred_at DESC, id DESC LIMIT ?");
    values << qMax(1, page.limit);
    return m_session.readAll(sql, values, tr("Reading the timeline"), readEntry);
}

Result<bool> TimelineRepository::matches(qint64 entryId, const TimelineFilter &filter) const
{
    QVariantList values{entryId};
    const QString sql =
        QStringLiteral("SELECT 1 FROM timeline_entry WHERE id = ?") + filterSql(filter, m_session.dialect(), values);
    auto q = m_session.read(sql, values, tr("Filtering the timeline"));
    if (!q)
        return q.error();
    return q->next();
}

Result<QStringList> TimelineRepository::authors(qint64 incidentId) const
{
    return m_session.readAll(
        QStringLiteral("SELECT DISTINCT author FROM timeline_entry WHERE incident_id = ? ORDER BY author"),
        {incidentId}, tr("Listing authors"), [](const QSqlQuery &q) { return q.value(0).toString(); });
}

} // namespace cp
