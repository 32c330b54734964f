// The shadow view following a team server as an observer: an observer login (read only, granted by
// 'server grant --as observer') opens the server as `commandpost --follow --server` does, and a
// responder's commit from another process (the CLI) appears in its timeline live; the process
// itself starts on the server and says it follows it read-only.

#include "clirunner.h"
#include "db/commitwatcher.h"
#include "db/incidentstore.h"
#include "domain/clock.h"
#include "pgtestserver.h"
#include "server/serverschema.h"
#include "shadow/shadowwindow.h"
#include "tempdatabase.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTreeView>
#include <QtTest>

using namespace cp;
using namespace cp::test;

class TstTeamFollow : public QObject
{
    Q_OBJECT

private:
    PgTestServer m_pg;
    CliRunner m_cli;
    QString m_server;   // as the environment's (superuser) login
    QString m_observer; // a login of the observers' group
    qint64 m_incident = 0;

    CliRun cli(const QStringList &arguments)
    {
        return m_cli.run(QStringList{QStringLiteral("--server"), m_server} + arguments);
    }

private slots:
    void initTestCase()
    {
        CP_REQUIRE_PG(m_pg);
        QString why;
        m_server = m_pg.createCommandPostDatabase(&why);
        QVERIFY2(!m_server.isEmpty(), qPrintable(why));
        m_observer = m_pg.createMember(m_server, QStringLiteral("trainee"), ServerSchema::Group::Observer, &why);
        QVERIFY2(!m_observer.isEmpty(), qPrintable(why));
        const CliRun declared =
            cli({QStringLiteral("incident"), QStringLiteral("new"), QStringLiteral("--title"),
                 QStringLiteral("Checkout down"), QStringLiteral("--severity"), QStringLiteral("SEV-1")});
        CLI_OK(declared);
        m_incident = declared.out.trimmed().toLongLong();
    }

    void theObserversShadowViewShowsAnotherClientsCommit()
    {
        IncidentStore store(SystemClock::instance());
        StoreSession::Options options; // as app/gui/main.cpp follows
        options.mode = StoreSession::OpenMode::ReadOnly;
        options.create = false;
        options.quickCheck = false;
        const StoreError opened =
            store.session().openServer(*ServerAddress::parse(PgTestServer::as(m_server, m_observer)), options);
        QVERIFY2(opened.ok(), qPrintable(opened.message()));
        const CommitWatcher commits(store.session());
        ShadowWindow window(store, SystemClock::instance(), nullptr);
        window.setIncident(m_incident);
        window.show();
        auto *timeline = window.findChild<QTreeView *>(QStringLiteral("shadowTimeline"));
        QVERIFY(timeline);
        const int before = timeline->model()->rowCount();

        CLI_OK(cli({QStringLiteral("log"), QStringLiteral("--incident"), QString::number(m_incident),
                    QStringLiteral("--author"), QStringLiteral("bo"), QStringLiteral("Rolled back the edge config")}));
        QTRY_COMPARE_WITH_TIMEOUT(timeline->model()->rowCount(), before + 1, 5000);
        bool shown = false;
        for (int row = 0; row < timeline->model()->rowCount(); ++row) {
            for (int column = 0; column < timeline->model()->columnCount(); ++column)
                shown = shown || timeline->model()
                                     ->index(row, column)
                                     .data()
                                     .toString()
                                     .contains(QStringLiteral("Rolled back the edge config"));
        }
        QVERIFY(shown);
        // The observer only reads: its own write is refused by the server.
        QCOMPARE(store.timeline()
                     .append({m_incident, EntryKind::Note, QStringLiteral("trainee"), QStringLiteral("sneaky")})
                     .error()
                     .code(),
                 StoreError::Code::ReadOnly);
    }

    void theFollowProcessStartsOnTheServer()
    {
        const QString gui = TempDatabase::executable(QStringLiteral("commandpost"));
        QVERIFY2(!gui.isEmpty(), "commandpost was not built beside the tests");
        QProcess process;
        QProcessEnvironment environment = m_cli.environment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        process.setProcessEnvironment(environment);
        process.start(gui,
                      {QStringLiteral("--follow"), QStringLiteral("--server"), PgTestServer::as(m_server, m_observer)});
        QElapsedTimer waited;
        waited.start();
        QByteArray said;
        while (!said.contains("read-only") && waited.elapsed() < 15000 && process.state() != QProcess::NotRunning) {
            process.waitForReadyRead(100);
            said += process.readAllStandardOutput();
        }
        const QByteArray errors = process.readAllStandardError();
        process.kill();
        process.waitForFinished(5000);
        QVERIFY2(said.contains("commandpost: following " + m_observer.toUtf8() + '@'), said + errors);
    }
};

QTEST_MAIN(TstTeamFollow)
#include "tst_teamfollow.moc"
