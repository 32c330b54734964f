// commandpost-cli's refusals, as a process: a usage error, a request the data refuses, a file it
// will not touch, a read-only or damaged or busy database, an output it cannot write. Each is one
// line on stderr and a non-zero exit, and the file is left as it was, byte for byte.

#include "clirunner.h"
#include "db/incidentstore.h"
#include "db/schema.h"
#include "fakeclock.h"
#include "tempdatabase.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QtEndian>

using namespace cp::test; // CliRun, TempDatabase, the exit codes

class TstCliRefusals : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void usageErrors_data();
    void usageErrors();
    void refusedRequests_data();
    void refusedRequests();
    void refusedFilesAreLeftUntouched_data();
    void refusedFilesAreLeftUntouched();

    void readOnlyFileRefusesWritesButReads();
    void checkPassesOnAGoodFileWithoutChangingIt();
    void checkFailsOnACorruptedFile();
    void busyDatabaseFailsWithTheBusyCodeAndSavesNothing();
    void unwritableOutputIsAnIoError();

private:
    CliRun cli(const QStringList &arguments, const QByteArray &input = QByteArray(),
               const QProcessEnvironment &environment = QProcessEnvironment()) const
    {
        return m_runner.run(arguments, input, environment);
    }
    QProcessEnvironment baseEnvironment() const { return m_runner.environment(); }
    qint64 databaseWithIncident(const QString &path, const QString &title = QStringLiteral("Checkout down")) const
    {
        return m_runner.databaseWithIncident(path, title);
    }
    QJsonObject timelineJson(const QString &path, qint64 incidentId) const
    {
        return m_runner.timelineJson(path, incidentId);
    }

    CliRunner m_runner; // its XDG_DATA_HOME for every run: the user's real default database is never touched
    QString m_cli;
};

void TstCliRefusals::initTestCase()
{
    m_cli = m_runner.executable();
    QVERIFY2(!m_cli.isEmpty(), "commandpost-cli was not built next to the tests");
    QVERIFY(m_runner.isValid());
}

void TstCliRefusals::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentions");
    const QString id = QStringLiteral("1");
    QTest::newRow("no command") << QStringList() << QStringLiteral("no command");
    QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << QStringLiteral("frobnicate");
    QTest::newRow("unknown global option")
        << QStringList{QStringLiteral("--bogus"), QStringLiteral("check")} << QStringLiteral("bogus");
    QTest::newRow("unknown command option")
        << QStringList{QStringLiteral("check"), QStringLiteral("--bogus")} << QStringLiteral("bogus");
    QTest::newRow("--db without value") << QStringList{QStringLiteral("--db")} << QStringLiteral("--db");
    QTest::newRow("bad busy timeout") << QStringList{QStringLiteral("--busy-timeout"), QStringLiteral("soon"),
                                                     QStringLiteral("check")}
                                      << QStringLiteral("soon");
    QTest::newRow("incident without subcommand") << QStringList{QStringLiteral("incident")} << QStringLiteral("new");
    QTest::newRow("unknown incident subcommand")
        << QStringList{QStringLiteral("incident"), QStringLiteral("drop")} << QStringLiteral("drop");
    QTest::newRow("new without title") << QStringList{QStringLiteral("incident"), QStringLiteral("new"),
                                                      QStringLiteral("--severity"), QStringLiteral("SEV-1")}
                                       << QStringLiteral("--title");
    QTest::newRow("bad severity") << QStringList{QStringLiteral("incident"),   QStringLiteral("new"),
                                                 QStringLiteral("--title"),    QStringLiteral("x"),
                                                 QStringLiteral("--severity"), QStringLiteral("SEV-9")}
                                  << QStringLiteral("SEV-9");
    QTest::newRow("bad kind") << QStringList{QStringLiteral("incident"),   QStringLiteral("new"),
                                             QStringLiteral("--title"),    QStringLiteral("x"),
                                             QStringLiteral("--severity"), QStringLiteral("SEV-1"),
                                             QStringLiteral("--kind"),     QStringLiteral("weather")}
                              << QStringLiteral("weather");
    QTest::newRow("bad format") << QStringList{QStringLiteral("incident"), QStringLiteral("list"),
                                               QStringLiteral("--format"), QStringLiteral("xml")}
                                << QStringLiteral("xml");
    QTest::newRow("show without id") << QStringList{QStringLiteral("incident"), QStringLiteral("show")}
                                     << QStringLiteral("ID");
    QTest::newRow("show bad id") << QStringList{QStringLiteral("incident"), QStringLiteral("show"),
                                                QStringLiteral("one")}
                                 << QStringLiteral("one");
    QTest::newRow("set nothing") << QStringList{QStringLiteral("incident"), QStringLiteral("set"), id}
                                 << QStringLiteral("nothing to change");
    QTest::newRow("set bad status") << QStringList{QStringLiteral("incident"), QStringLiteral("set"), id,
                                                   QStringLiteral("--status"), QStringLiteral("panicking")}
                                    << QStringLiteral("panicking");
    QTest::newRow("log without --incident")
        << QStringList{QStringLiteral("log"), QStringLiteral("hello")} << QStringLiteral("--incident");
    QTest::newRow("log without text") << QStringList{QStringLiteral("log"), QStringLiteral("--incident"), id}
                                      << QStringLiteral("text");
    QTest::newRow("log bad kind")
        << QStringList{QStringLiteral("log"),    QStringLiteral("--incident"), id,
                       QStringLiteral("--kind"), QStringLiteral("system"),     QStringLiteral("x")}
        << QStringLiteral("system");
    QTest::newRow("log bad --at")
        << QStringList{QStringLiteral("log"),  QStringLiteral("--incident"), id,
                       QStringLiteral("--at"), QStringLiteral("yesterday"),  QStringLiteral("x")}
        << QStringLiteral("yesterday");
    QTest::newRow("log tag with space")
        << QStringList{QStringLiteral("log"),   QStringLiteral("--incident"), id,
                       QStringLiteral("--tag"), QStringLiteral("two words"),  QStringLiteral("x")}
        << QStringLiteral("two words");
    QTest::newRow("timeline without --incident")
        << QStringList{QStringLiteral("timeline")} << QStringLiteral("--incident");
    QTest::newRow("timeline bad format") << QStringList{QStringLiteral("timeline"), QStringLiteral("--incident"), id,
                                                        QStringLiteral("--format"), QStringLiteral("pdf")}
                                         << QStringLiteral("pdf");
    QTest::newRow("init with argument") << QStringList{QStringLiteral("init"), QStringLiteral("now")}
                                        << QStringLiteral("now");
}

