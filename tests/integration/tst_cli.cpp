// commandpost-cli as a process: its help, init, incidents and the log, their output formats and
// exit codes. Its refusals are in tst_clirefusals.

#include "clirunner.h"
#include "db/incidentstore.h"
#include "domain/appidentity.h"
#include "fakeclock.h"
#include "tempdatabase.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace cp::test; // CliRun, TempDatabase, the exit codes

class TstCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void helpListsCommandsAndExitCodes();
    void commandHelpGoesToStdout();
    void versionIsPrinted();

    void initCreatesTheDatabaseAndPrintsItsPath();
    void initWithoutDbUsesTheGuiDefaultPath();
    void otherCommandsNeverCreateTheDatabase();

    void incidentNewPrintsOnlyTheId();
    void incidentListText();
    void incidentListJson();
    void incidentShowTextAndJson();
    void incidentSetChangesAppearOnTheTimeline();

    void logPrintsTheIdOfTheSavedEntry();
    void logBackfillsWithAt_data();
    void logBackfillsWithAt();
    void logFromStdinLogsEachLine();
    void authorDefaults_data();
    void authorDefaults();
    void timelineCsvQuotesText();

private:
    CliRun cli(const QStringList &arguments, const QByteArray &input = QByteArray(),
               const QProcessEnvironment &environment = QProcessEnvironment()) const
    {
        return m_runner.run(arguments, input, environment);
    }
    QProcessEnvironment baseEnvironment() const { return m_runner.environment(); }

    CliRunner m_runner; // its XDG_DATA_HOME for every run: the user's real default database is never touched
    QString m_cli;
};

void TstCli::initTestCase()
{
    m_cli = m_runner.executable();
    QVERIFY2(!m_cli.isEmpty(), "commandpost-cli was not built next to the tests");
    QVERIFY(m_runner.isValid());
}

void TstCli::helpListsCommandsAndExitCodes()
{
    const CliRun run = cli({QStringLiteral("--help")});
    CLI_OK(run);
    const QString help = QString::fromUtf8(run.out);
    for (const char *word : {"init", "incident new", "incident list", "incident show", "incident set", "log --incident",
                             "--stdin", "timeline", "check", "--db", "--busy-timeout", "COMMANDPOST_AUTHOR"})
        QVERIFY2(help.contains(QLatin1String(word)), word);
    for (int code : {0, ExitUsage, ExitDataError, ExitNotFound, ExitBusy, 70, 73, ExitIo, 75, ExitBadDatabase})
        QVERIFY2(help.contains(QStringLiteral("\n  %1 ").arg(code)), qPrintable(QString::number(code)));
    // "help" as a command says the same.
    const CliRun helpCommand = cli({QStringLiteral("help")});
    CLI_OK(helpCommand);
    QCOMPARE(helpCommand.out, run.out);
}

void TstCli::commandHelpGoesToStdout()
{
    const CliRun run = cli({QStringLiteral("log"), QStringLiteral("--help")});
    CLI_OK(run);
    QVERIFY(run.out.startsWith("Usage: commandpost-cli log --incident ID"));
    QVERIFY(run.out.contains("--at"));
    QVERIFY(run.out.contains("--stdin"));
    const CliRun viaHelp = cli({QStringLiteral("help"), QStringLiteral("log")});
    CLI_OK(viaHelp);
    QCOMPARE(viaHelp.out, run.out);
    const CliRun incidentNew = cli({QStringLiteral("incident"), QStringLiteral("new"), QStringLiteral("-h")});
    CLI_OK(incidentNew);
    QVERIFY(incidentNew.out.startsWith("Usage: commandpost-cli incident new"));
}

void TstCli::versionIsPrinted()
{
    const CliRun run = cli({QStringLiteral("--version")});
    CLI_OK(run);
    QCOMPARE(run.out, QByteArray("commandpost-cli " CP_VERSION "\n"));
}

