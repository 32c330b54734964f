// Team mode's permission model against a real PostgreSQL server: 'server init' makes the schema
// and the three group roles, 'server grant/revoke' hand them to real logins, and the server
// itself refuses what a role may not do, whoever asks (the CLI or psql).

#include "clirunner.h"
#include "db/schema.h"
#include "pgtestserver.h"
#include "server/serverschema.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace cp;
using namespace cp::test;

namespace {

constexpr int ExitUnreachable = 68;
constexpr int ExitDenied = 77;

} // namespace

class TstServerPermissions : public QObject
{
    Q_OBJECT

private:
    CliRunner m_cli;
    PgTestServer m_pg;
    QString m_server; // the database, as the environment's (superuser) login
    QString m_responder, m_observer, m_admin;

    CliRun cli(const QString &server, const QStringList &arguments, const QByteArray &input = QByteArray())
    {
        return m_cli.run(QStringList{QStringLiteral("--server"), server} + arguments, input);
    }
    qint64 entries()
    {
        ServerConnection connection;
        if (!connection.open(*ServerAddress::parse(m_server)).ok())
            return -1;
        QSqlQuery q(connection.database());
        if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM timeline_entry")) || !q.next())
            return -1;
        return q.value(0).toLongLong();
    }

private slots:
    void initTestCase()
    {
        CP_REQUIRE_PG(m_pg);
        QString why;
        m_server = m_pg.createDatabase(&why);
        QVERIFY2(!m_server.isEmpty(), qPrintable(why));
        for (QString *login : {&m_responder, &m_observer, &m_admin}) {
            *login = m_pg.createLogin(QStringLiteral("login"), &why);
            QVERIFY2(!login->isEmpty(), qPrintable(why));
        }
    }

    void initCreatesTheSchemaOnceAndAgain()
    {
        // Before init a store refuses the server and says what to do.
        CLI_FAILS_SILENTLY(cli(m_server, {QStringLiteral("incident"), QStringLiteral("list")}), ExitNotFound,
                           "file-missing");
        for (int round = 0; round < 2; ++round) {
            const CliRun run = cli(m_server, {QStringLiteral("server"), QStringLiteral("init")});
            CLI_OK(run);
            QVERIFY2(run.out.endsWith(QStringLiteral("CommandPost schema %1\n").arg(Schema::latestVersion()).toUtf8()),
                     qPrintable(run.describe()));
        }
    }

    void grantRevokeAndMembers()
    {
        CLI_OK(cli(m_server, {QStringLiteral("server"), QStringLiteral("grant"), m_responder, QStringLiteral("--as"),
                              QStringLiteral("responder")}));
        CLI_OK(cli(m_server, {QStringLiteral("server"), QStringLiteral("grant"), m_observer, QStringLiteral("--as"),
                              QStringLiteral("observer")}));
        CLI_OK(cli(m_server, {QStringLiteral("server"), QStringLiteral("grant"), m_admin, QStringLiteral("--as"),
                              QStringLiteral("responder")}));
        // A second grant replaces the first: one role per login.
        CLI_OK(cli(m_server, {QStringLiteral("server"), QStringLiteral("grant"), m_admin, QStringLiteral("--as"),
                              QStringLiteral("admin")}));
        const CliRun members = cli(m_server, {QStringLiteral("server"), QStringLiteral("members")});
        CLI_OK(members);
        const QStringList lines = members.outLines();
        QVERIFY2(lines.contains(m_responder + QStringLiteral("\tresponder")), qPrintable(members.describe()));
        QVERIFY2(lines.contains(m_observer + QStringLiteral("\tobserver")), qPrintable(members.describe()));
        QVERIFY2(lines.contains(m_admin + QStringLiteral("\tadmin")), qPrintable(members.describe()));
        QVERIFY2(!lines.contains(m_admin + QStringLiteral("\tresponder")), qPrintable(members.describe()));

        CLI_FAILS_SILENTLY(
            cli(m_server, {QStringLiteral("server"), QStringLiteral("grant"), QStringLiteral("nobody_here"),
                           QStringLiteral("--as"), QStringLiteral("observer")}),
            ExitNotFound, "not-found");
        CLI_FAILS_SILENTLY(cli(m_server, {QStringLiteral("server"), QStringLiteral("grant"), m_observer,
                                          QStringLiteral("--as"), QStringLiteral("boss")}),
                           ExitUsage, "usage");
        // Group roles are not logins.
        CLI_FAILS_SILENTLY(
            cli(m_server, {QStringLiteral("server"), QStringLiteral("grant"), QStringLiteral("commandpost_admins"),
                           QStringLiteral("--as"), QStringLiteral("observer")}),
            ExitDataError, "invalid");
    }