void TstCliRefusals::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);
    TempDatabase tmp;
    const QString path = tmp.path();
    const qint64 id = m_runner.databaseWithIncident(path);
    QVERIFY(id == 1);
    const QByteArray before = TempDatabase::fingerprint(path);
    const QStringList prefix =
        arguments.value(0) == QLatin1String("--db") ? QStringList() : QStringList{QStringLiteral("--db"), path};
    const CliRun run = cli(prefix + arguments);
    CLI_FAILS(run, ExitUsage, "usage");
    QVERIFY(run.out.isEmpty());
    QVERIFY2(QString::fromUtf8(run.err).contains(mentions), run.err.constData());
    QVERIFY2(run.err.contains("--help"), run.err.constData());
    QCOMPARE(TempDatabase::fingerprint(path), before);
}

void TstCliRefusals::refusedRequests_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("reason");
    const QString future = QDateTime::currentDateTimeUtc().addSecs(3600).toString(Qt::ISODate);
    QTest::newRow("empty text") << QStringList{QStringLiteral("log"), QStringLiteral("--incident"), QStringLiteral("1"),
                                               QStringLiteral("   ")}
                                << ExitDataError << QStringLiteral("invalid");
    QTest::newRow("future --at") << QStringList{QStringLiteral("log"),
                                                QStringLiteral("--incident"),
                                                QStringLiteral("1"),
                                                QStringLiteral("--at"),
                                                future,
                                                QStringLiteral("Not yet")}
                                 << ExitDataError << QStringLiteral("invalid");
    QTest::newRow("empty title") << QStringList{QStringLiteral("incident"),   QStringLiteral("new"),
                                                QStringLiteral("--title"),    QStringLiteral(" "),
                                                QStringLiteral("--severity"), QStringLiteral("SEV-1")}
                                 << ExitDataError << QStringLiteral("invalid");
    QTest::newRow("empty author") << QStringList{QStringLiteral("log"),
                                                 QStringLiteral("--incident"),
                                                 QStringLiteral("1"),
                                                 QStringLiteral("--author"),
                                                 QString(),
                                                 QStringLiteral("text")}
                                  << ExitDataError << QStringLiteral("invalid");
    QTest::newRow("log to unknown incident") << QStringList{QStringLiteral("log"), QStringLiteral("--incident"),
                                                            QStringLiteral("999"), QStringLiteral("hello")}
                                             << ExitNotFound << QStringLiteral("not-found");
    QTest::newRow("show unknown incident")
        << QStringList{QStringLiteral("incident"), QStringLiteral("show"), QStringLiteral("999")} << ExitNotFound
        << QStringLiteral("not-found");
    QTest::newRow("set unknown incident")
        << QStringList{QStringLiteral("incident"), QStringLiteral("set"), QStringLiteral("999"),
                       QStringLiteral("--severity"), QStringLiteral("SEV-1")}
        << ExitNotFound << QStringLiteral("not-found");
    QTest::newRow("timeline of unknown incident")
        << QStringList{QStringLiteral("timeline"), QStringLiteral("--incident"), QStringLiteral("999")} << ExitNotFound
        << QStringLiteral("not-found");
}

