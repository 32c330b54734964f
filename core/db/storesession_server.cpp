// Team mode's way into a session: the same session over a PostgreSQL connection. Everything
// after opening is the repositories' own code; only the dialect differs.
#include "storesession.h"

#include "server/libpq.h"
#include "server/serverconnection.h"
#include "server/serverschema.h"
#include "writetransaction.h"

#include <atomic>

namespace cp {

namespace {

// How often a team client compares its clock with the server's: often enough to notice a laptop's
// clock set by hand or corrected by NTP within a minute.
constexpr int ServerClockIntervalMs = 60 * 1000;

} // namespace

StoreError StoreSession::openServer(const ServerAddress &address, const Options &options)
{
    close();
    m_options = options;
    m_dialect = SqlDialect(SqlDialect::Engine::Postgres);
    static std::atomic<int> counter{0};
    m_connectionName = QStringLiteral("cp-store-server-%1").arg(++counter);
    m_db = QSqlDatabase::addDatabase(m_dialect.driverName(), m_connectionName);
    m_address = address;
    const QString name = address.displayName();
    if (options.startUnreachable && options.tryInBackground && m_db.isValid()) {
        // Nothing waits here: the session is open at once, its link connecting, and the first
        // try runs off this thread as every later one does. (A missing driver is said below, at once.)
        m_path = name;
        m_needsFirstContact = true;
        m_link.connecting();
        reconnectInBackgroundIfDue();
        return {};
    }
    StoreError error = ServerConnection::openDatabase(m_db, address);
    if (error.ok())
        watchAnswers();
    if (!error.ok() && error.code() == StoreError::Code::Unreachable && options.startUnreachable) {
        m_path = name;
        m_needsFirstContact = true;
        m_link.lost(error.message());
        return {};
    }
    if (error.ok())
        error = firstContact();
    if (!error.ok()) {
        close();
        return error;
    }
    m_path = name;
    readStampedAuthor();
    if (options.serverClock) {
        // A clock that cannot be compared now is compared at the next round; the times stay this
        // machine's meanwhile.
        measureServerClock();
        m_serverClockTimer.start(ServerClockIntervalMs);
    }
    return {};
}

StoreError StoreSession::firstContact()
{
    StoreError error = ServerSchema::checkUsable(m_db, m_address.displayName());
    if (error.ok())
        error = configureServerConnection();
    if (!error.ok())
        return error;
    auto last = runStatement(m_db, QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM change_log"), {},
                             tr("Reading the change log"));
    if (!last)
        return last.error();
    last->next();
    m_lastSeenChange = last->value(0).toLongLong();
    m_needsFirstContact = false;
    return {};
}

void StoreSession::readStampedAuthor()
{
    // A roster change may link this login to a person (or link it to another).
    connect(this, &StoreSession::changed, this, &StoreSession::noticeRosterChange, Qt::UniqueConnection);
    auto stamped = read(ServerSchema::stampedAuthorQuery(), {}, tr("Reading who the server says you are"));
    if (!stamped || !stamped->next())
        return; // asked again at the next connection
    // NULL: the login's rows keep the name given.
    const QString author = stamped->value(0).toString();
    if (author == m_stampedAuthor)
        return;
    m_stampedAuthor = author;
    emit stampedAuthorChanged(author);
}

void StoreSession::noticeRosterChange(const StoreChange &change)
{
    if (isServer() && change.entity == StoreEntity::Person)
        readStampedAuthor();
}

StoreError StoreSession::configureServerConnection()
{
    // A write waits for another laptop's at most the busy timeout, as with SQLite's lock; a
    // follower never writes, whatever its login may do.
    QStringList settings = {QStringLiteral("SET lock_timeout = %1").arg(qMax(1, m_options.busyTimeoutMs))};
    if (m_options.mode == OpenMode::ReadOnly)
        settings << QStringLiteral("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
    for (const QString &setting : std::as_const(settings)) {
        auto done = runStatement(m_db, setting, {}, tr("Connecting to %1").arg(m_address.displayName()));
        if (!done)
            return done.error();
    }
    return {};
}

StoreError StoreSession::measureServerClock()
{
    if (!isOpen() || !isServer())
        return notOpen();
    if (StoreError down = requireLink(tr("Comparing clocks")); !down.ok())
        return down;
    auto offset = ServerClock::measure(m_db, m_clock);
    if (!offset)
        return noticeFailure(offset.error(), tr("Comparing clocks"));
    if (*offset != m_serverClock.offsetMs()) {
        m_serverClock.setOffsetMs(*offset);
        emit serverClockOffsetChanged(*offset);
    }
    return {};
}

bool StoreSession::connectionDead() const
{
    if (!m_db.isOpen())
        return true;
    PGconn *connection = ServerConnection::libpqHandle(m_db);
    // The driver's connection: libpq is loaded, it made it.
    const LibPq *pq = LibPq::instance();
    return connection && pq && pq->status(connection) == CONNECTION_BAD;
}

StoreError StoreSession::unreachable(const QString &doing) const
{
    return {StoreError::Code::Unreachable, tr("%1: the server %2 cannot be reached (%3); nothing was saved there.")
                                               .arg(doing, m_address.displayName(), m_link.problem())};
}

StoreError StoreSession::requireLink(const QString &doing) const
{
    if (!isServer())
        return {};
    noticeClosedConnection();
    return m_link.isDown() ? unreachable(doing) : StoreError();
}

void StoreSession::noticeClosedConnection() const
{
    // libpq closes a connection whose socket it finds at its end (a notification's wake-up, the
    // answer of a statement Qt's driver made on its own, or the watchdog's shutdown of a
    // connection whose answer was overdue).
    if (isServer() && !m_link.isDown() && !m_db.isOpen())
        m_link.lost(answerOverdue() ? StatementDeadline::overdueText(answerDeadlineMs())
                                    : tr("the server closed the connection"));
}

StoreError StoreSession::noticeFailure(const StoreError &error, const QString &doing) const
{
    // A server that shuts down says so (SQLSTATE 57P01 …: Unreachable already); one that vanishes
    // leaves only a dead connection behind the driver's error.
    if (error.code() != StoreError::Code::Unreachable && !connectionDead())
        return error;
    m_link.lost(answerOverdue() ? StatementDeadline::overdueText(answerDeadlineMs()) : error.message());
    return unreachable(doing);
}

bool StoreSession::answerOverdue() const
{
    return m_answerDeadline && m_answerDeadline->expired();
}

void StoreSession::watchAnswers()
{
    m_answerDeadline = std::make_unique<StatementDeadline>(m_db, m_clock, answerDeadlineMs());
}

void StoreSession::closeServerConnection()
{
    m_notifications.stop();
    m_answerDeadline.reset();
    m_db.close();
}

void StoreSession::linkWentDown()
{
    // The dead connection goes at once, and with it the driver's watch on its socket.
    closeServerConnection();
    m_reconnectTimer.start();
}

StoreError StoreSession::reconnectIfDue()
{
    if (!isServer() || !m_link.attemptDue())
        return {};
    return reconnect();
}

StoreError StoreSession::reconnectNow()
{
    if (!isServer() || !m_link.isDown())
        return {};
    return reconnect();
}

void StoreSession::reconnectInBackgroundIfDue()
{
    if (!isServer() || !m_link.attemptDue() || m_probe.isRunning())
        return;
    m_link.attemptStarted();
    m_probe.start(m_address);
}

void StoreSession::takeProbeAnswer(const StoreError &answer)
{
    if (!isServer() || !m_link.isDown())
        return; // connected meanwhile (a command's own try)
    if (!answer.ok()) {
        m_link.attemptFailed(answer.message());
        return;
    }
    // The server has just answered: connecting here takes a round trip or two, not a timeout.
    reconnect();
}

StoreError StoreSession::reconnect()
{
    closeServerConnection();
    StoreError error = ServerConnection::openDatabase(m_db, m_address);
    if (error.ok()) {
        watchAnswers();
        error = m_needsFirstContact ? firstContact() : configureServerConnection();
    }
    if (!error.ok()) {
        closeServerConnection();
        m_link.attemptFailed(error.message());
        return error;
    }
    m_reconnectTimer.stop();
    m_link.restored();
    readStampedAuthor();
    if (m_pollTimer.isActive())
        listenForServerCommits();
    if (m_options.serverClock) {
        measureServerClock();
        if (!m_serverClockTimer.isActive())
            m_serverClockTimer.start(ServerClockIntervalMs);
    }
    // What the others committed meanwhile: the change log since the last change seen.
    dispatchChanges();
    return {};
}

void StoreSession::listenForServerCommits()
{
    if (m_notifications.isWatching())
        return;
    // A notification says only "look again"; the change log says what. Without it the poll finds
    // the commits, later.
    const QString doing = tr("Listening for other laptops' changes");
    auto listening = runStatement(m_db, QStringLiteral("LISTEN ") + SqlDialect::changeChannel(), {}, doing);
    if (!listening) {
        noticeFailure(listening.error(), doing);
        return;
    }
    m_notifications.watch(m_db);
}

} // namespace cp
