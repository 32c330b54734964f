// A team server's address as people write it: libpq's own parser decides, so every form psql
// takes works and a typo is refused before any connection; the password never shows.

#include "server/serveraddress.h"

#include <QSqlDatabase>
#include <QTest>

using namespace cp;

class TstServerAddress : public QObject
{
    Q_OBJECT

private slots:
    void keywordsAndUris_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("dbname");
        QTest::addColumn<QString>("user");
        QTest::newRow("keywords") << "host=db.example.org dbname=ops user=bo sslmode=verify-full"
                                  << "db.example.org"
                                  << "ops"
                                  << "bo";
        QTest::newRow("quoted") << "host='db one' dbname='o\\'ps'"
                                << "db one"
                                << "o'ps"
                                << "";
        QTest::newRow("uri") << "postgresql://bo@db.example.org:6543/ops?sslmode=verify-full"
                             << "db.example.org"
                             << "ops"
                             << "bo";
        QTest::newRow("short uri") << "postgres://db.example.org/ops"
                                   << "db.example.org"
                                   << "ops"
                                   << "";
        QTest::newRow("service") << "service=ops"
                                 << ""
                                 << ""
                                 << "";
    }
    void keywordsAndUris()
    {
        QFETCH(QString, text);
        const auto address = ServerAddress::parse(text);
        QVERIFY2(address.ok(), qPrintable(address.error().message()));
        QFETCH(QString, host);
        QFETCH(QString, dbname);
        QFETCH(QString, user);
        QCOMPARE(address->value(QStringLiteral("host")), host);
        QCOMPARE(address->value(QStringLiteral("dbname")), dbname);
        QCOMPARE(address->value(QStringLiteral("user")), user);
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("says");
        QTest::newRow("empty") << "   "
                               << "empty";
        QTest::newRow("unknown keyword") << "hots=db dbname=ops"
                                         << "hots";
        QTest::newRow("no value") << "host"
                                  << "host";
        QTest::newRow("bad uri") << "postgresql://[::1"
                                 << "postgresql://";
        QTest::newRow("semicolon") << "host=db application_name=a;b"
                                   << "application_name";
    }
    void refusals()
    {
        QFETCH(QString, text);
        QFETCH(QString, says);
        const auto address = ServerAddress::parse(text);
        QVERIFY(!address.ok());
        QCOMPARE(address.error().code(), StoreError::Code::Invalid);
        QVERIFY2(!address.error().message().contains(QLatin1Char('\n')), qPrintable(address.error().message()));
        QVERIFY2(address.error().message().contains(says), qPrintable(address.error().message()));
    }

    void passwordNeverShown()
    {
        const auto address = ServerAddress::parse(QStringLiteral("postgresql://bo:s3cret@db.example.org:6543/ops"));
        QVERIFY(address.ok());
        QVERIFY(address->hasPassword());
        QCOMPARE(address->displayName(), QStringLiteral("bo@db.example.org:6543/ops"));
        QCOMPARE(address->keyringKey(), QStringLiteral("bo@db.example.org:6543/ops"));
        QVERIFY(!address->displayName().contains(QLatin1String("s3cret")));
    }

    // A primary and its standbys: each host with its port, as libpq pairs them.
    void severalHosts()
    {
        const auto address = ServerAddress::parse(
            QStringLiteral("host=db1.example.org,db2.example.org port=5432,6543 user=bo dbname=ops "
                           "target_session_attrs=read-write"));
        QVERIFY(address.ok());
        QCOMPARE(address->displayName(), QStringLiteral("bo@db1.example.org:5432,db2.example.org:6543/ops"));
        QCOMPARE(address->value(QStringLiteral("target_session_attrs")), QStringLiteral("read-write"));
        QCOMPARE(ServerAddress::parse(address->textWithoutPassword())->displayName(), address->displayName());
        // One port for every host, or none (libpq's default for each).
        QCOMPARE(ServerAddress::parse(QStringLiteral("host=a,b port=7000 user=bo dbname=ops"))->displayName(),
                 QStringLiteral("bo@a:7000,b:7000/ops"));
        qunsetenv("PGPORT");
        QCOMPARE(ServerAddress::parse(QStringLiteral("host=a,b user=bo dbname=ops"))->displayName(),
                 QStringLiteral("bo@a:5432,b:5432/ops"));
        QCOMPARE(ServerAddress::parse(QStringLiteral("postgresql://bo@a:7000,b:7001/ops"))->displayName(),
                 QStringLiteral("bo@a:7000,b:7001/ops"));
    }

    void defaultsFromTheEnvironment()
    {
        qputenv("PGUSER", "cy");
        qputenv("PGHOST", "pg.internal");
        qunsetenv("PGPORT");
        qunsetenv("PGDATABASE");
        const auto address = ServerAddress::parse(QStringLiteral("sslmode=require"));
        QVERIFY(address.ok());
        QCOMPARE(address->keyringKey(), QStringLiteral("cy@pg.internal:5432/cy"));
        qunsetenv("PGUSER");
        qunsetenv("PGHOST");
        const auto service = ServerAddress::parse(QStringLiteral("service=ops"));
        QVERIFY(service.ok());
        QCOMPARE(service->displayName(), QStringLiteral("service=ops"));
    }

    void driverGetsEveryKeyword()
    {
        const auto address = ServerAddress::parse(
            QStringLiteral("host=db port=6543 dbname=ops user=bo password=p'w sslmode=verify-full"));
        QVERIFY(address.ok());
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("tst"));
        address->applyTo(db);
        QCOMPARE(db.password(), QStringLiteral("p'w"));
        const QString options = db.connectOptions();
        for (const char *part : {"host='db'", "port='6543'", "dbname='ops'", "user='bo'", "sslmode='verify-full'",
                                 "connect_timeout='10'", "fallback_application_name='commandpost'"})
            QVERIFY2(options.contains(QLatin1String(part)), qPrintable(options));
        QVERIFY(!options.contains(QLatin1String("p'w")));
        // libpq's own list (the probe's) has the password too, and a timeout named is not doubled.
        QVERIFY(address->connectParameters().contains(qMakePair(QStringLiteral("password"), QStringLiteral("p'w"))));
        const auto timed = ServerAddress::parse(QStringLiteral("host=db connect_timeout=3"));
        int timeouts = 0;
        for (const auto &[keyword, value] : timed->connectParameters()) {
            if (keyword == QLatin1String("connect_timeout")) {
                ++timeouts;
                QCOMPARE(value, QStringLiteral("3"));
            }
        }
        QCOMPARE(timeouts, 1);
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("tst"));
    }
};

QTEST_GUILESS_MAIN(TstServerAddress)
#include "tst_serveraddress.moc"
