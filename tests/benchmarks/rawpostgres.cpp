#include "rawpostgres.h"

#include "db/storechange.h"
#include "rawsqlite.h"
#include "server/serverconnection.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <latch>
#include <mutex>
#include <thread>
#include <vector>

namespace cp::bench {

namespace {

const qint64 FixtureStartMs = 1764000000000; // 2025-11-24, well in the past, as RawSqlite's

} // namespace

QList<double> RawPostgres::appendConcurrently(qint64 incidentId, int writers, int perWriter, QString *why) const
{
    // Every writer connects first; then all start together, as the store's writers do.
    std::latch connected(writers + 1);
    std::latch go(1);
    std::mutex mutex;
    QList<double> times;
    QString failure;
    std::vector<std::thread> threads;
    for (int w = 0; w < writers; ++w) {
        threads.emplace_back([&, w] {
            QList<double> mine;
            QString error;
            {
                ServerConnection connection; // a QSqlDatabase lives in the thread that made it
                if (StoreError opened = connection.open(m_address); !opened.ok())
                    error = opened.message();
                connected.count_down();
                go.wait();
                QSqlDatabase &db = connection.database();
                QSqlQuery insert(db);
                if (error.isEmpty() && !insert.prepare(QStringLiteral(
                                           "INSERT INTO timeline_entry (incident_id, kind, author, "
                                           "occurred_at, captured_at, body) VALUES (?, 'note', 'Cy', ?, ?, ?)")))
                    error = insert.lastError().text();
                for (int i = 0; i < perWriter && error.isEmpty(); ++i) {
                    const qint64 start = monotonicNs();
                    const qint64 at = FixtureStartMs + i;
                    insert.addBindValue(incidentId);
                    insert.addBindValue(at);
                    insert.addBindValue(at);
                    insert.addBindValue(QStringLiteral("floor writer %1 entry %2").arg(w).arg(i));
                    if (!db.transaction() || !insert.exec() || !db.commit()) {
                        error = insert.lastError().text() + db.lastError().text();
                        break;
                    }
                    mine << double(monotonicNs() - start) / 1e6;
                }
            }
            const std::lock_guard lock(mutex);
            times += mine;
            if (!error.isEmpty())
                failure = error;
        });
    }
    connected.arrive_and_wait();
    go.count_down();
    for (std::thread &t : threads)
        t.join();
    if (!failure.isEmpty()) {
        *why = failure;
        return {};
    }
    return times;
}

int RawPostgres::firstPage(qint64 incidentId, int limit) const
{
    ServerConnection connection;
    if (!connection.open(m_address).ok())
        return -1;
    QSqlQuery q(connection.database());
    q.setForwardOnly(true);
    if (!q.prepare(QStringLiteral("SELECT id, incident_id, kind, author, occurred_at, captured_at, body, tags, "
                                  "key_event, retracted, revision FROM timeline_entry WHERE incident_id = ? "
                                  "ORDER BY occurred_at DESC, id DESC LIMIT ?")))
        return -1;
    q.addBindValue(incidentId);
    q.addBindValue(limit);
    if (!q.exec())
        return -1;
    int rows = 0;
    while (q.next()) {
        for (int c = 0; c < 11; ++c)
            q.value(c); // read every column, as the model does
        ++rows;
    }
    return rows;
}

bool RawPostgres::fillTimeline(qint64 incidentId, int count, QString *why) const
{
    ServerConnection connection;
    if (StoreError opened = connection.open(m_address); !opened.ok()) {
        *why = opened.message();
        return false;
    }
    QSqlQuery q(connection.database());
    const auto run = [&](const QString &sql, const QVariantList &values) {
        if (values.isEmpty())
            return q.exec(sql); // ANALYZE cannot be prepared
        if (!q.prepare(sql))
            return false;
        for (const QVariant &value : values)
            q.addBindValue(value);
        return q.exec();
    };
    const bool filled =
        run(QStringLiteral("INSERT INTO timeline_entry (incident_id, kind, author, occurred_at, captured_at, body) "
                           "SELECT ?, 'note', (ARRAY['Ana', 'Bo', 'Cy'])[1 + g % 3], CAST(? AS BIGINT) + g * "
                           "2000::BIGINT, CAST(? AS BIGINT) + g * 2000::BIGINT, "
                           "'status of shard ' || g % 97 || ': replication lag ' || g % 13 || "
                           "' s, consumer group rebalanced' FROM generate_series(0, CAST(? AS INTEGER) - 1) AS g"),
            {incidentId, FixtureStartMs, FixtureStartMs, count}) &&
        run(QStringLiteral("INSERT INTO change_log (entity, entity_id, incident_id, op) VALUES (?, ?, ?, ?)"),
            {StoreChangeKeys::entityKey(StoreEntity::Timeline), incidentId, incidentId,
             StoreChangeKeys::opKey(ChangeOp::Reload)}) &&
        run(QStringLiteral("ANALYZE timeline_entry"), {});
    if (!filled)
        *why = q.lastError().text();
    return filled;
}

bool RawPostgres::count(qint64 incidentId, Counts *counts) const
{
    ServerConnection connection;
    if (!connection.open(m_address).ok())
        return false;
    QSqlQuery q(connection.database());
    if (!q.prepare(QStringLiteral("SELECT COUNT(*), COUNT(DISTINCT body), (SELECT COUNT(*) FROM change_log WHERE "
                                  "incident_id = ? AND entity = ? AND op = ?) FROM timeline_entry WHERE "
                                  "incident_id = ?")))
        return false;
    q.addBindValue(incidentId);
    q.addBindValue(StoreChangeKeys::entityKey(StoreEntity::Entry));
    q.addBindValue(StoreChangeKeys::opKey(ChangeOp::Insert));
    q.addBindValue(incidentId);
    if (!q.exec() || !q.next())
        return false;
    *counts = {q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong()};
    return true;
}

} // namespace cp::bench