void TstCli::initCreatesTheDatabaseAndPrintsItsPath()
{
    TempDatabase tmp;
    const QString path = tmp.path(QStringLiteral("sub/dir/incidents.sqlite"));
    const CliRun run = cli({QStringLiteral("--db"), path, QStringLiteral("init")});
    CLI_OK(run);
    QCOMPARE(run.out, (QFileInfo(path).absoluteFilePath() + QLatin1Char('\n')).toUtf8());
    QVERIFY(QFileInfo(path).isFile());

    // It is ours: the store opens it read-only at the latest schema.
    {
        cp::test::FakeClock clock;
        cp::IncidentStore store(clock);
        cp::StoreSession::Options options;
        options.mode = cp::StoreSession::OpenMode::ReadOnly;
        QVERIFY(store.session().open(path, options).ok());
        auto stats = store.session().stats();
        QVERIFY(stats.ok());
        QCOMPARE(stats->incidents, 0);
    }

    // A second init is harmless and says the same.
    const CliRun again = cli({QStringLiteral("init"), QStringLiteral("--db"), path});
    CLI_OK(again);
    QCOMPARE(again.out, run.out);
}

void TstCli::initWithoutDbUsesTheGuiDefaultPath()
{
    QTemporaryDir xdg;
    QVERIFY(xdg.isValid());
    QProcessEnvironment env = baseEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), xdg.path());
    const CliRun run = cli({QStringLiteral("init")}, QByteArray(), env);
    CLI_OK(run);

    // The GUI computes its default the same way: application identity, then the store's default path.
    const QByteArray previous = qgetenv("XDG_DATA_HOME");
    qputenv("XDG_DATA_HOME", QFile::encodeName(xdg.path()));
    cp::applyAppIdentity();
    const QString expected = cp::StoreSession::defaultPath();
    qputenv("XDG_DATA_HOME", previous);
    QVERIFY(expected.startsWith(xdg.path()));
    QCOMPARE(QString::fromUtf8(run.out), expected + QLatin1Char('\n'));
    QVERIFY(QFileInfo(expected).isFile());

    // --help names the default too.
    const CliRun help = cli({QStringLiteral("--help")}, QByteArray(), env);
    CLI_OK(help);
    QVERIFY(QString::fromUtf8(help.out).contains(expected));
}

void TstCli::otherCommandsNeverCreateTheDatabase()
{
    TempDatabase tmp;
    const QString path = tmp.path();
    const QList<QStringList> commands{
        {QStringLiteral("incident"), QStringLiteral("list")},
        {QStringLiteral("incident"), QStringLiteral("new"), QStringLiteral("--title"), QStringLiteral("x"),
         QStringLiteral("--severity"), QStringLiteral("SEV-1")},
        {QStringLiteral("log"), QStringLiteral("--incident"), QStringLiteral("1"), QStringLiteral("hello")},
        {QStringLiteral("timeline"), QStringLiteral("--incident"), QStringLiteral("1")},
        {QStringLiteral("check")},
    };
    for (const QStringList &command : commands) {
        const CliRun run = cli(QStringList{QStringLiteral("--db"), path} + command);
        CLI_FAILS(run, ExitNotFound, "file-missing");
        QVERIFY(run.out.isEmpty());
        QVERIFY(run.err.contains("init"));
        QVERIFY2(tmp.files().isEmpty(), qPrintable(tmp.files().join(QLatin1Char(' '))));
    }
}

