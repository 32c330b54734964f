// Team mode's promise under faults, against a real PostgreSQL of the test's own (no mocks): every
// entry a client acknowledged — saved on the server, or kept in its outbox ("pending …") — is on
// the server exactly once after the fault has passed.
//   - the server dies (pg_ctl stop -m immediate) while three commandpost-cli writers log, and
//     comes back: the writers keep acknowledging (into their outboxes) and deliver on their own;
//   - a writer is killed (SIGKILL) with entries in its outbox: the next 'log' sends them, once,
//     in order, each with its own captured time;
//   - an entry sent again after its reply was lost (its client died between the server's commit
//     and clearing its outbox) is logged once.
// CP_FAULT_ROUNDS sets the rounds (default 10; the 'long' label runs 100). Each round prints its
// counts: acknowledged, found, duplicates and the time from the server's restart to the outboxes
// drained.
#include "clirunner.h"
#include "db/incidentstore.h"
#include "db/outbox.h"
#include "db/outboxsender.h"
#include "db/privatefile.h"
#include "pgcluster.h"
#include "server/serverconnection.h"
#include "serverfindings.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTest>

#include <memory>

using namespace cp;
using namespace cp::test;

namespace {

int rounds()
{
    const int n = qEnvironmentVariableIntValue("CP_FAULT_ROUNDS");
    return n > 0 ? n : 10;
}

// One laptop: a 'log --stdin' process with its own home (its own outbox), and what it printed.
class Writer
{
public:
    Writer(const CliRunner &cli, const QString &server, qint64 incident)
    {
        m_process.setProcessEnvironment(environment());
        m_process.start(cli.executable(),
                        {QStringLiteral("--server"), server, QStringLiteral("log"), QStringLiteral("--incident"),
                         QString::number(incident), QStringLiteral("--stdin")});
    }
    ~Writer()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }

    bool started() { return m_process.waitForStarted(); }
    // This laptop's environment: its own data folder, so its own outbox.
    QProcessEnvironment environment() const { return cliEnvironment(m_home); }
    void write(const QStringList &lines)
    {
        for (const QString &line : lines)
            m_process.write((line + QLatin1Char('\n')).toUtf8());
        m_written << lines;
    }
    // The lines acknowledged so far (an id, or "pending <client id>"), read as they come.
    int acknowledged()
    {
        m_out += m_process.readAllStandardOutput();
        return int(m_out.count('\n'));
    }
    int pending() { return acknowledged(), int(m_out.count("pending ")); }
    bool finish()
    {
        m_process.closeWriteChannel();
        const bool done = m_process.waitForFinished(CliTimeoutMs);
        acknowledged();
        m_err = m_process.readAllStandardError();
        return done && m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
    }
    void kill()
    {
        m_process.kill(); // SIGKILL: no chance to clear or flush anything
        m_process.waitForFinished();
    }
    const QStringList &written() const { return m_written; }
    QString describe() const { return QString::fromUtf8(m_err); }
    QString outboxPath(const QString &server) const
    {
        // The path the CLI uses, under this writer's XDG_DATA_HOME.
        const QString name = QFileInfo(Outbox::pathFor(*ServerAddress::parse(server))).fileName();
        return m_home.filePath(QStringLiteral("data/CommandPost/commandpost/outbox/") + name);
    }

private:
    QTemporaryDir m_home;
    QProcess m_process;
    QStringList m_written;
    QByteArray m_out;
    QByteArray m_err;
};

} // namespace

class TstOutboxFaults : public QObject
{
    Q_OBJECT

private:
    CliRunner m_cli;
    PgCluster m_cluster;
    QString m_server;
    qint64 m_incident = 0;

    QHash<QString, int> onServer(const QString &prefix) { return ServerFindings::bodies(m_server, m_incident, prefix); }

