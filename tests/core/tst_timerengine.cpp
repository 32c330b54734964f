// The TimerEngine over the store, against a fake clock: amber and expiry to the millisecond, each
// announced and logged once, across restarts, clock jumps and sleep, and on a read-only follower.
#include "db/incidentstore.h"
#include "timertestcase.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

using namespace cp;
using Code = StoreError::Code;

class TstTimerEngine : public test::TimerTestCase
{
    Q_OBJECT

private slots:
    void init() { setUpTimers(); }
    void cleanup() { tearDownTimers(); }

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

    void markExpiredIsIdempotent()
    {
        const qint64 id = countdown(Minute);
        QCOMPARE(*m_store->timers().markExpired(id), false); // not due yet
        m_clock->advance(Minute);
        QCOMPARE(*m_store->timers().markExpired(id), true);
        QCOMPARE(*m_store->timers().markExpired(id), false);
        QCOMPARE(expiryEntries(id), 1);
        QCOMPARE(timerEntries().last().author, EntryVocabulary::systemAuthor()); // nobody's act
        // Noticed while someone acknowledges it: still the system's expiry, then their acknowledgement.
        const qint64 acknowledged = countdown(Minute, QStringLiteral("noticed by an acknowledgement"));
        m_clock->advance(Minute);
        QVERIFY(m_store->timers().acknowledge(acknowledged, QStringLiteral("dee")).ok());
        QCOMPARE(expiryEntries(acknowledged), 1);
        const QList<TimelineEntry> entries = timerEntries();
        QCOMPARE(entries.at(entries.size() - 2).author, EntryVocabulary::systemAuthor());
        QCOMPARE(entries.last().author, QStringLiteral("dee"));
        QCOMPARE(timer(id).expiredDeadlineAt, timer(id).deadlineAt);
        // First seen already logged (by another process, or before a restart): not announced again.
        m_engine->tick();
        QCOMPARE(m_expired->count(), 0);
        // Logged by someone else while this engine watched it run: it still rings here.
        const qint64 watched = countdown(Minute, QStringLiteral("watched"));
        m_engine->tick();
        m_clock->advance(Minute);
        QCOMPARE(*m_store->timers().markExpired(watched), true);
        m_engine->tick();
        QCOMPARE(ids(*m_expired), QList<qint64>{watched});
        QCOMPARE(expiryEntries(watched), 1);
        QCOMPARE(m_store->timers().markExpired(424242).error().code(), Code::NotFound);
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
};

QTEST_GUILESS_MAIN(TstTimerEngine)
#include "tst_timerengine.moc"
