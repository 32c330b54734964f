#pragma once

#include "storeerror.h"

#include <QString>
#include <QVariantList>

#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

class QSqlDatabase;

namespace cp {

// The connection under Qt's SQLite driver, or nullptr (another driver, or a Qt that carries a
// SQLite of its own, whose handle this code must not use).
sqlite3 *sqliteHandle(const QSqlDatabase &db);

// The compiled statements of one SQLite connection, kept across transactions and found by their
// SQL text. Qt's driver compiles a statement again for every QSqlQuery, and binds each value
// through a placeholder name and a hash entry: for one timeline entry that was most of the
// processor time of its commit. A statement compiled here is recompiled by SQLite by itself when
// the schema changes.
//
// clear() must run before the connection closes: Qt's driver closes with sqlite3_close, which
// refuses while a statement lives, and the driver then forgets the handle (the file stays open
// and its -wal is never folded back).
class StatementCache final
{
    Q_DISABLE_COPY_MOVE(StatementCache)
public:
    StatementCache() = default;
    ~StatementCache() { clear(); }

    // Forgets what it held (finalized) and serves 'connection' from now on; nullptr serves none.
    void attach(sqlite3 *connection);
    // Finalizes every statement; the cache serves no connection after it.
    void clear();
    sqlite3 *connection() const { return m_connection; }
    bool isAttached() const { return m_connection != nullptr; }
    int size() const { return int(m_statements.size()); }

private:
    friend class CachedQuery;
    struct Entry
    {
        sqlite3_stmt *statement = nullptr;
        int prepared = 0;            // SQLite's result code of the compile
        bool rowidReturned = false;  // an "INSERT … RETURNING id" (or seq) compiled without its RETURNING
        bool extraStatement = false; // the text held a second statement: refused
        bool inUse = false;          // a second use at once compiles a statement of its own
    };
    // Compiles 'sql' into 'entry' (as a statement that may be run many times).
    void prepare(const QString &sql, Entry &entry) const;

    sqlite3 *m_connection = nullptr;
    // A node map: an entry stays where it is while statements are added.
    std::unordered_map<QString, Entry> m_statements;
};

// One use of a statement: from the cache when it is kept there (compiled on its first use), or
// compiled for this use alone. Reset, with its bindings cleared, when the use ends (after a
// failure too), so the next use starts clean and no COMMIT meets it half-stepped. Values bind as
// Qt's driver binds them: a null QString or an invalid QVariant is NULL, a bool an integer.
class CachedQuery final
{
    Q_DISABLE_COPY_MOVE(CachedQuery)
public:
    enum class Keep
    {
        Cached, // kept for the next use of the same text
        Once,   // finalized after this use (a schema step, a bulk write's statement)
    };
    CachedQuery(StatementCache &cache, const QString &sql, Keep keep = Keep::Cached);
    ~CachedQuery();

    // SQLite's result code of the compile: SQLITE_OK, or why there is no statement.
    int prepared() const { return m_entry->prepared; }
    // Binds 'values' to the parameters in order (kept alive by this use) and runs the statement to
    // its end. The first row's first column, if it returned rows, goes to 'firstValue'; an
    // "INSERT … RETURNING id" answers with its new row's id there. SQLITE_DONE when it ran, else
    // the failure's result code (the statement is reset, ready for the next run).
    int run(const QVariantList &values, qint64 *firstValue = nullptr, bool *returned = nullptr);
    // For a read: binds, then step() gives SQLITE_ROW per row and SQLITE_DONE at the end.
    int bind(const QVariantList &values);
    int step();
    QVariant value(int column) const;
    qint64 int64(int column) const;
    QString text(int column) const;
    // Ready to run again with other values.
    void reset();
    // A failure's result code as the store's error, with SQLite's message.
    StoreError error(int resultCode, const QString &doing) const;

private:
    sqlite3 *m_connection;
    StatementCache::Entry m_own;             // a statement of this use alone
    StatementCache::Entry *m_entry = &m_own; // else the cache's, held while this use lasts
    QVariantList m_values;                   // what the bound texts point into
    bool m_countMismatch = false;
};

} // namespace cp
