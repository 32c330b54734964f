#pragma once

#include <QString>
#include <QStringList>

namespace cp {

// Everything that differs between SQLite (the embedded default) and PostgreSQL (team mode)
// lives here, so the rest of the store speaks plain SQL that both accept.
class SqlDialect
{
public:
    enum class Engine
    {
        Sqlite,
        Postgres
    };

    explicit SqlDialect(Engine engine = Engine::Sqlite) : m_engine(engine) {}

    Engine engine() const { return m_engine; }
    QString driverName() const;
    // SQLite must take the write lock up front: a deferred BEGIN that upgrades later can
    // fail with SQLITE_BUSY in WAL mode without waiting for the busy timeout.
    QString beginWrite() const;
    QString beginRead() const;
    // Run right after a write's BEGIN. PostgreSQL: one writer at a time, as under SQLite's BEGIN
    // IMMEDIATE, so every rule read-checked inside a transaction sees the last commit (two IC
    // assignments at once: the second sees the first) and the change log's numbers are handed
    // out in commit order (a follower reading "seq > last seen" never skips one).
    QStringList afterBeginWrite() const;
    // Run just before COMMIT. PostgreSQL: a NOTIFY, delivered to listening clients with the commit,
    // as a wake-up to read the change log.
    QStringList beforeCommit() const;
    // The notification channel of beforeCommit().
    static QString changeChannel() { return QStringLiteral("commandpost_changes"); }
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
