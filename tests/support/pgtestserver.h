#pragma once

#include "server/serverconnection.h"
#include "server/serverschema.h"

#include <QString>
#include <QStringList>

namespace cp::test {

// Throwaway databases and logins on the PostgreSQL server the test run was given: the libpq
// environment (PGHOST, PGPORT, PGUSER, PGPASSWORD), which './dev test' sets with pg_virtualenv.
// The environment's login must be allowed to create databases and roles. Everything made here
// is dropped when the object goes.
class PgTestServer
{
public:
    PgTestServer();
    ~PgTestServer();

    // Connects as the environment's login; false (with the reason) when no server answers.
    bool connect(QString *why);
    // A new database, empty or a copy of 'templateName'; its SERVER string ("dbname=…"), or empty
    // (with the reason).
    QString createDatabase(QString *why, const QString &templateName = QString());
    // A new database with the CommandPost schema ('server init' done); its SERVER string, or empty.
    QString createCommandPostDatabase(QString *why);
    // A new login with a password, made a member of nothing; its name, or empty.
    QString createLogin(const QString &stem, QString *why);
    // A new login made a member of one of the CommandPost groups on the database of 'server' (as
    // 'server grant LOGIN --as …' does); its name, or empty.
    QString createMember(const QString &server, const QString &stem, ServerSchema::Group group, QString *why);
    static QString password(const QString &login) { return login + QStringLiteral("-secret"); }
    // The SERVER string for 'login' on the database of 'server'.
    static QString as(const QString &server, const QString &login);
    // Runs psql as 'login' on 'server' with one command; its exit code, and stderr in *err.
    static int psql(const QString &server, const QString &login, const QString &command, QString *err);

private:
    bool exec(const QString &sql, QString *why);

    ServerConnection m_admin;
    QStringList m_databases;
    QStringList m_logins;
};

} // namespace cp::test

// Skips the test when no PostgreSQL server is at hand, or fails it when the run says one is
// required (CP_REQUIRE_PG=1, which './dev test' sets), so CI never skips it in silence.
#define CP_REQUIRE_PG(server)                                                                                          \
    do {                                                                                                               \
        QString why_;                                                                                                  \
        if (!(server).connect(&why_)) {                                                                                \
            const QString message_ =                                                                                   \
                QStringLiteral("No PostgreSQL server for this test (run it through './dev test', "                     \
                               "which starts one with pg_virtualenv, or set PGHOST/PGPORT/"                            \
                               "PGUSER/PGPASSWORD): ") +                                                               \
                why_;                                                                                                  \
            if (qEnvironmentVariable("CP_REQUIRE_PG") == QLatin1String("1"))                                           \
                QFAIL(qPrintable(message_));                                                                           \
            QSKIP(qPrintable(message_));                                                                               \
        }                                                                                                              \
    } while (false)
