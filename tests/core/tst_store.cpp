#include "db/commitwatcher.h"
#include "db/databasefile.h"
#include "db/incidentstore.h"
#include "db/schema.h"
#include "fakeclock.h"
#include "storefixture.h"
#include "tempdatabase.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

using namespace cp;
using Code = StoreError::Code;

namespace {

// A second, independent connection to the file: how the tests see what is really committed.
class RawConnection
{
public:
    explicit RawConnection(const QString &path, int busyTimeoutMs = 100)
        : m_name(QStringLiteral("raw-%1").arg(++s_counter))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs));
        db.open();
    }
    ~RawConnection()
    {
        QSqlDatabase::database(m_name).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    QVariant scalar(const QString &sql) const
    {
        QSqlQuery q(QSqlDatabase::database(m_name));
        if (!q.exec(sql) || !q.next())
            return {};
        return q.value(0);
    }
    bool exec(const QString &sql) const
    {
        QSqlQuery q(QSqlDatabase::database(m_name));
        return q.exec(sql);
    }

private:
    static inline int s_counter = 0;
    QString m_name;
};

NewEntry note(qint64 incident, const QString &text, const QString &author = QStringLiteral("cy"))
{
    NewEntry e;
    e.incidentId = incident;
    e.kind = EntryKind::Note;
    e.author = author;
    e.text = text;
    return e;
}

} // namespace

class TstStore : public QObject
{
    Q_OBJECT

private:
    test::FakeClock m_clock;

    qint64 declare(IncidentStore &store, const QString &title = QStringLiteral("Checkout returns 500s"))
    {
        NewIncident incident;
        incident.title = title;
        incident.severity = Severity::Sev2;
        auto id = store.incidents().create(incident, QStringLiteral("ana"));
        if (!id.ok())
            qWarning() << id.error().message();
        return id.ok() ? *id : 0;
    }

private slots:
    void init() { m_clock = test::FakeClock(); }