void TstCliRefusals::refusedRequests()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, reason);
    TempDatabase tmp;
    const QString path = tmp.path();
    QCOMPARE(m_runner.databaseWithIncident(path), 1);
    const QJsonObject before = m_runner.timelineJson(path, 1);
    const CliRun incidentsBefore =
        cli({QStringLiteral("--db"), path, QStringLiteral("incident"), QStringLiteral("list")});
    const CliRun run = cli(QStringList{QStringLiteral("--db"), path} + arguments);
    CLI_FAILS(run, exitCode, reason.toUtf8());
    QVERIFY(run.out.isEmpty());
    // Nothing was saved.
    QCOMPARE(m_runner.timelineJson(path, 1), before);
    QCOMPARE(cli({QStringLiteral("--db"), path, QStringLiteral("incident"), QStringLiteral("list")}).out,
             incidentsBefore.out);
}

void TstCliRefusals::refusedFilesAreLeftUntouched_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QStringList>("command");
    const QList<std::pair<QString, QString>> files{
        {QStringLiteral("text"), QStringLiteral("not-sqlite")},
        {QStringLiteral("empty"), QStringLiteral("empty-file")},
        {QStringLiteral("foreign-tables"), QStringLiteral("foreign")},
        {QStringLiteral("foreign-application-id"), QStringLiteral("foreign")},
        {QStringLiteral("too-new"), QStringLiteral("too-new")},
        {QStringLiteral("truncated"), QStringLiteral("truncated")},
        {QStringLiteral("directory"), QStringLiteral("is-directory")},
    };
    const QList<QStringList> commands{
        {QStringLiteral("init")},
        {QStringLiteral("incident"), QStringLiteral("new"), QStringLiteral("--title"), QStringLiteral("x"),
         QStringLiteral("--severity"), QStringLiteral("SEV-1")},
        {QStringLiteral("incident"), QStringLiteral("list")},
        {QStringLiteral("log"), QStringLiteral("--incident"), QStringLiteral("1"), QStringLiteral("hello")},
        {QStringLiteral("timeline"), QStringLiteral("--incident"), QStringLiteral("1")},
        {QStringLiteral("check")},
    };
    for (const auto &[file, reason] : files) {
        for (const QStringList &command : commands) {
            QTest::addRow("%s: %s", qPrintable(file), qPrintable(command.mid(0, 2).join(QLatin1Char(' '))))
                << file << reason << command;
        }
    }
}

