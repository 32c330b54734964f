// Every file the store must refuse: refused with a clear one-line message, and the file (and
// its folder) left exactly as it was.
#include "db/databasefile.h"
#include "db/incidentstore.h"
#include "db/laterintegritycheck.h"
#include "fakeclock.h"
#include "tempdatabase.h"

#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

using namespace cp;
using Code = StoreError::Code;

Q_DECLARE_METATYPE(StoreError::Code)

class TstStoreRefusals : public QObject
{
    Q_OBJECT

private:
    // A raw SQLite file made without the store, as another program would.
    static void makeSqliteFile(const QString &path, const QStringList &statements)
    {
        const QString name = QStringLiteral("raw-%1").arg(QRandomGenerator::global()->generate());
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            for (const QString &s : statements)
                QVERIFY2(q.exec(s), qPrintable(s));
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }

    // A real CommandPost database with some entries, closed cleanly.
    static void makeOurFile(const QString &path, int entries)
    {
        test::FakeClock clock;
        IncidentStore store(clock);
        QVERIFY(store.session().open(path).ok());
        auto id =
            store.incidents().create({QStringLiteral("Checkout down"), {}, Severity::Sev1}, QStringLiteral("ana"));
        QVERIFY(id.ok());
        QList<NewEntry> batch;
        for (int i = 0; i < entries; ++i)
            batch << NewEntry{*id, EntryKind::Note, QStringLiteral("bo"),
                              QStringLiteral("entry %1 ").arg(i) + QString(200, QLatin1Char('x'))};
        QVERIFY(store.timeline().appendAll(batch).ok());
        store.session().close();
    }

    // One of our files with one table damaged and every other one sound.
    static bool makeDamagedFile(const QString &path, int entries, const QString &table)
    {
        makeOurFile(path, entries);
        return !QTest::currentTestFailed() && test::TempDatabase::damageTable(path, table);
    }

    // As the window opens a file: the growing tables are checked after the open.
    static StoreSession::Options theWindowsOptions()
    {
        StoreSession::Options options;
        options.checkGrowingTablesLater = true;
        return options;
    }

    static StoreError openAsTheWindow(IncidentStore &store, const QString &path)
    {
        return store.session().open(path, theWindowsOptions());
    }

