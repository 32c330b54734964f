// The link's states and its back-off, on a fake clock: what the status bar says and when the
// session tries the server again.
#include "fakeclock.h"
#include "server/serverlink.h"

#include <QSignalSpy>
#include <QTest>

using namespace cp;
using namespace cp::test;

class TstServerLink : public QObject
{
    Q_OBJECT

private slots:
    void startsConnected()
    {
        FakeClock clock;
        ServerLink link(clock);
        QCOMPARE(link.state(), ServerLink::State::Connected);
        QCOMPARE(link.stateText(), QStringLiteral("Connected"));
        QVERIFY(!link.attemptDue());
    }

    // A session that opens without waiting for its server: "Connecting…" while the first try is
    // under way, "Connecting since" after it failed, "Connected" once reached; only a link that was
    // connected and lost says "Reconnecting".
    void aFirstContactSaysConnecting()
    {
        FakeClock clock;
        ServerLink link(clock);
        const QString since = clock.nowUtc().toLocalTime().toString(QStringLiteral("HH:mm"));
        link.connecting();
        QVERIFY(link.isDown());
        QVERIFY(!link.hasConnected());
        QVERIFY(link.attemptDue());
        QCOMPARE(link.stateText(), QStringLiteral("Connecting…"));
        link.attemptStarted();
        QVERIFY(link.attemptInFlight());
        QCOMPARE(link.detailText(), QStringLiteral("Trying to reach the server now."));

        clock.advanceSecs(10);
        link.attemptFailed(QStringLiteral("timeout expired"));
        QVERIFY(!link.attemptInFlight());
        QCOMPARE(link.stateText(), QStringLiteral("Connecting since ") + since);
        QCOMPARE(link.msUntilNextAttempt(), ServerLink::FirstRetryMs);
        QVERIFY(link.detailText().contains(QLatin1String("timeout expired")));

        link.restored();
        QVERIFY(link.hasConnected());
        QCOMPARE(link.stateText(), QStringLiteral("Connected"));
        link.lost(QStringLiteral("gone"));
        QVERIFY(link.stateText().startsWith(QLatin1String("Reconnecting since ")));
    }

    void backsOffThenGoesOffline()
    {
        FakeClock clock;
        ServerLink link(clock);
        QSignalSpy states(&link, &ServerLink::stateChanged);
        const QString since = clock.nowUtc().toLocalTime().toString(QStringLiteral("HH:mm"));

        link.lost(QStringLiteral("server closed the connection unexpectedly"));
        QCOMPARE(link.state(), ServerLink::State::Reconnecting);
        QCOMPARE(link.stateText(), QStringLiteral("Reconnecting since ") + since);
        QCOMPARE(link.downSinceUtc(), clock.nowUtc());
        QCOMPARE(states.size(), 1);

        // A second failure while down changes nothing: down since the first.
        clock.advanceSecs(1);
        link.lost(QStringLiteral("again"));
        QCOMPARE(link.problem(), QStringLiteral("server closed the connection unexpectedly"));
        QCOMPARE(link.downSinceUtc(), clock.nowUtc().addSecs(-1));

        // Tries at 1 s, then 2, 4, 8, 16, 30, 30 … after each failure.
        QVERIFY(link.attemptDue());
        const QList<qint64> waits = {2000, 4000, 8000, 16000, 30000, 30000};
        for (qsizetype i = 0; i < waits.size(); ++i) {
            const qint64 wait = waits.at(i);
            link.attemptFailed(QStringLiteral("Connection refused"));
            // Failures at 1, 3, 7, 15, 31 s: reconnecting; at 61 s (past a minute): offline.
            QCOMPARE(link.state(), i < 5 ? ServerLink::State::Reconnecting : ServerLink::State::Offline);
            QCOMPARE(link.msUntilNextAttempt(), wait);
            QVERIFY(!link.attemptDue());
            clock.advance(wait - 1);
            QVERIFY(!link.attemptDue());
            clock.advance(1);
            QVERIFY(link.attemptDue());
        }
        link.attemptFailed(QStringLiteral("Connection refused"));
        QCOMPARE(link.state(), ServerLink::State::Offline);
        QCOMPARE(link.stateText(), QStringLiteral("Offline since ") + since);
        QCOMPARE(link.failedAttempts(), 7);
        QVERIFY(link.detailText().contains(QLatin1String("Connection refused")));
        QVERIFY(link.detailText().contains(QLatin1String("Next try in 30 s")));

        link.restored();
        QCOMPARE(link.state(), ServerLink::State::Connected);
        QCOMPARE(states.size(), 3); // reconnecting, offline, connected
        QVERIFY(!link.attemptDue());

        // Lost again: the back-off starts over.
        link.lost(QStringLiteral("gone"));
        link.attemptFailed(QStringLiteral("gone"));
        QCOMPARE(link.msUntilNextAttempt(), 2000);
    }
};

QTEST_GUILESS_MAIN(TstServerLink)
#include "tst_serverlink.moc"
