// commandpost-cli's timer commands as processes: start, every, stopwatch, list (remaining and
// overdue computed now), ack, snooze, cancel, defaults; refusals; and a kill -9 of a CLI writer,
// after which a new 'timer list' still shows the right time left, because deadlines are absolute.

#include "db/incidentstore.h"
#include "fakeclock.h"
#include "tempdatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using cp::test::TempDatabase;

namespace {

constexpr int ProcessTimeoutMs = 30000;
constexpr int ExitUsage = 64;
constexpr int ExitNotFound = 66;

struct CliRun
{
    bool finished = false;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
    QString describe() const
    {
        return QStringLiteral("exit %1, stdout: %2, stderr: %3")
            .arg(exitCode)
            .arg(QString::fromUtf8(out.left(600)), QString::fromUtf8(err.left(400)));
    }
};

QJsonObject timerIn(const QJsonObject &list, qint64 id)
{
    for (const QJsonValue &value : list.value(QStringLiteral("timers")).toArray()) {
        if (value.toObject().value(QStringLiteral("id")).toInteger() == id)
            return value.toObject();
    }
    return {};
}

} // namespace

#define CLI_OK(expression)                                                                                             \
    do {                                                                                                               \
        const CliRun &ran_ = (expression);                                                                             \
        QVERIFY2(ran_.finished &&ran_.exitCode == 0 && ran_.err.isEmpty(), qPrintable(ran_.describe()));               \
    } while (false)

class TstCliTimers : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void helpListsTheTimerCommands();
    void startListAckSnoozeCancel();
    void cadenceStopwatchAndDefaults();
    void refusals();
    void deadlinesSurviveAKilledWriter();

private:
    CliRun cli(const QStringList &arguments) const;
    CliRun db(const QStringList &arguments) const
    {
        return cli(QStringList{QStringLiteral("--db"), m_path} + arguments);
    }
    QJsonObject list(bool all = false) const;
    qint64 idFrom(const CliRun &run) const { return run.out.trimmed().toLongLong(); }

    QString m_cli;
    std::unique_ptr<TempDatabase> m_tmp;
    QString m_path;
    QString m_incident;
};

void TstCliTimers::initTestCase()
{
    m_cli = TempDatabase::executable(QStringLiteral("commandpost-cli"));
    QVERIFY2(!m_cli.isEmpty(), "commandpost-cli was not built next to the tests");
}

void TstCliTimers::init()
{
    m_tmp = std::make_unique<TempDatabase>();
    QVERIFY(m_tmp->isValid());
    m_path = m_tmp->path();
    CLI_OK(db({QStringLiteral("init")}));
    const CliRun run = db({QStringLiteral("incident"), QStringLiteral("new"), QStringLiteral("--title"),
                           QStringLiteral("Checkout down"), QStringLiteral("--severity"), QStringLiteral("SEV-1"),
                           QStringLiteral("--template"), QStringLiteral("none")});
    CLI_OK(run);
    m_incident = QString::fromUtf8(run.out.trimmed());
}

CliRun TstCliTimers::cli(const QStringList &arguments) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("COMMANDPOST_AUTHOR"));
    env.insert(QStringLiteral("USER"), QStringLiteral("tester"));
    env.insert(QStringLiteral("TZ"), QStringLiteral("UTC"));
    CliRun run;
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(m_cli, arguments);
    if (!process.waitForStarted(ProcessTimeoutMs))
        return run;
    process.closeWriteChannel();
    run.finished = process.waitForFinished(ProcessTimeoutMs) && process.exitStatus() == QProcess::NormalExit;
    if (!run.finished)
        process.kill();
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

QJsonObject TstCliTimers::list(bool all) const
{
    QStringList args{QStringLiteral("timer"),    QStringLiteral("list"), QStringLiteral("--incident"), m_incident,
                     QStringLiteral("--format"), QStringLiteral("json")};
    if (all)
        args << QStringLiteral("--all");
    const CliRun run = db(args);
    if (!run.finished || run.exitCode != 0)
        qWarning("timer list failed: %s", qPrintable(run.describe()));
    return run.json();
}

void TstCliTimers::helpListsTheTimerCommands()
{
    const CliRun run = cli({QStringLiteral("--help")});
    CLI_OK(run);
    QVERIFY(run.out.contains("timer start --incident ID --in 5m"));
    const CliRun timer = cli({QStringLiteral("timer"), QStringLiteral("--help")});
    CLI_OK(timer);
    QVERIFY(timer.out.contains("snooze ID --by 3m"));
}

