#include "storefixture.h"

#include "pgtestserver.h"
#include "server/serverschema.h"

#include <QCoreApplication>

namespace cp::test {

namespace {

// The run's server and a database with the schema, made once per process and copied for each
// fixture (CREATE DATABASE … TEMPLATE takes milliseconds; 'server init' takes longer). Dropped with
// the application object, while Qt's SQL drivers still exist: the databases it made go with it.
class ServerDatabases
{
public:
    static ServerDatabases &instance()
    {
        static ServerDatabases *made = [] {
            auto *databases = new ServerDatabases;
            qAddPostRoutine([] { delete made; });
            return databases;
        }();
        return *made;
    }

    // A fresh database with the schema; its SERVER string in *server.
    StoreError create(QString *server)
    {
        QString why;
        if (!m_pg.connect(&why)) {
            // CTest marks the run skipped on this line (SKIP_REGULAR_EXPRESSION), unless the run
            // says a server is required (./dev test): then it fails.
            if (qEnvironmentVariable("CP_REQUIRE_PG") != QLatin1String("1"))
                qWarning("CP_TEST_ENGINE=postgres: no PostgreSQL server, skipped (./dev test starts one)");
            return {StoreError::Code::Unreachable,
                    QStringLiteral("CP_TEST_ENGINE=postgres needs a PostgreSQL server (./dev test starts one): ") +
                        why};
        }
        if (m_template.isEmpty()) {
            const QString made = m_pg.createDatabase(&why);
            if (made.isEmpty())
                return {StoreError::Code::Internal, why};
            ServerConnection connection;
            if (StoreError error = connection.open(*ServerAddress::parse(made)); !error.ok())
                return error;
            if (auto version = ServerSchema::install(connection.database()); !version)
                return version.error();
            m_template = made.mid(QStringLiteral("dbname=").size());
        }
        *server = m_pg.createDatabase(&why, m_template);
        if (server->isEmpty())
            return {StoreError::Code::Internal, why};
        return {};
    }

private:
    PgTestServer m_pg;
    QString m_template; // the database name of the copy source
};

} // namespace

SqlDialect::Engine StoreFixture::engine()
{
    return qEnvironmentVariable("CP_TEST_ENGINE") == QLatin1String("postgres") ? SqlDialect::Engine::Postgres
                                                                               : SqlDialect::Engine::Sqlite;
}

StoreFixture::StoreFixture() : m_store(m_clock) {}

StoreError StoreFixture::open()
{
    return openOn(m_store, {});
}

StoreError StoreFixture::openAnother(IncidentStore &other, const StoreSession::Options &options)
{
    return openOn(other, options);
}

StoreError StoreFixture::openOn(IncidentStore &store, const StoreSession::Options &options)
{
    if (!onServer())
        return store.session().open(m_files.path(), options);
    if (m_server.isEmpty()) {
        if (StoreError error = ServerDatabases::instance().create(&m_server); !error.ok())
            return error;
    }
    // The fake clock stands for the server's: the tests' times are the times they set.
    StoreSession::Options onServer = options;
    onServer.serverClock = false;
    return store.session().openServer(*ServerAddress::parse(m_server), onServer);
}

} // namespace cp::test
