// A team server's password in a real desktop keyring: kept, read back, replaced and forgotten
// through qtkeychain and the Secret Service (gnome-keyring in a private D-Bus session, started by
// keyring/run_with_keyring.sh), one entry per login, server and database.

#include "server/serveraddress.h"
#include "server/serverkeyring.h"

#include <QtTest>

using namespace cp;

class TstServerKeyring : public QObject
{
    Q_OBJECT

private:
    // A key of this run's own, so that a keyring a developer uses is never touched by mistake.
    static QString key(const QString &login)
    {
        const auto address = ServerAddress::parse(
            QStringLiteral("host=db.example.org port=6543 dbname=ops-%1 user=%2")
                .arg(QCoreApplication::applicationPid())
                .arg(login));
        return address ? address->keyringKey() : QString();
    }

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariable("CP_REQUIRE_KEYRING") != QLatin1String("1"))
            QSKIP("needs a Secret Service: ctest runs this test through keyring/run_with_keyring.sh");
    }

    void aPasswordIsKeptReadReplacedAndForgotten()
    {
        const QString bo = key(QStringLiteral("bo"));
        QVERIFY(!bo.isEmpty());
        QCOMPARE(ServerKeyring::password(bo).error().code(), StoreError::Code::NotFound);

        const QString secret = QStringLiteral("s3cret ü \"quoted\" 'and' spaces");
        const StoreError kept = ServerKeyring::setPassword(bo, secret);
        QVERIFY2(kept.ok(), qPrintable(kept.message()));
        const auto read = ServerKeyring::password(bo);
        QVERIFY2(read.ok(), qPrintable(read.error().message()));
        QCOMPARE(*read, secret);

        QVERIFY(ServerKeyring::setPassword(bo, QStringLiteral("rotated")).ok());
        QCOMPARE(*ServerKeyring::password(bo), QStringLiteral("rotated"));

        const StoreError forgotten = ServerKeyring::forget(bo);
        QVERIFY2(forgotten.ok(), qPrintable(forgotten.message()));
        QCOMPARE(ServerKeyring::password(bo).error().code(), StoreError::Code::NotFound);
    }

    void eachLoginHasItsOwn()
    {
        const QString bo = key(QStringLiteral("bo"));
        const QString cy = key(QStringLiteral("cy"));
        QVERIFY(bo != cy);
        QVERIFY(ServerKeyring::setPassword(bo, QStringLiteral("bo's")).ok());
        QVERIFY(ServerKeyring::setPassword(cy, QStringLiteral("cy's")).ok());
        QCOMPARE(*ServerKeyring::password(bo), QStringLiteral("bo's"));
        QCOMPARE(*ServerKeyring::password(cy), QStringLiteral("cy's"));
        QVERIFY(ServerKeyring::forget(bo).ok());
        QCOMPARE(ServerKeyring::password(bo).error().code(), StoreError::Code::NotFound);
        QCOMPARE(*ServerKeyring::password(cy), QStringLiteral("cy's"));
        QVERIFY(ServerKeyring::forget(cy).ok());
    }
};

QTEST_GUILESS_MAIN(TstServerKeyring)
#include "tst_serverkeyring.moc"
