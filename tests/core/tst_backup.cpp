// Backups and restores (DatabaseBackup): consistent while another connection writes, verified,
// 0600, refused for bad targets and bad backups with the database left untouched; and the
// files the store, the draft store and the session marker create are 0600 too.
#include "db/databasebackup.h"
#include "db/draftstore.h"
#include "db/incidentstore.h"
#include "db/privatefile.h"
#include "db/sessionmarker.h"
#include "fakeclock.h"
#include "tempdatabase.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

#include <sys/stat.h>

using namespace cp;
using Code = StoreError::Code;

class TstBackup : public QObject
{
    Q_OBJECT

private:
    static qint64 makeDatabase(IncidentStore &store, const QString &path, int entries)
    {
        if (!store.session().open(path).ok())
            return 0;
        auto id =
            store.incidents().create({QStringLiteral("Payments down"), {}, Severity::Sev1}, QStringLiteral("ana"));
        if (!id)
            return 0;
        QList<NewEntry> batch;
        for (int i = 0; i < entries; ++i)
            batch << NewEntry{*id, EntryKind::Note, QStringLiteral("bo"), QStringLiteral("entry %1").arg(i)};
        if (!store.timeline().appendAll(batch))
            return 0;
        return *id;
    }

private slots:
    void backupOfLiveDatabaseIsConsistentAndPrivate()
    {
        test::TempDatabase tmp;
        test::FakeClock clock;
        IncidentStore store(clock);
        const qint64 id = makeDatabase(store, tmp.path(), 50);
        QVERIFY(id > 0);
        // The store keeps its connection open and its -wal file may hold recent commits: a file
        // copy could miss them, VACUUM INTO cannot.
        QVERIFY(
            store.timeline().append(NewEntry{id, EntryKind::Note, QStringLiteral("bo"), QStringLiteral("last one")}));
        const QString target = tmp.path(QStringLiteral("copy.sqlite"));
        auto made = DatabaseBackup::backup(tmp.path(), target);
        QVERIFY2(made.ok(), qPrintable(made.error().message()));
        QCOMPARE(made->incidents, 1);
        QCOMPARE(made->entries, store.session().stats()->entries);
        QCOMPARE(PrivateFile::modeOf(target), 0600);
        QVERIFY(!QFile::exists(target + QStringLiteral("-wal")));

        IncidentStore copy(clock);
        QVERIFY(copy.session().open(target).ok());
        QCOMPARE(copy.session().stats()->entries, store.session().stats()->entries);
        QVERIFY(copy.session().integrityProblems()->isEmpty());
    }

    void defaultPathIsBesideTheDatabase()
    {
        const QString path = DatabaseBackup::defaultBackupPath(QStringLiteral("/data/incidents.sqlite"),
                                                               QDateTime(QDate(2026, 11, 22), QTime(7, 5, 9), Qt::UTC));
        QCOMPARE(path, QStringLiteral("/data/incidents-backup-20261122T070509Z.sqlite"));
    }

    void refusesBadTargets()
    {
        test::TempDatabase tmp;
        test::FakeClock clock;
        IncidentStore store(clock);
        QVERIFY(makeDatabase(store, tmp.path(), 3) > 0);
        const QString existing = tmp.path(QStringLiteral("taken.sqlite"));
        QVERIFY(tmp.writeBytes(existing, "keep me"));
        auto refused = DatabaseBackup::backup(tmp.path(), existing);
        QCOMPARE(refused.error().code(), Code::Invalid);
        QVERIFY(refused.error().message().contains(QStringLiteral("already exists")));
        QCOMPARE(QFile(existing).size(), 7);

        QCOMPARE(DatabaseBackup::backup(tmp.path(), tmp.path()).error().code(), Code::Invalid);
        QCOMPARE(DatabaseBackup::backup(tmp.path(), tmp.path(QStringLiteral("no/such/dir/x.sqlite"))).error().code(),
                 Code::FileMissing);
        QCOMPARE(DatabaseBackup::backup(tmp.path(QStringLiteral("missing.sqlite")), tmp.path(QStringLiteral("y")))
                     .error()
                     .code(),
                 Code::FileMissing);
        QVERIFY(!QFile::exists(tmp.path(QStringLiteral("y"))));
    }

