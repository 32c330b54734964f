// A team client whose server dies under it (pg_ctl stop -m immediate on a cluster of the test's
// own) and comes back: the link goes down on the first statement that finds the connection dead,
// every read and write is refused as Unreachable at once (no network wait), the session tries
// again on the link's back-off (a fake clock moves it), and once the server is back it reconnects
// and catches up on what another client committed meanwhile. The window's status bar says each
// state in words.
#include "pgcluster.h"
#include "server/serverlink.h"
#include "uifixture.h"

#include <QLabel>
#include <QSignalSpy>

using namespace cp;
using namespace cp::test;

class TstLinkRecovery : public QObject
{
    Q_OBJECT

private:
    PgCluster m_cluster;
    QString m_server;

    static StoreSession::Options options()
    {
        StoreSession::Options options;
        options.serverClock = false; // the fake clock stands for the server's
        return options;
    }

    std::unique_ptr<IncidentStore> openStore(const Clock &clock)
    {
        auto store = std::make_unique<IncidentStore>(clock);
        const StoreError error = store->session().openServer(*ServerAddress::parse(m_server), options());
        if (!error.ok())
            qWarning("%s", qPrintable(error.message()));
        return error.ok() ? std::move(store) : nullptr;
    }

    static Result<qint64> log(IncidentStore &store, qint64 incident, const QString &text)
    {
        return store.timeline().append({incident, EntryKind::Note, QStringLiteral("ana"), text});
    }

private slots:
    void initTestCase()
    {
        QString why;
        if (!m_cluster.create(&why)) {
            if (qEnvironmentVariable("CP_REQUIRE_PG") == QLatin1String("1"))
                QFAIL(qPrintable(why));
            QSKIP(qPrintable(QStringLiteral("No PostgreSQL cluster of the test's own: ") + why));
        }
        m_server = m_cluster.createCommandPostDatabase(&why);
        QVERIFY2(!m_server.isEmpty(), qPrintable(why));
    }

    void theLinkGoesDownBacksOffAndCatchesUp()
    {
        FakeClock clock;
        const auto store = openStore(clock);
        QVERIFY(store);
        const ServerLink &link = store->session().link();
        QCOMPARE(link.state(), ServerLink::State::Connected);
        auto incident = store->incidents().create({QStringLiteral("Checkout down")}, QStringLiteral("ana"));
        QVERIFY(incident.ok());
        QVERIFY(log(*store, *incident, QStringLiteral("before the outage")).ok());

        QString why;
        QVERIFY2(m_cluster.stop(&why), qPrintable(why));
        const QDateTime lostAt = clock.nowUtc();

        // The first write finds the connection dead: Unreachable, and the link is down since now.
        auto refused = log(*store, *incident, QStringLiteral("during the outage"));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code(), StoreError::Code::Unreachable);
        QVERIFY2(refused.error().message().contains(QLatin1String("cannot be reached")),
                 qPrintable(refused.error().message()));
        QCOMPARE(link.state(), ServerLink::State::Reconnecting);
        QCOMPARE(link.downSinceUtc(), lostAt);
        QVERIFY(store->session().isOpen());

        // From then on nothing waits for the network: reads and writes are refused at once.
        QCOMPARE(store->timeline().entry(1).error().code(), StoreError::Code::Unreachable);
        QCOMPARE(log(*store, *incident, QStringLiteral("again")).error().code(), StoreError::Code::Unreachable);

        // Tries follow the back-off on the injected clock: none before it is due.
        clock.advance(ServerLink::FirstRetryMs - 1);
        QVERIFY(store->session().reconnectIfDue().ok());
        QCOMPARE(link.failedAttempts(), 0);
        clock.advance(1);
        QCOMPARE(store->session().reconnectIfDue().code(), StoreError::Code::Unreachable);
        QCOMPARE(link.failedAttempts(), 1);
        QCOMPARE(link.msUntilNextAttempt(), 2 * ServerLink::FirstRetryMs);

        // A minute of failed tries: offline.
        while (link.state() != ServerLink::State::Offline) {
            clock.advance(link.msUntilNextAttempt());
            QVERIFY(!store->session().reconnectIfDue().ok());
            QVERIFY(link.failedAttempts() < 20);
        }
        QCOMPARE(link.downSinceUtc(), lostAt);

        // The server comes back; another laptop logs before this one has reconnected.
        QVERIFY2(m_cluster.start(&why), qPrintable(why));
        const auto other = openStore(clock);
        QVERIFY(other);
        auto othersEntry = log(*other, *incident, QStringLiteral("logged by Bo while Ana was cut off"));
        QVERIFY(othersEntry.ok());

        QSignalSpy added(&store->timeline(), &TimelineRepository::entryAdded);
        clock.advance(link.msUntilNextAttempt());
        QVERIFY(store->session().reconnectIfDue().ok());
        QCOMPARE(link.state(), ServerLink::State::Connected);
        // Caught up through the change log: Bo's entry is announced.
        QCOMPARE(added.size(), 1);
        QCOMPARE(added.first().at(1).toLongLong(), *othersEntry);

        auto after = log(*store, *incident, QStringLiteral("after the outage"));
        QVERIFY(after.ok());
        auto page = store->timeline().entries(TimelinePage{*incident});
        QVERIFY(page.ok());
        QStringList texts;
        for (const TimelineEntry &entry : std::as_const(*page))
            texts << entry.text;
        QCOMPARE(texts.count(QStringLiteral("during the outage")), 0); // refused, never half-written
        QCOMPARE(texts.count(QStringLiteral("logged by Bo while Ana was cut off")), 1);
        QCOMPARE(texts.count(QStringLiteral("after the outage")), 1);
    }

    void theStatusBarSaysTheLinkInWords()
    {
        UiFixture ui;
        ui.store = openStore(ui.clock);
        QVERIFY(ui.store);
        ui.store->session().setExternalPollInterval(100);
        MainWindow &window = ui.makeWindow();
        auto *label = window.findChild<QLabel *>(QStringLiteral("serverLinkStatus"));
        QVERIFY(label);
        QTRY_VERIFY(label->isVisible());
        QCOMPARE(label->text(), QStringLiteral("Server: connected"));

        const QString since = ui.clock.nowUtc().toLocalTime().toString(QStringLiteral("HH:mm"));
        QString why;
        QVERIFY2(m_cluster.stop(&why), qPrintable(why));
        // The window's own look at the change log finds the server gone.
        QTRY_COMPARE(label->text(), QStringLiteral("Server: reconnecting since ") + since);
        QVERIFY(label->toolTip().contains(QLatin1String("Next try in")));

        const ServerLink &link = ui.store->session().link();
        while (link.state() != ServerLink::State::Offline) {
            ui.clock.advance(link.msUntilNextAttempt());
            ui.store->session().reconnectIfDue();
        }
        QCOMPARE(label->text(), QStringLiteral("Server: offline since ") + since);

        QVERIFY2(m_cluster.start(&why), qPrintable(why));
        ui.clock.advance(link.msUntilNextAttempt());
        // The session's own timer makes the try that is due now.
        QTRY_COMPARE(label->text(), QStringLiteral("Server: connected"));
    }
};

QTEST_MAIN(TstLinkRecovery)
#include "tst_linkrecovery.moc"