    void responderWritesObserverOnlyReads()
    {
        const CliRun declared =
            cli(PgTestServer::as(m_server, m_responder),
                {QStringLiteral("incident"), QStringLiteral("new"), QStringLiteral("--title"),
                 QStringLiteral("Checkout down"), QStringLiteral("--severity"), QStringLiteral("SEV-1")});
        CLI_OK(declared);
        const QString id = QString::fromUtf8(declared.out).trimmed();
        CLI_OK(cli(PgTestServer::as(m_server, m_responder),
                   {QStringLiteral("log"), QStringLiteral("--incident"), id, QStringLiteral("Bo restarting the app")}));
        const qint64 before = entries();
        QVERIFY(before > 0);

        // The observer reads …
        const CliRun timeline =
            cli(PgTestServer::as(m_server, m_observer), {QStringLiteral("timeline"), QStringLiteral("--incident"), id});
        CLI_OK(timeline);
        QVERIFY2(timeline.out.contains("Bo restarting the app"), qPrintable(timeline.describe()));
        // … and the server refuses its write: one plain line, exit 77, nothing saved.
        const CliRun refused = cli(PgTestServer::as(m_server, m_observer),
                                   {QStringLiteral("log"), QStringLiteral("--incident"), id, QStringLiteral("sneaky")});
        CLI_FAILS_SILENTLY(refused, ExitDenied, "denied");
        QVERIFY2(refused.err.contains("permission denied"), qPrintable(refused.describe()));
        QCOMPARE(entries(), before);
    }

    void theServerRefusesWhateverTheClient()
    {
        QString err;
        // An observer's insert through psql: refused by the server, not by CommandPost.
        const QString insert = QStringLiteral("INSERT INTO commandpost.timeline_entry (incident_id, kind, author, "
                                              "occurred_at, captured_at, body) VALUES (1, 'note', 'x', 1, 1, 'psql')");
        QVERIFY(PgTestServer::psql(m_server, m_observer, insert, &err) != 0);
        QVERIFY2(err.contains(QLatin1String("permission denied for table timeline_entry")), qPrintable(err));
        // A responder may insert, but not change the schema, nor delete the timeline, nor edit the roster.
        QCOMPARE(PgTestServer::psql(m_server, m_responder, insert, &err), 0);
        QVERIFY(PgTestServer::psql(m_server, m_responder,
                                   QStringLiteral("ALTER TABLE commandpost.incident ADD COLUMN x INTEGER"), &err) != 0);
        QVERIFY2(err.contains(QLatin1String("must be owner")), qPrintable(err));
        QVERIFY(PgTestServer::psql(m_server, m_responder, QStringLiteral("DELETE FROM commandpost.timeline_entry"),
                                   &err) != 0);
        QVERIFY2(err.contains(QLatin1String("permission denied")), qPrintable(err));
        QVERIFY(PgTestServer::psql(
                    m_server, m_responder,
                    QStringLiteral("INSERT INTO commandpost.person (name, handle) VALUES ('Zed', 'zed')"), &err) != 0);
        QVERIFY2(err.contains(QLatin1String("permission denied for table person")), qPrintable(err));
        // An admin may.
        QCOMPARE(PgTestServer::psql(
                     m_server, m_admin,
                     QStringLiteral("INSERT INTO commandpost.person (name, handle) VALUES ('Zed', 'zed')"), &err),
                 0);
        QCOMPARE(PgTestServer::psql(m_server, m_admin,
                                    QStringLiteral("ALTER TABLE commandpost.incident ADD COLUMN x INTEGER"), &err),
                 0);
        QCOMPARE(PgTestServer::psql(m_server, m_admin, QStringLiteral("ALTER TABLE commandpost.incident DROP COLUMN x"),
                                    &err),
                 0);
    }

