#pragma once

#include <QString>
#include <QStringList>

namespace cp {

// Everything that differs between SQLite (the embedded default) and PostgreSQL (team mode)
// lives here, so the rest of the store speaks plain SQL that both accept.
class SqlDialect
{
public:
    enum class Engine { Sqlite, Postgres };

    explicit SqlDialect(Engine engine = Engine::Sqlite) : m_engine(engine) {}

    Engine engine() const { return m_engine; }
    QString driverName() const;
    // SQLite must take the write lock up front: a deferred BEGIN that upgrades later can
    // fail with SQLITE_BUSY in WAL mode without waiting for the busy timeout.
    QString beginWrite() const;
    QString beginRead() const;
    // An auto-numbered 64-bit primary key column.
    QString identityColumn() const;
    // Per-connection settings, one statement each, for a writer (WAL, fsync on commit, FKs).
    QStringList writerSettings() const;
    QStringList readerSettings() const;
    // Case-insensitive substring match operator (SQLite's LIKE already ignores ASCII case).
    QString likeOperator() const;
    // A counter that changes when another connection commits (SQLite's data_version).
    QString externalCommitCounter() const;

private:
    Engine m_engine;
};

} // namespace cp
