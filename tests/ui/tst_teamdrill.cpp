// A whole drill by three laptops on one team server: the Incident Commander's window (in this
// process, on the offscreen platform) and the Deputy's and the Scribe's command lines (processes
// of their own), each with its own login. They declare, staff, run timers and a roll call, log at
// the same time, declare the business incident and resolve; every acknowledged write is on every
// client afterwards, in order, under the authenticated person, and the three export the same
// record byte for byte.

#include "clirunner.h"
#include "db/commitwatcher.h"
#include "db/incidentstore.h"
#include "docks/timelinedock.h"
#include "domain/clock.h"
#include "domain/roletemplate.h"
#include "mainwindow.h"
#include "models/timelinemodel.h"
#include "pgtestserver.h"
#include "preferences.h"
#include "server/serverschema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using namespace cp;
using namespace cp::test;

class TstTeamDrill : public QObject
{
    Q_OBJECT

private:
    PgTestServer m_pg;
    CliRunner m_cli;
    QString m_server; // as the environment's (superuser) login: the admin who set the server up
    QString m_ic, m_deputy, m_scribe;

    QStringList on(const QString &login) const
    {
        return {QStringLiteral("--server"), PgTestServer::as(m_server, login)};
    }
    CliRun as(const QString &login, const QStringList &arguments) { return m_cli.run(on(login) + arguments); }

    // The window's timeline, as the IC sees it: (author, text) of every row, oldest first.
    static QList<QPair<QString, QString>> rows(const TimelineModel &model)
    {
        QList<QPair<QString, QString>> all;
        for (int row = 0; row < model.rowCount(); ++row) {
            const TimelineEntry entry = model.entryAt(row);
            all.append({entry.author, entry.text});
        }
        std::sort(all.begin(), all.end()); // the model's order is its own; membership is what counts here
        return all;
    }

private slots:
    void initTestCase()
    {
        CP_REQUIRE_PG(m_pg);
        QString why;
        m_server = m_pg.createCommandPostDatabase(&why);
        QVERIFY2(!m_server.isEmpty(), qPrintable(why));
        const QList<std::tuple<QString *, QString, QString>> team{
            {&m_ic, QStringLiteral("Ana Lima"), QStringLiteral("ana")},
            {&m_deputy, QStringLiteral("Bo Chen"), QStringLiteral("bo")},
            {&m_scribe, QStringLiteral("Cy Okafor"), QStringLiteral("cy")}};
        for (const auto &[login, name, handle] : team) {
            *login = m_pg.createMember(m_server, handle, ServerSchema::Group::Responder, &why);
            QVERIFY2(!login->isEmpty(), qPrintable(why));
            CLI_OK(m_cli.run({QStringLiteral("--server"), m_server, QStringLiteral("people"), QStringLiteral("add"),
                              QStringLiteral("--name"), name, QStringLiteral("--handle"), handle,
                              QStringLiteral("--login"), *login}));
        }
        CLI_OK(m_cli.run({QStringLiteral("--server"), m_server, QStringLiteral("people"), QStringLiteral("add"),
                          QStringLiteral("--name"), QStringLiteral("Dana Reyes"), QStringLiteral("--handle"),
                          QStringLiteral("dana")}));
    }

