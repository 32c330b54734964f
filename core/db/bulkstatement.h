#pragma once

#include "statementcache.h"
#include "storeerror.h"
#include "writetransaction.h"

#include <QSqlQuery>
#include <QVariantList>

#include <optional>

namespace cp {

// One statement prepared once and run for many rows of a bulk write inside a WriteTransaction,
// each run checked. On SQLite it binds and steps through the C API on the transaction's own
// connection (CachedQuery; Qt's driver builds a placeholder name and a hash entry for every bound
// value, which made a 100,000-row import spend most of its time, and its hold on the write lock,
// there). On a team server it is a QSqlQuery.
class BulkStatement final
{
    Q_DISABLE_COPY_MOVE(BulkStatement)
public:
    BulkStatement(const WriteTransaction &tx, const QString &sql);

    StoreError run(const QVariantList &values);
    // An "INSERT … RETURNING id": the new row's id.
    Result<qint64> insert(const QVariantList &values);

private:
    StoreError step(const QVariantList &values, qint64 *returnedId);

    QString m_doing;
    std::optional<CachedQuery> m_statement; // a file's
    std::optional<QSqlQuery> m_query;       // a server's
    bool m_queryPrepared = false;
    QString m_connectionName; // a server's: its statements run against the deadline of its answers
};

} // namespace cp
