#pragma once

#include "storeerror.h"
#include "writeaheadlog.h"

#include <QFile>
#include <QStringList>

#include <sqlite3.h>

namespace cp {

// One raw SQLite connection (the C API, for what the Qt driver cannot do: the online backup,
// VACUUM INTO, a look at a private copy), closed on every path out. A read-only connection
// removes the -wal/-shm it made when it closes.
class SqliteConnection final
{
    Q_DISABLE_COPY_MOVE(SqliteConnection)
public:
    SqliteConnection() = default;
    ~SqliteConnection() { close(); }

    int open(const QString &path, int flags, int busyTimeoutMs)
    {
        m_path = path;
        m_readOnly = (flags & SQLITE_OPEN_READONLY) != 0;
        const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &m_db, flags, nullptr);
        if (rc == SQLITE_OK)
            sqlite3_busy_timeout(m_db, busyTimeoutMs);
        return rc;
    }
    void close()
    {
        const bool wasOpen = m_db != nullptr;
        sqlite3_close_v2(m_db);
        m_db = nullptr;
        if (wasOpen && m_readOnly)
            WriteAheadLog::removeUnusedCompanions(m_path);
    }
    sqlite3 *handle() const { return m_db; }
    QString lastError() const { return m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString(); }
    StoreError error(int rc, const QString &doing) const { return StoreError::fromSqliteCode(rc, lastError(), doing); }

    // The first column of every row of a statement without parameters.
    int rows(const char *sql, QStringList &out) const
    {
        sqlite3_stmt *statement = nullptr;
        int rc = sqlite3_prepare_v2(m_db, sql, -1, &statement, nullptr);
        if (rc != SQLITE_OK)
            return rc;
        while ((rc = sqlite3_step(statement)) == SQLITE_ROW)
            out << QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(statement, 0)));
        sqlite3_finalize(statement);
        return rc == SQLITE_DONE ? SQLITE_OK : rc;
    }

private:
    sqlite3 *m_db = nullptr;
    QString m_path;
    bool m_readOnly = false;
};

} // namespace cp