    void threeLaptopsRunADrill()
    {
        // The IC's laptop: the window on the server as the IC's login.
        IncidentStore store(SystemClock::instance());
        const StoreError opened =
            store.session().openServer(*ServerAddress::parse(PgTestServer::as(m_server, m_ic)), {});
        QVERIFY2(opened.ok(), qPrintable(opened.message()));
        const CommitWatcher commits(store.session()); // as app/gui/main.cpp: the server's notifications
        QTemporaryDir home;
        QSettings settings(home.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        Preferences preferences(settings);
        MainWindow window(store, SystemClock::instance(), preferences, settings);
        window.show();

        NewIncident declared;
        declared.title = QStringLiteral("Global CDN outage");
        declared.severity = Severity::Sev1;
        declared.roles = RoleTemplateLibrary(QString()).find(QStringLiteral("technical-response"));
        const auto created = store.incidents().create(declared, QStringLiteral("whoever"));
        QVERIFY(created);
        const qint64 incident = *created;
        const QString id = QString::number(incident);
        QVERIFY(window.openIncident(incident));

        // Staffing from the IC's command line; the Deputy's timers and roll call from theirs.
        for (const auto &[role, person] :
             {std::pair{"ic", "ana"}, std::pair{"deputy", "bo"}, std::pair{"scribe", "cy"}, std::pair{"sme", "dana"}})
            CLI_OK(as(m_ic, {QStringLiteral("assign"), QStringLiteral("--incident"), id, QStringLiteral("--role"),
                             QLatin1String(role), QStringLiteral("--person"), QLatin1String(person)}));
        CLI_OK(as(m_deputy,
                  {QStringLiteral("timer"), QStringLiteral("start"), QStringLiteral("--incident"), id,
                   QStringLiteral("--in"), QStringLiteral("30m"), QStringLiteral("--label"),
                   QStringLiteral("Check back with the edge SME"), QStringLiteral("--owner"), QStringLiteral("sme")}));
        CLI_OK(as(m_deputy, {QStringLiteral("rollcall"), QStringLiteral("start"), QStringLiteral("--incident"), id}));
        CLI_OK(
            as(m_deputy, {QStringLiteral("rollcall"), QStringLiteral("answer"), QStringLiteral("sme"),
                          QStringLiteral("--incident"), id, QStringLiteral("--condition"), QStringLiteral("degraded"),
                          QStringLiteral("--text"), QStringLiteral("AMS still failing")}));

        // The Scribe logs twenty lines while the IC types into the window's entry line.
        QProcess scribe;
        scribe.setProcessEnvironment(m_cli.environment());
        scribe.start(m_cli.executable(), on(m_scribe) + QStringList{QStringLiteral("log"), QStringLiteral("--incident"),
                                                                    id, QStringLiteral("--stdin")});
        QVERIFY(scribe.waitForStarted(10000));
        QStringList scribeLines;
        for (int i = 1; i <= 20; ++i)
            scribeLines << QStringLiteral("POP %1 back to normal").arg(i);
        scribe.write((scribeLines.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8());
        scribe.closeWriteChannel();
        auto *line = window.findChild<QLineEdit *>(QStringLiteral("quickEntryLine"));
        QVERIFY(line);
        const QStringList icLines{QStringLiteral("Disable the triggering config fleet-wide"),
                                  QStringLiteral("Europe still elevated; waiting for AMS")};
        for (const QString &text : icLines) {
            line->setFocus();
            QTest::keyClicks(line, text);
            QTest::keyClick(line, Qt::Key_Return);
            QTRY_VERIFY(line->text().isEmpty()); // cleared only once the server committed it
        }
        QVERIFY(scribe.waitForFinished(60000));
        QCOMPARE(scribe.exitCode(), 0);
        const QList<QByteArray> acknowledged = scribe.readAllStandardOutput().trimmed().split('\n');
        QCOMPARE(acknowledged.size(), scribeLines.size()); // one id per line, printed once saved

        // Business mode and the resolution, from the IC's command line.
        CLI_OK(as(m_ic, {QStringLiteral("business"), QStringLiteral("declare"), QStringLiteral("--incident"), id}));
        CLI_OK(as(m_ic, {QStringLiteral("incident"), QStringLiteral("resolve"), id, QStringLiteral("--ack"),
                         QStringLiteral("drill over; left for the review")}));

        // The window saw every client's writes live, each under the person behind the login.
        TimelineModel &model = *window.timelineDock()->model();
        for (const QString &text : std::as_const(scribeLines))
            QTRY_VERIFY2_WITH_TIMEOUT(rows(model).contains(qMakePair(QStringLiteral("Cy Okafor"), text)),
                                      qPrintable(text), 10000);
        for (const QString &text : icLines)
            QVERIFY2(rows(model).contains(qMakePair(QStringLiteral("Ana Lima"), text)), qPrintable(text));
        QTRY_COMPARE_WITH_TIMEOUT(window.currentIncident()->status, IncidentStatus::Resolved, 10000);

        // Every laptop reads the same record: the Scribe's lines in the order they were typed, and
        // one export, byte for byte, whichever login asks.
        const CliRun timeline = as(m_deputy, {QStringLiteral("timeline"), QStringLiteral("--incident"), id,
                                              QStringLiteral("--format"), QStringLiteral("json")});
        CLI_OK(timeline);
        const QJsonArray entries = QJsonDocument::fromJson(timeline.out)[QStringLiteral("entries")].toArray();
        QStringList scribeSeen;
        for (const QJsonValue &entry : entries) {
            if (entry[QStringLiteral("author")].toString() == QLatin1String("Cy Okafor"))
                scribeSeen << entry[QStringLiteral("text")].toString();
        }
        QCOMPARE(scribeSeen, scribeLines);
        QByteArray first;
        for (const QString &login : {m_ic, m_deputy, m_scribe}) {
            const CliRun exported = as(login, {QStringLiteral("export"), QStringLiteral("--incident"), id,
                                               QStringLiteral("--format"), QStringLiteral("json")});
            CLI_OK(exported);
            QVERIFY(!exported.out.isEmpty());
            if (first.isEmpty())
                first = exported.out;
            QCOMPARE(exported.out, first);
        }
    }
    // The server stamps a responder's rows with the login's person; the window's author field says
    // so instead of inviting a name that the record would not show.
    void theLoginDecidesTheAuthorField()
    {
        QString why;
        const QString login = m_pg.createMember(m_server, QStringLiteral("eve"), ServerSchema::Group::Responder, &why);
        QVERIFY2(!login.isEmpty(), qPrintable(why));
        IncidentStore store(SystemClock::instance());
        const StoreError opened =
            store.session().openServer(*ServerAddress::parse(PgTestServer::as(m_server, login)), {});
        QVERIFY2(opened.ok(), qPrintable(opened.message()));
        QCOMPARE(store.session().stampedAuthor(), login);
        const CommitWatcher commits(store.session());
        QTemporaryDir home;
        QSettings settings(home.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        Preferences preferences(settings);
        preferences.setAuthorName(QStringLiteral("Somebody Else"));
        MainWindow window(store, SystemClock::instance(), preferences, settings);
        window.show();
        auto *author = window.findChild<QLineEdit *>(QStringLiteral("quickEntryAuthor"));
        QVERIFY(author);
        // Not on the roster yet: the server stamps the login itself.
        QCOMPARE(author->text(), login);
        QVERIFY(author->isReadOnly());

        // The admin links the login to a person; the field follows at once.
        CLI_OK(m_cli.run({QStringLiteral("--server"), m_server, QStringLiteral("people"), QStringLiteral("add"),
                          QStringLiteral("--name"), QStringLiteral("Eve Park"), QStringLiteral("--handle"),
                          QStringLiteral("eve"), QStringLiteral("--login"), login}));
        QTRY_COMPARE_WITH_TIMEOUT(author->text(), QStringLiteral("Eve Park"), 10000);
        QVERIFY(author->isReadOnly());

        NewIncident declared;
        declared.title = QStringLiteral("Login check");
        declared.severity = Severity::Sev3;
        const auto created = store.incidents().create(declared, QStringLiteral("Eve Park"));
        QVERIFY(created);
        QVERIFY(window.openIncident(*created));
        auto *line = window.findChild<QLineEdit *>(QStringLiteral("quickEntryLine"));
        QVERIFY(line);
        line->setFocus();
        QTest::keyClicks(line, QStringLiteral("Paging the database on-call"));
        QTest::keyClick(line, Qt::Key_Return);
        QTRY_VERIFY(line->text().isEmpty());
        QVERIFY(rows(*window.timelineDock()->model())
                    .contains(qMakePair(QStringLiteral("Eve Park"), QStringLiteral("Paging the database on-call"))));
        // The person's own choice stays for the files they open.
        QCOMPARE(preferences.authorName(), QStringLiteral("Somebody Else"));
    }

    // An admin's rows keep the name given (the server stamps nothing), so the field stays theirs.
    void anAdminsAuthorFieldStaysFree()
    {
        IncidentStore store(SystemClock::instance());
        const StoreError opened = store.session().openServer(*ServerAddress::parse(m_server), {});
        QVERIFY2(opened.ok(), qPrintable(opened.message()));
        QVERIFY(store.session().stampedAuthor().isEmpty());
        QTemporaryDir home;
        QSettings settings(home.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        Preferences preferences(settings);
        preferences.setAuthorName(QStringLiteral("Ana Lima"));
        MainWindow window(store, SystemClock::instance(), preferences, settings);
        auto *author = window.findChild<QLineEdit *>(QStringLiteral("quickEntryAuthor"));
        QVERIFY(author);
        QVERIFY(!author->isReadOnly());
        QCOMPARE(author->text(), QStringLiteral("Ana Lima"));
    }
};

QTEST_MAIN(TstTeamDrill)
#include "tst_teamdrill.moc"
