#pragma once

#include "db/incidentstore.h"
#include "fakeclock.h"
#include "tempdatabase.h"

namespace cp::test {

// A store over a fresh, empty database with a fake clock: what a repository or model test
// needs. The engine and where its database lives are chosen here and nowhere else: SQLite in a
// private temporary folder by default; with CP_TEST_ENGINE=postgres (CTest's <name>_pg twins,
// label pg) a database of its own on the run's PostgreSQL server, copied from a template that
// 'server init' prepared once per process. A test written over the fixture runs unchanged on both.
class StoreFixture
{
public:
    // The engine the repository tests run against.
    static SqlDialect::Engine engine();
    static bool onServer() { return engine() == SqlDialect::Engine::Postgres; }

    StoreFixture();

    // Opens the database; the error says why not.
    StoreError open();
    // A second store on the same database (a follower, another process's view, the same store
    // reopened), opened with 'options'. Give it the fixture's clock.
    StoreError openAnother(IncidentStore &other, const StoreSession::Options &options = {});

    IncidentStore &store() { return m_store; }
    FakeClock &clock() { return m_clock; }
    // A private folder for the test's files (templates, exports); on SQLite it holds the database.
    TempDatabase &files() { return m_files; }

private:
    StoreError openOn(IncidentStore &store, const StoreSession::Options &options);

    TempDatabase m_files;
    FakeClock m_clock;
    QString m_server; // the server database made for this fixture ("dbname=…"), once made
    IncidentStore m_store;
};

} // namespace cp::test