    void verifyRefusesWhatIsNotABackup_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("code");
        QTest::newRow("text") << QByteArray("not a database\n") << int(Code::NotSqlite);
        QTest::newRow("empty") << QByteArray() << int(Code::EmptyFile);
        QTest::newRow("header only") << QByteArray("SQLite format 3\0", 16) << int(Code::Truncated);
    }

    void verifyRefusesWhatIsNotABackup()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, code);
        test::TempDatabase tmp;
        const QString path = tmp.path(QStringLiteral("bad.sqlite"));
        QVERIFY(tmp.writeBytes(path, bytes));
        const QByteArray before = test::TempDatabase::fingerprint(path);
        QCOMPARE(int(DatabaseBackup::verify(path).error().code()), code);
        QCOMPARE(test::TempDatabase::fingerprint(path), before);
    }

    void verifyRefusesForeignSqlite()
    {
        test::TempDatabase tmp;
        const QString path = tmp.path(QStringLiteral("photos.sqlite"));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("foreign"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE incident (id INTEGER PRIMARY KEY)")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
        QCOMPARE(DatabaseBackup::verify(path).error().code(), Code::Foreign);
    }

    void restoreBringsBackTheBackupAndKeepsASafetyCopy()
    {
        test::TempDatabase tmp;
        test::FakeClock clock;
        const QString backup = tmp.path(QStringLiteral("backup.sqlite"));
        qint64 id = 0;
        {
            IncidentStore store(clock);
            id = makeDatabase(store, tmp.path(), 5);
            QVERIFY(id > 0);
            QVERIFY(DatabaseBackup::backup(tmp.path(), backup).ok());
            QVERIFY(
                store.timeline().append(NewEntry{id, EntryKind::Note, QStringLiteral("bo"), QStringLiteral("later")}));
        }
        const QString safety = tmp.path(QStringLiteral("safety.sqlite"));
        auto restored = DatabaseBackup::restore(backup, tmp.path(), safety);
        QVERIFY2(restored.ok(), qPrintable(restored.error().message()));
        QCOMPARE(restored->entries, 1 + 5); // the declaration and the batch, not "later"
        IncidentStore store(clock);
        QVERIFY(store.session().open(tmp.path()).ok());
        QCOMPARE(store.session().stats()->entries, restored->entries);
        TimelinePage page;
        page.incidentId = id;
        page.limit = 100;
        for (const TimelineEntry &entry : *store.timeline().entries(page))
            QVERIFY(entry.text != QStringLiteral("later"));
        // The safety copy holds what was there before the restore.
        auto before = DatabaseBackup::verify(safety);
        QVERIFY(before.ok());
        QCOMPARE(before->entries, restored->entries + 1);
        QCOMPARE(PrivateFile::modeOf(safety), 0600);
    }

    void restoreIntoAnOpenStoreIsSeenAsOneCommit()
    {
        test::TempDatabase tmp;
        test::FakeClock clock;
        IncidentStore writer(clock);
        const qint64 id = makeDatabase(writer, tmp.path(), 2);
        QVERIFY(id > 0);
        const QString backup = tmp.path(QStringLiteral("b.sqlite"));
        QVERIFY(DatabaseBackup::backup(tmp.path(), backup).ok());
        QVERIFY(writer.timeline().append(NewEntry{id, EntryKind::Note, QStringLiteral("bo"), QStringLiteral("x")}));
        const qint64 entriesBefore = writer.session().stats()->entries;
        QVERIFY(DatabaseBackup::restore(backup, tmp.path(), QString()).ok());
        QCOMPARE(writer.session().stats()->entries, entriesBefore - 1); // the open connection reads the restored file
        QVERIFY(writer.session().integrityProblems()->isEmpty());
    }

    void restoreRefusesABadBackupAndChangesNothing()
    {
        test::TempDatabase tmp;
        test::FakeClock clock;
        {
            IncidentStore store(clock);
            QVERIFY(makeDatabase(store, tmp.path(), 3) > 0);
        }
        const QByteArray before = test::TempDatabase::fingerprint(tmp.path());
        const QString bad = tmp.path(QStringLiteral("bad.sqlite"));
        QVERIFY(tmp.writeBytes(bad, QByteArray(8192, 'x')));
        auto refused = DatabaseBackup::restore(bad, tmp.path(), tmp.path(QStringLiteral("safety.sqlite")));
        QCOMPARE(refused.error().code(), Code::NotSqlite);
        QCOMPARE(test::TempDatabase::fingerprint(tmp.path()), before);
        QVERIFY(!QFile::exists(tmp.path(QStringLiteral("safety.sqlite"))));
        QCOMPARE(DatabaseBackup::restore(tmp.path(), tmp.path(), QString()).error().code(), Code::Invalid);
    }

    void newFilesArePrivate()
    {
        test::TempDatabase tmp;
        test::FakeClock clock;
        const mode_t umaskBefore = ::umask(022);
        ::umask(umaskBefore);
        {
            IncidentStore store(clock);
            QVERIFY(store.session().open(tmp.path(QStringLiteral("sub/new.sqlite"))).ok());
            QVERIFY(store.incidents().create({QStringLiteral("t"), {}, Severity::Sev3}, QStringLiteral("a")).ok());
            QCOMPARE(PrivateFile::modeOf(tmp.path(QStringLiteral("sub/new.sqlite"))), 0600);
            QCOMPARE(PrivateFile::modeOf(tmp.path(QStringLiteral("sub/new.sqlite-wal"))), 0600);
            QCOMPARE(PrivateFile::modeOf(tmp.path(QStringLiteral("sub/new.sqlite-shm"))), 0600);
            QCOMPARE(PrivateFile::modeOf(tmp.path(QStringLiteral("sub"))), 0700);
        }
        DraftStore drafts(tmp.path());
        QVERIFY(drafts.save({1, QStringLiteral("half a line"), clock.nowUtc()}).ok());
        QCOMPARE(PrivateFile::modeOf(drafts.path()), 0600);
        SessionMarker marker(tmp.path());
        QVERIFY(marker.begin(clock.nowUtc(), 1).ok());
        QCOMPARE(PrivateFile::modeOf(marker.path()), 0600);
        // The umask is back to what it was: other files of the process are not affected.
        const mode_t after = ::umask(umaskBefore);
        QCOMPARE(after, umaskBefore);
    }

    void draftStoreRoundTripAndClear()
    {
        test::TempDatabase tmp;
        DraftStore drafts(tmp.path());
        QVERIFY(!drafts.load());
        const QString text = QStringLiteral("@10:02 rollback started — “quotes” \\ and\ttabs 💥");
        const QDateTime at(QDate(2026, 11, 22), QTime(7, 0, 1, 250), Qt::UTC);
        QVERIFY(drafts.save({7, text, at}).ok());
        auto loaded = drafts.load();
        QVERIFY(loaded);
        QCOMPARE(loaded->incidentId, 7);
        QCOMPARE(loaded->text, text);
        QCOMPARE(loaded->savedAtUtc, at);
        QVERIFY(drafts.save({7, QStringLiteral("   "), at}).ok()); // blank: nothing to keep
        QVERIFY(!QFile::exists(drafts.path()));
        // A damaged draft file is ignored, never fatal.
        QVERIFY(tmp.writeBytes(drafts.path(), QByteArray("{\"version\":1,\"text\":")));
        QVERIFY(!drafts.load());
        QVERIFY(tmp.writeBytes(drafts.path(), QByteArray(5 * 1024 * 1024, '{')));
        QVERIFY(!drafts.load());
    }

    // SQLite result codes (primary and extended) map to the codes callers act on; a full disk
    // and an I/O error both say that nothing was saved.
    void storeErrorMapping_data()
    {
        QTest::addColumn<int>("sqlite");
        QTest::addColumn<int>("expected");
        QTest::newRow("BUSY") << 5 << int(Code::Busy);
        QTest::newRow("LOCKED") << 6 << int(Code::Busy);
        QTest::newRow("BUSY_SNAPSHOT") << (5 | (2 << 8)) << int(Code::Busy);
        QTest::newRow("FULL") << 13 << int(Code::DiskFull);
        QTest::newRow("READONLY") << 8 << int(Code::ReadOnly);
        QTest::newRow("READONLY_DBMOVED") << (8 | (4 << 8)) << int(Code::ReadOnly);
        QTest::newRow("PERM") << 3 << int(Code::ReadOnly);
        QTest::newRow("CANTOPEN") << 14 << int(Code::ReadOnly);
        QTest::newRow("IOERR") << 10 << int(Code::Io);
        QTest::newRow("IOERR_WRITE") << (10 | (3 << 8)) << int(Code::Io);
        QTest::newRow("IOERR_FSYNC") << (10 | (4 << 8)) << int(Code::Io);
        QTest::newRow("NOMEM") << 7 << int(Code::Io);
        QTest::newRow("CORRUPT") << 11 << int(Code::Corrupt);
        QTest::newRow("NOTADB") << 26 << int(Code::NotSqlite);
        QTest::newRow("TOOBIG") << 18 << int(Code::Invalid);
        QTest::newRow("ERROR") << 1 << int(Code::Internal);
        QTest::newRow("no code") << -1 << int(Code::Internal);
    }

    void storeErrorMapping()
    {
        QFETCH(int, sqlite);
        QFETCH(int, expected);
        const StoreError error = StoreError::fromSqliteCode(sqlite, QStringLiteral("detail"), QStringLiteral("Saving"));
        QCOMPARE(int(error.code()), expected);
        QVERIFY(error.message().startsWith(QStringLiteral("Saving: ")));
        if (error.code() == Code::DiskFull || error.code() == Code::Busy || sqlite == 10)
            QVERIFY2(error.message().contains(QStringLiteral("nothing was saved")), qPrintable(error.message()));
        if (sqlite == 10 || error.code() == Code::DiskFull)
            QVERIFY(error.message().contains(QStringLiteral("full")));
    }

    void sessionMarkerTellsACrashFromACleanEnd()
    {
        test::TempDatabase tmp;
        test::FakeClock clock;
        SessionMarker first(tmp.path());
        QVERIFY(!first.read());
        QVERIFY(first.begin(clock.nowUtc(), 3).ok());
        clock.advanceSecs(30);
        QVERIFY(first.heartbeat(clock.nowUtc(), 4).ok());
        auto running = SessionMarker(tmp.path()).read();
        QVERIFY(running);
        QVERIFY(!running->clean);
        QCOMPARE(running->aliveAtUtc, clock.nowUtc());
        QCOMPARE(running->incidentId, 4);
        QCOMPARE(running->pid, QCoreApplication::applicationPid());
        QVERIFY(first.end(clock.nowUtc()).ok());
        QVERIFY(SessionMarker(tmp.path()).read()->clean);
        QVERIFY(tmp.writeBytes(first.path(), QByteArray("garbage")));
        QVERIFY(!SessionMarker(tmp.path()).read());
    }
};

QTEST_GUILESS_MAIN(TstBackup)
#include "tst_backup.moc"