void TstCli::incidentNewPrintsOnlyTheId()
{
    TempDatabase tmp;
    const QString path = tmp.path();
    CLI_OK(cli({QStringLiteral("--db"), path, QStringLiteral("init")}));
    const CliRun first =
        cli({QStringLiteral("--db"), path, QStringLiteral("incident"), QStringLiteral("new"), QStringLiteral("--title"),
             QStringLiteral("Checkout down"), QStringLiteral("--severity"), QStringLiteral("SEV-1"),
             QStringLiteral("--kind"), QStringLiteral("business"), QStringLiteral("--summary"),
             QStringLiteral("Card payments fail"), QStringLiteral("--author"), QStringLiteral("ana")});
    CLI_OK(first);
    QVERIFY2(QRegularExpression(QStringLiteral("^[1-9][0-9]*\n$")).match(QString::fromUtf8(first.out)).hasMatch(),
             first.out.constData());
    const qint64 id = first.out.trimmed().toLongLong();
    const CliRun second = cli({QStringLiteral("--db"), path, QStringLiteral("incident"), QStringLiteral("new"),
                               QStringLiteral("--title"), QStringLiteral("Press enquiry"), QStringLiteral("--severity"),
                               QStringLiteral("3"), QStringLiteral("--kind"), QStringLiteral("pr")});
    CLI_OK(second);
    QVERIFY(second.out.trimmed().toLongLong() > id);

    const QJsonObject timeline = m_runner.timelineJson(path, id);
    const QJsonObject incident = timeline.value(QStringLiteral("incident")).toObject();
    QCOMPARE(incident.value(QStringLiteral("title")).toString(), QStringLiteral("Checkout down"));
    QCOMPARE(incident.value(QStringLiteral("severity")).toString(), QStringLiteral("SEV-1"));
    QCOMPARE(incident.value(QStringLiteral("kind")).toString(), QStringLiteral("business"));
    QCOMPARE(incident.value(QStringLiteral("summary")).toString(), QStringLiteral("Card payments fail"));
    QCOMPARE(incident.value(QStringLiteral("status")).toString(), QStringLiteral("investigating"));
    const QJsonArray entries = timeline.value(QStringLiteral("entries")).toArray();
    QCOMPARE(entries.size(), 2); // the declaration, then the default role structure of a business incident
    QCOMPARE(entries.at(0).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("system"));
    QCOMPARE(entries.at(0).toObject().value(QStringLiteral("author")).toString(), QStringLiteral("ana"));
    QCOMPARE(entries.at(1).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("role"));
    QCOMPARE(entries.at(1).toObject().value(QStringLiteral("author")).toString(), QStringLiteral("ana"));
    QVERIFY2(entries.at(1).toObject().value(QStringLiteral("text")).toString().contains(QStringLiteral("Business")),
             qPrintable(entries.at(1).toObject().value(QStringLiteral("text")).toString()));
}

void TstCli::incidentListText()
{
    TempDatabase tmp;
    const QString path = tmp.path();
    const qint64 older = m_runner.databaseWithIncident(path, QStringLiteral("Old\tand\nmultiline"));
    QVERIFY(older > 0);
    const CliRun newer = cli({QStringLiteral("--db"), path, QStringLiteral("incident"), QStringLiteral("new"),
                              QStringLiteral("--title"), QStringLiteral("Newer"), QStringLiteral("--severity"),
                              QStringLiteral("SEV-4"), QStringLiteral("--kind"), QStringLiteral("security")});
    CLI_OK(newer);
    const qint64 newerId = newer.out.trimmed().toLongLong();
    const CliRun resolvedRun =
        cli({QStringLiteral("--db"), path, QStringLiteral("incident"), QStringLiteral("new"), QStringLiteral("--title"),
             QStringLiteral("Done"), QStringLiteral("--severity"), QStringLiteral("SEV-5")});
    CLI_OK(resolvedRun);
    const qint64 resolvedId = resolvedRun.out.trimmed().toLongLong();
    CLI_OK(cli({QStringLiteral("--db"), path, QStringLiteral("incident"), QStringLiteral("resolve"),
                QString::number(resolvedId), QStringLiteral("--ack"), QStringLiteral("a test")}));

    const CliRun run = cli({QStringLiteral("--db"), path, QStringLiteral("incident"), QStringLiteral("list")});
    CLI_OK(run);
    const QStringList lines = run.outLines();
    QCOMPARE(lines.size(), 3);
    QList<QStringList> rows;
    for (const QString &line : lines) {
        rows << line.split(QLatin1Char('\t'));
        QCOMPARE(rows.constLast().size(), 6);
        const QDateTime declared = QDateTime::fromString(rows.constLast().at(4), Qt::ISODateWithMs);
        QVERIFY(declared.isValid());
        QVERIFY(rows.constLast().at(4).endsWith(QLatin1Char('Z')));
        QVERIFY(qAbs(declared.secsTo(QDateTime::currentDateTimeUtc())) < 600);
    }
    // Open ones first, newest first; resolved last.
    QCOMPARE(rows.at(0),
             (QStringList{QString::number(newerId), QStringLiteral("SEV-4"), QStringLiteral("investigating"),
                          QStringLiteral("security"), rows.at(0).at(4), QStringLiteral("Newer")}));
    QCOMPARE(rows.at(1).at(0), QString::number(older));
    QCOMPARE(rows.at(1).at(5), QStringLiteral("Old and multiline")); // one record per line
    QCOMPARE(rows.at(2).at(0), QString::number(resolvedId));
    QCOMPARE(rows.at(2).at(2), QStringLiteral("resolved"));

    // An empty database lists nothing, successfully.
    TempDatabase empty;
    CLI_OK(cli({QStringLiteral("--db"), empty.path(), QStringLiteral("init")}));
    const CliRun none = cli({QStringLiteral("--db"), empty.path(), QStringLiteral("incident"), QStringLiteral("list")});
    CLI_OK(none);
    QVERIFY(none.out.isEmpty());
}

