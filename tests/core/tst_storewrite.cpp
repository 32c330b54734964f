// StoreSession::write, the one shape of every repository command: a body that fails leaves the
// database as it was, byte for byte, and announces nothing; a body that succeeds is committed
// before anything is announced; a transient failure runs the body again, a bounded number of times.
#include "db/incidentstore.h"
#include "storefixture.h"
#include "tempdatabase.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

using namespace cp;
using Code = StoreError::Code;

namespace {

const QString Insert = QStringLiteral("INSERT INTO person (name, handle) VALUES (?, ?) RETURNING id");

// The database file and its write-ahead log, as bytes (a server's files are the server's).
QByteArray filesOf(test::StoreFixture &fixture)
{
    if (test::StoreFixture::onServer())
        return {};
    const QString path = fixture.files().path();
    return test::TempDatabase::fingerprint(path) + test::TempDatabase::fingerprint(path + QStringLiteral("-wal"));
}

} // namespace

class TstStoreWrite : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::StoreFixture> m_fixture;
    StoreSession *m_session = nullptr;

    qint64 people()
    {
        auto q = m_session->read(QStringLiteral("SELECT COUNT(*) FROM person"), {}, QStringLiteral("counting"));
        return q && q->next() ? q->value(0).toLongLong() : -1;
    }

