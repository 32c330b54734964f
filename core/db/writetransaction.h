#pragma once

#include "sqldialect.h"
#include "statementcache.h"
#include "storeerror.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantList>

#include <optional>
#include <type_traits>

namespace cp {

// Runs one prepared statement with positional values; the error says what was being done.
Result<QSqlQuery> runStatement(const QSqlDatabase &db, const QString &sql, const QVariantList &values,
                               const QString &doing);

// One write transaction, begun with the dialect's locking BEGIN and checked at every step.
// Rolled back unless commit() succeeded, so an early return can never leave it open.
//
// With a StatementCache attached to the connection (a SQLite file), its BEGIN IMMEDIATE, COMMIT
// and the statements of run(), insert(), value() and requireRow() go through SQLite's C API,
// compiled once per connection; exec() and readOne() stay QSqlQuery (their callers read rows
// through it). On a team server every statement is a QSqlQuery.
class WriteTransaction final
{
    Q_DISABLE_COPY_MOVE(WriteTransaction)
public:
    WriteTransaction(const QSqlDatabase &db, const SqlDialect &dialect, QString doing,
                     StatementCache *statements = nullptr);
    ~WriteTransaction();

    StoreError begin();
    StoreError commit();
    void rollback();
    // A statement whose rows are read by the caller (finish() it before commit()).
    Result<QSqlQuery> exec(const QString &sql, const QVariantList &values = {});
    // A statement whose result is not needed; finished at once, so COMMIT never meets it. One
    // without values (a schema step, a PRAGMA) is compiled for that run alone.
    StoreError run(const QString &sql, const QVariantList &values = {});
    // An "INSERT … RETURNING id": the new row's id.
    Result<qint64> insert(const QString &sql, const QVariantList &values);
    // The first column of the first row; std::nullopt when there is no row.
    Result<std::optional<QVariant>> value(const QString &sql, const QVariantList &values);
    // The first row, read by 'row'; NotFound with 'notFound' when there is none.
    template <typename Row>
    auto readOne(const QString &sql, const QVariantList &values, const QString &notFound, Row row)
        -> Result<std::invoke_result_t<Row, const QSqlQuery &>>
    {
        auto q = exec(sql, values);
        if (!q)
            return q.error();
        if (!q->next())
            return StoreError(StoreError::Code::NotFound, notFound);
        auto value = row(*q);
        q->finish();
        return value;
    }
    // NotFound with 'notFound' unless 'table' (one of ours, never user input) has a row 'id'.
    StoreError requireRow(const QString &table, qint64 id, const QString &notFound);
    const QString &doing() const { return m_doing; }
    const QSqlDatabase &database() const { return m_db; }
    // The connection's compiled statements when they serve this transaction (a file), else nullptr.
    StatementCache *statements() const { return m_statements; }

private:
    StoreError plain(const QString &sql);
    // Through the cache: runs 'sql' to its end; 'firstValue' and 'returned' as CachedQuery::run.
    StoreError runCached(const QString &sql, const QVariantList &values, CachedQuery::Keep keep,
                         qint64 *firstValue = nullptr, bool *returned = nullptr);

    QSqlDatabase m_db;
    const SqlDialect &m_dialect;
    QString m_doing;
    StatementCache *m_statements = nullptr;
    bool m_open = false;
};

} // namespace cp