void TstCli::incidentListJson()
{
    TempDatabase tmp;
    const QString path = tmp.path();
    const qint64 id = m_runner.databaseWithIncident(path);
    QVERIFY(id > 0);
    const CliRun run = cli({QStringLiteral("--db"), path, QStringLiteral("incident"), QStringLiteral("list"),
                            QStringLiteral("--format"), QStringLiteral("json")});
    CLI_OK(run);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(run.out, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(doc.isArray());
    QCOMPARE(doc.array().size(), 1);
    const QJsonObject incident = doc.array().at(0).toObject();
    QCOMPARE(incident.value(QStringLiteral("id")).toInteger(), id);
    QCOMPARE(incident.value(QStringLiteral("severity")).toString(), QStringLiteral("SEV-2"));
    QVERIFY(incident.value(QStringLiteral("resolved_at")).isNull());
    // The same object as the timeline export's.
    QCOMPARE(incident, m_runner.timelineJson(path, id).value(QStringLiteral("incident")).toObject());
}

void TstCli::incidentShowTextAndJson()
{
    TempDatabase tmp;
    const QString path = tmp.path();
    const qint64 id = m_runner.databaseWithIncident(path);
    QVERIFY(id > 0);
    CLI_OK(cli({QStringLiteral("--db"), path, QStringLiteral("incident"), QStringLiteral("set"), QString::number(id),
                QStringLiteral("--summary"), QStringLiteral("Line one\nline two")}));

    const CliRun text =
        cli({QStringLiteral("--db"), path, QStringLiteral("incident"), QStringLiteral("show"), QString::number(id)});
    CLI_OK(text);
    QHash<QString, QString> fields;
    QStringList names;
    for (const QString &line : text.outLines()) {
        const qsizetype tab = line.indexOf(QLatin1Char('\t'));
        QVERIFY2(tab > 0, qPrintable(line));
        names << line.left(tab);
        fields.insert(line.left(tab), line.mid(tab + 1));
    }
    QCOMPARE(names, (QStringList{QStringLiteral("id"), QStringLiteral("title"), QStringLiteral("severity"),
                                 QStringLiteral("status"), QStringLiteral("kind"), QStringLiteral("declared"),
                                 QStringLiteral("resolved"), QStringLiteral("summary")}));
    QCOMPARE(fields.value(QStringLiteral("id")), QString::number(id));
    QCOMPARE(fields.value(QStringLiteral("title")), QStringLiteral("Checkout down"));
    QCOMPARE(fields.value(QStringLiteral("severity")), QStringLiteral("SEV-2"));
    QCOMPARE(fields.value(QStringLiteral("resolved")), QString());
    QCOMPARE(fields.value(QStringLiteral("summary")), QStringLiteral("Line one line two"));

    const CliRun json = cli({QStringLiteral("--db"), path, QStringLiteral("incident"), QStringLiteral("show"),
                             QString::number(id), QStringLiteral("--format"), QStringLiteral("json")});
    CLI_OK(json);
    const QJsonObject object = QJsonDocument::fromJson(json.out).object();
    QCOMPARE(object.value(QStringLiteral("summary")).toString(), QStringLiteral("Line one\nline two"));
    QCOMPARE(object.value(QStringLiteral("declared_at")).toString(), fields.value(QStringLiteral("declared")));
    QCOMPARE(object, m_runner.timelineJson(path, id).value(QStringLiteral("incident")).toObject());
}

void TstCli::incidentSetChangesAppearOnTheTimeline()
{
    TempDatabase tmp;
    const QString path = tmp.path();
    const qint64 id = m_runner.databaseWithIncident(path);
    QVERIFY(id > 0);
    const CliRun set = cli({QStringLiteral("--db"), path, QStringLiteral("incident"), QStringLiteral("set"),
                            QString::number(id), QStringLiteral("--severity"), QStringLiteral("SEV-1"),
                            QStringLiteral("--status"), QStringLiteral("identified"), QStringLiteral("--title"),
                            QStringLiteral("Checkout fully down"), QStringLiteral("--author"), QStringLiteral("bo")});
    CLI_OK(set);
    QVERIFY(set.out.isEmpty());

    const QJsonObject timeline = m_runner.timelineJson(path, id);
    const QJsonObject incident = timeline.value(QStringLiteral("incident")).toObject();
    QCOMPARE(incident.value(QStringLiteral("severity")).toString(), QStringLiteral("SEV-1"));
    QCOMPARE(incident.value(QStringLiteral("status")).toString(), QStringLiteral("identified"));
    QCOMPARE(incident.value(QStringLiteral("title")).toString(), QStringLiteral("Checkout fully down"));
    QStringList systemTexts;
    for (const QJsonValue &value : timeline.value(QStringLiteral("entries")).toArray()) {
        const QJsonObject entry = value.toObject();
        if (entry.value(QStringLiteral("kind")).toString() == QLatin1String("system") &&
            entry.value(QStringLiteral("author")).toString() == QLatin1String("bo"))
            systemTexts << entry.value(QStringLiteral("text")).toString();
    }
    QCOMPARE(systemTexts.size(), 3);
    QVERIFY2(systemTexts.at(0).contains(QStringLiteral("Checkout fully down")), qPrintable(systemTexts.join(u'|')));
    QVERIFY2(systemTexts.at(1).contains(QStringLiteral("SEV-2")) && systemTexts.at(1).contains(QStringLiteral("SEV-1")),
             qPrintable(systemTexts.at(1)));
    QVERIFY2(systemTexts.at(2).contains(QStringLiteral("Identified")), qPrintable(systemTexts.at(2)));

    // Resolving goes through the checklist: refused while the postmortem has no owner, and then
    // nothing is written.
    const QStringList incidentCli{QStringLiteral("--db"), path, QStringLiteral("incident")};
    const CliRun refused = cli(incidentCli + QStringList{QStringLiteral("set"), QString::number(id),
                                                         QStringLiteral("--status"), QStringLiteral("resolved")});
    CLI_FAILS_SILENTLY(refused, ExitDataError, "invalid");
    QVERIFY2(refused.err.contains("postmortem"), refused.err.constData());
    QCOMPARE(m_runner.timelineJson(path, id), timeline);
    const CliRun check =
        cli(incidentCli + QStringList{QStringLiteral("resolve"), QString::number(id), QStringLiteral("--check")});
    CLI_OK(check);
    QCOMPARE(check.outLines(), QStringList{QStringLiteral("postmortem\tNobody owns the postmortem yet")});
    const CliRun bare = cli(incidentCli + QStringList{QStringLiteral("resolve"), QString::number(id)});
    CLI_FAILS(bare, ExitDataError, "invalid");
    QCOMPARE(bare.outLines(), check.outLines());
    QCOMPARE(m_runner.timelineJson(path, id), timeline);
    QCOMPARE(cli(incidentCli + QStringList{QStringLiteral("resolve"), QString::number(id), QStringLiteral("--ack-item"),
                                           QStringLiteral("action:7=gone")})
                 .exitCode,
             ExitDataError);

    // Acknowledged with a reason: resolved, the reason on the timeline; again: nothing more.
    CLI_OK(cli(incidentCli + QStringList{QStringLiteral("resolve"), QString::number(id), QStringLiteral("--ack-item"),
                                         QStringLiteral("postmortem=named at the review"), QStringLiteral("--author"),
                                         QStringLiteral("bo")}));
    CLI_OK(cli(incidentCli + QStringList{QStringLiteral("set"), QString::number(id), QStringLiteral("--status"),
                                         QStringLiteral("resolved")}));
    const QJsonObject after = m_runner.timelineJson(path, id);
    QVERIFY(!after.value(QStringLiteral("incident")).toObject().value(QStringLiteral("resolved_at")).isNull());
    const QJsonArray entries = after.value(QStringLiteral("entries")).toArray();
    QCOMPARE(entries.size(), timeline.value(QStringLiteral("entries")).toArray().size() + 2);
    QString ackText;
    for (const QJsonValue &value : entries) {
        if (value.toObject().value(QStringLiteral("text")).toString().contains(QStringLiteral("named at the review")))
            ackText = value.toObject().value(QStringLiteral("author")).toString();
    }
    QCOMPARE(ackText, QStringLiteral("bo"));

    // The record is closed: a late entry is refused; reopening takes a reason.
    const CliRun late = cli({QStringLiteral("--db"), path, QStringLiteral("log"), QStringLiteral("--incident"),
                             QString::number(id), QStringLiteral("one more thing")});
    CLI_FAILS_SILENTLY(late, ExitDataError, "invalid");
    QVERIFY2(late.err.contains("is resolved"), late.err.constData());
    QCOMPARE(cli(incidentCli + QStringList{QStringLiteral("reopen"), QString::number(id)}).exitCode, ExitUsage);
    CLI_OK(cli(incidentCli + QStringList{QStringLiteral("reopen"), QString::number(id), QStringLiteral("--reason"),
                                         QStringLiteral("errors are back"), QStringLiteral("--status"),
                                         QStringLiteral("monitoring")}));
    const QJsonObject reopened = m_runner.timelineJson(path, id);
    QCOMPARE(reopened.value(QStringLiteral("incident")).toObject().value(QStringLiteral("status")).toString(),
             QStringLiteral("monitoring"));
}

void TstCli::logPrintsTheIdOfTheSavedEntry()
{
    TempDatabase tmp;
    const QString path = tmp.path();
    const qint64 id = m_runner.databaseWithIncident(path);
    QVERIFY(id > 0);
    const CliRun run = cli(
        {QStringLiteral("--db"), path, QStringLiteral("log"), QStringLiteral("--incident"), QString::number(id),
         QStringLiteral("--kind"), QStringLiteral("decision"), QStringLiteral("--key"), QStringLiteral("--tag"),
         QStringLiteral("deploy"), QStringLiteral("--tag"), QStringLiteral("db"), QStringLiteral("--author"),
         QStringLiteral("ana"), QStringLiteral("Roll"), QStringLiteral("back"), QStringLiteral("to v41 — ünïcode")});
    CLI_OK(run);
    QVERIFY2(QRegularExpression(QStringLiteral("^[1-9][0-9]*\n$")).match(QString::fromUtf8(run.out)).hasMatch(),
             run.out.constData());
    const qint64 entryId = run.out.trimmed().toLongLong();

    const QJsonArray entries = m_runner.timelineJson(path, id).value(QStringLiteral("entries")).toArray();
    QJsonObject entry;
    for (const QJsonValue &value : entries) {
        if (value.toObject().value(QStringLiteral("id")).toInteger() == entryId)
            entry = value.toObject();
    }
    QVERIFY2(!entry.isEmpty(), "the acknowledged entry is not on the timeline");
    QCOMPARE(entry.value(QStringLiteral("text")).toString(), QStringLiteral("Roll back to v41 — ünïcode"));
    QCOMPARE(entry.value(QStringLiteral("kind")).toString(), QStringLiteral("decision"));
    QCOMPARE(entry.value(QStringLiteral("author")).toString(), QStringLiteral("ana"));
    QCOMPARE(entry.value(QStringLiteral("key_event")).toBool(), true);
    QCOMPARE(entry.value(QStringLiteral("tags")).toArray(),
             QJsonArray::fromStringList({QStringLiteral("deploy"), QStringLiteral("db")}));
    QCOMPARE(entry.value(QStringLiteral("occurred_at")).toString(),
             entry.value(QStringLiteral("captured_at")).toString());

    // The text format has it too: time, kind, author, text.
    const CliRun text = cli(
        {QStringLiteral("--db"), path, QStringLiteral("timeline"), QStringLiteral("--incident"), QString::number(id)});
    CLI_OK(text);
    QCOMPARE(text.outLines().size(), 2);
    const QStringList columns = text.outLines().constLast().split(QLatin1Char('\t'));
    QCOMPARE(columns.mid(1), (QStringList{QStringLiteral("decision"), QStringLiteral("ana"),
                                          QStringLiteral("Roll back to v41 — ünïcode")}));
}

void TstCli::logBackfillsWithAt_data()
{
    QTest::addColumn<QString>("at");
    QTest::addColumn<QString>("timeZone");
    QTest::addColumn<QString>("storedUtc");
    QTest::newRow("Z") << QStringLiteral("2026-01-02T03:04:05Z") << QStringLiteral("UTC")
                       << QStringLiteral("2026-01-02T03:04:05.000Z");
    QTest::newRow("offset") << QStringLiteral("2026-01-02T05:04:05+02:00") << QStringLiteral("UTC")
                            << QStringLiteral("2026-01-02T03:04:05.000Z");
    QTest::newRow("milliseconds") << QStringLiteral("2026-01-02T03:04:05.250Z") << QStringLiteral("UTC")
                                  << QStringLiteral("2026-01-02T03:04:05.250Z");
    // POSIX TZ strings need no tz database: "XST-3" is three hours east of UTC.
    QTest::newRow("local, no offset") << QStringLiteral("2026-01-02T06:04:05") << QStringLiteral("XST-3")
                                      << QStringLiteral("2026-01-02T03:04:05.000Z");
    QTest::newRow("local, minutes only, space")
        << QStringLiteral("2026-01-02 06:04") << QStringLiteral("XST-3") << QStringLiteral("2026-01-02T03:04:00.000Z");
}

void TstCli::logBackfillsWithAt()
{
    QFETCH(QString, at);
    QFETCH(QString, timeZone);
    QFETCH(QString, storedUtc);
    TempDatabase tmp;
    const QString path = tmp.path();
    const qint64 id = m_runner.databaseWithIncident(path);
    QVERIFY(id > 0);
    QProcessEnvironment env = baseEnvironment();
    env.insert(QStringLiteral("TZ"), timeZone);
    const CliRun run = cli({QStringLiteral("--db"), path, QStringLiteral("log"), QStringLiteral("--incident"),
                            QString::number(id), QStringLiteral("--at"), at, QStringLiteral("Backfilled")},
                           QByteArray(), env);
    CLI_OK(run);
    const qint64 entryId = run.out.trimmed().toLongLong();

    const QJsonArray entries = m_runner.timelineJson(path, id).value(QStringLiteral("entries")).toArray();
    QVERIFY(entries.size() == 2);
    // Oldest first: the backfill sorts before the declaration made just now.
    const QJsonObject first = entries.at(0).toObject();
    QCOMPARE(first.value(QStringLiteral("id")).toInteger(), entryId);
    QCOMPARE(first.value(QStringLiteral("occurred_at")).toString(), storedUtc);
    const QDateTime captured =
        QDateTime::fromString(first.value(QStringLiteral("captured_at")).toString(), Qt::ISODateWithMs);
    QVERIFY(qAbs(captured.secsTo(QDateTime::currentDateTimeUtc())) < 600); // captured now, not then

    // CSV says the same.
    const CliRun csv = cli({QStringLiteral("--db"), path, QStringLiteral("timeline"), QStringLiteral("--incident"),
                            QString::number(id), QStringLiteral("--format"), QStringLiteral("csv")});
    CLI_OK(csv);
    QVERIFY2(csv.outLines().value(1).startsWith(QStringLiteral("%1,%2,").arg(entryId).arg(storedUtc)),
             csv.out.constData());
}

void TstCli::logFromStdinLogsEachLine()
{
    TempDatabase tmp;
    const QString path = tmp.path();
    const qint64 id = m_runner.databaseWithIncident(path);
    QVERIFY(id > 0);
    const QByteArray input("first line\n\n   \nsecond, with \"quotes\"\r\n  third without newline");
    const CliRun run =
        cli({QStringLiteral("--db"), path, QStringLiteral("log"), QStringLiteral("--incident"), QString::number(id),
             QStringLiteral("--stdin"), QStringLiteral("--kind"), QStringLiteral("communication")},
            input);
    CLI_OK(run);
    const QStringList ids = run.outLines();
    QCOMPARE(ids.size(), 3);

    QHash<qint64, QString> texts;
    for (const QJsonValue &value : m_runner.timelineJson(path, id).value(QStringLiteral("entries")).toArray()) {
        const QJsonObject entry = value.toObject();
        texts.insert(entry.value(QStringLiteral("id")).toInteger(), entry.value(QStringLiteral("text")).toString());
        if (ids.contains(QString::number(entry.value(QStringLiteral("id")).toInteger())))
            QCOMPARE(entry.value(QStringLiteral("kind")).toString(), QStringLiteral("communication"));
    }
    QCOMPARE(texts.size(), 4);
    QCOMPARE(texts.value(ids.at(0).toLongLong()), QStringLiteral("first line"));
    QCOMPARE(texts.value(ids.at(1).toLongLong()), QStringLiteral("second, with \"quotes\""));
    QCOMPARE(texts.value(ids.at(2).toLongLong()), QStringLiteral("third without newline"));

    // Text both ways is a usage error; nothing is read or saved.
    const CliRun both = cli({QStringLiteral("--db"), path, QStringLiteral("log"), QStringLiteral("--incident"),
                             QString::number(id), QStringLiteral("--stdin"), QStringLiteral("extra")},
                            QByteArray("line\n"));
    CLI_FAILS(both, ExitUsage, "usage");
    QCOMPARE(m_runner.timelineJson(path, id).value(QStringLiteral("entries")).toArray().size(), 4);
}

void TstCli::authorDefaults_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("environmentAuthor");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("expected");
    QTest::newRow("--author wins") << QStringLiteral("ana") << QStringLiteral("env-author") << QStringLiteral("login")
                                   << QStringLiteral("ana");
    QTest::newRow("COMMANDPOST_AUTHOR") << QString() << QStringLiteral("env-author") << QStringLiteral("login")
                                        << QStringLiteral("env-author");
    QTest::newRow("login name") << QString() << QString() << QStringLiteral("login") << QStringLiteral("login");
    QTest::newRow("nothing: cli") << QString() << QString() << QString() << QStringLiteral("cli");
}

