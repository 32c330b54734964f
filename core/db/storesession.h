#pragma once

#include "domain/clock.h"
#include "server/serveraddress.h"
#include "server/serverclock.h"
#include "server/serverlink.h"
#include "server/servernotifications.h"
#include "server/serverprobe.h"
#include "server/statementdeadline.h"
#include "sqldialect.h"
#include "statementcache.h"
#include "storechange.h"
#include "storeerror.h"
#include "writetransaction.h"

#include <QObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>
#include <type_traits>

namespace cp {

class LaterIntegrityCheck;

// One open database: the connection, the checks that refuse a file that is not ours, the
// migrations, the write transactions and the change log. It knows no domain (the repositories
// do) and is the one place where the engines differ, through SqlDialect.
//
// Every commit appends to change_log; dispatchChanges() reads what is new and announces each row
// as changed(). A write of ours whose change-log rows directly follow the last one seen is
// announced from the rows it wrote, without reading the log back; otherwise (another process
// committed in between) the log is read as for an outside commit. A flood of entry changes for one
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
        // Team mode: compare this machine's clock with the server's on opening and every minute, and
        // stamp times on the server's. Off where a fake clock stands for the server's (tests).
        bool serverClock = true;
        // With quickCheck, on a file that needs no upgrade: check at open all but the growing
        // tables (Schema::growingTables), and the whole file afterwards on a connection of its own
        // (the window, so a large file opens at once). Until that check has passed a write waits
        // for it; if it finds damage the session turns read-only and says so with damaged().
        bool checkGrowingTablesLater = false;
        // Team mode: a server out of reach at opening still opens the session, its link down
        // (reconnecting), so what can wait (the outbox) is kept until the server answers. Off: such
        // an opening is refused as Unreachable.
        bool startUnreachable = false;
        // Team mode, the window's way: no try to reach the server waits on this thread. Each
        // reconnect try first learns on a thread of its own that the server answers (ServerProbe)
        // and only then connects here, quickly. With startUnreachable the opening makes no try
        // itself either: the session opens at once, its link connecting, and the first try is
        // made as every later one.
        bool tryInBackground = false;
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
    // A team session stays open while its link is down (the session reconnects on its own).
    bool isOpen() const { return isServer() ? !m_connectionName.isEmpty() : m_db.isOpen(); }
    bool isReadOnly() const { return m_options.mode == OpenMode::ReadOnly; }
    QString path() const { return m_path; }
    // The time every write stamps: on a team server the server's (this machine's clock corrected).
    const Clock &clock() const { return isServer() ? static_cast<const Clock &>(m_serverClock) : m_clock; }
    // Team mode: the server's time minus this machine's, as last measured; 0 on a file.
    qint64 serverClockOffsetMs() const { return m_serverClock.offsetMs(); }
    // Measures it now (storesession_server.cpp); serverClockOffsetChanged() when it moved.
    StoreError measureServerClock();
    const SqlDialect &dialect() const { return m_dialect; }
    // Team mode: the link to the server (storesession_server.cpp). A statement that finds the
    // connection dead marks it down; from then on reads and writes are refused as Unreachable
    // without touching the network, and the session tries to connect again on the link's
    // back-off. Once connected it catches up through the change log (everything since the last
    // change it saw is announced as usual).
    const ServerLink &link() const { return m_link; }
    // Team mode: the name the server puts on this login's rows whatever the client sends (the
    // login's roster person, else the login), as last read: at every connection and after a change
    // to the roster. Empty on a file, for a login whose rows keep the name given (an admin), and
    // until the server is first reached.
    QString stampedAuthor() const { return m_stampedAuthor; }
    // Team mode: the server's address as opened (its outbox is named after it); empty on a file.
    const ServerAddress &serverAddress() const { return m_address; }
    // Tries to connect again now if the link is down and its next try is due; the session's own
    // timer calls it, a test with a fake clock calls it after moving the clock.
    StoreError reconnectIfDue();
    // Tries now whatever the back-off says (a command about to end); nothing when connected.
    StoreError reconnectNow();
    // Team mode: how long the server may take to answer before the connection counts as lost
    // (its socket is shut down and the link goes down): the wait for another writer's lock (the
    // busy timeout) and AnswerMarginMs more.
    static constexpr qint64 AnswerMarginMs = 10 * 1000;
    qint64 answerDeadlineMs() const { return qMax(0, m_options.busyTimeoutMs) + AnswerMarginMs; }
    const QSqlDatabase &database() const { return m_db; }

    // ---- Writing ----
    // How many times write() runs a body that met a serialization failure or deadlock on a server.
    static constexpr int MaxWriteAttempts = 5;

