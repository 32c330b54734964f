#include "bulkstatement.h"

#include "server/statementdeadline.h"

#include <QSqlDriver>
#include <QSqlError>

#include <sqlite3.h>

namespace cp {

namespace {

// The connection under Qt's SQLite driver. Debian's Qt links the system's libsqlite3, the same
// library this code calls, so the handle is one this code may use.
sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

// As Qt's driver binds: a null QString (like an invalid QVariant) is SQL NULL.
int bind(sqlite3_stmt *statement, int index, const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::UnknownType:
    case QMetaType::Nullptr:
        return sqlite3_bind_null(statement, index);
    case QMetaType::Bool:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        return sqlite3_bind_int64(statement, index, value.toLongLong());
    case QMetaType::Double:
        return sqlite3_bind_double(statement, index, value.toDouble());
    case QMetaType::QByteArray: {
        const QByteArray bytes = value.toByteArray();
        return sqlite3_bind_blob64(statement, index, bytes.constData(), quint64(bytes.size()), SQLITE_TRANSIENT);
    }
    case QMetaType::QString: {
        // The text lives in 'value' until the statement is reset after its step: SQLite need not
        // copy it.
        const QString &text = *static_cast<const QString *>(value.constData());
        if (text.isNull())
            return sqlite3_bind_null(statement, index);
        return sqlite3_bind_text16(statement, index, text.utf16(), int(text.size() * sizeof(char16_t)), SQLITE_STATIC);
    }
    default: {
        const QString text = value.toString();
        if (text.isNull())
            return sqlite3_bind_null(statement, index);
        return sqlite3_bind_text16(statement, index, text.utf16(), int(text.size() * sizeof(char16_t)),
                                   SQLITE_TRANSIENT);
    }
    }
}

} // namespace

BulkStatement::BulkStatement(const QSqlDatabase &db, const SqlDialect &dialect, QString doing, const QString &sql)
    : m_doing(std::move(doing))
{
    if (dialect.engine() == SqlDialect::Engine::Sqlite)
        m_sqlite = sqliteHandle(db);
    if (m_sqlite) {
        // SQLite answers a RETURNING through a temporary table it opens and closes for every row
        // (a third of a JSON import's inserts): the id of the row is read from the connection.
        static const QLatin1String ReturningId(" RETURNING id");
        m_rowidReturned = sql.endsWith(ReturningId);
        const QByteArray utf8 = (m_rowidReturned ? sql.chopped(ReturningId.size()) : sql).toUtf8();
        m_prepared = sqlite3_prepare_v3(m_sqlite, utf8.constData(), int(utf8.size()), SQLITE_PREPARE_PERSISTENT,
                                        &m_statement, nullptr);
        return;
    }
    m_query.emplace(db);
    m_connectionName = db.connectionName();
    const StatementDeadline::Statement deadline(m_connectionName);
    m_queryPrepared = m_query->prepare(sql);
}

BulkStatement::~BulkStatement()
{
    sqlite3_finalize(m_statement);
}

StoreError BulkStatement::sqliteError(int rc) const
{
    return StoreError::fromSqliteCode(rc, QString::fromUtf8(sqlite3_errmsg(m_sqlite)), m_doing);
}

StoreError BulkStatement::step(const QVariantList &values, qint64 *returnedId)
{
    if (!m_sqlite) {
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
    if (m_prepared != SQLITE_OK)
        return sqliteError(m_prepared);
    for (int i = 0; i < values.size(); ++i) {
        if (const int rc = bind(m_statement, i + 1, values.at(i)); rc != SQLITE_OK)
            return sqliteError(rc);
    }
    int rc = sqlite3_step(m_statement);
    bool returned = rc == SQLITE_ROW;
    if (returned && returnedId) {
        *returnedId = sqlite3_column_int64(m_statement, 0);
        rc = sqlite3_step(m_statement);
    } else if (m_rowidReturned && rc == SQLITE_DONE && sqlite3_changes(m_sqlite) == 1) {
        returned = true;
        if (returnedId) // the table's id is its rowid (SqlDialect::identityColumn)
            *returnedId = sqlite3_last_insert_rowid(m_sqlite);
    }
    // Reset before it runs again (and before COMMIT); the reset repeats a failed step's code.
    const int reset = sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement); // none points into 'values' once they are gone
    if (rc != SQLITE_DONE)
        return sqliteError(reset != SQLITE_OK ? reset : rc);
    if (returnedId && !returned)
        return {StoreError::Code::Internal, m_doing};
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
