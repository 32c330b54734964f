// In team mode captured times come from the server's clock: a client measures its offset to the
// server on opening (and again whenever asked, as its timer does every minute), stamps what it
// writes on the server's time, and the window says so when the offset is over 2 s. The client's
// clock is a fake one set wrong on purpose; the server is a real PostgreSQL.

#include "pgtestserver.h"
#include "server/serverclock.h"
#include "server/serverschema.h"
#include "uifixture.h"

#include <QLabel>
#include <QSignalSpy>
#include <QSqlQuery>

using namespace cp;
using namespace cp::test;

class TstServerClock : public QObject
{
    Q_OBJECT

private:
    PgTestServer m_pg;
    QString m_server;
    ServerConnection m_admin;

    // The server's clock now, read on a connection of its own.
    QDateTime serverNow()
    {
        QSqlQuery q(m_admin.database());
        if (!q.exec(QStringLiteral("SELECT CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)")) || !q.next())
            return {};
        return QDateTime::fromMSecsSinceEpoch(q.value(0).toLongLong(), Qt::UTC);
    }

    // A store on the server whose machine's clock is 'skewMs' off the server's (negative: behind).
    std::unique_ptr<IncidentStore> openSkewed(FakeClock &clock, qint64 skewMs)
    {
        clock.setNowUtc(serverNow().addMSecs(skewMs));
        auto store = std::make_unique<IncidentStore>(clock);
        const StoreError error = store->session().openServer(*ServerAddress::parse(m_server), {});
        if (!error.ok())
            qWarning("%s", qPrintable(error.message()));
        return error.ok() ? std::move(store) : nullptr;
    }

private slots:
    void initTestCase()
    {
        CP_REQUIRE_PG(m_pg);
        QString why;
        m_server = m_pg.createDatabase(&why);
        QVERIFY2(!m_server.isEmpty(), qPrintable(why));
        QVERIFY(m_admin.open(*ServerAddress::parse(m_server)).ok());
        QVERIFY(ServerSchema::install(m_admin.database()).ok());
    }

    void offsetTexts()
    {
        QCOMPARE(ServerClock::offsetText(0), QString());
        QCOMPARE(ServerClock::offsetText(2000), QString());
        QCOMPARE(ServerClock::offsetText(-2000), QString());
        QCOMPARE(ServerClock::offsetText(5000), QStringLiteral("Your clock is 5 s behind the server"));
        QCOMPARE(ServerClock::offsetText(-5400), QStringLiteral("Your clock is 5 s ahead of the server"));
        QCOMPARE(ServerClock::offsetText(3 * 60 * 1000), QStringLiteral("Your clock is 3 min behind the server"));
        QCOMPARE(ServerClock::offsetText(-3 * 3600 * 1000), QStringLiteral("Your clock is 3 h ahead of the server"));
    }

    void capturedTimesAreTheServers()
    {
        FakeClock clock;
        const auto store = openSkewed(clock, -5000); // this laptop is 5 s behind
        QVERIFY(store);
        const qint64 offset = store->session().serverClockOffsetMs();
        QVERIFY2(offset >= 4900 && offset <= 6000, qPrintable(QString::number(offset)));

        const QDateTime laptop = clock.nowUtc();
        auto incident = store->incidents().create({QStringLiteral("Clock check")}, QStringLiteral("ana"));
        QVERIFY(incident.ok());
        auto entry = store->timeline().append({*incident, EntryKind::Note, QStringLiteral("ana"),
                                               QStringLiteral("logged by a laptop whose clock is behind")});
        QVERIFY(entry.ok());
        const QDateTime server = serverNow();
        const TimelineEntry logged = *store->timeline().entry(*entry);
        // Stamped on the server's time line (within the test's own round trips), not the laptop's.
        QVERIFY2(qAbs(logged.capturedAt.msecsTo(server)) < 1000,
                 qPrintable(logged.capturedAt.toString(Qt::ISODateWithMs) + QLatin1String(" vs ") +
                            server.toString(Qt::ISODateWithMs)));
        QVERIFY(laptop.msecsTo(logged.capturedAt) >= 4900);
        QCOMPARE(store->incidents().incident(*incident)->declaredAt.toMSecsSinceEpoch() / 1000,
                 logged.capturedAt.toMSecsSinceEpoch() / 1000);
    }

    void aFileKeepsTheMachinesClock()
    {
        FakeClock clock;
        TempDatabase files;
        IncidentStore store(clock);
        QVERIFY(store.session().open(files.path()).ok());
        QCOMPARE(store.session().serverClockOffsetMs(), 0);
        QCOMPARE(store.session().clock().nowUtc(), clock.nowUtc());
    }

    void theOffsetIsMeasuredAgain()
    {
        FakeClock clock;
        const auto store = openSkewed(clock, 0);
        QVERIFY(store);
        QVERIFY(qAbs(store->session().serverClockOffsetMs()) < 1000);
        QSignalSpy moved(&store->session(), &StoreSession::serverClockOffsetChanged);
        clock.jumpWall(90 * 1000); // NTP, or a hand, sets the laptop's clock 90 s ahead
        QVERIFY(store->session().measureServerClock().ok());
        QCOMPARE(moved.size(), 1);
        const qint64 offset = store->session().serverClockOffsetMs();
        QVERIFY2(offset <= -89000 && offset >= -91000, qPrintable(QString::number(offset)));
        QVERIFY(qAbs(store->session().clock().nowUtc().msecsTo(serverNow())) < 1000);
    }

    void theWindowSaysWhenTheOffsetIsOverTwoSeconds()
    {
        UiFixture ui;
        FakeClock &clock = ui.clock;
        ui.store = openSkewed(clock, -5000);
        QVERIFY(ui.store);
        MainWindow &window = ui.makeWindow();
        auto *label = window.findChild<QLabel *>(QStringLiteral("clockOffsetStatus"));
        QVERIFY(label);
        QTRY_VERIFY(label->isVisible());
        QCOMPARE(label->text(), QStringLiteral("Your clock is 5 s behind the server"));

        // Set right: the note goes.
        clock.setNowUtc(serverNow());
        QVERIFY(ui.store->session().measureServerClock().ok());
        QTRY_VERIFY(!label->isVisible());

        // Now ahead.
        clock.setNowUtc(serverNow().addMSecs(12000));
        QVERIFY(ui.store->session().measureServerClock().ok());
        QTRY_VERIFY(label->isVisible());
        QCOMPARE(label->text(), QStringLiteral("Your clock is 12 s ahead of the server"));
    }
};

QTEST_MAIN(TstServerClock)
#include "tst_serverclock.moc"
