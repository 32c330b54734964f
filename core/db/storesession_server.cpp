// Team mode's way into a session: the same session over a PostgreSQL connection. Everything
// after opening is the repositories' own code; only the dialect differs.
#include "storesession.h"

#include "server/serverconnection.h"
#include "server/serverschema.h"
#include "writetransaction.h"

#include <atomic>

namespace cp {

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
    if (!error)
        error = ServerSchema::checkUsable(m_db, name);
    // A follower never writes, whatever its login may do.
    if (!error && options.mode == OpenMode::ReadOnly) {
        auto readOnly = runStatement(m_db, QStringLiteral("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"), {},
                                     tr("Connecting to %1").arg(name));
        if (!readOnly)
            error = readOnly.error();
    }
    Result<QSqlQuery> last = StoreError();
    if (!error) {
        last = runStatement(m_db, QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM change_log"), {},
                            tr("Reading the change log"));
        if (!last)
            error = last.error();
    }
    if (error) {
        close();
        return error;
    }
    last->next();
    m_lastSeenChange = last->value(0).toLongLong();
    m_path = name;
    return {};
}

} // namespace cp