    void expectRefusal(const QString &path, Code expected, const test::TempDatabase &tmp,
                       const StoreSession::Options &options = {})
    {
        const QByteArray before = test::TempDatabase::fingerprint(path);
        const QStringList filesBefore = tmp.files();
        test::FakeClock clock;
        IncidentStore store(clock);
        const StoreError error = store.session().open(path, options);
        QCOMPARE(StoreError::codeName(error.code()), StoreError::codeName(expected));
        QVERIFY(!error.message().isEmpty());
        QVERIFY2(!error.message().contains(QLatin1Char('\n')), qPrintable(error.message()));
        QVERIFY(!store.session().isOpen());
        QCOMPARE(test::TempDatabase::fingerprint(path), before);
        QCOMPARE(tmp.files(), filesBefore);
    }

private slots:
    void notSqlite_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<Code>("expected");
        QByteArray random(8192, '\0');
        QRandomGenerator gen(42);
        for (char &c : random)
            c = char(gen.bounded(256));
        QTest::newRow("random bytes") << random << Code::NotSqlite;
        QTest::newRow("text file") << QByteArray("Incident notes\nnot a database\n") << Code::NotSqlite;
        QTest::newRow("header prefix only") << QByteArray("SQLite fo") << Code::Truncated;
        QTest::newRow("header cut at 50 bytes")
            << QByteArray("SQLite format 3\0", 16) + QByteArray(34, '\1') << Code::Truncated;
    }

    void notSqlite()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(Code, expected);
        test::TempDatabase tmp;
        const QString path = tmp.path();
        QVERIFY(tmp.writeBytes(path, bytes));
        expectRefusal(path, expected, tmp);
    }

    void zeroLengthFile()
    {
        test::TempDatabase tmp;
        QVERIFY(tmp.writeBytes(tmp.path(), {}));
        expectRefusal(tmp.path(), Code::EmptyFile, tmp);
    }

    void directory()
    {
        test::TempDatabase tmp;
        QVERIFY(QDir(tmp.dir()).mkdir(QStringLiteral("folder.sqlite")));
        expectRefusal(tmp.path(QStringLiteral("folder.sqlite")), Code::IsDirectory, tmp);
    }

    void truncatedDatabase()
    {
        test::TempDatabase tmp;
        const QString path = tmp.path();
        makeOurFile(path, 300);
        QFile f(path);
        QVERIFY(f.size() > 16384);
        QVERIFY(f.resize(f.size() / 2 + 100)); // cut mid-page
        expectRefusal(path, Code::Truncated, tmp);
    }

    void truncatedAtPageBoundary()
    {
        test::TempDatabase tmp;
        const QString path = tmp.path();
        makeOurFile(path, 300);
        QFile f(path);
        QVERIFY(f.resize(4096 * 2)); // whole pages, but far fewer than the header records
        expectRefusal(path, Code::Truncated, tmp);
    }

    void corruptPages()
    {
        test::TempDatabase tmp;
        const QString path = tmp.path();
        makeOurFile(path, 300);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        const qint64 size = f.size();
        // Scribble over the middle pages, leaving the header intact.
        for (qint64 offset = 4096 * 3; offset < size - 4096; offset += 4096) {
            f.seek(offset + 8);
            f.write(QByteArray(64, '\xA5'));
        }
        f.close();
        expectRefusal(path, Code::Corrupt, tmp);
    }

    void foreignApplicationId()
    {
        test::TempDatabase tmp;
        const QString path = tmp.path();
        makeSqliteFile(path, {QStringLiteral("PRAGMA application_id = 1234"),
                              QStringLiteral("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")});
        expectRefusal(path, Code::Foreign, tmp);
    }

    void foreignWithoutApplicationId()
    {
        test::TempDatabase tmp;
        const QString path = tmp.path();
        makeSqliteFile(path, {QStringLiteral("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)"),
                              QStringLiteral("INSERT INTO notes (body) VALUES ('hello')")});
        expectRefusal(path, Code::Foreign, tmp);
    }

    void newerSchema()
    {
        test::TempDatabase tmp;
        const QString path = tmp.path();
        makeOurFile(path, 3);
        makeSqliteFile(path,
                       {QStringLiteral("PRAGMA journal_mode = DELETE"), QStringLiteral("PRAGMA user_version = 99")});
        expectRefusal(path, Code::TooNew, tmp);
    }

    void readOnlyFile()
    {
        test::TempDatabase tmp;
        const QString path = tmp.path();
        makeOurFile(path, 3);
        QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
        expectRefusal(path, Code::ReadOnly, tmp);
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }

    void readOnlyFolder()
    {
        test::TempDatabase tmp;
        const QString sub = tmp.dir() + QStringLiteral("/locked");
        QVERIFY(QDir().mkpath(sub));
        const QString path = sub + QStringLiteral("/incidents.sqlite");
        makeOurFile(path, 3);
        QVERIFY(QFile::setPermissions(sub, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        const QByteArray before = test::TempDatabase::fingerprint(path);
        test::FakeClock clock;
        IncidentStore store(clock);
        const StoreError error = store.session().open(path);
        QFile::setPermissions(sub, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        QCOMPARE(error.code(), Code::ReadOnly);
        QCOMPARE(test::TempDatabase::fingerprint(path), before);
    }

    void missingFileInReadOnlyMode()
    {
        test::TempDatabase tmp;
        test::FakeClock clock;
        IncidentStore store(clock);
        StoreSession::Options options;
        options.mode = StoreSession::OpenMode::ReadOnly;
        QCOMPARE(store.session().open(tmp.path(), options).code(), Code::FileMissing);
        QVERIFY(tmp.files().isEmpty());
    }

    void emptySqliteDatabaseIsAdopted()
    {
        // A valid SQLite database with nothing in it belongs to no one: it becomes ours.
        test::TempDatabase tmp;
        const QString path = tmp.path();
        makeSqliteFile(path, {QStringLiteral("PRAGMA page_size = 4096"), QStringLiteral("VACUUM")});
        test::FakeClock clock;
        IncidentStore store(clock);
        const StoreError error = store.session().open(path);
        QVERIFY2(error.ok(), qPrintable(error.message()));
        QVERIFY(store.incidents().create({QStringLiteral("Adopted")}, QStringLiteral("ana")).ok());
    }

    // The window's open: the growing tables are checked after it. Damage there is still refused
    // by an open that checks at once, and found by the later check before anything is written.
    void damageInTheTimelineRefusedAtOnceByAFullCheck()
    {
        test::TempDatabase tmp;
        const QString path = tmp.path();
        QVERIFY(makeDamagedFile(path, 300, QStringLiteral("timeline_entry")));
        expectRefusal(path, Code::Corrupt, tmp);
    }

    void damageInTheTimelineFoundLaterTurnsTheSessionReadOnly()
    {
        test::TempDatabase tmp;
        const QString path = tmp.path();
        QVERIFY(makeDamagedFile(path, 300, QStringLiteral("timeline_entry")));
        const QByteArray before = test::TempDatabase::fingerprint(path);
        test::FakeClock clock;
        IncidentStore store(clock);
        QSignalSpy damaged(&store.session(), &StoreSession::damaged);
        const StoreError opened = openAsTheWindow(store, path);
        QVERIFY2(opened.ok(), qPrintable(opened.message()));
        // A write straight after the open waits for the check and is refused: nothing is written.
        const StoreError written = store.incidents().create({QStringLiteral("Second")}, QStringLiteral("ana")).error();
        QCOMPARE(StoreError::codeName(written.code()), StoreError::codeName(Code::Corrupt));
        QVERIFY2(written.message().contains(QStringLiteral("read-only")), qPrintable(written.message()));
        QVERIFY2(!written.message().contains(QLatin1Char('\n')), qPrintable(written.message()));
        QTRY_COMPARE(damaged.size(), 1);
        QCOMPARE(damaged.at(0).at(0).toString(), written.message());
        QVERIFY(!store.session().damage().isEmpty());
        QCOMPARE(store.timers()
                     .startCountdown(1, QStringLiteral("Check-in"), 60000, {}, QStringLiteral("ana"))
                     .error()
                     .code(),
                 Code::Corrupt);
        store.session().close();
        QCOMPARE(test::TempDatabase::fingerprint(path), before);
    }

    void damageElsewhereIsStillRefusedAtOpen()
    {
        test::TempDatabase tmp;
        const QString path = tmp.path();
        QVERIFY(makeDamagedFile(path, 3, QStringLiteral("incident")));
        expectRefusal(path, Code::Corrupt, tmp, theWindowsOptions());
    }

    void aSoundFileOpenedWithTheLaterCheckIsWritable()
    {
        test::TempDatabase tmp;
        const QString path = tmp.path();
        makeOurFile(path, 300);
        test::FakeClock clock;
        IncidentStore store(clock);
        QSignalSpy damaged(&store.session(), &StoreSession::damaged);
        QVERIFY(openAsTheWindow(store, path).ok());
        QVERIFY(store.incidents().create({QStringLiteral("Second")}, QStringLiteral("ana")).ok());
        QVERIFY(store.session().damage().isEmpty());
        QCOMPARE(damaged.size(), 0);
    }

    void theLaterCheckStartsAfterItsDelay()
    {
        test::TempDatabase tmp;
        const QString path = tmp.path();
        QVERIFY(makeDamagedFile(path, 300, QStringLiteral("timeline_entry")));
        LaterIntegrityCheck check(path, 50);
        QSignalSpy finished(&check, &LaterIntegrityCheck::finished);
        QVERIFY(!check.hasStarted()); // nothing beside the window's first frame
        QTRY_COMPARE(finished.size(), 1);
        QVERIFY(check.hasStarted() && check.isDone());
        QVERIFY(!finished.at(0).at(0).toStringList().isEmpty());
    }

    void waitingForTheLaterCheckStartsItAtOnce()
    {
        test::TempDatabase tmp;
        const QString path = tmp.path();
        QVERIFY(makeDamagedFile(path, 300, QStringLiteral("timeline_entry")));
        LaterIntegrityCheck check(path, 24 * 3600 * 1000);
        QVERIFY(!check.hasStarted());
        QVERIFY(!check.waitForProblems().isEmpty());
        QVERIFY(check.isDone());
    }
};

QTEST_GUILESS_MAIN(TstStoreRefusals)
#include "tst_storerefusals.moc"
