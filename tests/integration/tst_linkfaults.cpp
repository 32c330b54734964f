// Team mode's promise when the link fails without the server stopping, and when the server fails
// over to its standby, against real PostgreSQL clusters of the test's own (no mocks): every entry
// a client acknowledged — saved on the server, or kept in its outbox — is on the server exactly
// once afterwards, and the server's own check (amcheck, the change log) is clean.
//   - a TCP proxy between three writers and the server freezes (silence, every socket open) or
//     drops (every connection reset) while they log: a drop is noticed at once; a frozen statement
//     is given up when its answer is overdue (the session's deadline on the injected clock, which
//     the test moves), and the writers carry on into their outboxes; then the link comes back;
//   - the primary of two clusters in synchronous streaming replication dies (pg_ctl stop -m
//     immediate) while the writers log through a multi-host address ("host=…,… port=P1,P2
//     target_session_attrs=read-write"); its standby is promoted, the old primary comes back as
//     the new standby, and the writers find the new primary on their own.
// The writers are in-process laptops, each on a thread of its own with its own session and outbox,
// all on one fake clock: the test decides when a deadline or a back-off has passed, so nothing
// here sleeps. CP_LINK_ROUNDS and CP_FAILOVER_ROUNDS set the rounds (20 and 10; the 'long' label
// runs 200 and 50); each round prints its counts.
#include "db/incidentstore.h"
#include "db/outbox.h"
#include "db/outboxsender.h"
#include "fakeclock.h"
#include "pgcluster.h"
#include "server/serverconnection.h"
#include "server/statementdeadline.h"
#include "serverfindings.h"
#include "tcpproxy.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>
#include <mutex>

using namespace cp;
using namespace cp::test;

