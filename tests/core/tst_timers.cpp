// The store's timer commands against a fake clock (never a real wait): starting, snoozing, pausing,
// acknowledging, each on the timeline; refusals; a file from before timers.
#include "db/databasefile.h"
#include "db/incidentstore.h"
#include "db/schema.h"
#include "tempdatabase.h"
#include "timertestcase.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

using namespace cp;
using Code = StoreError::Code;

class TstTimers : public test::TimerTestCase
{
    Q_OBJECT

private slots:
    void init() { setUpTimers(); }
    void cleanup() { tearDownTimers(); }

    void snoozeSetsANewDeadlineFromNow()
    {
        const qint64 id = countdown(3 * Minute);
        m_clock->advance(3 * Minute + 20 * Second);
        m_engine->tick();
        QCOMPARE(m_expired->count(), 1);

        QVERIFY(m_store->timers().snooze(id, 5, m_ana).ok());
        QCOMPARE(timer(id).deadlineAt, now().addSecs(5 * 60));
        m_engine->tick();
        QCOMPARE(phase(id), TimerPhase::Running);
        QCOMPARE(m_expired->count(), 1);

        m_clock->advance(5 * Minute);
        m_engine->tick();
        QCOMPARE(m_expired->count(), 2); // the snoozed deadline is a new deadline
        QCOMPARE(expiryEntries(id), 2);
        QVERIFY(timerTexts().contains(QStringLiteral("Timer snoozed for 5 min: “check back with DB SME”")));

        QCOMPARE(m_store->timers().snooze(id, 0, m_ana).code(), Code::Invalid);
        QCOMPARE(m_store->timers().snooze(id, 24 * 60 + 1, m_ana).code(), Code::Invalid);
    }

    void pauseFreezesAndResumeSetsANewDeadline()
    {
        const qint64 id = countdown(10 * Minute);
        m_clock->advance(4 * Minute);
        QVERIFY(m_store->timers().pause(id, m_ana).ok());
        QCOMPARE(timer(id).state, TimerState::Paused);
        QVERIFY(!timer(id).deadlineAt.isValid());
        QCOMPARE(timer(id).remainingMsAt(now()), 6 * Minute);

        m_clock->advance(30 * Minute);
        m_engine->tick();
        QCOMPARE(m_expired->count(), 0);
        QCOMPARE(phase(id), TimerPhase::Paused);
        QCOMPARE(timer(id).remainingMsAt(now()), 6 * Minute);
        QCOMPARE(m_store->timers().pause(id, m_ana).code(), Code::Invalid);

        QVERIFY(m_store->timers().resume(id, m_ana).ok());
        QCOMPARE(timer(id).deadlineAt, now().addSecs(6 * 60));
        QCOMPARE(m_store->timers().resume(id, m_ana).code(), Code::Invalid);
        m_clock->advance(6 * Minute - 1);
        m_engine->tick();
        QCOMPARE(m_expired->count(), 0);
        m_clock->advance(1);
        m_engine->tick();
        QCOMPARE(m_expired->count(), 1);
        // An expired timer is acknowledged, snoozed or restarted, not paused.
        QCOMPARE(m_store->timers().pause(id, m_ana).code(), Code::Invalid);
    }