private slots:
    void init()
    {
        m_fixture = std::make_unique<test::StoreFixture>();
        QVERIFY(m_fixture->open().ok());
        m_session = &m_fixture->store().session();
        // Something in the file already, so an unwanted write would have a place to go.
        QVERIFY(m_fixture->store().roster().addPerson({0, QStringLiteral("Ana Lima"), QStringLiteral("ana")}).ok());
    }

    // A body that wrote and then failed: its error comes back as it is, the files are what they
    // were, nothing is announced, and the next write finds no transaction left open.
    void failingBodyChangesNothing()
    {
        const QByteArray before = filesOf(*m_fixture);
        QSignalSpy changed(m_session, &StoreSession::changed);
        int runs = 0;
        const StoreError error = m_session->write(QStringLiteral("Adding"), [&](WriteTransaction &tx) -> StoreError {
            ++runs;
            auto id = tx.insert(Insert, {QStringLiteral("Bo Chen"), QStringLiteral("bo")});
            if (!id)
                return id.error();
            if (StoreError logged = m_session->logChange(tx, StoreEntity::Person, *id, 0, ChangeOp::Insert);
                !logged.ok())
                return logged;
            return {Code::Invalid, QStringLiteral("Bo is not on call today.")};
        });
        QCOMPARE(error.code(), Code::Invalid);
        QCOMPARE(error.message(), QStringLiteral("Bo is not on call today."));
        QCOMPARE(runs, 1);
        QCOMPARE(changed.count(), 0);
        QCOMPARE(people(), 1);
        QCOMPARE(filesOf(*m_fixture), before);

        auto added = m_fixture->store().roster().addPerson({0, QStringLiteral("Cy Park"), QStringLiteral("cy")});
        QVERIFY2(added.ok(), qPrintable(added.error().message()));
        QCOMPARE(people(), 2);
    }

    // A statement that fails inside the body (here a duplicate handle) is the body's error.
    void failingStatementRollsBackTheWholeBody()
    {
        const QByteArray before = filesOf(*m_fixture);
        const StoreError error =
            m_session->write(QStringLiteral("Adding two"), [&](WriteTransaction &tx) -> StoreError {
                if (auto id = tx.insert(Insert, {QStringLiteral("Bo Chen"), QStringLiteral("bo")}); !id)
                    return id.error();
                if (auto id = tx.insert(Insert, {QStringLiteral("Ana Again"), QStringLiteral("ana")}); !id)
                    return id.error();
                return {};
            });
        QVERIFY(!error.ok());
        QVERIFY2(error.message().startsWith(QStringLiteral("Adding two: ")), qPrintable(error.message()));
        QCOMPARE(people(), 1);
        QCOMPARE(filesOf(*m_fixture), before);
    }

    // The value of a Result body comes back after the commit, and the change is announced only
    // once it is committed: another connection already sees it when the signal arrives.
    void announcesOnlyWhatIsCommitted()
    {
        IncidentStore other(m_fixture->clock());
        QVERIFY(m_fixture->openAnother(other).ok());
        qint64 seenByOther = -1;
        connect(m_session, &StoreSession::changed, &other, [&](const StoreChange &change) {
            auto q = other.session().read(QStringLiteral("SELECT COUNT(*) FROM person WHERE id = ?"), {change.entityId},
                                          QStringLiteral("looking"));
            seenByOther = q && q->next() ? q->value(0).toLongLong() : -1;
        });
        auto id = m_session->write(QStringLiteral("Adding"), [&](WriteTransaction &tx) -> Result<qint64> {
            auto inserted = tx.insert(Insert, {QStringLiteral("Bo Chen"), QStringLiteral("bo")});
            if (!inserted)
                return inserted;
            if (StoreError error = m_session->logChange(tx, StoreEntity::Person, *inserted, 0, ChangeOp::Insert);
                !error.ok())
                return error;
            return inserted;
        });
        QVERIFY2(id.ok(), qPrintable(id.error().message()));
        QVERIFY(*id > 0);
        QCOMPARE(seenByOther, 1);
    }

    // A follower is refused before its body runs.
    void readOnlyStoreNeverRunsTheBody()
    {
        IncidentStore follower(m_fixture->clock());
        StoreSession::Options options;
        options.mode = StoreSession::OpenMode::ReadOnly;
        QVERIFY(m_fixture->openAnother(follower, options).ok());
        int runs = 0;
        const StoreError error = follower.session().write(QStringLiteral("Adding"), [&](WriteTransaction &) {
            ++runs;
            return StoreError();
        });
        QCOMPARE(error.code(), Code::ReadOnly);
        QCOMPARE(runs, 0);
    }

    // A serialization failure or deadlock runs the whole body again, at most MaxWriteAttempts
    // times; any other failure, a busy lock included, is returned at once.
    void transientFailureRunsTheBodyAgain()
    {
        const StoreError deadlock = StoreError::fromSqlState(QStringLiteral("40P01"), QString(), QStringLiteral("x"));
        QVERIFY(deadlock.isTransient());
        QVERIFY(!StoreError::fromSqlState(QStringLiteral("55P03"), QString(), QStringLiteral("x")).isTransient());

        int runs = 0;
        auto id = m_session->write(QStringLiteral("Adding"), [&](WriteTransaction &tx) -> Result<qint64> {
            auto inserted = tx.insert(Insert, {QStringLiteral("Bo Chen"), QStringLiteral("bo")});
            if (++runs < 3)
                return deadlock; // after writing: the retry must not find this row
            return inserted;
        });
        QVERIFY2(id.ok(), qPrintable(id.error().message()));
        QCOMPARE(runs, 3);
        QCOMPARE(people(), 2);

        runs = 0;
        StoreError error = m_session->write(QStringLiteral("Adding"), [&](WriteTransaction &) {
            ++runs;
            return deadlock;
        });
        QCOMPARE(error.code(), Code::Busy);
        QCOMPARE(runs, StoreSession::MaxWriteAttempts);

        runs = 0;
        error = m_session->write(QStringLiteral("Adding"), [&](WriteTransaction &) {
            ++runs;
            return StoreError(Code::Busy, QStringLiteral("locked"));
        });
        QCOMPARE(error.code(), Code::Busy);
        QCOMPARE(runs, 1);
        QCOMPARE(people(), 2);
    }
};

QTEST_GUILESS_MAIN(TstStoreWrite)
#include "tst_storewrite.moc"
