#pragma once

#include "db/storeerror.h"
#include "domain/clock.h"

#include <QSqlDatabase>
#include <QSqlError>

#include <memory>

namespace cp {

struct WatchedConnection;

// A deadline for every answer a team server owes. libpq waits for an answer as long as TCP keeps
// the connection, and TCP keeps it for ever when a firewall, a proxy or a hung server holds it
// open and silent; the statement, and the window with it, would wait for ever. While a
// StatementDeadline lives, a watchdog thread looks at its connection four times a second: once an
// answer is overdue by deadlineMs (on the injected clock's monotonic time) it shuts the
// connection's socket down, so libpq returns at once with the connection dead and the session's
// link goes down as for a server that went away (what was being logged goes to the outbox).
// An answer is owed
//   - while a statement runs through runStatement() or a transaction's BEGIN/COMMIT/ROLLBACK
//     (Statement, below);
//   - outside them, when the connection has sent more than it got back since the last one
//     ended (the kernel's count of data segments, TCP_INFO): the round trips Qt's driver makes
//     on its own, such as freeing a prepared statement when its query goes.
// Only a socket is shut down, never closed under libpq; the watchdog keeps a duplicate of it, so a
// number the process reuses is never touched. Destroy the object before the connection closes.
class StatementDeadline final
{
    Q_DECLARE_TR_FUNCTIONS(cp::StatementDeadline)
    Q_DISABLE_COPY_MOVE(StatementDeadline)

public:
    // Watches 'db', an open QPSQL connection (anything else is not watched).
    StatementDeadline(const QSqlDatabase &db, const Clock &clock, qint64 deadlineMs);
    ~StatementDeadline();

    qint64 deadlineMs() const { return m_deadlineMs; }
    // The watchdog shut the connection down: an answer was overdue.
    bool expired() const;
    // "the server did not answer within 15 s"
    static QString overdueText(qint64 deadlineMs);

    // One statement on 'db', against its connection's deadline while it runs (nothing when 'db'
    // is not watched).
    class Statement final
    {
        Q_DISABLE_COPY_MOVE(Statement)

    public:
        explicit Statement(const QSqlDatabase &db) : Statement(db.connectionName()) {}
        explicit Statement(const QString &connectionName);
        ~Statement();
        // The answer to this statement was overdue: the connection was shut down under it.
        bool expired() const;
        // What the statement's failure means: "no answer within 15 s" (Unreachable) when the
        // watchdog cut it off, else the driver's error as it is.
        StoreError failure(const QSqlError &error, const QString &doing) const;

    private:
        std::shared_ptr<WatchedConnection> m_watched;
    };

    // How many watched connections wait for an answer right now (a test waits for its clients to
    // be stuck before it moves a fake clock past the deadline).
    static int waitingConnections();

private:
    std::shared_ptr<WatchedConnection> m_watched;
    qint64 m_deadlineMs;
};

} // namespace cp
