// The compiled statements a SQLite connection keeps across transactions: one statement per text,
// reused; clean for its next use after a failure or a read left half done; recompiled by SQLite
// when the schema changes; and all finalized before the store's connection closes, so the close
// really closes the file.
#include "db/incidentstore.h"
#include "db/statementcache.h"
#include "fakeclock.h"
#include "tempdatabase.h"

#include <QFile>
#include <QtTest>

#include <sqlite3.h>

using namespace cp;

namespace {

// The statements a connection holds, however they were made.
QList<sqlite3_stmt *> liveStatements(sqlite3 *db)
{
    QList<sqlite3_stmt *> statements;
    for (sqlite3_stmt *s = sqlite3_next_stmt(db, nullptr); s; s = sqlite3_next_stmt(db, s))
        statements << s;
    return statements;
}

// The live statement whose text is 'sql' and how many times it ran.
int runsOf(sqlite3 *db, const char *sql)
{
    for (sqlite3_stmt *s : liveStatements(db)) {
        if (qstrcmp(sqlite3_sql(s), sql) == 0)
            return sqlite3_stmt_status(s, SQLITE_STMTSTATUS_RUN, 0);
    }
    return -1;
}

} // namespace

class TstStatementCache : public QObject
{
    Q_OBJECT

private:
    test::TempDatabase m_files;
    sqlite3 *m_db = nullptr;
    StatementCache m_cache;

    bool exec(const char *sql) { return sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) == SQLITE_OK; }