    void migratesANewFileToTheLatestSchema()
    {
        test::TempDatabase tmp;
        const QString path = tmp.path(QStringLiteral("sub/dir/incidents.sqlite"));
        IncidentStore store(m_clock);
        const StoreError error = store.session().open(path);
        QVERIFY2(error.ok(), qPrintable(error.message()));
        store.session().close();

        RawConnection raw(path);
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), Schema::latestVersion());
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA application_id")).toLongLong(), qint64(DatabaseFile::ApplicationId));
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = 'timeline_entry'")).toInt(),
                 1);
    }

    void reopeningKeepsEverythingAndDoesNotMigrateAgain()
    {
        test::TempDatabase tmp;
        qint64 id = 0;
        {
            IncidentStore store(m_clock);
            QVERIFY(store.session().open(tmp.path()).ok());
            id = declare(store);
            QVERIFY(store.timeline().append(note(id, QStringLiteral("first"))).ok());
        }
        IncidentStore store(m_clock);
        QVERIFY(store.session().open(tmp.path()).ok());
        auto stats = store.session().stats();
        QVERIFY(stats.ok());
        QCOMPARE(stats->schemaVersion, Schema::latestVersion());
        QCOMPARE(stats->incidents, 1);
        QCOMPARE(stats->entries, 2); // the declaration and the note
    }

    void connectionIsDurable()
    {
        test::StoreFixture f;
        QVERIFY(f.open().ok());
        IncidentStore &store = f.store();
        auto settings = store.session().connectionSettings();
        QVERIFY(settings.ok());
        QCOMPARE(settings->value(QStringLiteral("journal_mode")).toString(), QStringLiteral("wal"));
        QCOMPARE(settings->value(QStringLiteral("synchronous")).toInt(), 2); // FULL
        QCOMPARE(settings->value(QStringLiteral("foreign_keys")).toInt(), 1);
    }

    void declaringLogsTheDeclaration()
    {
        test::StoreFixture f;
        QVERIFY(f.open().ok());
        IncidentStore &store = f.store();
        const qint64 id = declare(store);
        QVERIFY(id > 0);
        auto incident = store.incidents().incident(id);
        QVERIFY(incident.ok());
        QCOMPARE(incident->title, QStringLiteral("Checkout returns 500s"));
        QCOMPARE(incident->severity, Severity::Sev2);
        QCOMPARE(incident->status, IncidentStatus::Investigating);
        QCOMPARE(incident->declaredAt, f.clock().nowUtc());
        auto entries = store.timeline().entries({id});
        QVERIFY(entries.ok());
        QCOMPARE(entries->size(), 1);
        QCOMPARE(entries->first().kind, EntryKind::System);
        QVERIFY(entries->first().keyEvent);
        QVERIFY(entries->first().text.contains(QStringLiteral("SEV-2")));
    }

    void refusesAnIncidentWithoutTitle()
    {
        test::StoreFixture f;
        QVERIFY(f.open().ok());
        IncidentStore &store = f.store();
        NewIncident incident;
        incident.title = QStringLiteral("   ");
        QCOMPARE(store.incidents().create(incident, QStringLiteral("ana")).error().code(), Code::Invalid);
        QCOMPARE(store.incidents().list()->size(), 0);
    }

    void severityAndStatusChangesGoOnTheTimeline()
    {
        test::StoreFixture f;
        QVERIFY(f.open().ok());
        IncidentStore &store = f.store();
        const qint64 id = declare(store);
        f.clock().advanceSecs(60);
        QVERIFY(store.incidents().setSeverity(id, Severity::Sev1, QStringLiteral("ana")).ok());
        QVERIFY(
            store.incidents().setSeverity(id, Severity::Sev1, QStringLiteral("ana")).ok()); // unchanged: nothing logged
        f.clock().advanceSecs(60);
        QVERIFY(store.incidents().setStatus(id, IncidentStatus::Identified, QStringLiteral("ana")).ok());
        f.clock().advanceSecs(60);
        QVERIFY(store.resolution()
                    .resolve(id, {{QStringLiteral("postmortem"), QStringLiteral("test")}}, QStringLiteral("ana"))
                    .ok());

        auto incident = store.incidents().incident(id);
        QCOMPARE(incident->severity, Severity::Sev1);
        QCOMPARE(incident->status, IncidentStatus::Resolved);
        QCOMPARE(incident->resolvedAt, f.clock().nowUtc());

        auto entries = store.timeline().entries({id});
        QCOMPARE(entries->size(), 5); // with the acknowledged postmortem owner
        QVERIFY(entries->at(3).text.contains(QStringLiteral("SEV-2 → SEV-1")));
        QVERIFY(entries->at(1).text.contains(QStringLiteral("Nobody owns the postmortem yet — test")));
        QVERIFY(entries->at(0).text.contains(QStringLiteral("Resolved")));
        for (const TimelineEntry &e : *entries)
            QCOMPARE(e.kind, EntryKind::System);

        // A resolved incident's status changes only by reopening, with a reason.
        QCOMPARE(store.incidents().setStatus(id, IncidentStatus::Monitoring, QStringLiteral("bo")).code(),
                 Code::Invalid);
        QVERIFY(store.resolution()
                    .reopen(id, IncidentStatus::Monitoring, QStringLiteral("errors back"), QStringLiteral("bo"))
                    .ok());
        QVERIFY(!store.incidents().incident(id)->resolvedAt.isValid());
        QVERIFY(store.timeline().entries({id})->first().text.contains(QStringLiteral("reopened")));
        QCOMPARE(store.incidents().setSeverity(4711, Severity::Sev1, QStringLiteral("ana")).code(), Code::NotFound);
    }

    void appendedEntriesAreCommittedBeforeSuccess()
    {
        test::StoreFixture f;
        QVERIFY(f.open().ok());
        IncidentStore &store = f.store();
        const qint64 id = declare(store);
        auto entryId = store.timeline().append(note(id, QStringLiteral("prod-db-3 restarted to clear the stuck lock")));
        QVERIFY(entryId.ok());
        // Another connection sees it at once: it was committed, not merely buffered.
        RawConnection raw(f.files().path());
        QCOMPARE(raw.scalar(QStringLiteral("SELECT body FROM timeline_entry WHERE id = %1").arg(*entryId)).toString(),
                 QStringLiteral("prod-db-3 restarted to clear the stuck lock"));
    }

    void entriesKeepTextVerbatim()
    {
        test::StoreFixture f;
        QVERIFY(f.open().ok());
        IncidentStore &store = f.store();
        const qint64 id = declare(store);
        const QString hostile = QStringLiteral("'); DROP TABLE timeline_entry; -- ü ✓ 100% _x_ \\ \"q\"");
        auto entryId = store.timeline().append(note(id, hostile));
        QVERIFY(entryId.ok());
        QCOMPARE(store.timeline().entry(*entryId)->text, hostile);
    }

    void refusesBadEntries()
    {
        test::StoreFixture f;
        QVERIFY(f.open().ok());
        IncidentStore &store = f.store();
        const qint64 id = declare(store);
        QCOMPARE(store.timeline().append(note(id, QStringLiteral("  "))).error().code(), Code::Invalid);
        QCOMPARE(store.timeline().append(note(id, QStringLiteral("x"), QString())).error().code(), Code::Invalid);
        QCOMPARE(store.timeline().append(note(999, QStringLiteral("x"))).error().code(), Code::NotFound);
        NewEntry future = note(id, QStringLiteral("from the future"));
        future.occurredAt = f.clock().nowUtc().addSecs(3600);
        QCOMPARE(store.timeline().append(future).error().code(), Code::Invalid);
        QCOMPARE(store.session().stats()->entries, 1);
    }

    void backfillKeepsBothTimes()
    {
        test::StoreFixture f;
        QVERIFY(f.open().ok());
        IncidentStore &store = f.store();
        const qint64 id = declare(store);
        f.clock().advanceSecs(600);
        NewEntry e = note(id, QStringLiteral("rolled back deploy 4711"));
        e.occurredAt = f.clock().nowUtc().addSecs(-300);
        auto entryId = store.timeline().append(e);
        QVERIFY(entryId.ok());
        auto stored = store.timeline().entry(*entryId);
        QCOMPARE(stored->occurredAt, f.clock().nowUtc().addSecs(-300));
        QCOMPARE(stored->capturedAt, f.clock().nowUtc());
    }

    void amendmentsKeepTheOriginal()
    {
        test::StoreFixture f;
        QVERIFY(f.open().ok());
        IncidentStore &store = f.store();
        const qint64 id = declare(store);
        const qint64 entryId = *store.timeline().append(note(id, QStringLiteral("restarting db")));
        f.clock().advanceSecs(30);
        EntryAmendment change;
        change.text = QStringLiteral("restarting db-3 (primary)");
        change.kind = EntryKind::Action;
        QVERIFY(store.timeline().amend(entryId, change, QStringLiteral("cy")).ok());
        QVERIFY(store.timeline().setRetracted(entryId, true, QStringLiteral("ana")).ok());
        QVERIFY(store.timeline().amend(entryId, EntryAmendment{}, QStringLiteral("ana")).ok()); // nothing changes

        auto current = store.timeline().entry(entryId);
        QCOMPARE(current->text, QStringLiteral("restarting db-3 (primary)"));
        QCOMPARE(current->kind, EntryKind::Action);
        QVERIFY(current->retracted);
        QCOMPARE(current->revision, 2);

        auto history = store.timeline().history(entryId);
        QVERIFY(history.ok());
        QCOMPARE(history->size(), 3);
        QCOMPARE(history->at(0).entry.text, QStringLiteral("restarting db"));
        QCOMPARE(history->at(0).entry.kind, EntryKind::Note);
        QCOMPARE(history->at(0).supersededBy, QStringLiteral("cy"));
        QCOMPARE(history->at(0).supersededAt, f.clock().nowUtc());
        QVERIFY(!history->at(1).entry.retracted);
        QVERIFY(history->at(2).entry.retracted);

        QVERIFY(store.timeline().setRetracted(entryId, false, QStringLiteral("ana")).ok());
        QVERIFY(!store.timeline().entry(entryId)->retracted);
        EntryAmendment emptied;
        emptied.text = QString();
        QCOMPARE(store.timeline().amend(entryId, emptied, QStringLiteral("ana")).code(), Code::Invalid);
        QCOMPARE(store.timeline().amend(424242, change, QStringLiteral("ana")).code(), Code::NotFound);
    }

    void pagesAreNewestFirstAndStable()
    {
        test::StoreFixture f;
        QVERIFY(f.open().ok());
        IncidentStore &store = f.store();
        const qint64 id = declare(store);
        for (int i = 0; i < 25; ++i) {
            f.clock().advanceSecs(10);
            QVERIFY(store.timeline().append(note(id, QStringLiteral("n%1").arg(i))).ok());
        }
        TimelinePage page{id};
        page.limit = 10;
        auto first = store.timeline().entries(page);
        QCOMPARE(first->size(), 10);
        QCOMPARE(first->first().text, QStringLiteral("n24"));
        page.hasCursor = true;
        page.cursorOccurredMs = first->last().occurredAt.toMSecsSinceEpoch();
        page.cursorId = first->last().id;
        // An entry arriving between pages does not shift the next page.
        f.clock().advanceSecs(10);
        QVERIFY(store.timeline().append(note(id, QStringLiteral("late"))).ok());
        auto second = store.timeline().entries(page);
        QCOMPARE(second->first().text, QStringLiteral("n14"));

        TimelinePage ascending{id};
        ascending.oldestFirst = true;
        ascending.limit = 2;
        auto oldest = store.timeline().entries(ascending);
        QCOMPARE(oldest->at(0).kind, EntryKind::System);
        QCOMPARE(oldest->at(1).text, QStringLiteral("n0"));
    }

    void filtersWorkInSql()
    {
        test::StoreFixture f;
        QVERIFY(f.open().ok());
        IncidentStore &store = f.store();
        const qint64 id = declare(store);
        NewEntry a = note(id, QStringLiteral("Roll back deploy 100%"), QStringLiteral("Bo"));
        a.kind = EntryKind::Action;
        a.tags = {QStringLiteral("deploy")};
        QVERIFY(store.timeline().append(a).ok());
        QVERIFY(
            store.timeline().append(note(id, QStringLiteral("customers report errors"), QStringLiteral("Cy"))).ok());
        const qint64 retracted = *store.timeline().append(note(id, QStringLiteral("wrong call"), QStringLiteral("Cy")));
        QVERIFY(store.timeline().setRetracted(retracted, true, QStringLiteral("Cy")).ok());

        auto count = [&](const TimelineFilter &filter) {
            TimelinePage p{id};
            p.filter = filter;
            return int(store.timeline().entries(p)->size());
        };
        QCOMPARE(count({}), 4);
        QCOMPARE(count({{EntryKind::Action}}), 1);
        QCOMPARE(count({{EntryKind::Action, EntryKind::System}}), 2);
        QCOMPARE(count({{}, QStringLiteral("cy")}), 2);
        QCOMPARE(count({{}, {}, QStringLiteral("DEPLOY")}), 1);
        QCOMPARE(count({{}, {}, QStringLiteral("100%")}), 1);
        QCOMPARE(count({{}, {}, QStringLiteral("_")}), 0); // LIKE wildcards are escaped
        QCOMPARE(count({{}, {}, {}, false}), 3);
        QCOMPARE(count({{}, {}, {}, true, true}), 1); // key events: the declaration
        QVERIFY(*store.timeline().matches(retracted, {{}, QStringLiteral("CY")}));
        QVERIFY(!*store.timeline().matches(retracted, {{}, {}, {}, false}));
    }

    void lockedWriteFailsVisiblyAndSavesNothing()
    {
        test::TempDatabase tmp;
        IncidentStore store(m_clock);
        StoreSession::Options options;
        options.busyTimeoutMs = 50;
        QVERIFY(store.session().open(tmp.path(), options).ok());
        const qint64 id = declare(store);

        RawConnection other(tmp.path());
        QVERIFY(other.exec(QStringLiteral("BEGIN IMMEDIATE")));
        auto blocked = store.timeline().append(note(id, QStringLiteral("while locked")));
        QCOMPARE(blocked.error().code(), Code::Busy);
        QVERIFY(blocked.error().message().contains(QStringLiteral("nothing was saved")));
        QVERIFY(other.exec(QStringLiteral("ROLLBACK")));

        QCOMPARE(store.session().stats()->entries, 1);
        QVERIFY(store.timeline().append(note(id, QStringLiteral("after the lock"))).ok());
        QCOMPARE(store.session().stats()->entries, 2);
    }

    void readOnlyStoreRefusesWrites()
    {
        test::TempDatabase tmp;
        qint64 id = 0;
        {
            IncidentStore writer(m_clock);
            QVERIFY(writer.session().open(tmp.path()).ok());
            id = declare(writer);
        }
        IncidentStore reader(m_clock);
        StoreSession::Options options;
        options.mode = StoreSession::OpenMode::ReadOnly;
        QVERIFY(reader.session().open(tmp.path(), options).ok());
        QCOMPARE(reader.timeline().append(note(id, QStringLiteral("x"))).error().code(), Code::ReadOnly);
        QCOMPARE(reader.incidents().list()->size(), 1);
    }

    void ownChangesAreAnnounced()
    {
        test::StoreFixture f;
        QVERIFY(f.open().ok());
        IncidentStore &store = f.store();
        QSignalSpy added(&store.incidents(), &IncidentRepository::incidentAdded);
        QSignalSpy changed(&store.incidents(), &IncidentRepository::incidentChanged);
        QSignalSpy entryAdded(&store.timeline(), &TimelineRepository::entryAdded);
        QSignalSpy entryChanged(&store.timeline(), &TimelineRepository::entryChanged);
        const qint64 id = declare(store);
        QCOMPARE(added.count(), 1);
        QCOMPARE(added.first().first().toLongLong(), id);
        QCOMPARE(entryAdded.count(), 1); // the declaration
        const qint64 entryId = *store.timeline().append(note(id, QStringLiteral("x")));
        QCOMPARE(entryAdded.count(), 2);
        QCOMPARE(entryAdded.last().at(1).toLongLong(), entryId);
        QVERIFY(store.timeline().setRetracted(entryId, true, QStringLiteral("cy")).ok());
        QCOMPARE(entryChanged.count(), 1);
        QVERIFY(store.incidents().setSeverity(id, Severity::Sev1, QStringLiteral("ana")).ok());
        QCOMPARE(changed.count(), 1);
        // A failed command announces nothing.
        QVERIFY(!store.timeline().append(note(id, QString())).ok());
        QCOMPARE(entryAdded.count(), 3); // only the severity entry was added
    }

    void outsideCommitsAreAnnounced()
    {
        test::StoreFixture f;
        QVERIFY(f.open().ok());
        IncidentStore &gui = f.store();
        const qint64 id = declare(gui);
        gui.session().setExternalPollInterval(20);
        QSignalSpy entryAdded(&gui.timeline(), &TimelineRepository::entryAdded);
        QSignalSpy changed(&gui.incidents(), &IncidentRepository::incidentChanged);

        IncidentStore cli(f.clock());
        QVERIFY(f.openAnother(cli).ok());
        const qint64 entryId = *cli.timeline().append(note(id, QStringLiteral("from the CLI")));
        QVERIFY(cli.incidents().setStatus(id, IncidentStatus::Identified, QStringLiteral("bo")).ok());
        QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 2000);
        QCOMPARE(entryAdded.count(), 2); // the note and the status entry
        QCOMPARE(entryAdded.first().at(1).toLongLong(), entryId);
    }

    // The window wakes on the -wal changing, not on a poll: with the poll off, an outside commit
    // is still announced.
    void outsideCommitsWakeTheWatcher()
    {
        test::StoreFixture f;
        QVERIFY(f.open().ok());
        IncidentStore &gui = f.store();
        const qint64 id = declare(gui);
        CommitWatcher watcher(gui.session(), 0);
        QSignalSpy entryAdded(&gui.timeline(), &TimelineRepository::entryAdded);

        IncidentStore cli(f.clock());
        QVERIFY(f.openAnother(cli).ok());
        const qint64 entryId = *cli.timeline().append(note(id, QStringLiteral("from the CLI")));
        QTRY_COMPARE_WITH_TIMEOUT(entryAdded.count(), 1, 5000);
        QCOMPARE(entryAdded.first().at(1).toLongLong(), entryId);
        const qint64 second = *cli.timeline().append(note(id, QStringLiteral("and again")));
        QTRY_COMPARE_WITH_TIMEOUT(entryAdded.count(), 2, 5000);
        QCOMPARE(entryAdded.last().at(1).toLongLong(), second);
    }

    void bulkAppendIsAllOrNothing()
    {
        test::StoreFixture f;
        QVERIFY(f.open().ok());
        IncidentStore &store = f.store();
        const qint64 id = declare(store);
        QList<NewEntry> batch;
        for (int i = 0; i < 300; ++i)
            batch << note(id, QStringLiteral("e%1").arg(i));
        batch[150].text.clear();
        auto failed = store.timeline().appendAll(batch);
        QCOMPARE(failed.error().code(), Code::Invalid);
        QVERIFY(failed.error().message().startsWith(QStringLiteral("Entry 151")));
        QCOMPARE(store.session().stats()->entries, 1);

        batch[150].text = QStringLiteral("fixed");
        QSignalSpy reloaded(&store.timeline(), &TimelineRepository::timelineReloaded);
        QSignalSpy entryAdded(&store.timeline(), &TimelineRepository::entryAdded);
        QVERIFY(store.timeline().appendAll(batch).ok());
        QCOMPARE(reloaded.count(), 1);
        QCOMPARE(entryAdded.count(), 0);
        QCOMPARE(store.session().stats()->entries, 301);
    }

    void integrityCheckOfAHealthyFile()
    {
        test::StoreFixture f;
        QVERIFY(f.open().ok());
        IncidentStore &store = f.store();
        declare(store);
        auto problems = store.session().integrityProblems();
        QVERIFY(problems.ok());
        QVERIFY(problems->isEmpty());
    }

    void recoversAfterACrashBeforeCheckpoint()
    {
        // The whole database still in the -wal file, as after a power cut: it opens, nothing lost.
        test::TempDatabase tmp;
        const QString path = tmp.path();
        qint64 id = 0;
        {
            IncidentStore store(m_clock);
            QVERIFY(store.session().open(path).ok());
            id = declare(store);
            QVERIFY(store.timeline().append(note(id, QStringLiteral("kept"))).ok());
            // Copy the files while the store is still open, the way a crash would leave them.
            QVERIFY(QFile::copy(path, tmp.path(QStringLiteral("crash.sqlite"))));
            QVERIFY(QFile::copy(path + QStringLiteral("-wal"), tmp.path(QStringLiteral("crash.sqlite-wal"))));
        }
        IncidentStore store(m_clock);
        const StoreError error = store.session().open(tmp.path(QStringLiteral("crash.sqlite")));
        QVERIFY2(error.ok(), qPrintable(error.message()));
        QCOMPARE(store.session().stats()->entries, 2);
    }
};

QTEST_GUILESS_MAIN(TstStore)
#include "tst_store.moc"
