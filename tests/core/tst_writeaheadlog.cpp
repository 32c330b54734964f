// A -wal beside a database is replayed by SQLite into whatever main file sits there, and the next
// checkpoint makes that permanent. Every open path must refuse a -wal that is not the database's
// own before SQLite touches either file, leave both byte for byte as they were, and say what to
// do; a genuine -wal left by a crash must still be recovered. A read-only look leaves no -wal or
// -shm behind.
#include "db/databasebackup.h"
#include "db/databasefile.h"
#include "db/incidentstore.h"
#include "db/writeaheadlog.h"
#include "fakeclock.h"
#include "notes/traineenotes.h"
#include "tempdatabase.h"
#include "walfixture.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QtTest>

#include <sys/mount.h>
#include <sys/stat.h>

using namespace cp;
using Code = StoreError::Code;

class TstWriteAheadLog : public QObject
{
    Q_OBJECT

private:
    test::FakeClock m_clock;

    // A CommandPost database with 'entries' entries, closed cleanly (no -wal left).
    void makeDatabase(const QString &path, const QString &title, int entries)
    {
        IncidentStore store(m_clock);
        QVERIFY(store.session().open(path).ok());
        auto id = store.incidents().create({title, {}, Severity::Sev2}, QStringLiteral("ana"));
        QVERIFY(id.ok());
        for (int i = 0; i < entries; ++i)
            QVERIFY(store.timeline()
                        .append({*id, EntryKind::Note, QStringLiteral("bo"),
                                 QStringLiteral("%1 entry %2 ").arg(title).arg(i) + QString(300, u'x')})
                        .ok());
    }

    // What a crash leaves: the main file and the -wal of a database whose writer is still inside
    // SQLite (copied while it is open, so nothing is checkpointed). 'more' entries sit in the -wal.
    void crashCopy(const QString &source, int more, const QString &target)
    {
        IncidentStore store(m_clock);
        QVERIFY(store.session().open(source).ok());
        for (int i = 0; i < more; ++i)
            QVERIFY(store.timeline()
                        .append({1, EntryKind::Note, QStringLiteral("cy"), QStringLiteral("late %1").arg(i)})
                        .ok());
        QVERIFY(QFileInfo(WriteAheadLog::walPath(source)).size() > 0);
        QFile::remove(target);
        QFile::remove(WriteAheadLog::walPath(target));
        QVERIFY(QFile::copy(source, target));
        QVERIFY(QFile::copy(WriteAheadLog::walPath(source), WriteAheadLog::walPath(target)));
    }

    // What a crash leaves at tmp.path(): a database of 'entries' entries with 'more' in its -wal.
    QString crashedDatabase(const test::TempDatabase &tmp, int entries, int more)
    {
        const QString source = tmp.path(QStringLiteral("source.sqlite"));
        makeDatabase(source, QStringLiteral("A"), entries);
        crashCopy(source, more, tmp.path());
        return tmp.path();
    }

    // TMPDIR names a file for as long as it lives: no temporary folder can be made.
    struct NoTemporaryFolder
    {
        explicit NoTemporaryFolder(const test::TempDatabase &tmp) : saved(qgetenv("TMPDIR"))
        {
            const QString file = tmp.path(QStringLiteral("not-a-folder"));
            made = tmp.writeBytes(file, "x");
            qputenv("TMPDIR", QFile::encodeName(file));
        }
        ~NoTemporaryFolder() { qputenv("TMPDIR", saved); }
        Q_DISABLE_COPY_MOVE(NoTemporaryFolder)
        QByteArray saved;
        bool made = false;
    };

