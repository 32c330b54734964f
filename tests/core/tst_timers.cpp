#include "db/databasefile.h"
#include "db/incidentstore.h"
#include "db/schema.h"
#include "domain/timerdefaults.h"
#include "fakeclock.h"
#include "storefixture.h"
#include "tempdatabase.h"
#include "timers/timerengine.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

using namespace cp;
using Code = StoreError::Code;

namespace {
constexpr qint64 Second = 1000;
constexpr qint64 Minute = 60 * Second;
constexpr qint64 Hour = 60 * Minute;
} // namespace

// The store's timer commands and the TimerEngine, against a fake clock: never a real wait.
class TstTimers : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::StoreFixture> m_fixture;
    test::FakeClock *m_clock = nullptr;
    std::unique_ptr<IncidentStore> m_store;
    std::unique_ptr<TimerEngine> m_engine;
    std::unique_ptr<QSignalSpy> m_due;
    std::unique_ptr<QSignalSpy> m_expired;
    std::unique_ptr<QSignalSpy> m_jumped;
    qint64 m_incident = 0;
    const QString m_ana = QStringLiteral("ana");

    void openStoreAndEngine()
    {
        m_due.reset();
        m_expired.reset();
        m_jumped.reset();
        m_engine.reset();
        m_store = std::make_unique<IncidentStore>(*m_clock);
        const StoreError error = m_fixture->openAnother(*m_store);
        QVERIFY2(error.ok(), qPrintable(error.message()));
        m_engine = std::make_unique<TimerEngine>(*m_store, *m_clock);
        m_due = std::make_unique<QSignalSpy>(m_engine.get(), &TimerEngine::timerDue);
        m_expired = std::make_unique<QSignalSpy>(m_engine.get(), &TimerEngine::timerExpired);
        m_jumped = std::make_unique<QSignalSpy>(m_engine.get(), &TimerEngine::clockJumped);
    }

    qint64 countdown(qint64 ms, const QString &label = QStringLiteral("check back with DB SME"),
                     TimerOptions options = {})
    {
        auto id = m_store->timers().startCountdown(m_incident, label, ms, options, m_ana);
        if (!id)
            qWarning() << id.error().message();
        return id ? *id : 0;
    }

    qint64 cadence(qint64 ms, const QString &label = QStringLiteral("status update"), TimerOptions options = {})
    {
        auto id = m_store->timers().startCadence(m_incident, label, ms, options, m_ana);
        if (!id)
            qWarning() << id.error().message();
        return id ? *id : 0;
    }

    Timer timer(qint64 id) { return *m_store->timers().timer(id); }
    QDateTime now() const { return m_clock->nowUtc(); }
    TimerPhase phase(qint64 id) { return timer(id).phaseAt(now()); }

    QList<TimelineEntry> timerEntries()
    {
        TimelinePage page{m_incident};
        page.oldestFirst = true;
        page.limit = 100000;
        page.filter.kinds = {EntryKind::Timer};
        return *m_store->timeline().entries(page);
    }

    QStringList timerTexts()
    {
        QStringList texts;
        for (const TimelineEntry &e : timerEntries())
            texts << e.text;
        return texts;
    }

    int expiryEntries(qint64 timerId)
    {
        int n = 0;
        for (const TimelineEntry &e : timerEntries()) {
            if (e.text.startsWith(QStringLiteral("Timer expired")) &&
                e.tags.contains(QStringLiteral("timer-%1").arg(timerId)))
                ++n;
        }
        return n;
    }

    QList<qint64> ids(const QSignalSpy &spy)
    {
        QList<qint64> list;
        for (const QList<QVariant> &args : spy)
            list << args.at(0).toLongLong();
        return list;
    }