namespace {

int roundsFrom(const char *variable, int fallback)
{
    const int n = qEnvironmentVariableIntValue(variable);
    return n > 0 ? n : fallback;
}

// One laptop: its own session, outbox and thread, logging the lines it is given one by one
// through the product's OutboxSender, as the window does. Everything public is safe to call from
// the test's thread.
class Laptop final : public QObject
{
    Q_OBJECT

public:
    Laptop(const QString &server, qint64 incident, const Clock &clock)
        : m_server(server), m_incident(incident), m_clock(clock)
    {
        moveToThread(&m_thread);
        m_thread.start();
        QMetaObject::invokeMethod(this, &Laptop::open, Qt::BlockingQueuedConnection);
    }
    ~Laptop() override
    {
        QMetaObject::invokeMethod(this, &Laptop::close, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }

    QString openError() const { return m_openError; }
    // Counts from zero for a new round (what was written before is checked already).
    void newRound()
    {
        const std::lock_guard lock(m_mutex);
        m_written.clear();
        m_acknowledged.store(0);
        m_pending.store(0);
    }
    // Logs "<stem> n0000", "<stem> n0001" … one after the other, whatever happens to the link, as
    // a Scribe types on, until 'keptToStop' of them went to the outbox (or stopStream()).
    void startStream(const QString &stem, int keptToStop = 5)
    {
        {
            const std::lock_guard lock(m_mutex);
            m_stem = stem;
            m_next = 0;
            m_keptToStop = keptToStop;
        }
        QMetaObject::invokeMethod(this, &Laptop::work, Qt::QueuedConnection);
    }
    void stopStream()
    {
        const std::lock_guard lock(m_mutex);
        m_stem.clear();
    }
    // Stopped, and every line written acknowledged.
    bool idle() const
    {
        const std::lock_guard lock(m_mutex);
        return m_stem.isEmpty() && m_acknowledged.load() == m_written.size();
    }
    QStringList written() const
    {
        const std::lock_guard lock(m_mutex);
        return m_written;
    }
    QString failure() const
    {
        const std::lock_guard lock(m_mutex);
        return m_failure;
    }
    int acknowledged() const { return m_acknowledged.load(); }
    int pending() const { return m_pending.load(); }
    qint64 waiting() const { return m_waiting.load(); }
    bool linkDown() const { return m_linkDown.load(); }
    QString linkProblem() const
    {
        const std::lock_guard lock(m_mutex);
        return m_linkProblem;
    }

private:
    void open()
    {
        m_store = std::make_unique<IncidentStore>(m_clock);
        StoreSession::Options options;
        options.serverClock = false; // the fake clock stands for the server's
        options.startUnreachable = true;
        if (StoreError error = m_store->session().openServer(*ServerAddress::parse(m_server), options); !error.ok()) {
            m_openError = error.message();
            return;
        }
        if (StoreError error = m_outbox.open(m_home.filePath(QStringLiteral("outbox.sqlite"))); !error.ok()) {
            m_openError = error.message();
            return;
        }
        m_sender = std::make_unique<OutboxSender>(m_store->session(), m_store->timeline(), m_outbox);
        connect(m_sender.get(), &OutboxSender::delivered, this, [this] { countWaiting(); });
        connect(&m_store->session().link(), &ServerLink::stateChanged, this, [this](ServerLink::State state) {
            m_linkDown.store(state != ServerLink::State::Connected);
            const std::lock_guard lock(m_mutex);
            if (state != ServerLink::State::Connected)
                m_linkProblem = m_store->session().link().problem();
        });
    }
    void close()
    {
        stopStream();
        m_sender.reset();
        m_store.reset();
    }
    void countWaiting()
    {
        if (auto waiting = m_outbox.waiting())
            m_waiting.store(*waiting);
    }
    // One line per turn of the event loop, so the session's reconnect timer runs in between.
    void work()
    {
        QString line;
        {
            const std::lock_guard lock(m_mutex);
            if (m_stem.isEmpty() || !m_sender)
                return;
            line = QStringLiteral("%1 n%2").arg(m_stem).arg(m_next++, 4, 10, QLatin1Char('0'));
            m_written << line;
        }
        NewEntry entry{m_incident, EntryKind::Note, QStringLiteral("scribe"), line};
        auto logged = m_sender->log(entry);
        if (!logged) {
            const std::lock_guard lock(m_mutex);
            m_failure = line + QStringLiteral(": ") + logged.error().message();
        } else {
            m_pending.fetch_add(logged->pending ? 1 : 0);
            m_acknowledged.fetch_add(1);
            if (m_pending.load() >= m_keptToStop)
                stopStream();
        }
        countWaiting();
        QMetaObject::invokeMethod(this, &Laptop::work, Qt::QueuedConnection);
    }

    const QString m_server;
    const qint64 m_incident;
    const Clock &m_clock;
    QThread m_thread;
    QTemporaryDir m_home;
    // The laptop's thread's own.
    std::unique_ptr<IncidentStore> m_store;
    Outbox m_outbox;
    std::unique_ptr<OutboxSender> m_sender;
    QString m_openError;

    mutable std::mutex m_mutex;
    QString m_stem; // streaming while not empty
    int m_next = 0;
    int m_keptToStop = 0;
    QStringList m_written;
    QString m_failure;
    QString m_linkProblem;
    std::atomic<int> m_acknowledged{0};
    std::atomic<int> m_pending{0};
    std::atomic<qint64> m_waiting{0};
    std::atomic<bool> m_linkDown{false};
};

// The counts of one kind of fault over its rounds.
struct Tally
{
    int rounds = 0;
    int acknowledged = 0;
    int kept = 0; // of them kept in an outbox first
    int found = 0;
    int duplicates = 0;
    qint64 slowestDrainMs = 0;
};

} // namespace

class TstLinkFaults : public QObject
{
    Q_OBJECT

private:
    static constexpr int Writers = 3;
    FakeClock m_clock{QDateTime::currentDateTimeUtc()};
    std::unique_ptr<PgCluster> m_primary = std::make_unique<PgCluster>();
    std::unique_ptr<PgCluster> m_standby;
    qint64 m_incident = 0;

    QString database(const PgCluster &cluster) const { return cluster.address(QStringLiteral("commandpost")); }

    // Every laptop streams lines starting with 'prefix', and is in mid-stream on return.
    static void startStreams(const std::vector<std::unique_ptr<Laptop>> &laptops, const QString &prefix)
    {
        for (size_t k = 0; k < laptops.size(); ++k) {
            laptops[k]->newRound();
            laptops[k]->startStream(prefix + QStringLiteral("c%1").arg(k));
        }
        for (const auto &laptop : laptops)
            QTRY_VERIFY_WITH_TIMEOUT(laptop->acknowledged() >= 3, 20000);
    }

    static bool all(const std::vector<std::unique_ptr<Laptop>> &laptops, const std::function<bool(Laptop &)> &test)
    {
        return std::all_of(laptops.begin(), laptops.end(), [&](const auto &laptop) { return test(*laptop); });
    }

    // The back-off passes (on the fake clock) while a laptop waits to reconnect; true once every
    // outbox is empty and every line acknowledged.
    bool drainedMovingTheClock(const std::vector<std::unique_ptr<Laptop>> &laptops)
    {
        if (all(laptops, [](Laptop &l) { return l.waiting() == 0 && l.idle(); }))
            return true;
        if (!all(laptops, [](Laptop &l) { return !l.linkDown(); }))
            m_clock.advance(500);
        return false;
    }

