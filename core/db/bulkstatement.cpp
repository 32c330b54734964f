#include "bulkstatement.h"

#include "server/statementdeadline.h"

#include <QSqlError>

#include <sqlite3.h>

namespace cp {

BulkStatement::BulkStatement(const WriteTransaction &tx, const QString &sql) : m_doing(tx.doing())
{
    if (tx.statements()) {
        m_statement.emplace(*tx.statements(), sql, CachedQuery::Keep::Once);
        return;
    }
    m_query.emplace(tx.database());
    m_connectionName = tx.database().connectionName();
    const StatementDeadline::Statement deadline(m_connectionName);
    m_queryPrepared = m_query->prepare(sql);
}

StoreError BulkStatement::step(const QVariantList &values, qint64 *returnedId)
{
    if (m_statement) {
        bool returned = false;
        if (const int rc = m_statement->run(values, returnedId, &returned); rc != SQLITE_DONE)
            return m_statement->error(rc, m_doing);
        if (returnedId && !returned)
            return {StoreError::Code::Internal, m_doing};
        return {};
    }
    if (!m_queryPrepared)
        return StoreError::fromSql(m_query->lastError(), m_doing);
    for (int i = 0; i < values.size(); ++i)
        m_query->bindValue(i, values.at(i));
    const StatementDeadline::Statement deadline(m_connectionName);
    if (!m_query->exec())
        return deadline.failure(m_query->lastError(), m_doing);
    if (returnedId) {
        if (!m_query->next())
            return StoreError::fromSql(m_query->lastError(), m_doing);
        *returnedId = m_query->value(0).toLongLong();
    }
    m_query->finish();
    return {};
}

StoreError BulkStatement::run(const QVariantList &values)
{
    return step(values, nullptr);
}

Result<qint64> BulkStatement::insert(const QVariantList &values)
{
    qint64 id = 0;
    if (StoreError error = step(values, &id); !error.ok())
        return error;
    return id;
}

} // namespace cp