    struct Snapshot
    {
        QByteArray main;
        QByteArray wal;
        QStringList files;
    };
    static Snapshot snapshot(const QString &path, const test::TempDatabase &tmp)
    {
        return {test::TempDatabase::fingerprint(path), test::TempDatabase::fingerprint(WriteAheadLog::walPath(path)),
                tmp.files()};
    }
    static void expectUntouched(const QString &path, const test::TempDatabase &tmp, const Snapshot &before)
    {
        const Snapshot after = snapshot(path, tmp);
        QCOMPARE(after.main, before.main);
        QCOMPARE(after.wal, before.wal);
        QCOMPARE(after.files, before.files);
    }
    static void expectWalRefusal(const StoreError &error)
    {
        QVERIFY2(error.code() == Code::Foreign && error.message().contains(QStringLiteral("does not belong to")),
                 qPrintable(StoreError::codeName(error.code()) + u' ' + error.message()));
        QVERIFY2(error.message().contains(QStringLiteral("Move ")), qPrintable(error.message()));
        QVERIFY2(error.message().contains(QStringLiteral("recover")), qPrintable(error.message()));
        QVERIFY2(!error.message().contains(u'\n'), qPrintable(error.message()));
    }

    // Every way CommandPost opens a database, each refusing and touching nothing.
    void expectEveryOpenRefuses(const QString &path, const test::TempDatabase &tmp)
    {
        const Snapshot before = snapshot(path, tmp);
        for (StoreSession::OpenMode mode : {StoreSession::OpenMode::ReadWrite, StoreSession::OpenMode::ReadOnly}) {
            IncidentStore store(m_clock);
            StoreSession::Options options;
            options.mode = mode;
            options.create = mode == StoreSession::OpenMode::ReadWrite;
            expectWalRefusal(store.session().open(path, options));
            QVERIFY(!store.session().isOpen());
            store.session().close();
            expectUntouched(path, tmp, before);
        }
        expectWalRefusal(DatabaseBackup::verify(path).error());
        expectUntouched(path, tmp, before);
        expectWalRefusal(DatabaseBackup::backup(path, tmp.path(QStringLiteral("backup-out.sqlite"))).error());
        expectUntouched(path, tmp, before);

        // Restoring onto it, and restoring from it.
        const QString good = tmp.path(QStringLiteral("good.sqlite"));
        makeDatabase(good, QStringLiteral("Good"), 1);
        const Snapshot withGood = snapshot(path, tmp);
        expectWalRefusal(DatabaseBackup::restore(good, path, QString()).error());
        expectUntouched(path, tmp, withGood);
        const QString restored = tmp.path(QStringLiteral("restored.sqlite"));
        expectWalRefusal(DatabaseBackup::restore(path, restored, QString()).error());
        QVERIFY(!QFileInfo::exists(restored));
        expectUntouched(path, tmp, withGood);
        QVERIFY(QFile::remove(good));
    }

private slots:

    // The reproduction: the -wal of another application's database beside ours.
    void foreignApplicationsWal()
    {
        test::TempDatabase tmp;
        const QString path = tmp.path();
        makeDatabase(path, QStringLiteral("A"), 300);
        const QByteArray wal = test::foreignWal(tmp.dir());
        QVERIFY(!wal.isEmpty());
        QVERIFY(tmp.writeBytes(WriteAheadLog::walPath(path), wal));
        expectEveryOpenRefuses(path, tmp);

        // Moving it aside, as the message says, opens the database as it was.
        QVERIFY(QFile::rename(WriteAheadLog::walPath(path), path + QStringLiteral(".aside")));
        IncidentStore store(m_clock);
        QVERIFY(store.session().open(path).ok());
        QCOMPARE(store.session().stats()->entries, qint64(300 + 1));
    }

    // Another CommandPost database's -wal (the same application id, the same page size).
    void anotherCommandPostDatabasesWal()
    {
        test::TempDatabase tmp;
        const QString path = tmp.path();
        makeDatabase(path, QStringLiteral("Ours"), 200);
        const QString other = tmp.path(QStringLiteral("other.sqlite"));
        makeDatabase(other, QStringLiteral("Theirs"), 50);
        const QString crashed = tmp.path(QStringLiteral("crashed.sqlite"));
        crashCopy(other, 40, crashed);
        QVERIFY(QFile::copy(WriteAheadLog::walPath(crashed), WriteAheadLog::walPath(path)));
        for (const QString &name : {other, crashed, WriteAheadLog::walPath(crashed)})
            QFile::remove(name);
        expectEveryOpenRefuses(path, tmp);
    }

