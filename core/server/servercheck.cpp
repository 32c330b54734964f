#include "servercheck.h"

#include "db/writetransaction.h"
#include "serverconnection.h"

#include <QScopeGuard>
#include <QSqlError>

#include <functional>
#include <tuple>

namespace cp {

namespace {

// A damaged table can fail a rule for every row: the first few say enough.
constexpr int MaxProblemsPerRule = 20;

// A rule of the change log, as a query whose rows each break it, and how to say one row.
struct Rule
{
    const char *sql;
    std::function<QString(const QSqlQuery &)> describe;
};

QString quotedIdentifier(QString name)
{
    name.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + name + QLatin1Char('"');
}

} // namespace

Result<ServerCheck::Report> ServerCheck::run(QSqlDatabase &db)
{
    Report report;
    if (StoreError error = checkChangeLog(db, report); !error.ok())
        return error;
    if (StoreError error = checkStorage(db, report); !error.ok())
        return error;
    return report;
}

StoreError ServerCheck::checkStorage(QSqlDatabase &db, Report &report)
{
    const QString doing = tr("Checking the server's storage (amcheck)");
    auto installed = [&]() -> Result<QString> {
        auto q = runStatement(db,
                              QStringLiteral("SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = "
                                             "e.extnamespace WHERE e.extname = 'amcheck'"),
                              {}, doing);
        if (!q)
            return q.error();
        return q->next() ? q->value(0).toString() : QString();
    };
    auto schema = installed();
    if (!schema)
        return schema.error();
    if (schema->isEmpty()) {
        // Outside the CommandPost schema: the check's functions are the server's, not ours.
        auto created =
            runStatement(db, QStringLiteral("CREATE EXTENSION IF NOT EXISTS amcheck SCHEMA public"), {}, doing);
        if (!created) {
            report.storageNotChecked =
                tr("the amcheck extension is not in this database and this login may not create it (%1); a "
                   "superuser adds it with CREATE EXTENSION amcheck")
                    .arg(created.error().message());
            return {};
        }
        schema = installed();
        if (!schema)
            return schema.error();
    }
    const QString amcheck = quotedIdentifier(*schema) + QLatin1Char('.');

    auto relations = runStatement(db,
                                  QStringLiteral("SELECT c.oid, c.relname, c.relkind FROM pg_class c JOIN pg_namespace "
                                                 "n ON n.oid = c.relnamespace LEFT JOIN pg_am a ON a.oid = c.relam "
                                                 "WHERE n.nspname = ? AND (c.relkind = 'r' OR (c.relkind = 'i' AND "
                                                 "a.amname = 'btree')) ORDER BY c.relkind, c.relname"),
                                  {ServerConnection::schemaName()}, doing);
    if (!relations)
        return relations.error();
    QList<std::tuple<qint64, QString, bool>> found; // oid, name, is an index
    while (relations->next())
        found.append({relations->value(0).toLongLong(), relations->value(1).toString(),
                      relations->value(2).toString() == QLatin1String("i")});
    for (const auto &[oid, name, isIndex] : std::as_const(found)) {
        const QString sql =
            isIndex ? QStringLiteral("SELECT %1bt_index_check(?::oid::regclass, true)").arg(amcheck)
                    : QStringLiteral("SELECT blkno, offnum, msg FROM %1verify_heapam(?::oid::regclass)").arg(amcheck);
        auto checked = runStatement(db, sql, {oid}, doing);
        if (!checked) {
            // Not allowed to run it at all: say so once, do not call it damage.
            if (checked.error().code() == StoreError::Code::Denied) {
                report.storageNotChecked = tr("this login may not run amcheck (%1); run the check as a superuser")
                                               .arg(checked.error().message());
                report.indexesChecked = 0;
                report.tablesChecked = 0;
                return {};
            }
            if (checked.error().code() == StoreError::Code::Unreachable)
                return checked.error();
            report.problems << tr("index %1: %2").arg(name, checked.error().message());
            continue;
        }
        if (isIndex) {
            ++report.indexesChecked;
            continue;
        }
        ++report.tablesChecked;
        while (checked->next())
            report.problems << tr("table %1, block %2, item %3: %4")
                                   .arg(name, checked->value(0).toString(), checked->value(1).toString(),
                                        checked->value(2).toString());
    }
    return {};
}

StoreError ServerCheck::checkChangeLog(QSqlDatabase &db, Report &report)
{
    const QString doing = tr("Checking the change log");
    // One snapshot for every rule; the rows themselves, not what an index says about them.
    for (const char *statement : {"BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", "SET LOCAL enable_indexscan = off",
                                  "SET LOCAL enable_indexonlyscan = off", "SET LOCAL enable_bitmapscan = off"}) {
        if (auto done = runStatement(db, QString::fromLatin1(statement), {}, doing); !done) {
            runStatement(db, QStringLiteral("ROLLBACK"), {}, doing);
            return done.error();
        }
    }
    const auto rollback = qScopeGuard([&] { runStatement(db, QStringLiteral("ROLLBACK"), {}, doing); });

    const QList<std::pair<qint64 *, const char *>> counts = {
        {&report.incidents, "SELECT COUNT(*) FROM incident"},
        {&report.entries, "SELECT COUNT(*) FROM timeline_entry"},
        {&report.changes, "SELECT COUNT(*) FROM change_log"},
        {&report.deliveries, "SELECT COUNT(*) FROM entry_delivery"},
    };
    for (const auto &[count, sql] : counts) {
        auto q = runStatement(db, QString::fromLatin1(sql), {}, doing);
        if (!q)
            return q.error();
        q->next();
        *count = q->value(0).toLongLong();
    }
    auto version = runStatement(db, QStringLiteral("SELECT version FROM schema_info"), {}, doing);
    if (!version)
        return version.error();
    report.schemaVersion = version->next() ? version->value(0).toInt() : 0;

    const auto text = [](const QSqlQuery &q, int column) { return q.value(column).toString(); };
    const QList<Rule> rules = {
        {"SELECT seq, COUNT(*) FROM change_log GROUP BY seq HAVING COUNT(*) > 1 ORDER BY seq",
         [&](const QSqlQuery &q) { return tr("change %1 is in the change log %2 times").arg(text(q, 0), text(q, 1)); }},
        {"SELECT id, COUNT(*) FROM timeline_entry GROUP BY id HAVING COUNT(*) > 1 ORDER BY id",
         [&](const QSqlQuery &q) { return tr("entry %1 is on the timeline %2 times").arg(text(q, 0), text(q, 1)); }},
        // Writers take one lock each, so entry ids and change ids grow together.
        {"SELECT seq, entity_id, previous FROM (SELECT seq, entity_id, lag(entity_id) OVER (ORDER BY seq) AS "
         "previous FROM change_log WHERE entity = 'entry' AND op = 'insert') logged WHERE entity_id <= previous "
         "ORDER BY seq",
         [&](const QSqlQuery &q) {
             return tr("change %1 logs entry %2 after entry %3: the change log is out of order")
                 .arg(text(q, 0), text(q, 1), text(q, 2));
         }},
        {"SELECT entity_id, COUNT(*) FROM change_log WHERE entity = 'entry' AND op = 'insert' GROUP BY entity_id "
         "HAVING COUNT(*) > 1 ORDER BY entity_id",
         [&](const QSqlQuery &q) { return tr("entry %1 is logged as new %2 times").arg(text(q, 0), text(q, 1)); }},
        // A bulk write logs its timeline's reload instead of each entry.
        {"SELECT e.id, e.incident_id FROM timeline_entry e WHERE NOT EXISTS (SELECT 1 FROM change_log c WHERE "
         "c.entity = 'entry' AND c.op = 'insert' AND c.entity_id = e.id) AND NOT EXISTS (SELECT 1 FROM change_log c "
         "WHERE c.entity = 'timeline' AND c.op = 'reload' AND c.incident_id = e.incident_id) ORDER BY e.id",
         [&](const QSqlQuery &q) {
             return tr("entry %1 of incident %2 has no change-log row: other windows never learnt of it")
                 .arg(text(q, 0), text(q, 1));
         }},
        {"SELECT client_uuid, COUNT(*) FROM entry_delivery GROUP BY client_uuid HAVING COUNT(*) > 1 "
         "ORDER BY client_uuid",
         [&](const QSqlQuery &q) {
             return tr("client id %1 is recorded %2 times as delivered").arg(text(q, 0), text(q, 1));
         }},
        {"SELECT entry_id, COUNT(*) FROM entry_delivery GROUP BY entry_id HAVING COUNT(*) > 1 ORDER BY entry_id",
         [&](const QSqlQuery &q) {
             return tr("entry %1 was delivered under %2 client ids: logged once per id, so twice")
                 .arg(text(q, 0), text(q, 1));
         }},
        {"SELECT d.client_uuid, d.entry_id FROM entry_delivery d WHERE NOT EXISTS (SELECT 1 FROM timeline_entry e "
         "WHERE e.id = d.entry_id) ORDER BY d.entry_id",
         [&](const QSqlQuery &q) {
             return tr("client id %1 was delivered as entry %2, which is not on the timeline")
                 .arg(text(q, 0), text(q, 1));
         }},
    };
    for (const Rule &rule : rules) {
        auto broken = runStatement(db, QString::fromLatin1(rule.sql), {}, doing);
        if (!broken)
            return broken.error();
        int found = 0;
        while (broken->next()) {
            if (++found <= MaxProblemsPerRule)
                report.problems << rule.describe(*broken);
        }
        if (found > MaxProblemsPerRule)
            report.problems << tr("… and %1 more like the one before").arg(found - MaxProblemsPerRule);
    }
    return {};
}

} // namespace cp