void TstCliRefusals::refusedFilesAreLeftUntouched()
{
    QFETCH(QString, file);
    QFETCH(QString, reason);
    QFETCH(QStringList, command);
    TempDatabase tmp;
    const QString path = tmp.path(QStringLiteral("db.sqlite"));

    auto patchHeader = [](const QString &target, int offset, quint32 value) {
        QFile f(target);
        if (!f.open(QIODevice::ReadWrite) || !f.seek(offset))
            return false;
        char bytes[4];
        qToBigEndian(value, bytes);
        return f.write(bytes, 4) == 4;
    };
    if (file == QLatin1String("text")) {
        QVERIFY(tmp.writeBytes(path, QByteArray("Incident notes, not a database.\n").repeated(40)));
    } else if (file == QLatin1String("empty")) {
        QVERIFY(tmp.writeBytes(path, QByteArray()));
    } else if (file == QLatin1String("foreign-tables")) {
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("foreign"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE recipes (name TEXT, steps TEXT)")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO recipes VALUES ('bread', 'knead')")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
    } else if (file == QLatin1String("directory")) {
        QVERIFY(QDir().mkpath(path));
    } else {
        // A genuine CommandPost file, then altered from the outside.
        QCOMPARE(m_runner.databaseWithIncident(path), 1);
        QCOMPARE(tmp.files(), QStringList{QStringLiteral("db.sqlite")}); // checkpointed: no -wal left
        if (file == QLatin1String("foreign-application-id")) {
            QVERIFY(patchHeader(path, 68, 0x12345678));
        } else if (file == QLatin1String("too-new")) {
            QVERIFY(patchHeader(path, 60, 9999));
        } else if (file == QLatin1String("truncated")) {
            QFile f(path);
            QVERIFY(f.resize(f.size() - 1000));
        }
    }

    const QByteArray before = TempDatabase::fingerprint(path);
    const QStringList filesBefore = tmp.files();
    const CliRun run = cli(QStringList{QStringLiteral("--db"), path} + command);
    CLI_FAILS(run, ExitBadDatabase, reason.toUtf8());
    QVERIFY2(run.err.contains(QFile::encodeName(path)), run.err.constData()); // names the file
    QVERIFY(run.out.isEmpty());
    QCOMPARE(TempDatabase::fingerprint(path), before);
    QCOMPARE(tmp.files(), filesBefore); // no -wal, -shm or journal appeared
    if (file == QLatin1String("directory"))
        QVERIFY(QDir(path).isEmpty());
}

void TstCliRefusals::readOnlyFileRefusesWritesButReads()
{
    TempDatabase tmp;
    const QString path = tmp.path();
    const qint64 id = m_runner.databaseWithIncident(path);
    QVERIFY(id > 0);
    QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
    const QByteArray before = TempDatabase::fingerprint(path);
    const CliRun write = cli({QStringLiteral("--db"), path, QStringLiteral("log"), QStringLiteral("--incident"),
                              QString::number(id), QStringLiteral("hello")});
    CLI_FAILS(write, 73, "read-only");
    QVERIFY(write.out.isEmpty());
    const CliRun read = cli({QStringLiteral("--db"), path, QStringLiteral("incident"), QStringLiteral("list")});
    CLI_OK(read);
    QCOMPARE(read.outLines().size(), 1);
    QCOMPARE(TempDatabase::fingerprint(path), before);
    QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
}

void TstCliRefusals::checkPassesOnAGoodFileWithoutChangingIt()
{
    TempDatabase tmp;
    const QString path = tmp.path();
    const qint64 id = m_runner.databaseWithIncident(path);
    QVERIFY(id > 0);
    CLI_OK(cli({QStringLiteral("--db"), path, QStringLiteral("log"), QStringLiteral("--incident"), QString::number(id),
                QStringLiteral("--stdin")},
               QByteArray("one\ntwo\nthree\n")));
    const QByteArray before = TempDatabase::fingerprint(path);

    const CliRun run = cli({QStringLiteral("--db"), path, QStringLiteral("check")});
    CLI_OK(run);
    QCOMPARE(run.outLines(), (QStringList{QStringLiteral("database\t") + QFileInfo(path).absoluteFilePath(),
                                          QStringLiteral("schema\t%1").arg(cp::Schema::latestVersion()),
                                          QStringLiteral("application-id\tok"), QStringLiteral("incidents\t1"),
                                          QStringLiteral("entries\t4"), QStringLiteral("ok")}));
    QCOMPARE(TempDatabase::fingerprint(path), before);
}

