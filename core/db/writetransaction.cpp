#include "writetransaction.h"

#include "server/statementdeadline.h"

#include <QCoreApplication>
#include <QSqlError>

#include <sqlite3.h>

namespace cp {

namespace {
// Qt's PostgreSQL driver closes a connection whose socket it finds dead, even between two
// statements of one command. Nothing more is run on it (Qt would only warn "database not open"):
// it fails as a lost connection (SQLSTATE 08003), which the session takes as the link going down.
QSqlError closedConnection()
{
    return {QString(), QCoreApplication::translate("cp::WriteTransaction", "the connection is closed"),
            QSqlError::ConnectionError, QStringLiteral("08003")};
}
} // namespace

Result<QSqlQuery> runStatement(const QSqlDatabase &db, const QString &sql, const QVariantList &values,
                               const QString &doing)
{
    // On a team server, against the deadline of its answer.
    const StatementDeadline::Statement deadline(db);
    if (!db.isOpen())
        return deadline.failure(closedConnection(), doing);
    QSqlQuery query(db);
    query.setForwardOnly(true);
    // Without values nothing is bound: run it as it is. PostgreSQL's driver prepares with PREPARE,
    // which takes no utility statement (BEGIN, SET, CREATE, GRANT).
    if (values.isEmpty()) {
        if (!query.exec(sql))
            return deadline.failure(query.lastError(), doing);
        return query;
    }
    if (!query.prepare(sql))
        return deadline.failure(query.lastError(), doing);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return deadline.failure(query.lastError(), doing);
    return query;
}

WriteTransaction::WriteTransaction(const QSqlDatabase &db, const SqlDialect &dialect, QString doing,
                                   StatementCache *statements)
    : m_db(db), m_dialect(dialect), m_doing(std::move(doing)),
      m_statements(statements && statements->isAttached() && dialect.engine() == SqlDialect::Engine::Sqlite
                       ? statements
                       : nullptr)
{
}

StoreError WriteTransaction::runCached(const QString &sql, const QVariantList &values, CachedQuery::Keep keep,
                                       qint64 *firstValue, bool *returned)
{
    CachedQuery query(*m_statements, sql, keep);
    if (const int rc = query.run(values, firstValue, returned); rc != SQLITE_DONE)
        return query.error(rc, m_doing);
    return {};
}

WriteTransaction::~WriteTransaction()
{
    rollback();
}

StoreError WriteTransaction::plain(const QString &sql)
{
    if (m_statements)
        return runCached(sql, {}, CachedQuery::Keep::Cached);
    const StatementDeadline::Statement deadline(m_db);
    if (!m_db.isOpen())
        return deadline.failure(closedConnection(), m_doing);
    QSqlQuery query(m_db);
    if (!query.exec(sql))
        return deadline.failure(query.lastError(), m_doing);
    return {};
}

StoreError WriteTransaction::begin()
{
    if (StoreError error = plain(m_dialect.beginWrite()); !error.ok())
        return error;
    m_open = true;
    for (const QString &statement : m_dialect.afterBeginWrite()) {
        if (StoreError error = plain(statement); !error.ok()) {
            rollback();
            return error;
        }
    }
    return {};
}

StoreError WriteTransaction::commit()
{
    if (!m_open)
        return {StoreError::Code::Internal, m_doing + QStringLiteral(": commit without a transaction")};
    for (const QString &statement : m_dialect.beforeCommit()) {
        if (StoreError error = plain(statement); !error.ok()) {
            rollback();
            return error;
        }
    }
    if (StoreError error = plain(QStringLiteral("COMMIT")); !error.ok()) {
        rollback();
        return error;
    }
    m_open = false;
    return {};
}

void WriteTransaction::rollback()
{
    if (!m_open)
        return;
    m_open = false;
    if (m_statements) {
        runCached(QStringLiteral("ROLLBACK"), {}, CachedQuery::Keep::Cached); // failing: SQLite already rolled back
        return;
    }
    if (!m_db.isOpen())
        return; // a closed connection's transaction ended with it
    const StatementDeadline::Statement deadline(m_db);
    QSqlQuery query(m_db);
    query.exec(QStringLiteral("ROLLBACK")); // failing here means SQLite already rolled back
}

Result<QSqlQuery> WriteTransaction::exec(const QString &sql, const QVariantList &values)
{
    return runStatement(m_db, sql, values, m_doing);
}

} // namespace cp

namespace cp {

Result<qint64> WriteTransaction::insert(const QString &sql, const QVariantList &values)
{
    if (m_statements) {
        qint64 id = 0;
        bool returned = false;
        if (StoreError error = runCached(sql, values, CachedQuery::Keep::Cached, &id, &returned); !error.ok())
            return error;
        if (!returned)
            return StoreError(StoreError::Code::Internal, m_doing + QStringLiteral(": no id came back"));
        return id;
    }
    auto query = runStatement(m_db, sql, values, m_doing);
    if (!query)
        return query.error();
    if (!query->next())
        return StoreError(StoreError::Code::Internal, m_doing + QStringLiteral(": no id came back"));
    const qint64 id = query->value(0).toLongLong();
    query->finish();
    return id;
}

StoreError WriteTransaction::run(const QString &sql, const QVariantList &values)
{
    if (m_statements)
        return runCached(sql, values, values.isEmpty() ? CachedQuery::Keep::Once : CachedQuery::Keep::Cached);
    auto query = runStatement(m_db, sql, values, m_doing);
    if (!query)
        return query.error();
    query->finish();
    return {};
}

Result<std::optional<QVariant>> WriteTransaction::value(const QString &sql, const QVariantList &values)
{
    if (m_statements) {
        CachedQuery query(*m_statements, sql);
        int rc = query.bind(values);
        if (rc == SQLITE_OK)
            rc = query.step();
        if (rc == SQLITE_DONE)
            return std::optional<QVariant>();
        if (rc != SQLITE_ROW)
            return query.error(rc, m_doing);
        return std::optional<QVariant>(query.value(0));
    }
    auto query = exec(sql, values);
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<QVariant>();
    QVariant first = query->value(0);
    query->finish();
    return std::optional<QVariant>(std::move(first));
}

StoreError WriteTransaction::requireRow(const QString &table, qint64 id, const QString &notFound)
{
    auto found = value(QStringLiteral("SELECT 1 FROM %1 WHERE id = ?").arg(table), {id});
    if (!found)
        return found.error();
    return found->has_value() ? StoreError() : StoreError(StoreError::Code::NotFound, notFound);
}

} // namespace cp