    static QStringList lines(const QString &stem, int from, int count)
    {
        QStringList list;
        for (int i = from; i < from + count; ++i)
            list << QStringLiteral("%1 n%2").arg(stem).arg(i, 4, 10, QLatin1Char('0'));
        return list;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!m_cli.executable().isEmpty(), "commandpost-cli was not built next to the tests");
        CP_REQUIRE_PG_CLUSTER(m_cluster);
        QString why;
        m_server = m_cluster.createCommandPostDatabase(&why);
        QVERIFY2(!m_server.isEmpty(), qPrintable(why));
        IncidentStore store(SystemClock::instance());
        QVERIFY(store.session().openServer(*ServerAddress::parse(m_server), {}).ok());
        auto incident = store.incidents().create({QStringLiteral("Faults drill")}, QStringLiteral("ana"));
        QVERIFY(incident.ok());
        m_incident = *incident;
    }

    void theServerDiesWhileThreeClientsWrite()
    {
        int totalAcknowledged = 0;
        int totalFound = 0;
        int totalDuplicates = 0;
        int totalPending = 0;
        qint64 slowestDrainMs = 0;
        for (int round = 1; round <= rounds(); ++round) {
            std::vector<std::unique_ptr<Writer>> writers;
            for (int k = 0; k < 3; ++k) {
                writers.push_back(std::make_unique<Writer>(m_cli, m_server, m_incident));
                QVERIFY(writers.back()->started());
            }
            const auto stem = [round](int k) { return QStringLiteral("crash r%1 c%2").arg(round).arg(k); };
            // A stream in flight on every writer when the server dies.
            for (int k = 0; k < 3; ++k)
                writers[k]->write(lines(stem(k), 0, 200));
            for (auto &writer : writers)
                QTRY_VERIFY_WITH_TIMEOUT(writer->acknowledged() >= 5, CliTimeoutMs);
            QString why;
            QVERIFY2(m_cluster.stop(&why), qPrintable(why));

            // Down: the writers go on acknowledging, into their outboxes.
            for (int k = 0; k < 3; ++k)
                writers[k]->write(lines(stem(k), 200, 20));
            for (auto &writer : writers)
                QTRY_COMPARE_WITH_TIMEOUT(writer->acknowledged(), 220, CliTimeoutMs);
            int pending = 0;
            for (auto &writer : writers)
                pending += writer->pending();
            QVERIFY(pending >= 60);

            // Back: more lines, then the end of input; each writer delivers what it kept.
            QVERIFY2(m_cluster.start(&why), qPrintable(why));
            QElapsedTimer drain;
            drain.start();
            for (int k = 0; k < 3; ++k)
                writers[k]->write(lines(stem(k), 220, 10));
            int acknowledged = 0;
            for (auto &writer : writers) {
                QVERIFY2(writer->finish(), qPrintable(writer->describe()));
                acknowledged += writer->acknowledged();
                Outbox outbox;
                QVERIFY(outbox.open(writer->outboxPath(m_server)).ok());
                QCOMPARE(*outbox.waiting(), 0);
            }
            const qint64 drainMs = drain.elapsed();

            const QHash<QString, int> found = onServer(QStringLiteral("crash r%1 ").arg(round));
            int duplicates = 0;
            for (auto &writer : writers) {
                for (const QString &line : writer->written()) {
                    QVERIFY2(found.value(line) >= 1, qPrintable(line + QLatin1String(" is missing")));
                    duplicates += found.value(line) - 1;
                }
            }
            QCOMPARE(acknowledged, 3 * 230);
            QCOMPARE(int(found.size()), acknowledged);
            QCOMPARE(duplicates, 0);
            const QStringList problems = ServerFindings::checkProblems(m_server);
            QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
            qInfo("round %d: acknowledged %d (%d of them kept in an outbox), found %d, duplicates %d, "
                  "restart to drained %lld ms, amcheck and change log clean",
                  round, acknowledged, pending, int(found.size()), duplicates, drainMs);
            totalAcknowledged += acknowledged;
            totalFound += int(found.size());
            totalDuplicates += duplicates;
            totalPending += pending;
            slowestDrainMs = qMax(slowestDrainMs, drainMs);
        }
        qInfo("server crashes: %d rounds, acknowledged %d (kept %d), found %d, duplicates %d, slowest drain %lld ms, "
              "every round's check clean",
              rounds(), totalAcknowledged, totalPending, totalFound, totalDuplicates, slowestDrainMs);
    }

    void aKilledClientSendsItsOutboxOnTheNextStart()
    {
        int totalKept = 0;
        int totalFound = 0;
        int totalDuplicates = 0;
        for (int round = 1; round <= rounds(); ++round) {
            QString why;
            QVERIFY2(m_cluster.stop(&why), qPrintable(why));
            const QString stem = QStringLiteral("kill r%1").arg(round);
            Writer writer(m_cli, m_server, m_incident);
            QVERIFY(writer.started());
            writer.write(lines(stem, 0, 25));
            QTRY_COMPARE_WITH_TIMEOUT(writer.pending(), 25, CliTimeoutMs);
            writer.kill();

            // On disk, private, all 25 in the order written.
            const QString path = writer.outboxPath(m_server);
            QCOMPARE(PrivateFile::modeOf(path), 0600);
            {
                Outbox outbox;
                QVERIFY(outbox.open(path).ok());
                auto kept = outbox.entries();
                QVERIFY(kept.ok());
                QCOMPARE(kept->size(), 25);
                QCOMPARE(kept->first().entry.text, writer.written().first());
                QCOMPARE(kept->last().entry.text, writer.written().last());
            }

            QVERIFY2(m_cluster.start(&why), qPrintable(why));
            // The same laptop (its home, its outbox) logs once more: what it kept goes first.
            QProcess again;
            again.setProcessEnvironment(writer.environment());
            again.start(m_cli.executable(),
                        {QStringLiteral("--server"), m_server, QStringLiteral("log"), QStringLiteral("--incident"),
                         QString::number(m_incident), stem + QStringLiteral(" after the restart")});
            QVERIFY(again.waitForFinished(CliTimeoutMs));
            const QString err = QString::fromUtf8(again.readAllStandardError());
            QCOMPARE(again.exitCode(), 0);
            QVERIFY2(err.contains(QLatin1String("now sent to the server: 25")), qPrintable(err));

            const QHash<QString, int> found = onServer(stem + QLatin1Char(' '));
            int duplicates = 0;
            for (const QString &line : writer.written()) {
                QVERIFY2(found.value(line) >= 1, qPrintable(line + QLatin1String(" is missing")));
                duplicates += found.value(line) - 1;
            }
            QCOMPARE(found.size(), 26);
            QCOMPARE(duplicates, 0);

            // In the order written, each with the time it was captured, before the last one's.
            IncidentStore store(SystemClock::instance());
            QVERIFY(store.session().openServer(*ServerAddress::parse(m_server), {}).ok());
            TimelinePage page{m_incident};
            page.oldestFirst = true;
            page.filter.text = stem;
            page.limit = 100;
            auto entries = store.timeline().entries(page);
            QVERIFY(entries.ok());
            QStringList texts;
            QDateTime previous;
            for (const TimelineEntry &entry : std::as_const(*entries)) {
                texts << entry.text;
                QVERIFY(!previous.isValid() || previous <= entry.capturedAt);
                previous = entry.capturedAt;
                QCOMPARE(entry.occurredAt, entry.capturedAt);
            }
            QCOMPARE(texts, writer.written() + QStringList{stem + QStringLiteral(" after the restart")});
            Outbox outbox;
            QVERIFY(outbox.open(path).ok());
            QCOMPARE(*outbox.waiting(), 0);
            totalKept += 25;
            totalFound += int(found.size()) - 1;
            totalDuplicates += duplicates;
        }
        qInfo("killed clients: %d rounds, kept %d, found %d, duplicates %d", rounds(), totalKept, totalFound,
              totalDuplicates);
    }

    void aResendAfterALostReplyIsLoggedOnce()
    {
        IncidentStore store(SystemClock::instance());
        QVERIFY(store.session().openServer(*ServerAddress::parse(m_server), {}).ok());
        QTemporaryDir folder;
        Outbox outbox;
        QVERIFY(outbox.open(folder.filePath(QStringLiteral("outbox.sqlite"))).ok());
        OutboxSender sender(store.session(), store.timeline(), outbox);

        // The server committed it; the client died before clearing its outbox.
        NewEntry entry{m_incident, EntryKind::Note, QStringLiteral("ana"), QStringLiteral("lost reply")};
        entry.clientId = QStringLiteral("6f1c0c9e-3a52-4b1e-9d1e-000000000001");
        entry.capturedAt = store.session().clock().nowUtc();
        entry.occurredAt = entry.capturedAt;
        auto first = store.timeline().append(entry);
        QVERIFY(first.ok());
        QVERIFY(outbox.add(entry).ok());

        auto report = sender.send();
        QVERIFY(report.ok());
        QCOMPARE(report->sent, 1);
        QCOMPARE(report->waiting, 0);
        QCOMPARE(onServer(QStringLiteral("lost reply")).value(QStringLiteral("lost reply")), 1);
        QCOMPARE(*outbox.waiting(), 0);
        // Sending the same id directly again answers with the same entry.
        QCOMPARE(*store.timeline().append(entry), *first);
    }

    // 'server check' as an admin runs it: clean after everything above, and naming what is broken
    // once the change log is (the test breaks it by hand, as the superuser, and mends it again).
    void theServerCheckNamesABrokenChangeLog()
    {
        const QStringList server{QStringLiteral("--server"), m_server, QStringLiteral("server"),
                                 QStringLiteral("check")};
        CliRun clean = m_cli.run(server);
        QVERIFY2(clean.finished && clean.exitCode == 0, qPrintable(clean.describe()));
        QCOMPARE(clean.outLines().last(), QStringLiteral("ok"));
        QVERIFY2(clean.outLines().contains(QStringLiteral("schema\t7")), qPrintable(clean.describe()));
        QVERIFY2(!clean.outLines().filter(QRegularExpression(QStringLiteral("^indexes\t[1-9]"))).isEmpty(),
                 qPrintable(clean.describe()));

        ServerConnection admin;
        QVERIFY(admin.open(*ServerAddress::parse(m_server)).ok());
        QSqlQuery q(admin.database());
        QVERIFY(q.exec(QStringLiteral("SELECT MIN(id) FROM timeline_entry")) && q.next());
        const qint64 oldest = q.value(0).toLongLong();
        QVERIFY(q.exec(QStringLiteral("SELECT MAX(entry_id) FROM entry_delivery")) && q.next());
        const qint64 newest = q.value(0).toLongLong();
        QVERIFY2(newest > 0, "no entry came through an outbox before this test");
        // The oldest entry logged again as new, after the newest; the newest delivered under a second id.
        QVERIFY(q.exec(QStringLiteral("INSERT INTO change_log (entity, entity_id, incident_id, op) "
                                      "VALUES ('entry', %1, %2, 'insert') RETURNING seq")
                           .arg(oldest)
                           .arg(m_incident)) &&
                q.next());
        const qint64 bogusChange = q.value(0).toLongLong();
        QVERIFY(q.exec(QStringLiteral("INSERT INTO entry_delivery (client_uuid, entry_id) "
                                      "VALUES ('00000000-0000-4000-8000-00000000beef', %1)")
                           .arg(newest)));

        CliRun broken = m_cli.run(server);
        CP_CLI_VERIFY_FAILED(broken, ExitBadDatabase, "corrupt");
        const QStringList problems = broken.outLines().filter(QStringLiteral("problem\t"));
        QVERIFY2(problems.size() == 3, qPrintable(broken.describe()));
        QVERIFY2(problems.filter(QStringLiteral("the change log is out of order")).size() == 1,
                 qPrintable(broken.describe()));
        QVERIFY2(problems.filter(QStringLiteral("entry %1 is logged as new 2 times").arg(oldest)).size() == 1,
                 qPrintable(broken.describe()));
        QVERIFY2(problems.filter(QStringLiteral("entry %1 was delivered under 2 client ids").arg(newest)).size() == 1,
                 qPrintable(broken.describe()));
        QVERIFY(!broken.outLines().contains(QStringLiteral("ok")));

        QVERIFY(q.exec(QStringLiteral("DELETE FROM change_log WHERE seq = %1").arg(bogusChange)));
        QVERIFY(q.exec(QStringLiteral("DELETE FROM entry_delivery WHERE client_uuid = "
                                      "'00000000-0000-4000-8000-00000000beef'")));
        CliRun mended = m_cli.run(server);
        QVERIFY2(mended.finished && mended.exitCode == 0, qPrintable(mended.describe()));

        // An observer may read the change log but not run amcheck: the check says what it left out.
        QVERIFY(q.exec(QStringLiteral("CREATE ROLE fault_observer LOGIN IN ROLE commandpost_observers")));
        QString observer = m_server;
        observer.replace(QStringLiteral("user=cp"), QStringLiteral("user=fault_observer"));
        CliRun partial =
            m_cli.run({QStringLiteral("--server"), observer, QStringLiteral("server"), QStringLiteral("check")});
        CP_CLI_VERIFY_FAILED(partial, 77, "denied");
        QVERIFY2(partial.err.contains("the storage was not checked"), qPrintable(partial.describe()));
        QVERIFY(!partial.outLines().contains(QStringLiteral("ok")));
    }
};

QTEST_GUILESS_MAIN(TstOutboxFaults)
#include "tst_outboxfaults.moc"