    // One repository command as one transaction: refuses a store that is not open or is a
    // read-only follower, begins (SQLite: BEGIN IMMEDIATE; a server: BEGIN and the write lock of
    // SqlDialect::afterBeginWrite), runs 'body', commits (COMMIT checked), then announces what
    // changed. An error from the body, the BEGIN or the COMMIT rolls everything back, announces
    // nothing and is returned as it is. The body returns StoreError, or Result<T> whose value
    // write() hands back after the commit.
    //
    // The body must be re-runnable: on a server a serialization failure or deadlock (SQLSTATE
    // 40001, 40P01) rolls the transaction back and write() runs the whole body again, up to
    // MaxWriteAttempts times. So a body reads what it decides on inside the transaction and
    // changes nothing outside it but what it returns (no appending to a captured list).
    // A body with nothing to change returns success; the empty transaction commits.
    template <typename Body>
    auto write(const QString &doing, Body &&body) -> std::invoke_result_t<Body, WriteTransaction &>
    {
        using R = std::invoke_result_t<Body, WriteTransaction &>;
        if constexpr (std::is_same_v<R, StoreError>) {
            return writeOnce(doing, body);
        } else {
            std::optional<R> result;
            const StoreError error = writeOnce(doing, [&](WriteTransaction &tx) {
                result.emplace(body(tx));
                return result->error();
            });
            if (!error.ok())
                return error;
            return std::move(*result);
        }
    }
    StoreError requireWritable() const; // open, and not a read-only follower
    // Inside a write's body: the row of change_log that makes the change known to every reader.
    // The commit announces the rows it knows it wrote: a write logs all its change-log rows here,
    // or none (the roster import's bulk statement; knowing none, the commit reads the log).
    StoreError logChange(WriteTransaction &tx, StoreEntity entity, qint64 entityId, qint64 incidentId, ChangeOp op);

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

    // The first row if there is one (std::nullopt when there is none).
    template <typename Row>
    auto readFirst(const QString &sql, const QVariantList &values, const QString &doing, Row row) const
        -> Result<std::optional<std::invoke_result_t<Row, const QSqlQuery &>>>
    {
        using T = std::invoke_result_t<Row, const QSqlQuery &>;
        auto q = read(sql, values, doing);
        if (!q)
            return q.error();
        if (!q->next())
            return std::optional<T>();
        return std::optional<T>(row(*q));
    }

    // ---- Health ----
    // The check of the growing tables after open (checkGrowingTablesLater) found damage: the
    // session writes nothing more. Empty while none was found.
    QString damage() const { return m_damage; }
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
    void serverClockOffsetChanged(qint64 offsetMs);
    void stampedAuthorChanged(const QString &author);
    // The later check found the file damaged; the session is read-only from now on.
    void damaged(const QString &message);

private:
    // A change-log row written by the write under way.
    struct LoggedChange
    {
        qint64 seq = 0;
        StoreChange change;
    };

    // write() without the Result plumbing (the retries, the commit, the announcement).
    StoreError writeOnce(const QString &doing, const std::function<StoreError(WriteTransaction &)> &body);
    // After our COMMIT: what it wrote, announced as written when nothing was committed in between.
    void announceCommit(const QList<LoggedChange> &written);
    void announce(const QList<StoreChange> &changes);
    StoreError openConnection(const QString &path);
    StoreError verifyContent();
    StoreError migrate();
    void checkExternalCommits();
    // The rows of change_log after the last one seen, and that one moved past them.
    QList<StoreChange> readNewChanges();
    StoreError damageError() const;
    void takeLaterCheck(const QStringList &problems);
    // storesession_server.cpp
    void listenForServerCommits();
    StoreError configureServerConnection();
    // The schema checked, the connection configured, the change log's end noted.
    StoreError firstContact();
    StoreError reconnect();
    void readStampedAuthor();
    void noticeRosterChange(const cp::StoreChange &change);
    // After connecting: every answer the server owes is watched (StatementDeadline).
    void watchAnswers();
    // The watchdog gave the connection up: an answer was overdue.
    bool answerOverdue() const;
    // Before the connection closes (a new one, the link gone, the session closed).
    void closeServerConnection();
    // tryInBackground: starts the try that is due on the probe's thread; reconnect() follows on
    // its answer.
    void reconnectInBackgroundIfDue();
    void takeProbeAnswer(const StoreError &answer);
    // After a failed statement on a server: when the connection is gone, the link goes down and
    // the error becomes Unreachable; otherwise 'error' as it is.
    StoreError noticeFailure(const StoreError &error, const QString &doing) const;
    StoreError unreachable(const QString &doing) const;
    // Unreachable while the link is down (a connection the driver closed on its own takes it down).
    StoreError requireLink(const QString &doing) const;
    // A connection libpq closed on its own (a read met its end) takes the link down.
    void noticeClosedConnection() const;
    bool connectionDead() const;
    void linkWentDown();

    const Clock &m_clock;
    SqlDialect m_dialect;
    QSqlDatabase m_db;
    // A file's compiled statements; finalized before the connection closes.
    StatementCache m_statements;
    QString m_connectionName;
    QString m_path;
    Options m_options;
    qint64 m_lastSeenChange = 0;
    QList<LoggedChange> m_written; // by the write under way, its current attempt
    qint64 m_dataVersion = -1;
    QTimer m_pollTimer;
    ServerClock m_serverClock;
    QTimer m_serverClockTimer;
    bool m_checkLater = false; // decided at open: the growing tables are checked after it
    std::unique_ptr<LaterIntegrityCheck> m_laterCheck;
    QString m_damage;
    ServerAddress m_address;
    QString m_stampedAuthor;
    // Reported to from const reads too: a read that finds the server gone is a fact about the link.
    mutable ServerLink m_link;
    QTimer m_reconnectTimer;
    // The server's answers watched against their deadline while the connection is open; gone
    // before the connection closes.
    std::unique_ptr<StatementDeadline> m_answerDeadline;
    ServerProbe m_probe;
    // Other laptops' commits wake the session through it while the connection is open (LISTEN).
    ServerNotifications m_notifications;
    bool m_needsFirstContact = false; // opened unreachable: the schema check and the change log's start wait
};

} // namespace cp