    // Every line each laptop was given is on 'server' once; adds the round to 'tally'.
    void verifyRound(const QString &server, const QString &prefix, const std::vector<std::unique_ptr<Laptop>> &laptops,
                     int kept, qint64 drainMs, Tally &tally)
    {
        const QHash<QString, int> found = ServerFindings::bodies(server, m_incident, prefix);
        int acknowledged = 0;
        int duplicates = 0;
        for (const auto &laptop : laptops) {
            QVERIFY2(laptop->failure().isEmpty(), qPrintable(laptop->failure()));
            acknowledged += laptop->acknowledged();
            for (const QString &line : laptop->written()) {
                QVERIFY2(found.value(line) >= 1, qPrintable(line + QLatin1String(" is missing")));
                duplicates += found.value(line) - 1;
            }
        }
        QCOMPARE(int(found.size()), acknowledged);
        QCOMPARE(duplicates, 0);
        const QStringList problems = ServerFindings::checkProblems(server);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        ++tally.rounds;
        tally.acknowledged += acknowledged;
        tally.kept += kept;
        tally.found += int(found.size());
        tally.duplicates += duplicates;
        tally.slowestDrainMs = qMax(tally.slowestDrainMs, drainMs);
        qInfo("%s: acknowledged %d (%d kept in an outbox first), found %d, duplicates %d, link back to drained "
              "%lld ms, amcheck and change log clean",
              qPrintable(prefix.trimmed()), acknowledged, kept, int(found.size()), duplicates, drainMs);
    }

    static void report(const char *what, const Tally &t)
    {
        qInfo("%s: %d rounds, acknowledged %d (kept %d), found %d, duplicates %d, slowest drain %lld ms", what,
              t.rounds, t.acknowledged, t.kept, t.found, t.duplicates, t.slowestDrainMs);
    }

private slots:
    void initTestCase()
    {
        CP_REQUIRE_PG_CLUSTER(*m_primary);
        QString why;
        const QString server = m_primary->createCommandPostDatabase(&why);
        QVERIFY2(!server.isEmpty(), qPrintable(why));
        IncidentStore store(SystemClock::instance());
        QVERIFY(store.session().openServer(*ServerAddress::parse(server), {}).ok());
        auto incident = store.incidents().create({QStringLiteral("Link faults drill")}, QStringLiteral("ana"));
        QVERIFY(incident.ok());
        m_incident = *incident;
    }

    void init()
    {
        // A statement run on a connection the driver has already closed is a fault, not noise.
        QTest::failOnWarning(QRegularExpression(QStringLiteral("database not open")));
    }

    void aFrozenOrDroppedLinkLosesNoWrite()
    {
        // Declared first, gone last: a failure while frozen still ends (the proxy resets as it goes).
        std::vector<std::unique_ptr<Laptop>> laptops;
        TcpProxy proxy(m_primary->port());
        QString why;
        QVERIFY2(proxy.start(&why), qPrintable(why));
        // Through the proxy; a try to connect through a frozen one gives up after 2 s.
        const QString server =
            QStringLiteral("host=127.0.0.1 port=%1 user=cp dbname=commandpost connect_timeout=2").arg(proxy.port());
        for (int k = 0; k < Writers; ++k) {
            laptops.push_back(std::make_unique<Laptop>(server, m_incident, m_clock));
            QVERIFY2(laptops.back()->openError().isEmpty(), qPrintable(laptops.back()->openError()));
        }
        const qint64 deadlineMs = StoreSession::Options().busyTimeoutMs + StoreSession::AnswerMarginMs;
        Tally dropped;
        Tally frozen;
        int extraMoves = 0;
        for (int round = 1; round <= roundsFrom("CP_LINK_ROUNDS", 20); ++round) {
            const bool freeze = round % 2 == 0;
            const QString prefix =
                QStringLiteral("%1 r%2 ").arg(freeze ? QStringLiteral("frozen") : QStringLiteral("dropped")).arg(round);
            startStreams(laptops, prefix);
            if (QTest::currentTestFailed())
                return;
            if (freeze) {
                proxy.freeze();
                // Every laptop stuck on an answer that will not come; then its deadline passes, and
                // the watchdog (four looks a second) gives each up.
                QTRY_COMPARE_WITH_TIMEOUT(StatementDeadline::waitingConnections(), Writers, 20000);
                m_clock.advance(deadlineMs);
                const auto allDown = [&] { return all(laptops, [](Laptop &l) { return l.linkDown(); }); };
                // Rarely, a statement begun just as the clock moved waits one deadline more.
                for (int moves = 1; !QTest::qWaitFor(allDown, 2000) && moves < 4; ++moves) {
                    ++extraMoves;
                    m_clock.advance(deadlineMs);
                }
                QVERIFY(allDown());
                for (auto &laptop : laptops)
                    QVERIFY2(laptop->linkProblem().contains(QLatin1String("did not answer within")),
                             qPrintable(laptop->linkProblem()));
            } else {
                proxy.drop();
                // A reset is noticed at once: the clock has not moved.
                QTRY_VERIFY_WITH_TIMEOUT(all(laptops, [](Laptop &l) { return l.linkDown(); }), 20000);
            }
            // Down: the Scribes type on into their outboxes, acknowledged as pending, and stop.
            QTRY_VERIFY_WITH_TIMEOUT(all(laptops, [](Laptop &l) { return l.idle(); }), 20000);
            int kept = 0;
            for (auto &laptop : laptops)
                kept += laptop->pending();
            QCOMPARE(kept, 5 * Writers);
            if (freeze) {
                // Every other time the hung middlebox is replaced (its connections reset); else it
                // wakes up and relays what it held, perhaps a COMMIT whose client gave up on it.
                if (round % 4 == 0)
                    proxy.drop();
                proxy.thaw();
            }
            QElapsedTimer drain;
            drain.start();
            QTRY_VERIFY_WITH_TIMEOUT(drainedMovingTheClock(laptops), 30000);
            verifyRound(m_primary->address(QStringLiteral("commandpost")), prefix, laptops, kept, drain.elapsed(),
                        freeze ? frozen : dropped);
        }
        report("dropped link", dropped);
        report("frozen link", frozen);
        qInfo("frozen link: %d extra deadline moves (a statement begun as the clock moved)", extraMoves);
    }