    void stopwatchCountsUpFromItsAnchor()
    {
        TimerOptions since;
        since.since = now().addSecs(-90);
        auto id =
            m_store->timers().startStopwatch(m_incident, QStringLiteral("since last status report"), since, m_ana);
        QVERIFY(id.ok());
        QCOMPARE(timer(*id).elapsedMsAt(now()), 90 * Second);
        m_clock->advance(30 * Second);
        m_engine->tick();
        QCOMPARE(timer(*id).elapsedMsAt(now()), 2 * Minute);
        QCOMPARE(phase(*id), TimerPhase::Running);
        QVERIFY(m_store->timers().pause(*id, m_ana).ok());
        m_clock->advance(Hour);
        QCOMPARE(timer(*id).elapsedMsAt(now()), 2 * Minute);
        QVERIFY(m_store->timers().resume(*id, m_ana).ok());
        m_clock->advance(Minute);
        QCOMPARE(timer(*id).elapsedMsAt(now()), 3 * Minute);
        QVERIFY(m_store->timers().restart(*id, m_ana).ok()); // a new status report: count again
        QCOMPARE(timer(*id).elapsedMsAt(now()), 0);
        m_engine->tick();
        QCOMPARE(m_expired->count(), 0);
        QCOMPARE(m_due->count(), 0);
        QCOMPARE(m_store->timers().acknowledge(*id, m_ana).code(), Code::Invalid);
        QCOMPARE(m_store->timers().snooze(*id, 5, m_ana).code(), Code::Invalid);

        TimerOptions future;
        future.since = now().addSecs(3600);
        QCOMPARE(m_store->timers().startStopwatch(m_incident, QStringLiteral("later"), future, m_ana).error().code(),
                 Code::Invalid);
    }

    void cadenceDoesNotDriftOver24Hours()
    {
        const qint64 period = 15 * Minute;
        const qint64 id = cadence(period);
        const QDateTime first = timer(id).deadlineAt;
        QCOMPARE(first, now().addMSecs(period));
        QList<QDateTime> deadlines{first};
        const QDateTime end = now().addMSecs(24 * Hour);
        int round = 0;
        while (timer(id).deadlineAt <= end) {
            const Timer t = timer(id);
            // The Deputy reacts somewhere between on time and three minutes late.
            const qint64 reaction = (round * 37 % 181) * Second;
            m_clock->advance(now().msecsTo(t.deadlineAt) - Second);
            m_engine->tick();
            QCOMPARE(m_expired->count(), round);
            m_clock->advance(Second + reaction);
            m_engine->tick();
            QCOMPARE(m_expired->count(), round + 1);
            QVERIFY(m_store->timers().acknowledge(id, m_ana).ok());
            deadlines << timer(id).deadlineAt;
            ++round;
        }
        QVERIFY2(round >= 96, qPrintable(QString::number(round)));
        for (int i = 1; i < deadlines.size(); ++i)
            QCOMPARE(deadlines.at(i - 1).msecsTo(deadlines.at(i)), period);
        QCOMPARE(deadlines.last(), first.addMSecs(period * round));
        QCOMPARE(expiryEntries(id), round);
        QCOMPARE(m_jumped->count(), 0);
    }

    void cadenceSkipsMissedPeriodsOnAcknowledge()
    {
        const qint64 id = cadence(20 * Minute);
        const QDateTime first = timer(id).deadlineAt;
        m_clock->advance(20 * Minute + 45 * Minute); // two and a quarter periods late
        m_engine->tick();
        QCOMPARE(m_expired->count(), 1);
        QCOMPARE(timer(id).overdueMsAt(now()), 45 * Minute);
        QVERIFY(m_store->timers().acknowledge(id, m_ana).ok());
        QCOMPARE(timer(id).deadlineAt, first.addSecs(3 * 20 * 60)); // the grid point after now
        QCOMPARE(phase(id), TimerPhase::Running);
        QCOMPARE(timerTexts().last(),
                 QStringLiteral("Timer acknowledged: “status update”, 45 min overdue — 2 missed period(s) skipped — "
                                "next due in 15 min"));

        // Acknowledged early: the next period, not the current one again.
        QVERIFY(m_store->timers().acknowledge(id, m_ana).ok());
        QCOMPARE(timer(id).deadlineAt, first.addSecs(4 * 20 * 60));
        m_engine->tick();
        QCOMPARE(m_expired->count(), 1);
    }

