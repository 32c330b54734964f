// Following a database from another process: a read-only follower sees every commit of a writer
// within a second, never writes (the database file's hash and the lock file stay as they were),
// and survives its writer being killed.

#include "clirunner.h"
#include "db/databaselock.h"
#include "db/incidentstore.h"
#include "domain/clock.h"
#include "models/timelinemodel.h"
#include "tempdatabase.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QtTest>

#include <csignal>

using namespace cp;
using namespace cp::test;

namespace {
constexpr int CatchUpMs = 1000; // the promise: a writer's commit shows within a second
}

class TstFollow : public QObject
{
    Q_OBJECT

private:
    CliRunner m_cli;
    QString m_gui;
    QList<qint64> m_latenciesMs;

    QStringList db(const TempDatabase &tmp) const { return {QStringLiteral("--db"), tmp.path()}; }

    // A prepared database with one incident; returns its id.
    qint64 prepare(const TempDatabase &tmp)
    {
        const CliRun init = m_cli.run(db(tmp) << QStringLiteral("init"));
        if (init.exitCode != 0)
            return 0;
        const CliRun made = m_cli.run(db(tmp) << QStringLiteral("incident") << QStringLiteral("new")
                                              << QStringLiteral("--title") << QStringLiteral("Checkout down")
                                              << QStringLiteral("--severity") << QStringLiteral("SEV-2"));
        return made.exitCode == 0 ? made.out.trimmed().toLongLong() : 0;
    }

    CliRun log(const TempDatabase &tmp, qint64 incident, const QString &text) const
    {
        return m_cli.run(db(tmp) << QStringLiteral("log") << QStringLiteral("--incident") << QString::number(incident)
                                 << text);
    }