void TstCliRefusals::checkFailsOnACorruptedFile()
{
    TempDatabase tmp;
    const QString path = tmp.path();
    // Many entries, so the file has many pages; written in-process for speed.
    {
        cp::test::FakeClock clock;
        cp::IncidentStore store(clock);
        QVERIFY(store.session().open(path).ok());
        cp::NewIncident incident;
        incident.title = QStringLiteral("Big");
        auto id = store.incidents().create(incident, QStringLiteral("ana"));
        QVERIFY(id.ok());
        QList<cp::NewEntry> entries;
        for (int i = 0; i < 3000; ++i) {
            cp::NewEntry entry;
            entry.incidentId = *id;
            entry.author = QStringLiteral("ana");
            entry.text = QStringLiteral("Entry %1: ").arg(i) + QString(80 + i % 50, QLatin1Char('x'));
            entries << entry;
        }
        QVERIFY(store.timeline().appendAll(entries).ok());
    }
    CLI_OK(cli({QStringLiteral("--db"), path, QStringLiteral("check")}));
    // Everything is in the main file (a read-only check may leave an empty -wal behind).
    QCOMPARE(QFileInfo(path + QStringLiteral("-wal")).size(), 0);

    // Damage a page in the middle of the file: its b-tree header and cell pointers.
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        const QByteArray header = f.read(100);
        const int pageSize = qFromBigEndian<quint16>(header.constData() + 16);
        const qint64 pages = f.size() / pageSize;
        QVERIFY2(pages > 20, qPrintable(QString::number(pages)));
        QVERIFY(f.seek((pages / 2) * pageSize + 3));
        QCOMPARE(f.write(QByteArray(200, char(0xA5))), 200);
    }
    const QByteArray before = TempDatabase::fingerprint(path);
    const CliRun run = cli({QStringLiteral("--db"), path, QStringLiteral("check")});
    CLI_FAILS(run, ExitBadDatabase, "corrupt");
    QVERIFY2(run.out.contains("problem\t"), run.out.constData());
    QVERIFY(!run.outLines().contains(QStringLiteral("ok")));
    QCOMPARE(TempDatabase::fingerprint(path), before);
}

void TstCliRefusals::busyDatabaseFailsWithTheBusyCodeAndSavesNothing()
{
    TempDatabase tmp;
    const QString path = tmp.path();
    const qint64 id = m_runner.databaseWithIncident(path);
    QVERIFY(id > 0);
    const QJsonObject before = m_runner.timelineJson(path, id);

    const QString connection = QStringLiteral("lock-holder");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery lock(db);
        QVERIFY(lock.exec(QStringLiteral("BEGIN IMMEDIATE")));

        const QList<QStringList> writes{
            {QStringLiteral("log"), QStringLiteral("--incident"), QString::number(id), QStringLiteral("blocked")},
            {QStringLiteral("incident"), QStringLiteral("new"), QStringLiteral("--title"), QStringLiteral("blocked"),
             QStringLiteral("--severity"), QStringLiteral("SEV-1")},
            {QStringLiteral("incident"), QStringLiteral("set"), QString::number(id), QStringLiteral("--status"),
             QStringLiteral("resolved")},
        };
        for (const QStringList &write : writes) {
            const CliRun run =
                cli(QStringList{QStringLiteral("--db"), path, QStringLiteral("--busy-timeout"), QStringLiteral("300")} +
                    write);
            CLI_FAILS(run, ExitBusy, "busy");
            QVERIFY(run.out.isEmpty());
            QVERIFY2(run.elapsedMs >= 250, qPrintable(QString::number(run.elapsedMs))); // it did wait
        }
        // Readers are not blocked by a writer.
        const CliRun reader = cli({QStringLiteral("--db"), path, QStringLiteral("incident"), QStringLiteral("list")});
        CLI_OK(reader);
        QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);

    QCOMPARE(m_runner.timelineJson(path, id), before);
    const CliRun list = cli({QStringLiteral("--db"), path, QStringLiteral("incident"), QStringLiteral("list")});
    CLI_OK(list);
    QCOMPARE(list.outLines().size(), 1);
    // Once the lock is gone the same write goes through.
    CLI_OK(
        cli({QStringLiteral("--db"), path, QStringLiteral("--busy-timeout"), QStringLiteral("300"),
             QStringLiteral("log"), QStringLiteral("--incident"), QString::number(id), QStringLiteral("unblocked")}));
}

void TstCliRefusals::unwritableOutputIsAnIoError()
{
    if (!QFileInfo::exists(QStringLiteral("/dev/full")))
        QSKIP("no /dev/full here");
    TempDatabase tmp;
    const QString path = tmp.path();
    QVERIFY(m_runner.databaseWithIncident(path) > 0);
    QProcess process;
    process.setProcessEnvironment(baseEnvironment());
    process.setStandardOutputFile(QStringLiteral("/dev/full"));
    process.start(m_cli, {QStringLiteral("--db"), path, QStringLiteral("incident"), QStringLiteral("list")});
    QVERIFY(process.waitForFinished(CliTimeoutMs));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), ExitIo);
    const QByteArray err = process.readAllStandardError();
    QVERIFY2(err.startsWith("commandpost-cli: io: ") && err.count('\n') == 1, err.constData());
}

QTEST_GUILESS_MAIN(TstCliRefusals)
#include "tst_clirefusals.moc"