    void onlyAdminsHandOutRoles()
    {
        // A responder cannot make itself an admin, nor anyone an observer.
        CLI_FAILS_SILENTLY(cli(PgTestServer::as(m_server, m_responder),
                               {QStringLiteral("server"), QStringLiteral("grant"), m_responder, QStringLiteral("--as"),
                                QStringLiteral("admin")}),
                           ExitDenied, "denied");
        CLI_FAILS_SILENTLY(
            cli(PgTestServer::as(m_server, m_responder), {QStringLiteral("server"), QStringLiteral("grant"), m_observer,
                                                          QStringLiteral("--as"), QStringLiteral("responder")}),
            ExitDenied, "denied");
        // An admin hands out responder and observer.
        CLI_OK(cli(PgTestServer::as(m_server, m_admin), {QStringLiteral("server"), QStringLiteral("grant"), m_observer,
                                                         QStringLiteral("--as"), QStringLiteral("responder")}));
        CLI_OK(cli(PgTestServer::as(m_server, m_admin), {QStringLiteral("server"), QStringLiteral("grant"), m_observer,
                                                         QStringLiteral("--as"), QStringLiteral("observer")}));
    }

    // A responder writes as its roster person, whatever it claims: the server stamps the author.
    void theLoginIsTheAuthor()
    {
        const QString responder = PgTestServer::as(m_server, m_responder);
        // Only an admin keeps the roster; a login that does not exist adds nobody.
        CLI_FAILS_SILENTLY(cli(responder, {QStringLiteral("people"), QStringLiteral("add"), QStringLiteral("--name"),
                                           QStringLiteral("Bo Chen"), QStringLiteral("--handle"), QStringLiteral("bo"),
                                           QStringLiteral("--login"), m_responder}),
                           ExitDenied, "denied");
        CLI_FAILS_SILENTLY(cli(PgTestServer::as(m_server, m_admin),
                               {QStringLiteral("people"), QStringLiteral("add"), QStringLiteral("--name"),
                                QStringLiteral("Bo Chen"), QStringLiteral("--handle"), QStringLiteral("bo"),
                                QStringLiteral("--login"), QStringLiteral("nobody_here")}),
                           ExitNotFound, "not-found");
        CLI_OK(
            cli(PgTestServer::as(m_server, m_admin),
                {QStringLiteral("people"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("Bo Chen"),
                 QStringLiteral("--handle"), QStringLiteral("bo"), QStringLiteral("--login"), m_responder}));
        const CliRun declared =
            cli(responder, {QStringLiteral("incident"), QStringLiteral("new"), QStringLiteral("--title"),
                            QStringLiteral("Payments slow"), QStringLiteral("--severity"), QStringLiteral("SEV-2")});
        CLI_OK(declared);
        const QString id = QString::fromUtf8(declared.out).trimmed();
        CLI_OK(cli(responder, {QStringLiteral("log"), QStringLiteral("--incident"), id, QStringLiteral("--author"),
                               QStringLiteral("Ana Lima"), QStringLiteral("written as somebody else")}));
        // An admin writes as given (an import keeps its authors).
        CLI_OK(cli(PgTestServer::as(m_server, m_admin),
                   {QStringLiteral("log"), QStringLiteral("--incident"), id, QStringLiteral("--author"),
                    QStringLiteral("Imported"), QStringLiteral("from the archive")}));
        const CliRun timeline = cli(responder, {QStringLiteral("timeline"), QStringLiteral("--incident"), id});
        CLI_OK(timeline);
        QStringList authors;
        for (const QString &line : timeline.outLines())
            authors << line.section(QLatin1Char('\t'), 2, 2) + QLatin1Char('|') + line.section(QLatin1Char('\t'), 3);
        QVERIFY2(authors.contains(QStringLiteral("Bo Chen|written as somebody else")), qPrintable(timeline.describe()));
        QVERIFY2(authors.contains(QStringLiteral("Imported|from the archive")), qPrintable(timeline.describe()));
        QVERIFY2(authors.filter(QStringLiteral("Ana Lima")).isEmpty(), qPrintable(timeline.describe()));
        // The link can be made later too, by handle or name.
        CLI_OK(cli(m_server, {QStringLiteral("server"), QStringLiteral("link"), m_observer, QStringLiteral("--person"),
                              QStringLiteral("bo")}));
    }

    // Not only new rows: an answer, a round's end and a hand-over are UPDATEs, and they carry the
    // login's name too; a name the UPDATE leaves alone keeps its author.
    void laterActsAreTheLoginsToo()
    {
        const QString responder = PgTestServer::as(m_server, m_responder); // linked to Bo Chen above
        const QString admin = PgTestServer::as(m_server, m_admin);
        const CliRun declared =
            cli(admin, {QStringLiteral("incident"), QStringLiteral("new"), QStringLiteral("--title"),
                        QStringLiteral("Queue stuck"), QStringLiteral("--severity"), QStringLiteral("SEV-2")});
        CLI_OK(declared);
        const QString id = QString::fromUtf8(declared.out).trimmed();
        const QString forged = QStringLiteral("Ana Lima");
        for (const QString &role : {QStringLiteral("ic"), QStringLiteral("scribe")})
            CLI_OK(cli(admin, {QStringLiteral("assign"), QStringLiteral("--incident"), id, QStringLiteral("--role"),
                               role, QStringLiteral("--person"), QStringLiteral("bo"), QStringLiteral("--author"),
                               QStringLiteral("Imported")}));
        // The admin starts the round as given; Bo answers and ends it, each time claiming to be Ana.
        CLI_OK(cli(admin, {QStringLiteral("rollcall"), QStringLiteral("start"), QStringLiteral("--incident"), id,
                           QStringLiteral("--author"), QStringLiteral("Imported")}));
        CLI_OK(cli(responder, {QStringLiteral("rollcall"), QStringLiteral("answer"), QStringLiteral("scribe"),
                               QStringLiteral("--incident"), id, QStringLiteral("--condition"),
                               QStringLiteral("healthy"), QStringLiteral("--author"), forged}));
        CLI_OK(cli(responder, {QStringLiteral("rollcall"), QStringLiteral("end"), QStringLiteral("--incident"), id,
                               QStringLiteral("--author"), forged}));
        // A hand-over ends the admin's assignment: the end is Bo's, the start stays the admin's.
        CLI_OK(cli(PgTestServer::as(m_server, m_admin),
                   {QStringLiteral("people"), QStringLiteral("add"), QStringLiteral("--name"),
                    QStringLiteral("Cy Park"), QStringLiteral("--handle"), QStringLiteral("cy")}));
        CLI_OK(cli(responder, {QStringLiteral("handover"), QStringLiteral("--incident"), id, QStringLiteral("--role"),
                               QStringLiteral("scribe"), QStringLiteral("--to"), QStringLiteral("cy"),
                               QStringLiteral("--author"), forged}));

        ServerConnection connection;
        QVERIFY(connection.open(*ServerAddress::parse(m_server)).ok());
        const auto rows = [&](const QString &sql) {
            QStringList found;
            QSqlQuery q(connection.database());
            if (!q.exec(sql.arg(id)))
                return QStringList{q.lastError().text()};
            while (q.next())
                found << q.value(0).toString();
            return found;
        };
        QCOMPARE(rows(QStringLiteral("SELECT answered_by FROM roll_call_item WHERE incident_id = %1 AND answered_at "
                                     "IS NOT NULL")),
                 QStringList{QStringLiteral("Bo Chen")});
        QCOMPARE(rows(QStringLiteral("SELECT started_by || '|' || COALESCE(ended_by, '') FROM roll_call WHERE "
                                     "incident_id = %1")),
                 QStringList{QStringLiteral("Imported|Bo Chen")});
        QCOMPARE(rows(QStringLiteral("SELECT a.started_by || '|' || COALESCE(a.ended_by, '') FROM assignment a JOIN "
                                     "incident_role r ON r.id = a.role_id WHERE a.incident_id = %1 AND r.role_key = "
                                     "'scribe' ORDER BY a.id")),
                 (QStringList{QStringLiteral("Imported|Bo Chen"), QStringLiteral("Bo Chen|")}));
        QVERIFY(rows(QStringLiteral("SELECT author FROM timeline_entry WHERE incident_id = %1 AND author = 'Ana Lima'"))
                    .isEmpty());
    }

    // A step of a message's approval chain is checked against the login's person, not the
    // --author the client sends: a responder cannot take the Legal Officer's review by claiming to be
    // them, nor enter it for them. An admin writes as given.
    void approvalsTakeTheLoginAsProof()
    {
        const QString responder = PgTestServer::as(m_server, m_responder); // Bo Chen (theLoginIsTheAuthor)
        const QString admin = PgTestServer::as(m_server, m_admin);
        CLI_OK(cli(admin, {QStringLiteral("people"), QStringLiteral("add"), QStringLiteral("--name"),
                           QStringLiteral("Lee Fox"), QStringLiteral("--handle"), QStringLiteral("lee")}));
        const CliRun declared =
            cli(responder, {QStringLiteral("business"), QStringLiteral("declare"), QStringLiteral("--title"),
                            QStringLiteral("Checkout errors"), QStringLiteral("--severity"), QStringLiteral("SEV-2")});
        CLI_OK(declared);
        const QString id = QString::fromUtf8(declared.out).trimmed();
        CLI_OK(cli(responder, {QStringLiteral("assign"), QStringLiteral("--incident"), id, QStringLiteral("--role"),
                               QStringLiteral("legal-officer"), QStringLiteral("--person"), QStringLiteral("lee")}));
        const CliRun drafted =
            cli(responder, {QStringLiteral("message"), QStringLiteral("draft"), QStringLiteral("--incident"), id,
                            QStringLiteral("--audience"), QStringLiteral("customers"), QStringLiteral("--channel"),
                            QStringLiteral("email"), QStringLiteral("--text"), QStringLiteral("x")});
        CLI_OK(drafted);
        const QString message = QString::fromUtf8(drafted.out).trimmed();
        const CliRun claimed = cli(responder, {QStringLiteral("message"), QStringLiteral("review"), message,
                                               QStringLiteral("--author"), QStringLiteral("Lee Fox")});
        CLI_FAILS_SILENTLY(claimed, ExitDataError, "invalid");
        QVERIFY2(claimed.err.contains("Bo Chen does not hold the Legal Officer role"), claimed.err.constData());
        const CliRun forLee = cli(responder, {QStringLiteral("message"), QStringLiteral("review"), message,
                                              QStringLiteral("--for"), QStringLiteral("lee")});
        CLI_FAILS_SILENTLY(forLee, ExitDataError, "invalid");
        QVERIFY2(forLee.err.contains("own login"), forLee.err.constData());
        CLI_OK(cli(admin, {QStringLiteral("message"), QStringLiteral("review"), message, QStringLiteral("--author"),
                           QStringLiteral("lee")}));
        const CliRun shown = cli(responder, {QStringLiteral("message"), QStringLiteral("show"), message,
                                             QStringLiteral("--format"), QStringLiteral("json")});
        CLI_OK(shown);
        const QJsonArray steps = shown.json().object().value(QStringLiteral("steps")).toArray();
        QCOMPARE(steps.size(), 2);
        QCOMPARE(steps.at(0).toObject().value(QStringLiteral("by")).toString(), QStringLiteral("Bo Chen"));
        QCOMPARE(steps.at(1).toObject().value(QStringLiteral("by")).toString(), QStringLiteral("Lee Fox"));
    }

    void revokedLoginsReadNothing()
    {
        CLI_OK(cli(m_server, {QStringLiteral("server"), QStringLiteral("revoke"), m_observer}));
        CLI_FAILS_SILENTLY(cli(m_server, {QStringLiteral("server"), QStringLiteral("revoke"), m_observer}),
                           ExitNotFound, "not-found");
        CLI_FAILS_SILENTLY(
            cli(PgTestServer::as(m_server, m_observer), {QStringLiteral("incident"), QStringLiteral("list")}),
            ExitDenied, "denied");
    }

    void badServersSayOneLine()
    {
        CLI_FAILS_SILENTLY(m_cli.run({QStringLiteral("--server"), QStringLiteral("hots=db"), QStringLiteral("incident"),
                                      QStringLiteral("list")}),
                           ExitUsage, "usage");
        CLI_FAILS_SILENTLY(m_cli.run({QStringLiteral("--server"), QStringLiteral("host=127.0.0.1 port=1"),
                                      QStringLiteral("incident"), QStringLiteral("list")}),
                           ExitUnreachable, "unreachable");
        CLI_FAILS_SILENTLY(cli(m_server + QStringLiteral(" user=") + m_responder + QStringLiteral(" password=wrong"),
                               {QStringLiteral("incident"), QStringLiteral("list")}),
                           ExitDenied, "denied");
        // The environment names the server when no --db or --server does.
        QProcessEnvironment environment = m_cli.environment();
        environment.insert(QStringLiteral("COMMANDPOST_SERVER"), QStringLiteral("host=127.0.0.1 port=1"));
        CLI_FAILS_SILENTLY(m_cli.run({QStringLiteral("incident"), QStringLiteral("list")}, {}, environment),
                           ExitUnreachable, "unreachable");
        CLI_FAILS_SILENTLY(
            m_cli.run({QStringLiteral("--db"), m_cli.homePath(QStringLiteral("x.sqlite")), QStringLiteral("--server"),
                       m_server, QStringLiteral("incident"), QStringLiteral("list")}),
            ExitUsage, "usage");
    }
};

QTEST_GUILESS_MAIN(TstServerPermissions)
#include "tst_serverpermissions.moc"