    void cadenceWithAnEndAndAFirstDeadline()
    {
        TimerOptions options;
        options.firstAfterMs = 5 * Minute;
        options.endsAt = now().addMSecs(Hour);
        const qint64 id = cadence(20 * Minute, QStringLiteral("external update"), options);
        QCOMPARE(timer(id).deadlineAt, now().addSecs(5 * 60));
        QVERIFY(timerTexts().last().contains(QStringLiteral("first in 5 min, then every 20 min")));
        QList<QDateTime> deadlines;
        for (int i = 0; i < 5 && timer(id).state == TimerState::Running; ++i) {
            deadlines << timer(id).deadlineAt;
            m_clock->setNowUtc(timer(id).deadlineAt);
            QVERIFY(m_store->timers().acknowledge(id, m_ana).ok());
        }
        const QDateTime start = deadlines.first().addSecs(-5 * 60);
        QCOMPARE(deadlines, (QList<QDateTime>{start.addSecs(5 * 60), start.addSecs(25 * 60), start.addSecs(45 * 60)}));
        QCOMPARE(timer(id).state, TimerState::Acknowledged);
        QVERIFY(timerTexts().last().endsWith(QStringLiteral("cadence complete")));
    }

    void everyEventIsOnTheTimeline()
    {
        QSignalSpy changed(&m_store->timers(), &TimerRepository::timerChanged);
        TimerOptions owned;
        owned.ownerRoleKey = QStringLiteral("sme");
        const qint64 id = countdown(3 * Minute, QStringLiteral("check DB SME"), owned);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).toLongLong(), m_incident);
        QCOMPARE(changed.first().at(1).toLongLong(), id);
        m_clock->advance(Minute);
        QVERIFY(m_store->timers().pause(id, m_ana).ok());
        QVERIFY(m_store->timers().resume(id, m_ana).ok());
        m_clock->advance(2 * Minute);
        m_engine->tick();
        QVERIFY(m_store->timers().snooze(id, 2, m_ana).ok());
        // Nobody ticks past the snoozed deadline: acknowledging logs the expiry first.
        m_clock->advance(2 * Minute + 30 * Second);
        QVERIFY(m_store->timers().acknowledge(id, QStringLiteral("bo")).ok());
        QVERIFY(m_store->timers().restart(id, m_ana).ok());
        QVERIFY(m_store->timers().cancel(id, m_ana).ok());
        QCOMPARE(m_store->timers().cancel(id, m_ana).code(), Code::Invalid);
        QVERIFY(m_store->timers().startStopwatch(m_incident, QStringLiteral("since declared"), {}, m_ana).ok());

        const QStringList expected{
            QStringLiteral("Timer started: “check DB SME” — 3 min countdown (owner: sme)"),
            QStringLiteral("Timer paused: “check DB SME” with 2:00 left"),
            QStringLiteral("Timer resumed: “check DB SME” with 2:00 left"),
            QStringLiteral("Timer expired: “check DB SME”"),
            QStringLiteral("Timer snoozed for 2 min: “check DB SME”"),
            QStringLiteral("Timer expired: “check DB SME”"),
            QStringLiteral("Timer acknowledged: “check DB SME”, 30 s overdue"),
            QStringLiteral("Timer restarted: “check DB SME” — due in 3 min"),
            QStringLiteral("Timer cancelled: “check DB SME”"),
            QStringLiteral("Stopwatch started: “since declared”"),
        };
        QCOMPARE(timerTexts(), expected);
        const QList<TimelineEntry> entries = timerEntries();
        // bo's acknowledgement noticed the second expiry: the expiry is still the system's.
        QCOMPARE(entries.at(5).author, EntryVocabulary::systemAuthor());
        QCOMPARE(entries.at(6).author, QStringLiteral("bo"));
        QVERIFY(entries.at(0).tags.contains(QStringLiteral("timer-%1").arg(id)));
        QCOMPARE(timer(id).state, TimerState::Cancelled);
        QCOMPARE(phase(id), TimerPhase::Cancelled);
        QCOMPARE(changed.count(), 9); // one per command (the engine's expiry included)
    }

    void refusals()
    {
        TimerOptions none;
        QCOMPARE(m_store->timers().startCountdown(m_incident, QStringLiteral("  "), Minute, none, m_ana).error().code(),
                 Code::Invalid);
        QCOMPARE(m_store->timers().startCountdown(m_incident, QStringLiteral("x"), 0, none, m_ana).error().code(),
                 Code::Invalid);
        QCOMPARE(m_store->timers()
                     .startCountdown(m_incident, QStringLiteral("x"), 8 * 24 * Hour, none, m_ana)
                     .error()
                     .code(),
                 Code::Invalid);
        QCOMPARE(m_store->timers().startCadence(m_incident, QStringLiteral("x"), -1, none, m_ana).error().code(),
                 Code::Invalid);
        QCOMPARE(
            m_store->timers().startCountdown(m_incident, QStringLiteral("x"), Minute, none, QString()).error().code(),
            Code::Invalid);
        QCOMPARE(m_store->timers().startCountdown(999, QStringLiteral("x"), Minute, none, m_ana).error().code(),
                 Code::NotFound);
        TimerOptions badEntry;
        badEntry.entryId = 999;
        QCOMPARE(
            m_store->timers().startCountdown(m_incident, QStringLiteral("x"), Minute, badEntry, m_ana).error().code(),
            Code::NotFound);
        QCOMPARE(m_store->timers().pause(999, m_ana).code(), Code::NotFound);
        QCOMPARE(m_store->timers().timer(999).error().code(), Code::NotFound);
        QVERIFY(m_store->timers().list(m_incident)->isEmpty());
        QVERIFY(timerTexts().isEmpty());

        // A linked entry of the incident is accepted and kept.
        NewEntry note{m_incident, EntryKind::Action, m_ana, QStringLiteral("Bo restarts the replica")};
        const qint64 entry = *m_store->timeline().append(note);
        TimerOptions linked;
        linked.entryId = entry;
        const qint64 id = countdown(3 * Minute, QStringLiteral("replica back?"), linked);
        QCOMPARE(timer(id).entryId, entry);
        QCOMPARE(m_store->timers().pause(id, QString()).code(), Code::Invalid);
    }

    void migratesASchemaTwoFile()
    {
        if (test::StoreFixture::onServer())
            QSKIP("an old SQLite file's upgrade; a server's is 'server init' (tst_serverpermissions)");
        test::TempDatabase tmp;
        const QString path = tmp.path();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v2"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            const QList<MigrationStep> steps = Schema::steps(SqlDialect());
            for (const MigrationStep &step : steps) {
                if (step.version > 2)
                    continue;
                for (const QString &s : step.statements)
                    QVERIFY2(q.exec(s), qPrintable(s));
            }
            QVERIFY(q.exec(QStringLiteral("PRAGMA application_id = %1").arg(DatabaseFile::ApplicationId)));
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 2")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO incident (title, summary, severity, status, kind, declared_at, "
                                          "created_at, updated_at, template_key) VALUES ('Before timers', '', 1, "
                                          "'investigating', 'technical', 0, 0, 0, 'lightweight')")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO timeline_entry (incident_id, kind, author, occurred_at, "
                                          "captured_at, body) VALUES (1, 'note', 'ana', 0, 0, 'kept')")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO incident_role (incident_id, role_key, title, short_name) "
                                          "VALUES (1, 'ic', 'Incident Commander', 'IC')")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v2"));

        IncidentStore store(*m_clock);
        const StoreError error = store.session().open(path);
        QVERIFY2(error.ok(), qPrintable(error.message()));
        QCOMPARE(store.session().stats()->schemaVersion, Schema::latestVersion());
        QVERIFY(Schema::latestVersion() >= 3);
        const Incident old = store.incidents().list()->first();
        QCOMPARE(old.title, QStringLiteral("Before timers"));
        QCOMPARE(old.templateKey, QStringLiteral("lightweight"));
        QCOMPARE(store.timeline().entries(TimelinePage{old.id})->first().text, QStringLiteral("kept"));
        QCOMPARE(store.roles().list(old.id)->size(), 1);
        QVERIFY(store.timers().list(old.id)->isEmpty());
        auto id = store.timers().startCountdown(old.id, QStringLiteral("works now"), Minute, {}, m_ana);
        QVERIFY(id.ok());
        QCOMPARE(store.session().integrityProblems()->size(), 0);
    }
};

QTEST_GUILESS_MAIN(TstTimers)
#include "tst_timers.moc"
