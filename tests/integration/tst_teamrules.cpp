// The single-laptop rules under real concurrency on a team server: several clients (each its own
// connection, on threads of their own so they truly act at once) do the same thing at the same
// moment, round after round (CP_RACE_ROUNDS, default 10). A timer's expiry is logged once,
// whichever client notices first; roll-call answers from several clients are all kept: answers to
// different items each land, and two answers to the same item are both on the timeline, the later
// one as the correction the item then shows. A person added with their login is one write: a
// login the server does not have adds nobody.

#include "db/incidentstore.h"
#include "fakeclock.h"
#include "pgtestserver.h"
#include "rollcallscenario.h"
#include "server/serverschema.h"
#include "tempdatabase.h"

#include <QSqlQuery>

#include <QTest>
#include <QThread>

#include <functional>
#include <latch>

using namespace cp;
using namespace cp::test;

namespace {

constexpr qint64 Minute = 60 * 1000;

int rounds()
{
    const int asked = qEnvironmentVariableIntValue("CP_RACE_ROUNDS");
    return asked > 0 ? asked : 10;
}

} // namespace

class TstTeamRules : public QObject
{
    Q_OBJECT

private:
    PgTestServer m_pg;
    QString m_server;
    FakeClock m_clock; // stands for the server's: only read while the clients race

    StoreSession::Options options() const
    {
        StoreSession::Options o;
        o.serverClock = false;
        o.busyTimeoutMs = 30000;
        return o;
    }

    std::unique_ptr<IncidentStore> open()
    {
        auto store = std::make_unique<IncidentStore>(m_clock);
        if (StoreError error = store->session().openServer(*ServerAddress::parse(m_server), options()); !error.ok())
            qWarning("%s", qPrintable(error.message()));
        return store;
    }

    // Runs act(store, n) for n = 0…clients-1, each on its own thread with its own connection, all
    // released together once every client is connected; each act's error, in client order.
    QList<StoreError> race(int clients, const std::function<StoreError(IncidentStore &, int)> &act)
    {
        QList<StoreError> results(clients);
        std::latch connected(clients);
        QList<QThread *> threads;
        for (int n = 0; n < clients; ++n) {
            threads << QThread::create([&, n] {
                IncidentStore store(m_clock);
                const StoreError opened = store.session().openServer(*ServerAddress::parse(m_server), options());
                connected.arrive_and_wait();
                results[n] = opened.ok() ? act(store, n) : opened;
            });
            threads.last()->start();
        }
        for (QThread *thread : std::as_const(threads)) {
            thread->wait();
            delete thread;
        }
        return results;
    }

    static int expiryEntries(IncidentStore &store, qint64 incident, qint64 timerId)
    {
        TimelinePage page{incident};
        page.limit = 100000;
        int n = 0;
        for (const TimelineEntry &e : *store.timeline().entries(page)) {
            if (e.text.startsWith(QStringLiteral("Timer expired")) &&
                e.tags.contains(QStringLiteral("timer-%1").arg(timerId)))
                ++n;
        }
        return n;
    }

private slots:
    void initTestCase()
    {
        CP_REQUIRE_PG(m_pg);
        QString why;
        m_server = m_pg.createCommandPostDatabase(&why);
        QVERIFY2(!m_server.isEmpty(), qPrintable(why));
    }

    void aTimersExpiryIsLoggedOnce()
    {
        auto store = open();
        auto incident = store->incidents().create({QStringLiteral("Timers everywhere")}, QStringLiteral("ana"));
        QVERIFY(incident.ok());
        for (int round = 0; round < rounds(); ++round) {
            auto timer = store->timers().startCountdown(*incident, QStringLiteral("Check back %1").arg(round), Minute,
                                                        TimerOptions{}, QStringLiteral("ana"));
            QVERIFY(timer.ok());
            m_clock.advance(Minute + 1000);
            QAtomicInt recorded = 0;
            const QList<StoreError> errors = race(4, [&](IncidentStore &laptop, int) -> StoreError {
                auto marked = laptop.timers().markExpired(*timer);
                if (marked && *marked)
                    recorded.fetchAndAddRelaxed(1);
                return marked.error();
            });
            for (const StoreError &error : errors)
                QVERIFY2(error.ok(), qPrintable(error.message()));
            QCOMPARE(recorded.loadRelaxed(), 1);
            QCOMPARE(expiryEntries(*store, *incident, *timer), 1);
        }
    }