void TstCli::authorDefaults()
{
    QFETCH(QString, option);
    QFETCH(QString, environmentAuthor);
    QFETCH(QString, user);
    QFETCH(QString, expected);
    TempDatabase tmp;
    const QString path = tmp.path();
    const qint64 id = m_runner.databaseWithIncident(path);
    QVERIFY(id > 0);
    QProcessEnvironment env = baseEnvironment();
    env.remove(QStringLiteral("USER"));
    if (!environmentAuthor.isEmpty())
        env.insert(QStringLiteral("COMMANDPOST_AUTHOR"), environmentAuthor);
    if (!user.isEmpty())
        env.insert(QStringLiteral("USER"), user);
    QStringList arguments{QStringLiteral("--db"), path, QStringLiteral("log"), QStringLiteral("--incident"),
                          QString::number(id)};
    if (!option.isEmpty())
        arguments << QStringLiteral("--author") << option;
    arguments << QStringLiteral("Who wrote this?");
    const CliRun run = cli(arguments, QByteArray(), env);
    CLI_OK(run);
    const QJsonArray entries = m_runner.timelineJson(path, id).value(QStringLiteral("entries")).toArray();
    QCOMPARE(entries.last().toObject().value(QStringLiteral("author")).toString(), expected);
}

void TstCli::timelineCsvQuotesText()
{
    TempDatabase tmp;
    const QString path = tmp.path();
    const qint64 id = m_runner.databaseWithIncident(path);
    QVERIFY(id > 0);
    const CliRun logged = cli({QStringLiteral("--db"), path, QStringLiteral("log"), QStringLiteral("--incident"),
                               QString::number(id), QStringLiteral("Rolled back, \"v2\" deploy")});
    CLI_OK(logged);
    const CliRun csv = cli({QStringLiteral("--db"), path, QStringLiteral("timeline"), QStringLiteral("--incident"),
                            QString::number(id), QStringLiteral("--format"), QStringLiteral("csv")});
    CLI_OK(csv);
    const QStringList lines = csv.outLines();
    QCOMPARE(lines.size(), 3);
    // RFC 4180 records end in CRLF; outLines() splits at the LF.
    QCOMPARE(lines.at(0),
             QStringLiteral("id,occurred_at,captured_at,kind,author,key_event,retracted,revision,tags,text\r"));
    QVERIFY2(lines.at(2).startsWith(QString::fromUtf8(logged.out.trimmed()) + QLatin1Char(',')),
             qPrintable(lines.at(2)));
    QVERIFY2(lines.at(2).endsWith(QStringLiteral(",note,tester,0,0,0,,\"Rolled back, \"\"v2\"\" deploy\"\r")),
             qPrintable(lines.at(2)));
}

QTEST_GUILESS_MAIN(TstCli)
#include "tst_cli.moc"
