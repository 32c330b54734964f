// What a training replay reads of an incident. Read only, in one short read transaction so that
// a writer's checkpoint is never held up for long.
#include "replaysource.h"

#include "db/incidentstore.h"
#include "db/storevalues.h"
#include "db/writetransaction.h"

#include <QSet>
#include <QSqlQuery>

namespace cp {

using namespace storevalues;

namespace {

// Ends the read transaction however the reading ends.
class ReadScope final
{
    Q_DISABLE_COPY_MOVE(ReadScope)
public:
    ReadScope(const QSqlDatabase &db, const SqlDialect &dialect) : m_db(db)
    {
        m_open = runStatement(m_db, dialect.beginRead(), {}, QString()).ok();
    }
    ~ReadScope()
    {
        if (m_open)
            runStatement(m_db, QStringLiteral("COMMIT"), {}, QString());
    }

private:
    QSqlDatabase m_db;
    bool m_open = false;
};

} // namespace

Result<ReplaySource> ReplaySource::read(const IncidentStore &store, qint64 incidentId)
{
    if (!store.session().isOpen())
        return StoreSession::notOpen();
    const ReadScope scope(store.session().database(), store.session().dialect());
    ReplaySource source;

    auto found = store.incidents().incident(incidentId);
    if (!found)
        return found.error();
    source.incident = *found;

    TimelinePage page;
    page.incidentId = incidentId;
    page.oldestFirst = true;
    page.limit = 1000;
    for (;;) {
        auto batch = store.timeline().entries(page);
        if (!batch)
            return batch.error();
        source.entries << *batch;
        if (batch->size() < page.limit)
            break;
        page.hasCursor = true;
        page.cursorOccurredMs = toMs(batch->constLast().occurredAt);
        page.cursorId = batch->constLast().id;
    }

    auto changes = runStatement(store.session().database(),
                                QStringLiteral("SELECT changed_at, changed_by, field, old_value, new_value FROM "
                                               "incident_change WHERE incident_id = ? ORDER BY changed_at, id"),
                                {incidentId}, ReplaySource::tr("Reading the incident's history"));
    if (!changes)
        return changes.error();
    while (changes->next()) {
        source.changes.append({fromMs(changes->value(0)), changes->value(1).toString(), changes->value(2).toString(),
                               changes->value(3).toString(), changes->value(4).toString()});
    }

    auto roleList = store.roles().list(incidentId);
    if (!roleList)
        return roleList.error();
    source.roles = *roleList;
    auto history = store.roles().assignmentHistory(incidentId);
    if (!history)
        return history.error();
    source.assignments = *history;
    QSet<qint64> seen;
    for (const Assignment &a : std::as_const(source.assignments)) {
        if (seen.contains(a.personId))
            continue;
        seen.insert(a.personId);
        auto who = store.roster().person(a.personId);
        if (!who)
            return who.error();
        source.people << *who;
    }

    auto timerList = store.timers().list(incidentId);
    if (!timerList)
        return timerList.error();
    source.timers = *timerList;
    auto settled = runStatement(store.session().database(),
                                QStringLiteral("SELECT id, updated_at FROM timer WHERE incident_id = ?"), {incidentId},
                                ReplaySource::tr("Reading the timers"));
    if (!settled)
        return settled.error();
    while (settled->next())
        source.timerSettledAt.insert(settled->value(0).toLongLong(), fromMs(settled->value(1)));
    settled->finish();

    auto rounds = store.rollCalls().rounds(incidentId);
    if (!rounds)
        return rounds.error();
    source.rollCalls = *rounds;
    auto items = store.rollCalls().items(incidentId);
    if (!items)
        return items.error();
    source.rollCallItems = *items;
    return source;
}

} // namespace cp
