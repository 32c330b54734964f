#pragma once

#include "domain/clock.h"
#include "sqldialect.h"
#include "storechange.h"
#include "storeerror.h"
#include "writetransaction.h"

#include <QObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTimer>

#include <type_traits>

namespace cp {

class ServerAddress;

// One open database: the connection, the checks that refuse a file that is not ours, the
// migrations, the write transactions and the change log. It knows no domain (the repositories
// do) and is the one place where the engines differ, through SqlDialect.
//
// Every commit appends to change_log; dispatchChanges() reads what is new (our commits and other
// processes' alike) and announces each row as changed(). A flood of entry changes for one
// incident is announced as one Timeline reload.
class StoreSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoreSession)

public:
    enum class OpenMode
    {
        ReadWrite,
        ReadOnly
    };
    struct Options
    {
        OpenMode mode = OpenMode::ReadWrite;
        bool create = true;       // create the file (and its folder) when missing
        int busyTimeoutMs = 5000; // how long a write waits for another writer's lock
        bool quickCheck = true;   // PRAGMA quick_check on open
    };

    struct Stats
    {
        int schemaVersion = 0;
        qint64 incidents = 0;
        qint64 entries = 0;
    };

    // Above this many entry changes for one incident at once, its timeline is reloaded rather
    // than patched row by row.
    static constexpr int BulkThreshold = 200;

    explicit StoreSession(const Clock &clock, QObject *parent = nullptr);
    ~StoreSession() override;

    static QString defaultPath();

    StoreError open(const QString &path, const Options &options);
    // Team mode: the CommandPost schema on a PostgreSQL server (storesession_server.cpp). path() is
    // then the server's name for messages; 'create' and 'quickCheck' do not apply ('server init'
    // sets a server up, the server checks itself).
    StoreError openServer(const ServerAddress &address, const Options &options);
    bool isServer() const { return m_dialect.engine() == SqlDialect::Engine::Postgres; }
    StoreError open(const QString &path) { return open(path, Options{}); }
    void close();
    bool isOpen() const { return m_db.isOpen(); }
    bool isReadOnly() const { return m_options.mode == OpenMode::ReadOnly; }
    QString path() const { return m_path; }
    const Clock &clock() const { return m_clock; }
    const SqlDialect &dialect() const { return m_dialect; }
    const QSqlDatabase &database() const { return m_db; }

    // ---- Writing: check, begin, change, logChange, finish ----
    StoreError requireWritable() const; // open, and not a read-only follower
    StoreError logChange(WriteTransaction &tx, StoreEntity entity, qint64 entityId, qint64 incidentId, ChangeOp op);
    // Commits, then announces what changed.
    StoreError finish(WriteTransaction &tx);

    // ---- Reading outside a transaction ----
    static StoreError notOpen();
    // The refusal of what only a SQLite file has (PRAGMA checks, page limits) on a team server.
    static StoreError onlyForFiles();
    // Runs one statement on the open database (NotOpen when none is).
    Result<QSqlQuery> read(const QString &sql, const QVariantList &values, const QString &doing) const;
    // Every row, each turned into a value by 'row'.
    template <typename Row>
    auto readAll(const QString &sql, const QVariantList &values, const QString &doing, Row row) const
        -> Result<QList<std::invoke_result_t<Row, const QSqlQuery &>>>
    {
        using T = std::invoke_result_t<Row, const QSqlQuery &>;
        auto q = read(sql, values, doing);
        if (!q)
            return q.error();
        QList<T> list;
        while (q->next())
            list << row(*q);
        return list;
    }
    // The first row; NotFound with 'notFound' when there is none.
    template <typename Row>
    auto readOne(const QString &sql, const QVariantList &values, const QString &doing, const QString &notFound,
                 Row row) const -> Result<std::invoke_result_t<Row, const QSqlQuery &>>
    {
        auto q = read(sql, values, doing);
        if (!q)
            return q.error();
        if (!q->next())
            return StoreError(StoreError::Code::NotFound, notFound);
        return row(*q);
    }

    // ---- Health ----
    Result<QStringList> integrityProblems() const; // empty: healthy
    Result<Stats> stats() const;
    // Fault injection for tests: caps this connection's file at maxPages pages (PRAGMA
    // max_page_count), so a write past it fails as SQLite's "database or disk is full" would on a
    // full disk; 0 lifts the cap.
    StoreError limitPagesForTesting(qint64 maxPages);
    // The connection's journal mode, synchronous level and foreign-key enforcement, as SQLite
    // reports them: {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1}.
    Result<QVariantMap> connectionSettings() const;

    // Outside commits are noticed by polling SQLite's data_version (a server: its change log,
    // and each commit's NOTIFY wakes the session at once); 0 stops polling.
    void setExternalPollInterval(int milliseconds);
    // Reads and announces changes committed since the last look (own or outside).
    void dispatchChanges();

signals:
    void changed(const cp::StoreChange &change);

private:
    StoreError openConnection(const QString &path);
    StoreError verifyContent();
    StoreError migrate();
    void checkExternalCommits();
    void listenForServerCommits(); // storesession_server.cpp

    const Clock &m_clock;
    SqlDialect m_dialect;
    QSqlDatabase m_db;
    QString m_connectionName;
    QString m_path;
    Options m_options;
    qint64 m_lastSeenChange = 0;
    qint64 m_dataVersion = -1;
    QTimer m_pollTimer;
};

} // namespace cp