    // A crash left the -wal, then an older copy of the database was put over the main file.
    void olderCopyOverTheMainFile()
    {
        test::TempDatabase tmp;
        const QString path = tmp.path();
        makeDatabase(path, QStringLiteral("A"), 20);
        const QString older = tmp.path(QStringLiteral("older.sqlite"));
        QVERIFY(QFile::copy(path, older));
        {
            // Grows the main file well past the copy: a later checkpoint moved these into it.
            IncidentStore store(m_clock);
            QVERIFY(store.session().open(path).ok());
            QList<NewEntry> batch;
            for (int i = 0; i < 400; ++i)
                batch << NewEntry{1, EntryKind::Note, QStringLiteral("bo"), QString(500, u'y')};
            QVERIFY(store.timeline().appendAll(batch).ok());
        }
        const QString crashed = tmp.path(QStringLiteral("crashed.sqlite"));
        crashCopy(path, 30, crashed);
        QVERIFY(!QFileInfo::exists(WriteAheadLog::walPath(path)));
        QVERIFY(QFile::rename(WriteAheadLog::walPath(crashed), WriteAheadLog::walPath(path)));
        QVERIFY(QFile::remove(crashed));
        QVERIFY(QFile::remove(path));
        QVERIFY(QFile::rename(older, path)); // cp backup over the main file
        expectEveryOpenRefuses(path, tmp);
    }