private slots:
    void init()
    {
        m_fixture = std::make_unique<test::StoreFixture>();
        m_clock = &m_fixture->clock();
        openStoreAndEngine();
        NewIncident incident;
        incident.title = QStringLiteral("Events are not processed");
        incident.severity = Severity::Sev1;
        auto id = m_store->incidents().create(incident, m_ana);
        QVERIFY(id.ok());
        m_incident = *id;
    }

    void cleanup()
    {
        m_due.reset();
        m_expired.reset();
        m_jumped.reset();
        m_engine.reset();
        m_store.reset();
        m_clock = nullptr;
        m_fixture.reset();
    }

    void countdownExpiresAtTheExactSecond()
    {
        const qint64 id = countdown(3 * Minute);
        QVERIFY(id > 0);
        QCOMPARE(timer(id).deadlineAt, now().addSecs(180));
        m_engine->tick();
        QCOMPARE(phase(id), TimerPhase::Running);

        m_clock->advance(3 * Minute - Second);
        m_engine->tick();
        QCOMPARE(m_expired->count(), 0);
        QCOMPARE(timer(id).remainingMsAt(now()), Second);
        m_clock->advance(Second - 1);
        m_engine->tick();
        QCOMPARE(m_expired->count(), 0); // not a second early, not a millisecond early
        QCOMPARE(phase(id), TimerPhase::DueSoon);

        m_clock->advance(1);
        m_engine->tick();
        QCOMPARE(ids(*m_expired), QList<qint64>{id});
        QCOMPARE(phase(id), TimerPhase::Expired);
        QCOMPARE(m_engine->phase(id), TimerPhase::Expired);

        // Overdue time counts up; the expiry is announced and logged once.
        for (int i = 0; i < 5; ++i) {
            m_clock->advance(Second);
            m_engine->tick();
        }
        QCOMPARE(m_expired->count(), 1);
        QCOMPARE(timer(id).overdueMsAt(now()), 5 * Second);
        QCOMPARE(expiryEntries(id), 1);
        const TimelineEntry expiry = timerEntries().last();
        QCOMPARE(expiry.text, QStringLiteral("Timer expired: “check back with DB SME”"));
        QCOMPARE(expiry.occurredAt, timer(id).deadlineAt); // dated when it happened, not when noticed
        QCOMPARE(expiry.author, QStringLiteral("CommandPost"));
    }

    void turnsAmberAMinuteBeforeTheLimit()
    {
        const qint64 id = countdown(5 * Minute);
        TimerOptions quick;
        quick.warnMs = 10 * Second;
        const qint64 shortWarn = countdown(5 * Minute, QStringLiteral("short warning"), quick);
        m_engine->tick();

        m_clock->advance(4 * Minute - 1);
        m_engine->tick();
        QCOMPARE(phase(id), TimerPhase::Running);
        QCOMPARE(m_due->count(), 0);

        m_clock->advance(1); // exactly 60 s left
        m_engine->tick();
        QCOMPARE(phase(id), TimerPhase::DueSoon);
        QCOMPARE(ids(*m_due), QList<qint64>{id});
        m_clock->advance(30 * Second);
        m_engine->tick();
        QCOMPARE(m_due->count(), 1); // once per deadline

        QCOMPARE(phase(shortWarn), TimerPhase::Running); // 30 s left, warns at 10 s
        m_clock->advance(20 * Second);
        m_engine->tick();
        QCOMPARE(phase(shortWarn), TimerPhase::DueSoon);
        QCOMPARE(ids(*m_due), (QList<qint64>{id, shortWarn}));
        m_clock->advance(10 * Second);
        m_engine->tick();
        QCOMPARE(ids(*m_expired), (QList<qint64>{id, shortWarn}));
    }

    // The window wakes exactly when something is next due instead of polling: the engine says
    // when that is (the amber boundary, then the deadline), and nothing once all is announced.
    void knowsWhenTheNextEventIsDue()
    {
        QCOMPARE(m_engine->msUntilNextEvent(), -1); // no timers
        TimerOptions quick;
        quick.warnMs = 10 * Second;
        const qint64 id = countdown(2 * Minute, QStringLiteral("check back"), quick);
        m_engine->tick();
        QCOMPARE(m_engine->msUntilNextEvent(), 2 * Minute - 10 * Second);
        m_clock->advance(2 * Minute - 10 * Second - 1);
        QCOMPARE(m_engine->msUntilNextEvent(), 1);
        m_clock->advance(1);
        m_engine->tick();
        QCOMPARE(ids(*m_due), QList<qint64>{id});
        QCOMPARE(m_engine->msUntilNextEvent(), 10 * Second);
        m_clock->advance(10 * Second - 3);
        m_engine->tick();
        QCOMPARE(m_engine->msUntilNextEvent(), 3);
        m_clock->advance(3);
        m_engine->tick();
        QCOMPARE(ids(*m_expired), QList<qint64>{id});
        QCOMPARE(m_engine->msUntilNextEvent(), -1); // announced: nothing more to wake for
    }

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

    void restartMidCountdownFindsTheRightRemainingTime()
    {
        const qint64 id = countdown(10 * Minute);
        m_engine->tick();
        m_clock->advance(4 * Minute);
        m_engine->tick();

        // The process ends; a new one opens the same file a moment later.
        openStoreAndEngine();
        QCOMPARE(timer(id).remainingMsAt(now()), 6 * Minute);
        m_engine->tick();
        QCOMPARE(m_engine->phase(id), TimerPhase::Running);
        m_clock->advance(6 * Minute - 1);
        m_engine->tick();
        QCOMPARE(m_expired->count(), 0);
        m_clock->advance(1);
        m_engine->tick();
        QCOMPARE(ids(*m_expired), QList<qint64>{id});

        // The deadline of a second timer passes while no process runs: the next one announces
        // it once on its first tick; the one after that does not announce it again.
        const qint64 other = countdown(2 * Minute, QStringLiteral("ping the vendor"));
        m_engine.reset();
        m_store.reset();
        m_clock->advance(10 * Minute);
        openStoreAndEngine();
        m_engine->tick();
        QCOMPARE(ids(*m_expired), QList<qint64>{other});
        m_engine->tick();
        QCOMPARE(m_expired->count(), 1);
        openStoreAndEngine();
        m_engine->tick();
        QCOMPARE(m_expired->count(), 0);
        QCOMPARE(expiryEntries(id), 1);
        QCOMPARE(expiryEntries(other), 1);
        QCOMPARE(phase(other), TimerPhase::Expired);
    }

    void wallClockJumpedForwardExpiresOnce()
    {
        const qint64 id = countdown(10 * Minute);
        m_engine->tick();
        m_clock->advance(Second);
        m_clock->jumpWall(Hour); // NTP step or a hand-set clock
        m_engine->tick();
        QCOMPARE(m_jumped->count(), 1);
        QCOMPARE(m_jumped->first().at(0).toLongLong(), Hour);
        QCOMPARE(ids(*m_expired), QList<qint64>{id});
        QCOMPARE(m_due->count(), 0); // it went straight to red
        for (int i = 0; i < 3; ++i) {
            m_clock->advance(Second);
            m_engine->tick();
        }
        QCOMPARE(m_expired->count(), 1);
        QCOMPARE(m_jumped->count(), 1);
        QCOMPARE(expiryEntries(id), 1);
    }

    void wallClockJumpedBackDoesNotFireAgain()
    {
        const qint64 expired = countdown(3 * Minute, QStringLiteral("already red"));
        const qint64 pending = countdown(5 * Minute, QStringLiteral("still running"));
        m_engine->tick();
        m_clock->advance(3 * Minute);
        m_engine->tick();
        QCOMPARE(ids(*m_expired), QList<qint64>{expired});

        m_clock->advance(Second);
        m_clock->jumpWall(-10 * Minute);
        m_engine->tick();
        QCOMPARE(m_jumped->count(), 1);
        QCOMPARE(m_jumped->first().at(0).toLongLong(), -10 * Minute);
        QCOMPARE(phase(expired), TimerPhase::Expired); // latched: stays red
        QCOMPARE(phase(pending), TimerPhase::Running); // its deadline is ahead again

        // Walking past the old deadline again fires nothing twice.
        for (int i = 0; i < 12; ++i) {
            m_clock->advance(Minute);
            m_engine->tick();
        }
        QCOMPARE(ids(*m_expired), (QList<qint64>{expired, pending}));
        QCOMPARE(expiryEntries(expired), 1);
        QCOMPARE(expiryEntries(pending), 1);
    }

    void sleepGapFiresEachCadenceOnce()
    {
        const qint64 tenMin = cadence(10 * Minute, QStringLiteral("elapsed-time callout"));
        const qint64 twentyMin = cadence(20 * Minute, QStringLiteral("external update"));
        const qint64 thirtyMin = cadence(30 * Minute, QStringLiteral("internal update"));
        const qint64 check = countdown(3 * Minute, QStringLiteral("back to you in 3"));
        const QDateTime start = now();
        m_engine->tick();

        // The lid closes for two hours: the monotonic clock stops, the wall clock does not.
        m_clock->advance(Second);
        m_clock->jumpWall(2 * Hour);
        m_engine->tick();
        QCOMPARE(m_jumped->count(), 1);
        QCOMPARE(m_jumped->first().at(0).toLongLong(), 2 * Hour);
        QList<qint64> fired = ids(*m_expired);
        std::sort(fired.begin(), fired.end());
        QCOMPARE(fired, (QList<qint64>{tenMin, twentyMin, thirtyMin, check}));
        for (int i = 0; i < 10; ++i) {
            m_clock->advance(Second);
            m_engine->tick();
        }
        QCOMPARE(m_expired->count(), 4);
        for (qint64 id : {tenMin, twentyMin, thirtyMin, check})
            QCOMPARE(expiryEntries(id), 1);

        // Acknowledged: the next grid point after now, not a backlog of missed periods.
        for (qint64 id : {tenMin, twentyMin, thirtyMin})
            QVERIFY(m_store->timers().acknowledge(id, m_ana).ok());
        QCOMPARE(timer(tenMin).deadlineAt, start.addSecs(130 * 60));
        QCOMPARE(timer(twentyMin).deadlineAt, start.addSecs(140 * 60));
        QCOMPARE(timer(thirtyMin).deadlineAt, start.addSecs(150 * 60));
        m_engine->tick();
        QCOMPARE(m_expired->count(), 4);
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
        QCOMPARE(entries.at(5).author, QStringLiteral("bo"));
        QCOMPARE(entries.at(6).author, QStringLiteral("bo"));
        QVERIFY(entries.at(0).tags.contains(QStringLiteral("timer-%1").arg(id)));
        QCOMPARE(timer(id).state, TimerState::Cancelled);
        QCOMPARE(phase(id), TimerPhase::Cancelled);
        QCOMPARE(changed.count(), 9); // one per command (the engine's expiry included)
    }

    void markExpiredIsIdempotent()
    {
        const qint64 id = countdown(Minute);
        QCOMPARE(*m_store->timers().markExpired(id), false); // not due yet
        m_clock->advance(Minute);
        QCOMPARE(*m_store->timers().markExpired(id, QStringLiteral("dee")), true);
        QCOMPARE(*m_store->timers().markExpired(id), false);
        QCOMPARE(expiryEntries(id), 1);
        QCOMPARE(timerEntries().last().author, QStringLiteral("dee"));
        QCOMPARE(timer(id).expiredDeadlineAt, timer(id).deadlineAt);
        // First seen already logged (by another process, or before a restart): not announced again.
        m_engine->tick();
        QCOMPARE(m_expired->count(), 0);
        // Logged by someone else while this engine watched it run: it still rings here.
        const qint64 watched = countdown(Minute, QStringLiteral("watched"));
        m_engine->tick();
        m_clock->advance(Minute);
        QCOMPARE(*m_store->timers().markExpired(watched, QStringLiteral("cli")), true);
        m_engine->tick();
        QCOMPARE(ids(*m_expired), QList<qint64>{watched});
        QCOMPARE(expiryEntries(watched), 1);
        QCOMPARE(m_store->timers().markExpired(424242).error().code(), Code::NotFound);
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

    void defaultTimersBySeverity()
    {
        QVERIFY(m_store->timers().list(m_incident)->isEmpty()); // declaring starts none by itself
        m_clock->advance(2 * Minute);
        auto started = m_store->timers().startDefaults(m_incident, Severity::Sev1, m_ana);
        QVERIFY(started.ok());
        QCOMPARE(started->size(), TimerDefaults::forSeverity(Severity::Sev1).size());
        QHash<QString, Timer> byKey;
        for (const Timer &t : *m_store->timers().list(m_incident))
            byKey.insert(t.defaultKey, t);
        QCOMPARE(byKey.keys().size(), 7);
        const Timer external = byKey.value(QStringLiteral("external-update"));
        QCOMPARE(external.kind, TimerKind::Cadence);
        QCOMPARE(external.deadlineAt, now().addSecs(5 * 60));
        QCOMPARE(external.durationMs, 20 * Minute);
        QCOMPARE(external.endsAt, now().addSecs(2 * 3600));
        QCOMPARE(external.ownerRoleKey, QStringLiteral("customer-liaison"));
        QCOMPARE(byKey.value(QStringLiteral("internal-update")).durationMs, 30 * Minute);
        QCOMPARE(byKey.value(QStringLiteral("elapsed-callout")).durationMs, 10 * Minute);
        QCOMPARE(byKey.value(QStringLiteral("elapsed-callout")).ownerRoleKey, QStringLiteral("deputy"));
        QCOMPARE(byKey.value(QStringLiteral("ic-handover")).durationMs, Hour);
        QCOMPARE(byKey.value(QStringLiteral("ic-hard-limit")).kind, TimerKind::Countdown);
        QCOMPARE(byKey.value(QStringLiteral("ic-hard-limit")).deadlineAt, now().addSecs(3 * 3600));
        const Timer since = byKey.value(QStringLiteral("since-declared"));
        QCOMPARE(since.kind, TimerKind::Stopwatch);
        QCOMPARE(since.anchorAt, m_store->incidents().incident(m_incident)->declaredAt);
        QCOMPARE(since.elapsedMsAt(now()), 2 * Minute);
        // One summary on the timeline, not seven entries: it names each timer and carries each one's tag.
        const QList<TimelineEntry> entries = timerEntries();
        QCOMPARE(entries.size(), 1);
        QVERIFY2(entries.first().text.startsWith(QStringLiteral("Default timers started (7): ")),
                 qPrintable(entries.first().text));
        QVERIFY2(entries.first().text.contains(QStringLiteral("“External status update” — first in 5 min, then every "
                                                              "20 min, for 2 h (owner: customer-liaison)")),
                 qPrintable(entries.first().text));
        for (const Timer &t : byKey) {
            QVERIFY2(entries.first().text.contains(QStringLiteral("“%1”").arg(t.label)), qPrintable(t.label));
            QVERIFY(entries.first().tags.contains(QStringLiteral("timer-%1").arg(t.id)));
        }
        QCOMPARE(entries.first().author, m_ana);

        // Again: nothing doubles. A cancelled default may be started anew.
        QVERIFY(m_store->timers().startDefaults(m_incident, Severity::Sev1, m_ana)->isEmpty());
        QCOMPARE(timerEntries().size(), 1); // nothing started, nothing logged
        QVERIFY(m_store->timers().cancel(external.id, m_ana).ok());
        QCOMPARE(m_store->timers().startDefaults(m_incident, Severity::Sev2, m_ana)->size(), 1);
        QVERIFY2(timerTexts().last().startsWith(QStringLiteral("Default timer started: “External status update”")),
                 qPrintable(timerTexts().last()));

        QCOMPARE(TimerDefaults::forSeverity(Severity::Sev3).size(), 4);
        QCOMPARE(TimerDefaults::forSeverity(Severity::Sev4).size(), 2);
        QVERIFY(TimerDefaults::forSeverity(Severity::Sev5).size() < TimerDefaults::forSeverity(Severity::Sev3).size());
        QCOMPARE(m_store->timers().startDefaults(999, Severity::Sev1, m_ana).error().code(), Code::NotFound);
    }

    void defaultTimersWithOverrides()
    {
        TimerDefaultOverrides overrides;
        QVERIFY(overrides.isEmpty());
        overrides.set(Severity::Sev1, QStringLiteral("external-update"), {true, 15, 3});
        overrides.set(Severity::Sev1, QStringLiteral("elapsed-callout"), {false, 0, 0});
        overrides.set(Severity::Sev1, QStringLiteral("ic-hard-limit"), {true, 150, 0});
        overrides.set(Severity::Sev1, QStringLiteral("internal-update"), {true, 0, 0}); // neutral: not kept
        overrides.set(Severity::Sev3, QStringLiteral("internal-update"), {true, 45, 0});
        QCOMPARE(overrides.value(Severity::Sev1, QStringLiteral("internal-update")), TimerDefaultOverride());
        QCOMPARE(overrides.toJson().value(QStringLiteral("SEV-1")).toObject().size(), 3);

        const QList<TimerDefault> sev1 = TimerDefaults::forSeverity(Severity::Sev1, overrides);
        QCOMPARE(sev1.size(), TimerDefaults::forSeverity(Severity::Sev1).size() - 1);
        // Another severity's changes do not leak; no overrides: the built-ins.
        QCOMPARE(TimerDefaults::forSeverity(Severity::Sev2, overrides).size(), 7);
        QCOMPARE(TimerDefaults::forSeverity(Severity::Sev3, overrides).at(1).durationMs, 45 * Minute);
        QCOMPARE(TimerDefaults::forSeverity(Severity::Sev3, {}).at(1).durationMs, 30 * Minute);

        m_clock->advance(Minute);
        auto started = m_store->timers().startDefaults(m_incident, sev1, m_ana);
        QVERIFY(started.ok());
        QCOMPARE(started->size(), 6);
        QHash<QString, Timer> byKey;
        for (const Timer &t : *m_store->timers().list(m_incident))
            byKey.insert(t.defaultKey, t);
        QVERIFY(!byKey.contains(QStringLiteral("elapsed-callout"))); // disabled: not started
        const Timer external = byKey.value(QStringLiteral("external-update"));
        QCOMPARE(external.durationMs, 15 * Minute);
        QCOMPARE(external.deadlineAt, now().addSecs(3 * 60));
        QCOMPARE(external.endsAt, now().addSecs(2 * 3600)); // not editable: the built-in
        QCOMPARE(byKey.value(QStringLiteral("internal-update")).durationMs, 30 * Minute);
        QCOMPARE(byKey.value(QStringLiteral("ic-hard-limit")).deadlineAt, now().addSecs(150 * 60));
        QCOMPARE(byKey.value(QStringLiteral("since-declared")).kind, TimerKind::Stopwatch);
    }

    void timerDefaultOverridesRoundTripAndFallBack()
    {
        TimerDefaultOverrides overrides;
        overrides.set(Severity::Sev2, QStringLiteral("external-update"), {true, 25, 10});
        overrides.set(Severity::Sev2, QStringLiteral("scoping-post"), {false, 0, 0});
        overrides.set(Severity::Sev5, QStringLiteral("internal-update"), {true, 1440, 0});
        QCOMPARE(TimerDefaultOverrides::fromJson(overrides.toJson()), overrides);
        QCOMPARE(TimerDefaultOverrides::fromText(overrides.toText()), overrides);
        QCOMPARE(TimerDefaultOverrides().toText(), QString());

        // Out of range on set: the built-in value.
        TimerDefaultOverrides clamped;
        clamped.set(Severity::Sev1, QStringLiteral("ic-handover"), {true, -5, 0});
        clamped.set(Severity::Sev1, QStringLiteral("elapsed-callout"), {true, 1441, 0});
        QVERIFY(clamped.isEmpty());

        // Unreadable text, a non-object, unknown severities and keys: nothing, no crash.
        for (const char *text :
             {"", "not json", "[1,2]", "{\"SEV-9\":{}}", "{\"SEV-1\":[]}",
              "{\"SEV-1\":{\"no-such-default\":{\"minutes\":5}}}", "{\"SEV-4\":{\"external-update\":{\"minutes\":5}}}",
              "{\"SEV-1\":{\"ic-handover\":7}}"}) {
            const auto parsed = TimerDefaultOverrides::fromText(QString::fromUtf8(text));
            QVERIFY2(parsed.isEmpty(), text);
            QCOMPARE(TimerDefaults::forSeverity(Severity::Sev1, parsed).size(), 7);
        }
        // Bad values fall back one by one: wrong types, fractions, out of range.
        const auto mixed = TimerDefaultOverrides::fromText(QStringLiteral(
            R"({"SEV-1": {"ic-handover": {"enabled": "no", "minutes": "45"},
                          "elapsed-callout": {"minutes": 2.5},
                          "internal-update": {"minutes": 0},
                          "external-update": {"minutes": 100000, "firstAfterMinutes": 2},
                          "ic-hard-limit": {"enabled": false, "minutes": -3}}})"));
        QCOMPARE(mixed.value(Severity::Sev1, QStringLiteral("ic-handover")), TimerDefaultOverride());
        QCOMPARE(mixed.value(Severity::Sev1, QStringLiteral("elapsed-callout")), TimerDefaultOverride());
        QCOMPARE(mixed.value(Severity::Sev1, QStringLiteral("internal-update")), TimerDefaultOverride());
        QCOMPARE(mixed.value(Severity::Sev1, QStringLiteral("external-update")), (TimerDefaultOverride{true, 0, 2}));
        QCOMPARE(mixed.value(Severity::Sev1, QStringLiteral("ic-hard-limit")), (TimerDefaultOverride{false, 0, 0}));
        const QList<TimerDefault> applied = TimerDefaults::forSeverity(Severity::Sev1, mixed);
        QCOMPARE(applied.size(), 6);
        QCOMPARE(applied.at(1).key, QStringLiteral("external-update"));
        QCOMPARE(applied.at(1).durationMs, 20 * Minute);
        QCOMPARE(applied.at(1).firstAfterMs, 2 * Minute);
    }

    void readOnlyFollowerAnnouncesWithoutWriting()
    {
        const qint64 id = countdown(Minute);
        IncidentStore follower(*m_clock);
        StoreSession::Options options;
        options.mode = StoreSession::OpenMode::ReadOnly;
        QVERIFY(m_fixture->openAnother(follower, options).ok());
        TimerEngine engine(follower, *m_clock);
        QSignalSpy expired(&engine, &TimerEngine::timerExpired);
        engine.tick();
        m_clock->advance(Minute);
        engine.tick();
        engine.tick();
        QCOMPARE(expired.count(), 1);
        QCOMPARE(expiryEntries(id), 0); // the writer's engine logs it
        QCOMPARE(follower.timers().markExpired(id).error().code(), Code::ReadOnly);
        m_engine->tick();
        QCOMPARE(expiryEntries(id), 1);
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
