// Team mode's way into a session: the same session over a PostgreSQL connection. Everything
// after opening is the repositories' own code; only the dialect differs.
#include "storesession.h"

#include "server/serverconnection.h"
#include "server/serverschema.h"
#include "writetransaction.h"

#include <QSqlDriver>

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
    const QString name = address.displayName();
    StoreError error = ServerConnection::openDatabase(m_db, address);
    if (error.ok())
        error = ServerSchema::checkUsable(m_db, name);
    // A write waits for another laptop's at most the busy timeout, as with SQLite's lock; a
    // follower never writes, whatever its login may do.
    QStringList settings = {QStringLiteral("SET lock_timeout = %1").arg(qMax(1, options.busyTimeoutMs))};
    if (options.mode == OpenMode::ReadOnly)
        settings << QStringLiteral("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
    for (const QString &setting : std::as_const(settings)) {
        if (!error.ok())
            break;
        auto done = runStatement(m_db, setting, {}, tr("Connecting to %1").arg(name));
        if (!done)
            error = done.error();
    }
    Result<QSqlQuery> last = StoreError();
    if (error.ok()) {
        last = runStatement(m_db, QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM change_log"), {},
                            tr("Reading the change log"));
        if (!last)
            error = last.error();
    }
    if (!error.ok()) {
        close();
        return error;
    }
    last->next();
    m_lastSeenChange = last->value(0).toLongLong();
    m_path = name;
    if (options.serverClock) {
        // A clock that cannot be compared now is compared at the next round; the times stay this
        // machine's meanwhile.
        measureServerClock();
        m_serverClockTimer.start(ServerClockIntervalMs);
    }
    return {};
}

StoreError StoreSession::measureServerClock()
{
    if (!isOpen() || !isServer())
        return notOpen();
    auto offset = ServerClock::measure(m_db, m_clock);
    if (!offset)
        return offset.error();
    if (*offset != m_serverClock.offsetMs()) {
        m_serverClock.setOffsetMs(*offset);
        emit serverClockOffsetChanged(*offset);
    }
    return {};
}

void StoreSession::listenForServerCommits()
{
    QSqlDriver *driver = m_db.driver();
    if (!driver || driver->subscribedToNotifications().contains(SqlDialect::changeChannel()))
        return;
    // Qt's driver watches the connection's socket; a notification says only "look again".
    if (driver->subscribeToNotification(SqlDialect::changeChannel()))
        connect(driver, &QSqlDriver::notification, this, [this] { dispatchChanges(); });
}

} // namespace cp
