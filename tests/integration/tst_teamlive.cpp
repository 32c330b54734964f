// Several clients on one team server: a commit on one appears on the others live (the commit's
// NOTIFY wakes them; the change log says what changed), and the single-laptop rules hold when
// two laptops act at the same moment, because every write takes the server's write lock first.

#include "clirunner.h"
#include "db/incidentstore.h"
#include "domain/roletemplate.h"
#include "fakeclock.h"
#include "models/timelinemodel.h"
#include "pgtestserver.h"
#include "server/serverschema.h"

#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace cp;
using namespace cp::test;

namespace {

// Long enough that only a notification, never the safety poll, can deliver within a test.
constexpr int NoPollMs = 10 * 60 * 1000;

} // namespace

class TstTeamLive : public QObject
{
    Q_OBJECT

private:
    CliRunner m_cli;
    PgTestServer m_pg;
    QString m_server;
    SystemClock &m_clock = SystemClock::instance();

    std::unique_ptr<IncidentStore> open()
    {
        auto store = std::make_unique<IncidentStore>(m_clock);
        if (StoreError error = store->session().openServer(*ServerAddress::parse(m_server), {}); !error.ok())
            qWarning("%s", qPrintable(error.message()));
        return store;
    }
    qint64 declare(IncidentStore &store, const QString &title)
    {
        NewIncident incident;
        incident.title = title;
        incident.severity = Severity::Sev1;
        incident.roles = RoleTemplateLibrary{QString()}.find(QStringLiteral("technical-response"));
        auto id = store.incidents().create(incident, QStringLiteral("ana"));
        return id ? *id : 0;
    }

private slots:
    void initTestCase()
    {
        CP_REQUIRE_PG(m_pg);
        QString why;
        m_server = m_pg.createCommandPostDatabase(&why);
        QVERIFY2(!m_server.isEmpty(), qPrintable(why));
    }

    void commitsAppearOnOtherClientsLive()
    {
        auto watcher = open();
        auto writer = open();
        QVERIFY(watcher->session().isOpen() && writer->session().isOpen());
        const qint64 incident = declare(*writer, QStringLiteral("Checkout down"));
        QVERIFY(incident > 0);
        watcher->session().setExternalPollInterval(NoPollMs);
        TimelineModel model(*watcher);
        model.setIncident(incident);
        const int before = model.rowCount();

        for (int i = 1; i <= 20; ++i) {
            NewEntry entry{incident, EntryKind::Action, QStringLiteral("bo"), QStringLiteral("step %1").arg(i)};
            QVERIFY(writer->timeline().append(entry).ok());
            QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), before + i, 5000);
        }
        // Another process too: the CLI, as a third client.
        CLI_OK(m_cli.run({QStringLiteral("--server"), m_server, QStringLiteral("log"), QStringLiteral("--incident"),
                          QString::number(incident), QStringLiteral("--author"), QStringLiteral("cy"),
                          QStringLiteral("from the terminal")}));
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), before + 21, 5000);
    }

    void nothingIsMissedAfterReconnecting()
    {
        auto writer = open();
        const qint64 incident = declare(*writer, QStringLiteral("Payments slow"));
        auto watcher = open();
        QSignalSpy added(&watcher->timeline(), &TimelineRepository::entryAdded);
        watcher->session().close(); // away: nothing is listening
        for (int i = 0; i < 5; ++i)
            QVERIFY(writer->timeline()
                        .append({incident, EntryKind::Note, QStringLiteral("bo"), QStringLiteral("while away")})
                        .ok());
        // Back: the change log says what happened since the last change seen before going away.
        auto again = std::make_unique<IncidentStore>(m_clock);
        QVERIFY(again->session().openServer(*ServerAddress::parse(m_server), {}).ok());
        QSignalSpy seen(&again->timeline(), &TimelineRepository::entryAdded);
        again->session().setExternalPollInterval(NoPollMs);
        QVERIFY(
            writer->timeline().append({incident, EntryKind::Note, QStringLiteral("bo"), QStringLiteral("back")}).ok());
        QTRY_COMPARE_WITH_TIMEOUT(seen.count(), 1, 5000);
        QCOMPARE(added.count(), 0);
    }

    // Two laptops assign the Incident Commander at the same moment, many times: one wins, the
    // other is told who took it and when; never two commanders.
    void commanderRaceHasOneWinner()
    {
        auto admin = open();
        auto bo = admin->roster().addPerson({0, QStringLiteral("Bo Chen"), QStringLiteral("bo")});
        auto cy = admin->roster().addPerson({0, QStringLiteral("Cy Park"), QStringLiteral("cy")});
        QVERIFY(bo.ok() && cy.ok());
        const int rounds =
            qEnvironmentVariableIntValue("CP_RACE_ROUNDS") > 0 ? qEnvironmentVariableIntValue("CP_RACE_ROUNDS") : 10;
        for (int round = 0; round < rounds; ++round) {
            const qint64 incident = declare(*admin, QStringLiteral("Race %1").arg(round));
            QList<QProcess *> clients;
            for (const QString &who : {QStringLiteral("bo"), QStringLiteral("cy")}) {
                auto *process = new QProcess(this);
                process->setProcessEnvironment(m_cli.environment());
                process->start(m_cli.executable(),
                               {QStringLiteral("--server"), m_server, QStringLiteral("assign"),
                                QStringLiteral("--incident"), QString::number(incident), QStringLiteral("--role"),
                                QStringLiteral("ic"), QStringLiteral("--person"), who});
                clients << process;
            }
            int won = 0;
            QString loserSaid;
            for (QProcess *process : std::as_const(clients)) {
                QVERIFY(process->waitForFinished(CliTimeoutMs));
                if (process->exitCode() == 0)
                    ++won;
                else
                    loserSaid = QString::fromUtf8(process->readAllStandardError());
                process->deleteLater();
            }
            QCOMPARE(won, 1);
            QVERIFY2(loserSaid.contains(QRegularExpression(
                         QStringLiteral("(Bo Chen|Cy Park) took Incident Commander (\\d+ s|less than a second) ago"))),
                     qPrintable(loserSaid));
            auto roles = admin->roles().list(incident);
            QVERIFY(roles.ok());
            for (const IncidentRole &role : *roles) {
                if (role.definition.key == QLatin1String("ic"))
                    QCOMPARE(role.holders.size(), 1);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TstTeamLive)
#include "tst_teamlive.moc"