private slots:
    void init()
    {
        QFile::remove(m_files.path());
        QCOMPARE(sqlite3_open(QFile::encodeName(m_files.path()).constData(), &m_db), SQLITE_OK);
        QVERIFY(exec("CREATE TABLE person (id INTEGER PRIMARY KEY, handle TEXT UNIQUE NOT NULL, name TEXT)"));
        m_cache.attach(m_db);
    }

    void cleanup()
    {
        m_cache.clear();
        QCOMPARE(sqlite3_close(m_db), SQLITE_OK); // nothing left behind by a test
        m_db = nullptr;
    }

    void oneStatementPerTextReused()
    {
        const QString insert = QStringLiteral("INSERT INTO person (handle, name) VALUES (?, ?) RETURNING id");
        for (const char *handle : {"ana", "bo", "cy"}) {
            CachedQuery query(m_cache, insert);
            qint64 id = 0;
            bool returned = false;
            QCOMPARE(query.run({QString::fromLatin1(handle), QString()}, &id, &returned), SQLITE_DONE);
            QVERIFY(returned);
            QCOMPARE(id, qint64(handle[0] == 'a' ? 1 : handle[0] == 'b' ? 2 : 3));
        }
        QCOMPARE(m_cache.size(), 1);
        QCOMPARE(liveStatements(m_db).size(), 1);
        // Compiled without its RETURNING (the id comes from the connection), and run three times.
        QCOMPARE(runsOf(m_db, "INSERT INTO person (handle, name) VALUES (?, ?)"), 3);

        // A null QString is NULL, as under Qt's driver.
        CachedQuery read(m_cache, QStringLiteral("SELECT name IS NULL, handle FROM person WHERE id = ?"));
        QCOMPARE(read.bind({2}), SQLITE_OK);
        QCOMPARE(read.step(), SQLITE_ROW);
        QCOMPARE(read.int64(0), 1);
        QCOMPARE(read.value(1).toString(), QStringLiteral("bo"));
    }

    // A statement that failed, and a read stopped after its first row, are ready for their next use.
    void cleanAfterFailureAndAfterAReadLeftHalfDone()
    {
        const QString insert = QStringLiteral("INSERT INTO person (handle, name) VALUES (?, ?)");
        {
            CachedQuery query(m_cache, insert);
            QCOMPARE(query.run({QStringLiteral("ana"), QStringLiteral("Ana")}), SQLITE_DONE);
            const int rc = query.run({QStringLiteral("ana"), QStringLiteral("Ana again")});
            QCOMPARE(rc & 0xff, SQLITE_CONSTRAINT);
            const StoreError error = query.error(rc, QStringLiteral("Adding"));
            QCOMPARE(error.code(), StoreError::Code::Internal);
            QVERIFY2(error.message().contains(QLatin1String("UNIQUE constraint failed")), qPrintable(error.message()));
            QCOMPARE(query.run({QStringLiteral("bo"), QStringLiteral("Bo")}), SQLITE_DONE);
        }
        {
            CachedQuery read(m_cache, QStringLiteral("SELECT handle FROM person ORDER BY id"));
            QCOMPARE(read.bind({}), SQLITE_OK);
            QCOMPARE(read.step(), SQLITE_ROW);
            QCOMPARE(read.text(0), QStringLiteral("ana"));
        }
        for (sqlite3_stmt *s : liveStatements(m_db))
            QVERIFY2(!sqlite3_stmt_busy(s), sqlite3_sql(s));
        // A COMMIT meets no statement half-stepped.
        QVERIFY(exec("BEGIN IMMEDIATE"));
        CachedQuery read(m_cache, QStringLiteral("SELECT handle FROM person ORDER BY id"));
        QCOMPARE(read.bind({}), SQLITE_OK);
        QCOMPARE(read.step(), SQLITE_ROW);
        QCOMPARE(read.text(0), QStringLiteral("ana")); // from the first row again
        read.reset();
        QVERIFY(exec("COMMIT"));
    }

    // The same text used again while its first use lasts gets a statement of its own, finalized after.
    void aSecondUseAtOnceHasItsOwn()
    {
        QVERIFY(exec("INSERT INTO person (handle) VALUES ('ana'), ('bo')"));
        const QString select = QStringLiteral("SELECT handle FROM person ORDER BY id");
        CachedQuery outer(m_cache, select);
        QCOMPARE(outer.bind({}), SQLITE_OK);
        QCOMPARE(outer.step(), SQLITE_ROW);
        {
            CachedQuery inner(m_cache, select);
            QCOMPARE(inner.bind({}), SQLITE_OK);
            QCOMPARE(inner.step(), SQLITE_ROW);
            QCOMPARE(inner.text(0), QStringLiteral("ana"));
            QCOMPARE(liveStatements(m_db).size(), 2);
        }
        QCOMPARE(liveStatements(m_db).size(), 1);
        QCOMPARE(outer.step(), SQLITE_ROW);
        QCOMPARE(outer.text(0), QStringLiteral("bo"));
    }

    void refusesWhatQtsDriverRefuses()
    {
        CachedQuery two(m_cache, QStringLiteral("DELETE FROM person; DROP TABLE person"));
        QVERIFY(two.prepared() != SQLITE_OK);
        QCOMPARE(two.error(two.run({}), QStringLiteral("Cleaning")).code(), StoreError::Code::Internal);
        QVERIFY(exec("SELECT 1 FROM person")); // neither ran

        CachedQuery insert(m_cache, QStringLiteral("INSERT INTO person (handle, name) VALUES (?, ?)"));
        const int rc = insert.run({QStringLiteral("ana")}); // a value short: not a NULL name
        QVERIFY(rc != SQLITE_DONE);
        QVERIFY(insert.error(rc, QStringLiteral("Adding")).message().contains(QLatin1String("parameter count")));
        CachedQuery count(m_cache, QStringLiteral("SELECT COUNT(*) FROM person"));
        qint64 rows = -1;
        QCOMPARE(count.run({}, &rows), SQLITE_DONE);
        QCOMPARE(rows, 0);
    }

    void aSchemaChangeRecompiles()
    {
        const QString select = QStringLiteral("SELECT * FROM person WHERE handle = ?");
        QVERIFY(exec("INSERT INTO person (handle) VALUES ('ana')"));
        {
            CachedQuery read(m_cache, select);
            QCOMPARE(read.bind({QStringLiteral("ana")}), SQLITE_OK);
            QCOMPARE(read.step(), SQLITE_ROW);
        }
        QVERIFY(exec("ALTER TABLE person ADD COLUMN team TEXT DEFAULT 'db'"));
        CachedQuery read(m_cache, select);
        QCOMPARE(read.bind({QStringLiteral("ana")}), SQLITE_OK);
        QCOMPARE(read.step(), SQLITE_ROW);
        QCOMPARE(read.text(3), QStringLiteral("db"));
        QCOMPARE(m_cache.size(), 1);
    }

    // Through the store: a second append compiles nothing, and closing the store closes the file
    // (Qt's driver closes with sqlite3_close, which fails while a statement lives: SQLite's last
    // connection would then never fold its -wal back and remove it).
    void theStoreReusesAcrossTransactionsAndFinalizesOnClose()
    {
        test::FakeClock clock;
        const QString path = m_files.path(QStringLiteral("store.sqlite"));
        IncidentStore store(clock);
        QVERIFY(store.session().open(path).ok());
        NewIncident incident;
        incident.title = QStringLiteral("Checkout down");
        auto id = store.incidents().create(incident, QStringLiteral("ana"));
        QVERIFY(id.ok());
        NewEntry entry;
        entry.incidentId = *id;
        entry.author = QStringLiteral("Cy");
        entry.text = QStringLiteral("Bo restarting the app stack");
        QVERIFY(store.timeline().append(entry).ok());
        sqlite3 *connection = sqliteHandle(store.session().database());
        QVERIFY(connection);
        const auto statements = liveStatements(connection);
        const int commits = runsOf(connection, "COMMIT");
        QVERIFY(commits >= 2);
        QVERIFY(store.timeline().append(entry).ok());
        QCOMPARE(liveStatements(connection), statements);
        QCOMPARE(runsOf(connection, "COMMIT"), commits + 1);
        // The entry's id and its change-log row's number come from the connection: no statement
        // of an append has SQLite fill a temporary table for a RETURNING.
        for (sqlite3_stmt *s : statements)
            QVERIFY2(!QByteArray(sqlite3_sql(s)).contains("RETURNING"), sqlite3_sql(s));

        QVERIFY(QFile::exists(path + QStringLiteral("-wal")));
        store.session().close();
        QVERIFY2(!QFile::exists(path + QStringLiteral("-wal")), "the connection stayed open");
    }

    // The window looks for other processes' commits at every change of the -wal and on a slow
    // poll, for as long as it is open: one compiled statement, run each time.
    void lookingForOutsideCommitsReusesOneStatement()
    {
        test::FakeClock clock;
        const QString path = m_files.path(QStringLiteral("poll.sqlite"));
        IncidentStore store(clock);
        QVERIFY(store.session().open(path).ok());
        sqlite3 *connection = sqliteHandle(store.session().database());
        QVERIFY(connection);
        const int runs = runsOf(connection, "PRAGMA data_version");
        QVERIFY2(runs >= 1, "the open primes the counter through the cache");
        const auto statements = liveStatements(connection);
        store.session().setExternalPollInterval(1);
        QTRY_VERIFY(runsOf(connection, "PRAGMA data_version") >= runs + 3);
        store.session().setExternalPollInterval(0);
        QCOMPARE(liveStatements(connection), statements);
    }
};

QTEST_GUILESS_MAIN(TstStatementCache)
#include "tst_statementcache.moc"
