#include "statementcache.h"

#include <QSqlDatabase>
#include <QSqlDriver>

#include <sqlite3.h>

namespace cp {

namespace {

// As Qt's driver binds: a null QString (like an invalid QVariant) is SQL NULL. A text points into
// 'value', which the query keeps until the statement is reset: SQLite need not copy it.
int bindValue(sqlite3_stmt *statement, int index, const QVariant &value)
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
        const auto &bytes = *static_cast<const QByteArray *>(value.constData());
        return sqlite3_bind_blob64(statement, index, bytes.constData(), quint64(bytes.size()), SQLITE_STATIC);
    }
    case QMetaType::QString: {
        // constData(), not utf16(): utf16() copies a literal's text to end it with a zero.
        const auto &text = *static_cast<const QString *>(value.constData());
        if (text.isNull())
            return sqlite3_bind_null(statement, index);
        return sqlite3_bind_text16(statement, index, text.constData(), int(text.size() * sizeof(char16_t)),
                                   SQLITE_STATIC);
    }
    default: {
        const QString text = value.toString();
        if (text.isNull())
            return sqlite3_bind_null(statement, index);
        return sqlite3_bind_text16(statement, index, text.constData(), int(text.size() * sizeof(char16_t)),
                                   SQLITE_TRANSIENT);
    }
    }
}

// The tables' identity column (SqlDialect::identityColumn: "id", the change log's "seq") is their
// rowid.
const QLatin1String ReturningRowid[] = {QLatin1String(" RETURNING id"), QLatin1String(" RETURNING seq")};

// SQLite answers a RETURNING through a temporary table it opens and closes for every row: a plain
// INSERT's new id is read from the connection instead. An upsert's is not the last inserted rowid,
// so it keeps its RETURNING. The length of the RETURNING to leave out, or 0.
qsizetype rowidReturning(const QString &sql)
{
    if (!sql.startsWith(QLatin1String("INSERT INTO ")) || sql.contains(QLatin1String(" ON CONFLICT ")))
        return 0;
    for (const QLatin1String &returning : ReturningRowid) {
        if (sql.endsWith(returning))
            return returning.size();
    }
    return 0;
}

} // namespace

sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    // Debian's Qt links the system's libsqlite3, the library this code calls: the driver's handle
    // names its type so.
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

void StatementCache::attach(sqlite3 *connection)
{
    clear();
    m_connection = connection;
}

void StatementCache::clear()
{
    for (auto &[sql, entry] : m_statements) {
        Q_ASSERT(!entry.inUse);
        sqlite3_finalize(entry.statement);
    }
    m_statements.clear();
    m_connection = nullptr;
}

void StatementCache::prepare(const QString &sql, Entry &entry) const
{
    const qsizetype returning = rowidReturning(sql);
    entry.rowidReturned = returning > 0;
    const QString compiled = sql.chopped(returning);
    const void *tail = nullptr;
    entry.prepared = sqlite3_prepare16_v3(m_connection, compiled.constData(), int(compiled.size() * sizeof(char16_t)),
                                          SQLITE_PREPARE_PERSISTENT, &entry.statement, &tail);
    // As Qt's driver: one statement at a time, never a second one silently left out.
    const auto *rest = static_cast<const QChar *>(tail);
    const auto *end = compiled.constData() + compiled.size();
    entry.extraStatement = entry.prepared == SQLITE_OK && rest && !QStringView(rest, end).trimmed().isEmpty();
    if (entry.extraStatement) {
        sqlite3_finalize(entry.statement);
        entry.statement = nullptr;
        entry.prepared = SQLITE_MISUSE;
    }
}

CachedQuery::CachedQuery(StatementCache &cache, const QString &sql, Keep keep) : m_connection(cache.m_connection)
{
    if (keep == Keep::Cached) {
        auto [at, added] = cache.m_statements.try_emplace(sql);
        if (added || at->second.prepared != SQLITE_OK)
            cache.prepare(sql, at->second);
        if (!at->second.inUse) {
            m_entry = &at->second;
            m_entry->inUse = true;
            return;
        }
    }
    cache.prepare(sql, m_own);
}