    void notAWal_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QByteArray random(40000, '\0');
        QRandomGenerator gen(7);
        for (char &c : random)
            c = char(gen.bounded(256));
        QTest::newRow("random bytes") << random;
        QTest::newRow("shorter than a header") << QByteArray("\x37\x7f\x06\x82", 4);
        QTest::newRow("text") << QByteArray("my notes, saved under the wrong name\n");
    }
    void notAWal()
    {
        QFETCH(QByteArray, bytes);
        test::TempDatabase tmp;
        const QString path = tmp.path();
        makeDatabase(path, QStringLiteral("A"), 5);
        QVERIFY(tmp.writeBytes(WriteAheadLog::walPath(path), bytes));
        expectEveryOpenRefuses(path, tmp);
    }

    // A FIFO or a folder named like the -wal: refused, not opened (a FIFO would hang), not deleted.
    void notARegularFile()
    {
        test::TempDatabase tmp;
        const QString path = tmp.path();
        makeDatabase(path, QStringLiteral("A"), 5);
        QVERIFY(::mkfifo(QFile::encodeName(WriteAheadLog::walPath(path)).constData(), 0600) == 0);
        expectEveryOpenRefuses(path, tmp);
        QVERIFY(QFile::remove(WriteAheadLog::walPath(path)));
        QVERIFY(QDir().mkdir(WriteAheadLog::walPath(path)));
        expectEveryOpenRefuses(path, tmp);
    }

    // Pages of another size can only come from another database.
    void otherPageSize()
    {
        test::TempDatabase tmp;
        const QString path = tmp.path();
        makeDatabase(path, QStringLiteral("A"), 5);
        const QByteArray wal = test::foreignWal(tmp.dir(), 8192);
        QCOMPARE(WriteAheadLog::read(tmp.path(QStringLiteral("none"))).exists, false);
        QVERIFY(tmp.writeBytes(WriteAheadLog::walPath(path), wal));
        QCOMPARE(WriteAheadLog::read(path).pageSize, quint32(8192));
        expectEveryOpenRefuses(path, tmp);
    }

    // A -wal whose database is gone: creating a new file there would replay it into the new one.
    void walWithoutItsDatabase()
    {
        test::TempDatabase tmp;
        const QString source = tmp.path(QStringLiteral("source.sqlite"));
        makeDatabase(source, QStringLiteral("A"), 5);
        const QString crashed = tmp.path(QStringLiteral("crashed.sqlite"));
        crashCopy(source, 3, crashed);
        QVERIFY(QFile::remove(crashed));
        const QByteArray wal = test::TempDatabase::fingerprint(WriteAheadLog::walPath(crashed));
        IncidentStore store(m_clock);
        expectWalRefusal(store.session().open(crashed));
        QVERIFY(!QFileInfo::exists(crashed));
        QCOMPARE(test::TempDatabase::fingerprint(WriteAheadLog::walPath(crashed)), wal);
    }

    // The database's own -wal after a crash is replayed: every acknowledged entry is there.
    void ownWalAfterACrashIsRecovered()
    {
        test::TempDatabase tmp;
        const QString crashed = crashedDatabase(tmp, 10, 25);
        const WriteAheadLog::Summary wal = WriteAheadLog::read(crashed);
        QVERIFY(wal.headerValid);
        QVERIFY(wal.committedFrames > 0);
        QVERIFY(DatabaseFile::inspect(crashed, 99).ok());
        IncidentStore reader(m_clock);
        StoreSession::Options readOnly;
        readOnly.mode = StoreSession::OpenMode::ReadOnly;
        QVERIFY(reader.session().open(crashed, readOnly).ok());
        QCOMPARE(reader.session().stats()->entries, qint64(1 + 10 + 25));
        reader.session().close();
        IncidentStore store(m_clock);
        QVERIFY(store.session().open(crashed).ok());
        QCOMPARE(store.session().stats()->entries, qint64(1 + 10 + 25));
        QVERIFY(store.session().integrityProblems()->isEmpty());
    }

    // The private copy that replays a -wal goes beside the database (same file system), not into
    // a temporary folder that may be small or missing; nothing of it is left afterwards.
    void ownWalIsCheckedOnACopyBesideTheDatabase()
    {
        test::TempDatabase tmp;
        const QString crashed = crashedDatabase(tmp, 10, 25);
        const NoTemporaryFolder noTemp(tmp);
        QVERIFY(noTemp.made);
        const Snapshot before = snapshot(crashed, tmp);
        const StoreError verdict = DatabaseFile::inspect(crashed, 99);
        QVERIFY2(verdict.ok(), qPrintable(verdict.message()));
        expectUntouched(crashed, tmp, before);
        QCOMPARE(QDir(tmp.dir()).entryList(QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot), QStringList());
    }

    // No room for the private copy: a clear disk-full refusal, both files as they were.
    void noRoomForThePrivateCopyIsSaidPlainly()
    {
        test::TempDatabase tmp;
        const QString crashed = crashedDatabase(tmp, 40, 40);
        const qint64 needed = QFileInfo(crashed).size() + QFileInfo(WriteAheadLog::walPath(crashed)).size();
        const QString mountPoint = tmp.path(QStringLiteral("small"));
        QVERIFY(QDir().mkpath(mountPoint));
        // Room for the two files and a little more, not for a second copy of them.
        const QByteArray options = "size=" + QByteArray::number((needed + 16384) / 4096 * 4096) + ",mode=0700";
        if (::mount("tmpfs", QFile::encodeName(mountPoint).constData(), "tmpfs", MS_NOSUID | MS_NODEV,
                    options.constData()) != 0)
            QSKIP("cannot mount a small tmpfs here (needs root or CAP_SYS_ADMIN)");
        struct Unmount
        {
            QByteArray path;
            ~Unmount() { ::umount2(path.constData(), MNT_DETACH); }
        } unmount{QFile::encodeName(mountPoint)};
        const QString path = mountPoint + QStringLiteral("/incidents.sqlite");
        QVERIFY(QFile::copy(crashed, path));
        QVERIFY(QFile::copy(WriteAheadLog::walPath(crashed), WriteAheadLog::walPath(path)));
        const QByteArray main = test::TempDatabase::fingerprint(path);
        const QByteArray wal = test::TempDatabase::fingerprint(WriteAheadLog::walPath(path));
        const QStringList files = QDir(mountPoint).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
        const NoTemporaryFolder noTemp(tmp);
        QVERIFY(noTemp.made);
        IncidentStore store(m_clock);
        const StoreError error = store.session().open(path);
        QVERIFY2(error.code() == Code::DiskFull, qPrintable(error.message()));
        QVERIFY2(error.message().contains(QStringLiteral("MB free")), qPrintable(error.message()));
        QVERIFY2(error.message().contains(QStringLiteral("nothing was changed")), qPrintable(error.message()));
        QVERIFY2(!error.message().contains(u'\n'), qPrintable(error.message()));
        QCOMPARE(test::TempDatabase::fingerprint(path), main);
        QCOMPARE(test::TempDatabase::fingerprint(WriteAheadLog::walPath(path)), wal);
        QCOMPARE(QDir(mountPoint).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), files);
    }

    // While a writer has the database open its -wal is live: another open trusts it, no copy.
    void liveWalIsInUse()
    {
        test::TempDatabase tmp;
        const QString path = tmp.path();
        makeDatabase(path, QStringLiteral("A"), 2);
        QVERIFY(!WriteAheadLog::inUse(path));
        IncidentStore writer(m_clock);
        QVERIFY(writer.session().open(path).ok());
        QVERIFY(writer.timeline().append({1, EntryKind::Note, QStringLiteral("bo"), QStringLiteral("live")}).ok());
        QVERIFY(WriteAheadLog::inUse(path));
        IncidentStore second(m_clock);
        QVERIFY(second.session().open(path).ok());
        QCOMPARE(second.session().stats()->entries, qint64(1 + 2 + 1));
        writer.session().close();
        second.session().close();
        QVERIFY(!WriteAheadLog::inUse(path));
    }

    // A read-only look leaves the folder as it found it, whether it read or refused.
    void readOnlyLeavesNoCompanions()
    {
        test::TempDatabase tmp;
        const QString path = tmp.path();
        makeDatabase(path, QStringLiteral("A"), 3);
        const QStringList before = tmp.files();
        const QByteArray main = test::TempDatabase::fingerprint(path);
        {
            IncidentStore store(m_clock);
            StoreSession::Options options;
            options.mode = StoreSession::OpenMode::ReadOnly;
            options.create = false;
            QVERIFY(store.session().open(path, options).ok());
            QCOMPARE(store.session().stats()->entries, qint64(4));
        }
        QCOMPARE(tmp.files(), before);
        QVERIFY(DatabaseBackup::verify(path).ok());
        QCOMPARE(tmp.files(), before);
        QCOMPARE(test::TempDatabase::fingerprint(path), main);

        // Not while a writer still uses them.
        IncidentStore writer(m_clock);
        QVERIFY(writer.session().open(path).ok());
        {
            IncidentStore reader(m_clock);
            StoreSession::Options options;
            options.mode = StoreSession::OpenMode::ReadOnly;
            QVERIFY(reader.session().open(path, options).ok());
        }
        QVERIFY(QFileInfo::exists(WriteAheadLog::shmPath(path)));
        QVERIFY(writer.timeline().append({1, EntryKind::Note, QStringLiteral("bo"), QStringLiteral("after")}).ok());
    }

    void traineeNotesRefuseAForeignWal()
    {
        test::TempDatabase tmp;
        const QString path = tmp.path(QStringLiteral("notes.sqlite"));
        {
            TraineeNotes notes(m_clock);
            QVERIFY(notes.open(path).ok());
        }
        const QByteArray wal = test::foreignWal(tmp.dir());
        QVERIFY(tmp.writeBytes(WriteAheadLog::walPath(path), wal));
        const Snapshot before = snapshot(path, tmp);
        TraineeNotes notes(m_clock);
        expectWalRefusal(notes.open(path));
        expectUntouched(path, tmp, before);
    }
};

QTEST_GUILESS_MAIN(TstWriteAheadLog)
#include "tst_writeaheadlog.moc"
