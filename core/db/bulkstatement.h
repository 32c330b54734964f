#pragma once

#include "sqldialect.h"
#include "storeerror.h"

#include <QSqlQuery>
#include <QVariantList>

#include <optional>

struct sqlite3;
struct sqlite3_stmt;

namespace cp {

// One statement prepared once and run for many rows of a bulk write inside a WriteTransaction,
// each run checked. On SQLite it binds and steps through the C API on the transaction's own
// connection (Qt's driver builds a placeholder name and a hash entry for every bound value, which
// made a 100,000-row import spend most of its time, and its hold on the write lock, there). On a
// team server it is a QSqlQuery.
class BulkStatement final
{
    Q_DISABLE_COPY_MOVE(BulkStatement)
public:
    BulkStatement(const QSqlDatabase &db, const SqlDialect &dialect, QString doing, const QString &sql);
    ~BulkStatement();

    StoreError run(const QVariantList &values);
    // An "INSERT … RETURNING id": the new row's id.
    Result<qint64> insert(const QVariantList &values);

private:
    StoreError step(const QVariantList &values, qint64 *returnedId);
    StoreError sqliteError(int rc) const;

    QString m_doing;
    sqlite3 *m_sqlite = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    int m_prepared = 0;           // SQLite's result code of the prepare
    bool m_rowidReturned = false; // an "INSERT … RETURNING id" prepared without its RETURNING
    std::optional<QSqlQuery> m_query;
    bool m_queryPrepared = false;
    QString m_connectionName; // a server's: its statements run against the deadline of its answers
};

} // namespace cp