CachedQuery::~CachedQuery()
{
    reset();
    if (m_entry != &m_own)
        m_entry->inUse = false;
    else
        sqlite3_finalize(m_own.statement);
}

void CachedQuery::reset()
{
    if (!m_entry->statement)
        return;
    sqlite3_reset(m_entry->statement);
    sqlite3_clear_bindings(m_entry->statement); // none points into values that are gone
    m_values.clear();
}

int CachedQuery::bind(const QVariantList &values)
{
    if (m_entry->prepared != SQLITE_OK)
        return m_entry->prepared;
    // As Qt's driver: a parameter left without a value is a mistake, not a NULL.
    if (sqlite3_bind_parameter_count(m_entry->statement) != values.size()) {
        m_countMismatch = true;
        return SQLITE_MISUSE;
    }
    m_values = values;
    for (int i = 0; i < m_values.size(); ++i) {
        if (const int rc = bindValue(m_entry->statement, i + 1, m_values.at(i)); rc != SQLITE_OK)
            return rc;
    }
    return SQLITE_OK;
}

int CachedQuery::step()
{
    if (m_entry->prepared != SQLITE_OK)
        return m_entry->prepared;
    return sqlite3_step(m_entry->statement);
}

int CachedQuery::run(const QVariantList &values, qint64 *firstValue, bool *returned)
{
    bool gotRow = false;
    int rc = bind(values);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(m_entry->statement);
        if (rc == SQLITE_ROW) {
            gotRow = true;
            if (firstValue)
                *firstValue = sqlite3_column_int64(m_entry->statement, 0);
            while (rc == SQLITE_ROW)
                rc = sqlite3_step(m_entry->statement);
        } else if (rc == SQLITE_DONE && m_entry->rowidReturned && sqlite3_changes(m_connection) == 1) {
            gotRow = true;
            if (firstValue)
                *firstValue = sqlite3_last_insert_rowid(m_connection);
        }
    }
    if (returned)
        *returned = gotRow;
    // The reset repeats a failed step's code; SQLite's message stays until the next call that fails.
    if (m_entry->statement) {
        sqlite3_reset(m_entry->statement);
        sqlite3_clear_bindings(m_entry->statement);
    }
    m_values.clear();
    return rc;
}

QVariant CachedQuery::value(int column) const
{
    sqlite3_stmt *statement = m_entry->statement;
    switch (sqlite3_column_type(statement, column)) {
    case SQLITE_INTEGER:
        return sqlite3_column_int64(statement, column);
    case SQLITE_FLOAT:
        return sqlite3_column_double(statement, column);
    case SQLITE_BLOB:
        return QByteArray(static_cast<const char *>(sqlite3_column_blob(statement, column)),
                          sqlite3_column_bytes(statement, column));
    case SQLITE_TEXT:
        return text(column);
    default:
        return {};
    }
}

qint64 CachedQuery::int64(int column) const
{
    return sqlite3_column_int64(m_entry->statement, column);
}

QString CachedQuery::text(int column) const
{
    const auto *chars = static_cast<const char16_t *>(sqlite3_column_text16(m_entry->statement, column));
    return QString(reinterpret_cast<const QChar *>(chars),
                   sqlite3_column_bytes16(m_entry->statement, column) / qsizetype(sizeof(char16_t)));
}

StoreError CachedQuery::error(int resultCode, const QString &doing) const
{
    if (m_entry->extraStatement)
        return {StoreError::Code::Internal, doing + QStringLiteral(": more than one statement in one query")};
    if (m_countMismatch)
        return {StoreError::Code::Internal, doing + QStringLiteral(": parameter count mismatch")};
    return StoreError::fromSqliteCode(resultCode, QString::fromUtf8(sqlite3_errmsg(m_connection)), doing);
}

} // namespace cp