    void rollCallAnswersAreAllKept()
    {
        auto store = open();
        RollCallScenario scenario;
        const QString problem = scenario.setUp(*store);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        for (int round = 0; round < rounds(); ++round) {
            auto started = store->rollCalls().start(scenario.incidentId, {}, QStringLiteral("ana"));
            QVERIFY(started.ok());
            const QList<RollCallItem> items = *store->rollCalls().roundItems(*started);
            QVERIFY(items.size() >= 4);
            // One client per item, and one more on the first item: two answers to it at once.
            const int clients = int(items.size()) + 1;
            const auto reportOf = [](int n) {
                return CanReport{n % 2 ? Condition::Degraded : Condition::Healthy, QStringLiteral("client %1").arg(n),
                                 QString(), QString()};
            };
            const QList<StoreError> errors = race(clients, [&](IncidentStore &laptop, int n) {
                const RollCallItem &item = items.at(n < items.size() ? n : 0);
                return laptop.rollCalls().answer(item.id, reportOf(n), QStringLiteral("laptop %1").arg(n));
            });
            for (const StoreError &error : errors)
                QVERIFY2(error.ok(), qPrintable(error.message()));

            // Every other item holds its own client's answer.
            for (qsizetype n = 1; n < items.size(); ++n) {
                const RollCallItem now = *store->rollCalls().item(items.at(n).id);
                QCOMPARE(now.state, RollCallItemState::Answered);
                QCOMPARE(now.report.conditionText, reportOf(int(n)).conditionText);
            }
            // The first: both answers on the timeline, in commit order, the second as a correction,
            // and the item shows the later one.
            TimelinePage page{scenario.incidentId};
            page.oldestFirst = true;
            page.limit = 100000;
            page.filter.kinds = {EntryKind::RollCall};
            QStringList first;
            for (const TimelineEntry &e : *store->timeline().entries(page)) {
                if (e.text.contains(
                        QStringLiteral("%1 (roll call %2)").arg(items.first().label()).arg(items.first().roundNumber)))
                    first << e.text;
            }
            QCOMPARE(first.size(), 2);
            QVERIFY2(first.at(0).startsWith(QStringLiteral("CAN — ")), qPrintable(first.at(0)));
            QVERIFY2(first.at(1).startsWith(QStringLiteral("CAN corrected — ")), qPrintable(first.at(1)));
            const QString shown = store->rollCalls().item(items.first().id)->report.conditionText;
            QVERIFY2(first.at(1).contains(shown), qPrintable(first.at(1) + QStringLiteral(" / ") + shown));
            QVERIFY(shown == reportOf(0).conditionText || shown == reportOf(clients - 1).conditionText);
        }
    }

    void aPersonAndTheirLoginAreOneWrite()
    {
        auto store = open();
        QVERIFY(store->session().isOpen());
        Person zed;
        zed.name = QStringLiteral("Zed Okoro");
        zed.handle = QStringLiteral("zed");
        const auto refused = store->roster().addPerson(zed, QStringLiteral("nobody_here"));
        QVERIFY(!refused);
        QVERIFY2(refused.error().code() == StoreError::Code::NotFound, qPrintable(refused.error().message()));
        QVERIFY2(!store->roster().findPerson(QStringLiteral("zed")), "a login the server lacks added the person");

        QSqlQuery who(store->session().database());
        QVERIFY(who.exec(QStringLiteral("SELECT session_user::text")) && who.next());
        const QString me = who.value(0).toString();
        who.finish();
        const auto added = store->roster().addPerson(zed, me);
        QVERIFY2(added, qPrintable(added ? QString() : added.error().message()));
        QVERIFY(who.exec(QStringLiteral("SELECT commandpost.session_author()")) && who.next());
        QCOMPARE(who.value(0).toString(), zed.name);
        who.finish();

        // A file has no logins: refused, and nobody added.
        test::TempDatabase tmp;
        IncidentStore file(m_clock);
        QVERIFY(file.session().open(tmp.path()).ok());
        QCOMPARE(file.roster().addPerson(zed, me).error().code(), StoreError::Code::Invalid);
        QCOMPARE(file.roster().people()->size(), 0);
        QCOMPARE(file.roster().linkLogin(me, 1).code(), StoreError::Code::Invalid);
    }
};

QTEST_GUILESS_MAIN(TstTeamRules)
#include "tst_teamrules.moc"