    void aFailoverToThePromotedStandbyLosesNoWrite()
    {
        QString why;
        {
            // A commit returns once the standby has it too: what was acknowledged survives the
            // primary (with asynchronous replication a failover loses the last commits by design).
            // The setting travels with every base backup, so each new primary keeps it.
            ServerConnection admin;
            QVERIFY(admin.open(*ServerAddress::parse(m_primary->address())).ok());
            QSqlQuery q(admin.database());
            QVERIFY(q.exec(QStringLiteral("ALTER SYSTEM SET synchronous_standby_names = '*'")));
            QVERIFY(q.exec(QStringLiteral("SELECT pg_reload_conf()")));
        }
        m_standby = std::make_unique<PgCluster>();
        QVERIFY2(m_standby->createStandbyOf(*m_primary, &why), qPrintable(why));
        // Both clusters by the address a team would give; libpq finds the one that takes writes.
        const QString server = QStringLiteral("host=127.0.0.1,127.0.0.1 port=%1,%2 user=cp dbname=commandpost "
                                              "target_session_attrs=read-write connect_timeout=2")
                                   .arg(m_primary->port())
                                   .arg(m_standby->port());
        std::vector<std::unique_ptr<Laptop>> laptops;
        for (int k = 0; k < Writers; ++k) {
            laptops.push_back(std::make_unique<Laptop>(server, m_incident, m_clock));
            QVERIFY2(laptops.back()->openError().isEmpty(), qPrintable(laptops.back()->openError()));
        }
        Tally failovers;
        for (int round = 1; round <= roundsFrom("CP_FAILOVER_ROUNDS", 10); ++round) {
            const QString prefix = QStringLiteral("failover r%1 ").arg(round);
            startStreams(laptops, prefix);
            if (QTest::currentTestFailed())
                return;
            QVERIFY2(m_primary->stop(&why), qPrintable(why));
            // The primary's end is noticed at once; the Scribes type on into their outboxes.
            QTRY_VERIFY_WITH_TIMEOUT(all(laptops, [](Laptop &l) { return l.linkDown(); }), 20000);
            // Down: the Scribes type on into their outboxes, acknowledged as pending, and stop.
            QTRY_VERIFY_WITH_TIMEOUT(all(laptops, [](Laptop &l) { return l.idle(); }), 20000);
            int kept = 0;
            for (auto &laptop : laptops)
                kept += laptop->pending();

            QVERIFY2(m_standby->promote(&why), qPrintable(why));
            // The old primary rejoins as the new primary's standby (its commits wait for one).
            QVERIFY2(m_primary->discard(&why), qPrintable(why));
            QVERIFY2(m_primary->createStandbyOf(*m_standby, &why), qPrintable(why));
            std::swap(m_primary, m_standby);
            QElapsedTimer drain;
            drain.start();
            QTRY_VERIFY_WITH_TIMEOUT(drainedMovingTheClock(laptops), 30000);
            verifyRound(database(*m_primary), prefix, laptops, kept, drain.elapsed(), failovers);
        }
        report("failovers", failovers);
    }
};

QTEST_GUILESS_MAIN(TstLinkFaults)
#include "tst_linkfaults.moc"