void TstCliTimers::startListAckSnoozeCancel()
{
    const CliRun started = db({QStringLiteral("timer"), QStringLiteral("start"), QStringLiteral("--incident"),
                               m_incident, QStringLiteral("--in"), QStringLiteral("5m"), QStringLiteral("--label"),
                               QStringLiteral("check DB SME"), QStringLiteral("--owner"), QStringLiteral("sme")});
    CLI_OK(started);
    const qint64 id = idFrom(started);
    QVERIFY(id > 0);

    QJsonObject timer = timerIn(list(), id);
    QCOMPARE(timer.value(QStringLiteral("kind")).toString(), QStringLiteral("countdown"));
    QCOMPARE(timer.value(QStringLiteral("label")).toString(), QStringLiteral("check DB SME"));
    QCOMPARE(timer.value(QStringLiteral("owner")).toString(), QStringLiteral("sme"));
    QCOMPARE(timer.value(QStringLiteral("phase")).toString(), QStringLiteral("running"));
    const qint64 remaining = timer.value(QStringLiteral("remaining_ms")).toInteger();
    QVERIFY2(remaining > 280000 && remaining <= 300000, qPrintable(QString::number(remaining)));
    QCOMPARE(timer.value(QStringLiteral("overdue_ms")).toInteger(), qint64(0));

    // Text: id, kind, phase, remaining, owner, label.
    const CliRun text = db({QStringLiteral("timer"), QStringLiteral("list"), QStringLiteral("--incident"), m_incident});
    CLI_OK(text);
    const QStringList fields = QString::fromUtf8(text.out.trimmed()).split(QLatin1Char('\t'));
    QCOMPARE(fields.size(), 6);
    QCOMPARE(fields.at(0), QString::number(id));
    QCOMPARE(fields.at(2), QStringLiteral("running"));
    QVERIFY(fields.at(3).startsWith(QStringLiteral("4:")) || fields.at(3) == QStringLiteral("5:00"));
    QCOMPARE(fields.at(5), QStringLiteral("check DB SME"));

    CLI_OK(db({QStringLiteral("timer"), QStringLiteral("snooze"), QString::number(id), QStringLiteral("--by"),
               QStringLiteral("3m")}));
    timer = timerIn(list(), id);
    const qint64 snoozed = timer.value(QStringLiteral("remaining_ms")).toInteger();
    QVERIFY2(snoozed > 170000 && snoozed <= 180000, qPrintable(QString::number(snoozed)));

    CLI_OK(db({QStringLiteral("timer"), QStringLiteral("ack"), QString::number(id)}));
    QVERIFY(timerIn(list(), id).isEmpty()); // done: only --all shows it
    QCOMPARE(timerIn(list(true), id).value(QStringLiteral("state")).toString(), QStringLiteral("acknowledged"));

    const CliRun second = db({QStringLiteral("timer"), QStringLiteral("start"), QStringLiteral("--incident"),
                              m_incident, QStringLiteral("--in"), QStringLiteral("90s"), QStringLiteral("--label"),
                              QStringLiteral("rollback decision")});
    CLI_OK(second);
    CLI_OK(db({QStringLiteral("timer"), QStringLiteral("cancel"), QString::number(idFrom(second))}));
    QCOMPARE(timerIn(list(true), idFrom(second)).value(QStringLiteral("state")).toString(),
             QStringLiteral("cancelled"));

    // Every change is on the timeline.
    const CliRun timeline = db({QStringLiteral("timeline"), QStringLiteral("--incident"), m_incident,
                                QStringLiteral("--format"), QStringLiteral("json")});
    CLI_OK(timeline);
    QVERIFY(timeline.out.contains("check DB SME"));
    QVERIFY(timeline.out.contains("rollback decision"));
}

void TstCliTimers::cadenceStopwatchAndDefaults()
{
    const CliRun every = db({QStringLiteral("timer"), QStringLiteral("every"), QStringLiteral("--incident"), m_incident,
                             QStringLiteral("--period"), QStringLiteral("20m"), QStringLiteral("--label"),
                             QStringLiteral("status update"), QStringLiteral("--owner"), QStringLiteral("comms")});
    CLI_OK(every);
    const CliRun watch = db({QStringLiteral("timer"), QStringLiteral("stopwatch"), QStringLiteral("--incident"),
                             m_incident, QStringLiteral("--label"), QStringLiteral("since declared"),
                             QStringLiteral("--since"), QStringLiteral("declared")});
    CLI_OK(watch);
    const QJsonObject timers = list();
    QCOMPARE(timerIn(timers, idFrom(every)).value(QStringLiteral("kind")).toString(), QStringLiteral("cadence"));
    const QJsonObject stopwatch = timerIn(timers, idFrom(watch));
    QCOMPARE(stopwatch.value(QStringLiteral("kind")).toString(), QStringLiteral("stopwatch"));
    QVERIFY(stopwatch.value(QStringLiteral("elapsed_ms")).toInteger() >= 0);
    QVERIFY(stopwatch.value(QStringLiteral("remaining_ms")).isNull());

    const CliRun defaults =
        db({QStringLiteral("timer"), QStringLiteral("defaults"), QStringLiteral("--incident"), m_incident});
    CLI_OK(defaults);
    const int started = int(QString::fromUtf8(defaults.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts).size());
    QVERIFY2(started >= 4, qPrintable(defaults.describe())); // SEV-1: several cadences
    QCOMPARE(int(list().value(QStringLiteral("timers")).toArray().size()), 2 + started);
    // Not twice.
    const CliRun again =
        db({QStringLiteral("timer"), QStringLiteral("defaults"), QStringLiteral("--incident"), m_incident});
    CLI_OK(again);
    QVERIFY(again.out.trimmed().isEmpty());
}

