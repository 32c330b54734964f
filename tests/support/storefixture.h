#pragma once

#include "db/incidentstore.h"
#include "fakeclock.h"
#include "tempdatabase.h"

namespace cp::test {

// A store over a fresh, empty database with a fake clock: what a repository or model test
// needs. The engine and where its database lives are chosen here and nowhere else (today SQLite
// in a private temporary folder), so a test written over the fixture runs unchanged against
// another engine once engine() can name it.
class StoreFixture
{
public:
    // The engine the repository tests run against.
    static SqlDialect::Engine engine() { return SqlDialect::Engine::Sqlite; }

    StoreFixture();

    // Opens the database; the error says why not.
    StoreError open();
    // A second store on the same database (a follower, another process's view), opened with
    // 'options'. It shares the fixture's clock.
    StoreError openAnother(IncidentStore &other, const StoreSession::Options &options = {}) const;

    IncidentStore &store() { return m_store; }
    FakeClock &clock() { return m_clock; }
    TempDatabase &files() { return m_files; }
    // Where the database lives, for a second connection (a follower, another process).
    QString location() const { return m_files.path(); }

private:
    TempDatabase m_files;
    FakeClock m_clock;
    IncidentStore m_store;
};

} // namespace cp::test
