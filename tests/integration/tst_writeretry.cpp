// On a team server a write that meets a deadlock with another laptop's transaction is rolled back
// by the server; StoreSession::write runs the whole body again and the write lands exactly once.

#include "db/incidentstore.h"
#include "domain/roletemplate.h"
#include "fakeclock.h"
#include "pgtestserver.h"
#include "server/serverschema.h"

#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <future>
#include <thread>

using namespace cp;
using namespace cp::test;

namespace {

// The other laptop: a plain connection of its own, in a thread of its own, since its statements
// block while the store's do.
class OtherLaptop
{
public:
    explicit OtherLaptop(QString server) : m_server(std::move(server)) {}
    ~OtherLaptop()
    {
        storeHoldsTheLock(); // releases a thread still waiting, should the test have failed
        if (m_thread.joinable())
            m_thread.join();
    }

    // Locks the incident's row, waits for storeHoldsTheLock(), then asks for the write lock the
    // store holds (a deadlock: the store waits for the row) and commits once it has it.
    void start(qint64 incidentId)
    {
        m_thread = std::thread([this, incidentId] {
            ServerConnection connection;
            QString failure;
            if (StoreError error = connection.open(*ServerAddress::parse(m_server)); !error.ok())
                failure = error.message();
            QSqlQuery q(connection.database());
            auto run = [&](const QString &sql) {
                if (failure.isEmpty() && !q.exec(sql))
                    failure = sql + QStringLiteral(": ") + q.lastError().text();
            };
            // This side never gives up first: the store's connection is the one the server rolls back.
            run(QStringLiteral("SET deadlock_timeout = '1min'"));
            run(QStringLiteral("SET lock_timeout = '20s'"));
            run(QStringLiteral("BEGIN"));
            run(QStringLiteral("UPDATE incident SET updated_at = updated_at + 1 WHERE id = %1").arg(incidentId));
            m_rowLocked.set_value(failure);
            if (!failure.isEmpty())
                return;
            m_storeHoldsTheLockFuture.wait();
            run(SqlDialect(SqlDialect::Engine::Postgres).afterBeginWrite().constFirst());
            run(QStringLiteral("COMMIT"));
            m_done.set_value(failure);
        });
    }
    QString waitForRowLock() { return m_rowLockedFuture.get(); }
    void storeHoldsTheLock()
    {
        if (!m_released) {
            m_released = true;
            m_storeHoldsTheLock.set_value();
        }
    }
    QString waitUntilDone() { return m_doneFuture.get(); }

private:
    QString m_server;
    std::thread m_thread;
    std::promise<QString> m_rowLocked;
    std::future<QString> m_rowLockedFuture = m_rowLocked.get_future();
    bool m_released = false;
    std::promise<void> m_storeHoldsTheLock;
    std::shared_future<void> m_storeHoldsTheLockFuture = m_storeHoldsTheLock.get_future().share();
    std::promise<QString> m_done;
    std::future<QString> m_doneFuture = m_done.get_future();
};

} // namespace

class TstWriteRetry : public QObject
{
    Q_OBJECT

private:
    PgTestServer m_pg;
    QString m_server;
    FakeClock m_clock;

private slots:
    void initTestCase()
    {
        CP_REQUIRE_PG(m_pg);
        QString why;
        m_server = m_pg.createDatabase(&why);
        QVERIFY2(!m_server.isEmpty(), qPrintable(why));
        ServerConnection admin;
        QVERIFY(admin.open(*ServerAddress::parse(m_server)).ok());
        auto version = ServerSchema::install(admin.database());
        QVERIFY2(version.ok(), qPrintable(version.error().message()));
    }

    void deadlockedWriteRunsAgainAndLandsOnce()
    {
        IncidentStore store(m_clock);
        const StoreError opened = store.session().openServer(*ServerAddress::parse(m_server), {});
        QVERIFY2(opened.ok(), qPrintable(opened.message()));
        NewIncident incident;
        incident.title = QStringLiteral("Checkout down");
        auto incidentId = store.incidents().create(incident, QStringLiteral("ana"));
        QVERIFY2(incidentId.ok(), qPrintable(incidentId.error().message()));
        // The store's connection finds the deadlock at once (the other waits a minute before looking).
        QVERIFY(store.session().read(QStringLiteral("SET deadlock_timeout = '50ms'"), {}, QString()).ok());

        OtherLaptop other(m_server);
        other.start(*incidentId);
        const QString locked = other.waitForRowLock();
        QVERIFY2(locked.isEmpty(), qPrintable(locked));

        QSignalSpy added(&store.timeline(), &TimelineRepository::entryAdded);
        const QString text = QStringLiteral("Title changed after a deadlock");
        int runs = 0;
        QString firstFailure;
        const StoreError error =
            store.session().write(QStringLiteral("Renaming"), [&](WriteTransaction &tx) -> StoreError {
                if (++runs == 1)
                    other.storeHoldsTheLock(); // this transaction holds the write lock from its BEGIN
                StoreError failed = tx.run(QStringLiteral("UPDATE incident SET title = ? WHERE id = ?"),
                                           {QStringLiteral("Checkout down (EU)"), *incidentId});
                if (failed.ok())
                    failed = store.timeline().log(tx, *incidentId, EntryKind::System, text, false, {},
                                                  QStringLiteral("ana"));
                if (!failed.ok() && runs == 1)
                    firstFailure = failed.message();
                return failed;
            });
        QVERIFY2(error.ok(), qPrintable(error.message()));
        const QString otherFailure = other.waitUntilDone();
        QVERIFY2(otherFailure.isEmpty(), qPrintable(otherFailure));

        QCOMPARE(runs, 2);
        QVERIFY2(firstFailure.contains(QStringLiteral("at the same moment")), qPrintable(firstFailure));
        QCOMPARE(store.incidents().incident(*incidentId)->title, QStringLiteral("Checkout down (EU)"));
        TimelinePage page{*incidentId};
        page.limit = 100;
        int landed = 0;
        for (const TimelineEntry &entry : *store.timeline().entries(page))
            landed += entry.text == text ? 1 : 0;
        QCOMPARE(landed, 1);
        QCOMPARE(added.count(), 1);
    }
};

QTEST_GUILESS_MAIN(TstWriteRetry)
#include "tst_writeretry.moc"