void TstCliTimers::refusals()
{
    auto fails = [this](const QStringList &args, int code) {
        const CliRun run = db(QStringList{QStringLiteral("timer")} + args);
        if (!run.finished || run.exitCode != code || !run.out.isEmpty() || run.err.count('\n') != 1) {
            qWarning("%s", qPrintable(run.describe()));
            return false;
        }
        return true;
    };
    QVERIFY(fails({QStringLiteral("start"), QStringLiteral("--incident"), m_incident, QStringLiteral("--in"),
                   QStringLiteral("soon"), QStringLiteral("--label"), QStringLiteral("x")},
                  ExitUsage));
    QVERIFY(fails({QStringLiteral("start"), QStringLiteral("--incident"), m_incident, QStringLiteral("--in"),
                   QStringLiteral("5m")},
                  ExitUsage));
    QVERIFY(fails({QStringLiteral("snooze"), QStringLiteral("1"), QStringLiteral("--by"), QStringLiteral("90s")},
                  ExitUsage));
    QVERIFY(fails({QStringLiteral("ack"), QStringLiteral("999")}, ExitNotFound));
    QVERIFY(fails({QStringLiteral("list"), QStringLiteral("--incident"), QStringLiteral("999")}, ExitNotFound));
    QVERIFY(fails({QStringLiteral("frobnicate")}, ExitUsage));
    QVERIFY(list(true).value(QStringLiteral("timers")).toArray().isEmpty());
}

void TstCliTimers::deadlinesSurviveAKilledWriter()
{
    // A countdown started 7 minutes ago for 5 minutes (by a program whose clock said so): its
    // deadline passed 2 minutes ago, whatever ran or did not run since.
    qint64 overdueId = 0;
    {
        cp::test::FakeClock past(QDateTime::currentDateTimeUtc().addSecs(-7 * 60));
        cp::IncidentStore store(past);
        QVERIFY(store.session().open(m_path).ok());
        auto id = store.timers().startCountdown(m_incident.toLongLong(), QStringLiteral("call the vendor"),
                                                5 * 60 * 1000, {}, QStringLiteral("tester"));
        QVERIFY(id.ok());
        overdueId = *id;
    }
    const CliRun started =
        db({QStringLiteral("timer"), QStringLiteral("start"), QStringLiteral("--incident"), m_incident,
            QStringLiteral("--in"), QStringLiteral("10m"), QStringLiteral("--label"), QStringLiteral("check DB SME")});
    CLI_OK(started);
    const qint64 id = idFrom(started);
    const QDateTime startedAt = QDateTime::currentDateTimeUtc();

    // A writer is killed with SIGKILL in the middle of its work.
    QProcess writer;
    writer.start(m_cli, {QStringLiteral("--db"), m_path, QStringLiteral("log"), QStringLiteral("--incident"),
                         m_incident, QStringLiteral("--stdin")});
    QVERIFY(writer.waitForStarted(ProcessTimeoutMs));
    writer.write("first\n");
    QVERIFY(writer.waitForReadyRead(ProcessTimeoutMs));
    writer.write("second\nthird\n");
    writer.kill(); // SIGKILL
    QVERIFY(writer.waitForFinished(ProcessTimeoutMs));
    QCOMPARE(writer.exitStatus(), QProcess::CrashExit);

    const QJsonObject after = list();
    const QDateTime now = QDateTime::fromString(after.value(QStringLiteral("now")).toString(), Qt::ISODateWithMs);
    QVERIFY(now.isValid());
    const QJsonObject timer = timerIn(after, id);
    QCOMPARE(timer.value(QStringLiteral("phase")).toString(), QStringLiteral("running"));
    const QDateTime deadline =
        QDateTime::fromString(timer.value(QStringLiteral("deadline")).toString(), Qt::ISODateWithMs);
    QCOMPARE(timer.value(QStringLiteral("remaining_ms")).toInteger(), now.msecsTo(deadline));
    const qint64 expected = 10 * 60 * 1000 - startedAt.msecsTo(now);
    QVERIFY2(
        qAbs(timer.value(QStringLiteral("remaining_ms")).toInteger() - expected) < 5000,
        qPrintable(
            QStringLiteral("%1 vs %2").arg(timer.value(QStringLiteral("remaining_ms")).toInteger()).arg(expected)));

    const QJsonObject overdue = timerIn(after, overdueId);
    QCOMPARE(overdue.value(QStringLiteral("phase")).toString(), QStringLiteral("expired"));
    const qint64 overdueMs = overdue.value(QStringLiteral("overdue_ms")).toInteger();
    QVERIFY2(overdueMs >= 120000 && overdueMs < 130000, qPrintable(QString::number(overdueMs)));
    QVERIFY(overdue.value(QStringLiteral("remaining")).toString().startsWith(QStringLiteral("+2:")));
}

QTEST_GUILESS_MAIN(TstCliTimers)
#include "tst_clitimers.moc"