    // A commandpost process on the offscreen platform with a private data folder.
    std::unique_ptr<QProcess> startGui(const QStringList &arguments) const
    {
        auto process = std::make_unique<QProcess>();
        QProcessEnvironment env = m_cli.environment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        // The store traces each look for outside commits on stderr: what the tests wait for.
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("commandpost.store.debug=true"));
        process->setProcessEnvironment(env);
        process->start(m_gui, arguments);
        return process;
    }

    // Opens the store as `commandpost --follow` does: read-only, polling data_version every 250 ms.
    static StoreError follow(IncidentStore &follower, const TempDatabase &tmp)
    {
        StoreSession::Options options;
        options.mode = StoreSession::OpenMode::ReadOnly;
        options.quickCheck = false;
        const StoreError error = follower.session().open(tmp.path(), options);
        follower.session().setExternalPollInterval(250);
        return error;
    }

    // Waits until the process's stderr has said `text` `times` times (the store's trace).
    static bool waitForTrace(QProcess &process, const QByteArray &text, int times, int timeoutMs = 15000)
    {
        QElapsedTimer timer;
        timer.start();
        QByteArray seen;
        while (timer.elapsed() < timeoutMs) {
            process.waitForReadyRead(100);
            seen += process.readAllStandardError();
            if (seen.count(text) >= times)
                return true;
            if (process.state() == QProcess::NotRunning)
                return false;
        }
        return false;
    }

    static bool waitForLine(QProcess &process, const QByteArray &text, int timeoutMs = 15000)
    {
        QElapsedTimer timer;
        timer.start();
        QByteArray seen;
        while (timer.elapsed() < timeoutMs) {
            process.waitForReadyRead(100);
            seen += process.readAllStandardOutput();
            if (seen.contains(text))
                return true;
            if (process.state() == QProcess::NotRunning)
                return false;
        }
        return false;
    }

    static void stop(QProcess &process)
    {
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(5000);
        }
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_cli.isValid());
        QVERIFY2(!m_cli.executable().isEmpty(), "commandpost-cli was not built beside the tests");
        m_gui = TempDatabase::executable(QStringLiteral("commandpost"));
        QVERIFY2(!m_gui.isEmpty(), "commandpost was not built beside the tests");
    }

    // The follower (a read-only store polling data_version, as `commandpost --follow` runs it)
    // in this process; the writer, the CLI, in others.
    void followerSeesEachCommitWithinASecond()
    {
        TempDatabase tmp;
        const qint64 incident = prepare(tmp);
        QVERIFY(incident > 0);
        IncidentStore follower(SystemClock::instance());
        QVERIFY(follow(follower, tmp).ok());
        TimelineModel model(follower);
        model.setIncident(incident);
        const int start = model.rowCount();
        QSignalSpy changed(&follower.incidents(), &IncidentRepository::incidentChanged);

        for (int i = 1; i <= 5; ++i) {
            CLI_OK(log(tmp, incident, QStringLiteral("Step %1 of the runbook").arg(i)));
            QElapsedTimer seen;
            seen.start();
            QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), start + i, CatchUpMs);
            m_latenciesMs << seen.elapsed();
            QCOMPARE(model.index(0, TimelineModel::TextColumn).data(TimelineModel::TextRole).toString(),
                     QStringLiteral("Step %1 of the runbook").arg(i));
        }
        CLI_OK(m_cli.run(db(tmp) << QStringLiteral("incident") << QStringLiteral("set") << QString::number(incident)
                                 << QStringLiteral("--severity") << QStringLiteral("SEV-1")));
        QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), CatchUpMs);
        QTRY_COMPARE_WITH_TIMEOUT(follower.incidents().incident(incident)->severity, Severity::Sev1, CatchUpMs);
        qInfo("follower caught up after %s ms", qPrintable([this] {
                  QStringList list;
                  for (qint64 ms : std::as_const(m_latenciesMs))
                      list << QString::number(ms);
                  return list.join(QStringLiteral(", "));
              }()));
    }

    // `commandpost --follow` alone on a database: no lock file, and the file's bytes unchanged.
    void followerProcessNeverWrites()
    {
        TempDatabase tmp;
        const qint64 incident = prepare(tmp);
        QVERIFY(incident > 0);
        CLI_OK(log(tmp, incident, QStringLiteral("Before the trainee arrives")));
        const QByteArray before = TempDatabase::fingerprint(tmp.path());
        const QString lockPath = DatabaseLock::lockPathFor(tmp.path());
        QVERIFY(!QFileInfo::exists(lockPath));

        auto follower = startGui(db(tmp) << QStringLiteral("--follow"));
        QVERIFY2(waitForLine(*follower, "following"), follower->readAllStandardError().constData());
        QVERIFY(waitForTrace(*follower, "looked for outside commits", 4));
        QCOMPARE(follower->state(), QProcess::Running);
        stop(*follower);

        QCOMPARE(TempDatabase::fingerprint(tmp.path()), before);
        QVERIFY(!QFileInfo::exists(lockPath));
        // What a follower may leave: SQLite's shared-memory index and an empty write-ahead log.
        for (const QString &file : tmp.files()) {
            QVERIFY2(file == QLatin1String("incidents.sqlite") || file == QLatin1String("incidents.sqlite-wal") ||
                         file == QLatin1String("incidents.sqlite-shm") || file == QLatin1String("data"),
                     qPrintable(file));
        }
        if (QFileInfo::exists(tmp.path() + QStringLiteral("-wal")))
            QCOMPARE(QFileInfo(tmp.path() + QStringLiteral("-wal")).size(), 0);
    }

    // A second window on a database a first window holds: refused where nobody can answer, the
    // shadow view with --when-locked follow; the lock file is the first window's throughout.
    void secondWindowFollowsInsteadOfFailing()
    {
        TempDatabase tmp;
        const qint64 incident = prepare(tmp);
        QVERIFY(incident > 0);
        auto writer = startGui(db(tmp));
        const QString lockPath = DatabaseLock::lockPathFor(tmp.path());
        // QLockFile writes its pid, name and host in one write after creating the file.
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(lockPath).size() > 0, 15000);
        const QByteArray lockBefore = TempDatabase::fingerprint(lockPath);
        const QDateTime lockTime = QFileInfo(lockPath).lastModified();

        auto refused = startGui(db(tmp));
        QVERIFY(refused->waitForFinished(15000));
        QCOMPARE(refused->exitCode(), 2);
        const QByteArray why = refused->readAllStandardError();
        QVERIFY2(why.contains("--follow"), why.constData());

        auto second = startGui(db(tmp) << QStringLiteral("--when-locked") << QStringLiteral("follow"));
        QVERIFY2(waitForLine(*second, "following"), second->readAllStandardError().constData());
        second->readAllStandardError(); // what it traced while opening
        CLI_OK(log(tmp, incident, QStringLiteral("Logged while two windows watch")));
        QVERIFY(waitForTrace(*second, "changes through change", 1));
        QCOMPARE(second->state(), QProcess::Running);
        stop(*second);

        QCOMPARE(TempDatabase::fingerprint(lockPath), lockBefore);
        QCOMPARE(QFileInfo(lockPath).lastModified(), lockTime);
        QCOMPARE(writer->state(), QProcess::Running);
        stop(*writer);

        auto badChoice = startGui(db(tmp) << QStringLiteral("--when-locked") << QStringLiteral("maybe"));
        QVERIFY(badChoice->waitForFinished(15000));
        QCOMPARE(badChoice->exitCode(), 1);
        QVERIFY(badChoice->readAllStandardError().contains("ask, follow or refuse"));
    }

    // The writer dies mid-run (SIGKILL while it streams entries): the follower keeps what was
    // committed, keeps running, and sees the next writer's commits.
    void followerSurvivesTheWriterBeingKilled()
    {
        TempDatabase tmp;
        const qint64 incident = prepare(tmp);
        QVERIFY(incident > 0);
        auto followerProcess = startGui(db(tmp) << QStringLiteral("--follow"));
        QVERIFY(waitForLine(*followerProcess, "following"));

        IncidentStore follower(SystemClock::instance());
        QVERIFY(follow(follower, tmp).ok());
        TimelineModel model(follower);
        model.setIncident(incident);
        const int start = model.rowCount();

        QProcess writer;
        writer.setProcessEnvironment(m_cli.environment());
        writer.start(m_cli.executable(), db(tmp) << QStringLiteral("log") << QStringLiteral("--incident")
                                                 << QString::number(incident) << QStringLiteral("--stdin"));
        QVERIFY(writer.waitForStarted());
        for (int i = 1; i <= 3; ++i)
            writer.write(QStringLiteral("Streamed line %1\n").arg(i).toUtf8());
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), start + 3, 5000);
        ::kill(static_cast<pid_t>(writer.processId()), SIGKILL);
        QVERIFY(writer.waitForFinished(5000));
        QCOMPARE(writer.exitStatus(), QProcess::CrashExit);

        QCOMPARE(model.rowCount(), start + 3);
        CLI_OK(log(tmp, incident, QStringLiteral("After the writer died")));
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), start + 4, CatchUpMs);
        QCOMPARE(followerProcess->state(), QProcess::Running);
        QCOMPARE(m_cli.run(db(tmp) << QStringLiteral("check")).exitCode, 0);
        stop(*followerProcess);
    }
};

QTEST_GUILESS_MAIN(TstFollow)
#include "tst_follow.moc"
